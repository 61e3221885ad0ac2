//! Every error status leaves as a page in the user's language: our own `AppError`s, actix's
//! own (unknown route, malformed path segment, oversized body) and panics-turned-500s alike.

use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_TYPE, HeaderValue};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use askama::Template;

use super::context::PageContext;
use crate::auth::extract;

#[derive(Template)]
#[template(path = "errors/error.html")]
pub struct ErrorPage {
    pub ctx: PageContext,
    pub status: u16,
    pub title_key: String,
    pub message_key: String,
}

pub fn handlers() -> ErrorHandlers<BoxBody> {
    ErrorHandlers::new().default_handler(render_error)
}

fn render_error(res: ServiceResponse<BoxBody>) -> actix_web::Result<ErrorHandlerResponse<BoxBody>> {
    let status = res.status();
    // Pages we rendered ourselves (a form re-shown with its messages) and the API's error
    // bodies pass through untouched.
    let ours = res
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if ours || !(status.is_client_error() || status.is_server_error()) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    // The API answers in its own envelope, also where actix refused the request before any
    // handler ran (no such route, a malformed body).
    if crate::api::is_api_path(res.request().path()) {
        let (req, old) = res.into_parts();
        let new = crate::api::error::envelope_for_status(&req, status, old.headers());
        return Ok(ErrorHandlerResponse::Response(
            ServiceResponse::new(req, new).map_into_right_body(),
        ));
    }
    let (req, old) = res.into_parts();
    let user = extract::cached_user(&req);
    let code = known_status(status);
    // A refusal that says why (a malformed form, say) shows that instead of the generic text.
    let message_key = match old.extensions().get::<crate::error::PageMessage>() {
        Some(message) => message.0.to_string(),
        None => format!("error-{code}-message"),
    };
    let page = ErrorPage {
        ctx: PageContext::from_parts(&req, user),
        status: status.as_u16(),
        title_key: format!("error-{code}-title"),
        message_key,
    };
    let body = page.render().unwrap_or_else(|_| status.to_string());
    let mut new = actix_web::HttpResponse::with_body(status, body).map_into_boxed_body();
    for (name, value) in old.headers() {
        if name != CONTENT_TYPE && name != actix_web::http::header::CONTENT_LENGTH {
            new.headers_mut().append(name.clone(), value.clone());
        }
    }
    new.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body(),
    ))
}

/// Statuses with their own message in the catalog; others use the generic one.
fn known_status(status: StatusCode) -> u16 {
    match status.as_u16() {
        s @ (400 | 403 | 404 | 405 | 409 | 410 | 413 | 422 | 429 | 503) => s,
        s if s >= 500 => 500,
        _ => 400,
    }
}
