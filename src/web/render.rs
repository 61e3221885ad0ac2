//! Turning page structs into responses. A template error is an `AppError` like any other.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::error::AppError;

pub fn render<T: Template>(page: &T) -> Result<HttpResponse, AppError> {
    render_status(StatusCode::OK, page)
}

pub fn render_status<T: Template>(status: StatusCode, page: &T) -> Result<HttpResponse, AppError> {
    let body = page.render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

/// The path as logged: the secret part of a download link or a set-password link (whoever holds
/// it gets the file, or the account) is left out.
pub fn loggable_path(path: &str) -> String {
    for secret in ["/dl/", "/set-password/"] {
        if let Some(rest) = path.strip_prefix(secret)
            && !rest.is_empty()
        {
            return format!("{secret}…");
        }
    }
    path.to_string()
}

/// Marks a page that holds a secret (a key, a password) so no cache keeps it.
pub fn no_store(mut res: HttpResponse) -> HttpResponse {
    use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
    res.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// 303 See Other: after a POST the browser fetches `to` with GET.
pub fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .finish()
}

/// `next` values come from forms and could point anywhere; only paths on this site are kept.
pub fn safe_next(next: Option<&str>) -> &str {
    // Browsers drop tabs and newlines inside URLs, so "/\t/evil" would become "//evil":
    // any control character or space disqualifies the value.
    let local = |n: &str| {
        n.starts_with('/')
            && !n.starts_with("//")
            && n.len() <= 2000
            && !n
                .chars()
                .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    };
    match next {
        Some(n) if local(n) => n,
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_tokens_are_not_logged() {
        assert_eq!(super::loggable_path("/dl/abc123"), "/dl/…");
        assert_eq!(super::loggable_path("/set-password/abc"), "/set-password/…");
        assert_eq!(super::loggable_path("/customers"), "/customers");
    }

    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_a_form() {
        assert_eq!(safe_next(Some("/customers?q=a")), "/customers?q=a");
        assert_eq!(safe_next(Some("//evil.example/")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/\n/evil.example")), "/");
        assert_eq!(safe_next(Some("/ /evil.example")), "/");
    }
}
