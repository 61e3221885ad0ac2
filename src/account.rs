//! Account settings (gear icon): "My profile" shows who you are, your roles and preferences;
//! the activity log and user management sit beside it for the roles that may open them.

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::{CurrentUser, Perm, SignedIn};
use crate::error::AppError;
use crate::web::{PageContext, render};

pub struct Tab {
    pub key: &'static str,
    pub href: &'static str,
    pub current: bool,
}

/// The sections of Account settings this user may open, with the current one marked.
pub struct Tabs(pub Vec<Tab>);

const SECTIONS: &[(&str, &str, Option<Perm>)] = &[
    ("profile-title", "/account", None),
    (
        "activity-title",
        "/account/activity",
        Some(Perm::ActivityLogRead),
    ),
    ("users-title", "/account/users", Some(Perm::UsersManage)),
    (
        "api-tokens-title",
        "/account/api-tokens",
        Some(Perm::ApiTokensManage),
    ),
];

impl Tabs {
    pub fn new(user: &CurrentUser, here: &str) -> Tabs {
        Tabs(
            SECTIONS
                .iter()
                .filter(|(_, _, perm)| perm.is_none_or(|p| user.can(p)))
                .map(|&(key, href, _)| Tab {
                    key,
                    href,
                    current: href == here,
                })
                .collect(),
        )
    }
}

#[derive(Template)]
#[template(path = "account/profile.html")]
pub struct ProfilePage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub role_keys: Vec<String>,
}

pub async fn profile(SignedIn(user): SignedIn, ctx: PageContext) -> Result<HttpResponse, AppError> {
    let role_keys = user.roles.iter().map(|r| r.label_key()).collect();
    let tabs = Tabs::new(&user, "/account");
    let ctx = ctx.crumb("nav-account", None);
    render(&ProfilePage {
        ctx,
        tabs,
        role_keys,
    })
}
