//! Account settings (gear icon): "My profile" shows who you are, your roles and preferences.

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::SignedIn;
use crate::error::AppError;
use crate::web::{PageContext, render};

#[derive(Template)]
#[template(path = "account/profile.html")]
pub struct ProfilePage {
    pub ctx: PageContext,
    pub role_keys: Vec<String>,
}

pub async fn profile(SignedIn(user): SignedIn, ctx: PageContext) -> Result<HttpResponse, AppError> {
    let role_keys = user.roles.iter().map(|r| r.label_key()).collect();
    let ctx = ctx.crumb("nav-account", None);
    render(&ProfilePage { ctx, role_keys })
}
