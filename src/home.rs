//! The home page: tiles of the user's workspaces ("Workspaces view"), or a short start page
//! beside the left-hand menu ("Current view").

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::attention::views::Overview;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::web::{AppState, PageContext, render};

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: PageContext,
    /// What needs attention today (partner staff).
    pub overview: Overview,
}

pub async fn home(
    state: web::Data<AppState>,
    viewer: Viewer,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let overview = crate::attention::handlers::overview(&state, &viewer, ctx.lang).await?;
    // No breadcrumb trail: every other page's trail starts here.
    render(&HomePage { ctx, overview })
}
