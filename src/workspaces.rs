//! Landing page of the Support workspace. Its content (support requests) arrives with that
//! feature; until then it shows its honest empty state.

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::{Need, perm};
use crate::error::AppError;
use crate::web::{PageContext, render};

#[derive(Template)]
#[template(path = "workspaces/landing.html")]
pub struct WorkspacePage {
    pub ctx: PageContext,
    pub title_key: &'static str,
    pub empty_key: &'static str,
}

pub async fn support(
    _need: Need<perm::SupportFile>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let ctx = ctx.crumb("nav-support", None);
    render(&WorkspacePage {
        ctx,
        title_key: "nav-support",
        empty_key: "support-empty",
    })
}
