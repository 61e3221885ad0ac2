//! The home page: tiles of the user's workspaces ("Workspaces view"), or a short start page
//! beside the left-hand menu ("Current view").

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::SignedIn;
use crate::error::AppError;
use crate::web::{PageContext, render};

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub ctx: PageContext,
}

pub async fn home(_user: SignedIn, ctx: PageContext) -> Result<HttpResponse, AppError> {
    // No breadcrumb trail: every other page's trail starts here.
    render(&HomePage { ctx })
}
