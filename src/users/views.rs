//! Page structs of user management and of choosing a password.

use askama::Template;

use super::members::Member;
use crate::account::Tabs;
use crate::auth::Role;
use crate::i18n::Lang;
use crate::ids::UserId;
use crate::web::PageContext;
use crate::web::forms::FieldErrors;

pub struct MemberView {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub disabled: bool,
}

impl MemberView {
    pub fn new(m: &Member, lang: Lang) -> MemberView {
        let roles: Vec<String> = m.roles.iter().map(|r| lang.t(&r.label_key())).collect();
        MemberView {
            id: m.id,
            name: m.name.clone(),
            email: m.email.clone(),
            roles: roles.join(", "),
            disabled: m.disabled,
        }
    }
}

#[derive(Template)]
#[template(path = "users/list.html")]
pub struct UsersPage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub members: Vec<MemberView>,
    pub keyset: crate::web::pagination::Keyset,
    pub search: crate::web::list_view::SearchBox,
    /// Sorted by name (else by e-mail address), and the addresses of either order.
    pub by_name: bool,
    pub by_name_href: String,
    pub by_email_href: String,
}

/// One role checkbox.
pub struct RoleBox {
    pub code: &'static str,
    pub label_key: String,
    pub checked: bool,
}

pub fn role_boxes(checked: &[&str]) -> Vec<RoleBox> {
    super::rules::partner_roles()
        .map(|r: Role| RoleBox {
            code: r.code(),
            label_key: r.label_key(),
            checked: checked.contains(&r.code()),
        })
        .collect()
}

/// The add-user form as typed.
#[derive(Default)]
pub struct NewUserForm {
    pub name: String,
    pub email: String,
    pub credential: String,
}

#[derive(Template)]
#[template(path = "users/new.html")]
pub struct NewUserPage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub form: NewUserForm,
    pub roles: Vec<RoleBox>,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "users/member.html")]
pub struct MemberPage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub member: MemberView,
    pub roles: Vec<RoleBox>,
    pub is_self: bool,
    /// Why the last change was refused.
    pub problem: Option<String>,
}

/// The step before disabling a user: who is signed out, and the button that does it.
#[derive(Template)]
#[template(path = "users/confirm_disable.html")]
pub struct ConfirmDisablePage {
    pub ctx: PageContext,
    pub member: MemberView,
    /// "Disable Gabriel Moreau (gabriel@…)?"
    pub question: String,
}

/// The sign-in details just made, shown this once.
#[derive(Template)]
#[template(path = "users/issued.html")]
pub struct IssuedPage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub member: MemberView,
    pub password: Option<String>,
    pub link: Option<String>,
    pub added: bool,
}

#[derive(Template)]
#[template(path = "users/password.html")]
pub struct PasswordPage {
    pub ctx: PageContext,
    /// Where the form posts.
    pub action: String,
    /// Whose password (the link's user, or the signed-in one).
    pub email: String,
    /// Ask for the current password: a voluntary change by a signed-in user.
    pub ask_current: bool,
    pub problem: Option<String>,
}

/// A set-password link that no longer works.
#[derive(Template)]
#[template(path = "users/link_spent.html")]
pub struct LinkSpentPage {
    pub ctx: PageContext,
}
