//! Account settings › User management, for the partner's Global admins (R-40 roles table):
//! list, add, change roles, disable and re-enable, hand out new sign-in details.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::ids::UserId;
use crate::web::routes::Route;

use super::changes;
use super::listing::{self, UsersQuery, UsersView};
use super::members::{self, Member};
use super::passwords::{self, Shown};
use super::rules::{self, Credential};
use super::store::Admin;
use super::views::{IssuedPage, MemberView, NewUserForm, NewUserPage, UsersPage, role_boxes};
use crate::account::Tabs;
use crate::auth::{Need, perm};
use crate::error::AppError;
use crate::web::forms::FieldErrors;
use crate::web::pagination::{Keyset, cut_page};
use crate::web::render::no_store;
use crate::web::{AppState, CsrfForm, PageContext, render, render_status};

pub(super) type Fields = Vec<(String, String)>;

pub(super) const HREF: &str = "/account/users";

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/account/users", needs UsersManage => list),
    crate::route!(POST "/account/users", needs UsersManage => create),
    crate::route!(GET "/account/users/new", needs UsersManage => new_form),
    crate::route!(GET "/account/users/{user}", needs UsersManage => super::member_pages::show),
    crate::route!(POST "/account/users/{user}/roles", needs UsersManage => super::member_pages::set_roles),
    crate::route!(POST "/account/users/{user}/disable", needs UsersManage => super::member_pages::disable),
    crate::route!(POST "/account/users/{user}/enable", needs UsersManage => super::member_pages::enable),
    crate::route!(POST "/account/users/{user}/credentials", needs UsersManage => super::member_pages::credentials),
];

/// The first value of a form field (empty when absent).
pub(super) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// Every value of a repeated field (the role checkboxes).
pub(super) fn all<'a>(fields: &'a Fields, name: &str) -> Vec<&'a str> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

pub(super) fn user_id(text: &str) -> Result<UserId, AppError> {
    UserId::parse(text).ok_or(AppError::NotFound)
}

pub(super) fn admin<'a>(
    need: &'a Need<perm::UsersManage>,
    state: &AppState,
) -> Result<Admin<'a>, AppError> {
    Ok(Admin {
        scope: need.partner()?,
        user: &need.user,
        now: state.clock.now(),
    })
}

pub(super) fn crumbs(ctx: PageContext) -> PageContext {
    ctx.crumb("nav-account", Some("/account"))
        .crumb("users-title", Some(HREF))
}

pub async fn list(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, AppError> {
    let view = UsersView::from_query(&query);
    let conn = state.pool.get().await?;
    let mut members = listing::page(&conn, need.partner()?, &view, listing::PER_PAGE + 1).await?;
    drop(conn);
    let later = cut_page(&mut members, listing::PER_PAGE, |m| view.after(m));
    let lang = ctx.lang;
    let total = match view.q.is_empty() {
        true => String::new(),
        false => lang.t_args("users-search-found", &[("q", view.q.clone())]),
    };
    let base = view.href(view.by_name);
    render(&UsersPage {
        tabs: Tabs::new(&need.user, HREF),
        members: members.iter().map(|m| MemberView::new(m, lang)).collect(),
        keyset: Keyset::new(total, &base, view.after.is_some(), later),
        search: view.search_box(lang),
        by_name: view.by_name,
        by_name_href: view.href(true),
        by_email_href: view.href(false),
        ctx: ctx
            .crumb("nav-account", Some("/account"))
            .crumb("users-title", None),
    })
}

pub async fn new_form(
    need: Need<perm::UsersManage>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    render(&NewUserPage {
        tabs: Tabs::new(&need.user, HREF),
        form: NewUserForm {
            credential: Credential::Link.code().into(),
            ..NewUserForm::default()
        },
        roles: role_boxes(&[]),
        errors: FieldErrors::default(),
        ctx: crumbs(ctx).crumb("users-add", None),
    })
}

pub async fn create(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<HttpResponse, AppError> {
    let codes = all(&fields, "roles");
    let refuse = |ctx: PageContext, errors: FieldErrors| {
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &NewUserPage {
                tabs: Tabs::new(&need.user, HREF),
                form: NewUserForm {
                    name: field(&fields, "name").into(),
                    email: field(&fields, "email").into(),
                    credential: field(&fields, "credential").into(),
                },
                roles: role_boxes(&codes),
                errors,
                ctx: crumbs(ctx).crumb("users-add", None),
            },
        )
    };
    let new = match rules::new_user(
        field(&fields, "name"),
        field(&fields, "email"),
        &codes,
        field(&fields, "credential"),
    ) {
        Ok(new) => new,
        Err(errors) => return refuse(ctx, errors),
    };
    let (secret, shown) = passwords::make(new.credential).await?;
    let admin = admin(&need, &state)?;
    let mut conn = state.pool.get().await?;
    let id = match changes::add(&mut conn, &admin, &new, &secret).await? {
        Ok(id) => id,
        Err(refusal) => {
            let mut errors = FieldErrors::default();
            errors.add("email", refusal.message_key());
            return refuse(ctx, errors);
        }
    };
    let member = members::member(&mut conn, admin.scope, id).await?;
    issued(&state, &need, ctx, &member, shown, true)
}

/// The sign-in details, shown this once and never stored in the clear.
pub(super) fn issued(
    state: &AppState,
    need: &Need<perm::UsersManage>,
    ctx: PageContext,
    member: &Member,
    shown: Shown,
    added: bool,
) -> Result<HttpResponse, AppError> {
    let (password, link) = match shown {
        Shown::Password(p) => (Some(p), None),
        Shown::Link(token) => {
            let url = state
                .settings
                .public_url
                .join(&format!("/set-password/{token}"))
                .map_err(AppError::internal)?;
            (None, Some(url.to_string()))
        }
    };
    let page = IssuedPage {
        tabs: Tabs::new(&need.user, HREF),
        member: MemberView::new(member, ctx.lang),
        password,
        link,
        added,
        ctx: crumbs(ctx).crumb_text(&member.name, None),
    };
    Ok(no_store(render(&page)?))
}
