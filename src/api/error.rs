//! The API's errors, as the original sends them: `{"code", "description", "data", "source"}`
//! with the original's codes where it has one, the description from the catalogs in the
//! caller's `Accept-Language` (English by default).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;

use crate::error::AppError;
use crate::i18n::Lang;

/// The original's error codes the API uses, and ours where it has none (the HTTP status).
pub mod code {
    pub const UNAUTHORIZED: u32 = 800001;
    pub const FORBIDDEN: u32 = 900150;
    pub const NOT_FOUND: u32 = 20000;
    pub const INVALID_CUSTOMER_ID: u32 = 900118;
    /// Past the product's cancellation window.
    pub const WINDOW_PASSED: u32 = 900117;
    /// The order (or line) cannot be cancelled.
    pub const NOT_CANCELLABLE: u32 = 800061;
    /// A line item number the order does not have.
    pub const LINE_OUT_OF_RANGE: u32 = 800071;
    pub const BAD_REQUEST: u32 = 400;
    pub const CONFLICT: u32 = 409;
    pub const TOO_MANY_REQUESTS: u32 = 429;
    pub const UNAVAILABLE: u32 = 503;
    pub const INTERNAL: u32 = 500;
}

/// The body of every API error.
#[derive(Serialize, Debug, utoipa::ToSchema)]
pub struct Envelope {
    pub code: u32,
    pub description: String,
    /// Always empty; kept for clients written against the original.
    pub data: Vec<String>,
    /// Always `CSPDesk`.
    pub source: &'static str,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: u32,
    description: String,
    retry_after: Option<u64>,
    /// A fault of ours, logged (with its causes) when the response is made.
    cause: Option<AppError>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.code,
            self.description
        )
    }
}

impl ApiError {
    /// An error with the catalog's message `key` (with `args`) in `lang`.
    pub fn new(
        status: StatusCode,
        code: u32,
        lang: Lang,
        key: &str,
        args: &[(&str, String)],
    ) -> ApiError {
        ApiError {
            status,
            code,
            description: lang.t_args(key, args),
            retry_after: None,
            cause: None,
        }
    }

    pub fn unauthorized(lang: Lang, key: &str) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, code::UNAUTHORIZED, lang, key, &[])
    }

    pub fn forbidden(lang: Lang) -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            code::FORBIDDEN,
            lang,
            "api-error-scope",
            &[],
        )
    }

    pub fn not_found(lang: Lang) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            code::NOT_FOUND,
            lang,
            "api-error-not-found",
            &[],
        )
    }

    /// 400 naming what is wrong with the request (a field, a parameter).
    pub fn bad_request(lang: Lang, key: &str, args: &[(&str, String)]) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code::BAD_REQUEST, lang, key, args)
    }

    /// An `AppError` from the code the API shares with the dashboard, as the API answers it.
    pub fn from_app(e: AppError, lang: Lang) -> ApiError {
        let status = e.status_code();
        let (code, key) = match &e {
            AppError::NotFound => (code::NOT_FOUND, "api-error-not-found"),
            AppError::Forbidden | AppError::Csrf => (code::FORBIDDEN, "api-error-scope"),
            AppError::Conflict => (code::CONFLICT, "api-error-conflict"),
            AppError::TooManyRequests(_) => (code::TOO_MANY_REQUESTS, "api-error-rate"),
            AppError::Unavailable(_) => (code::UNAVAILABLE, "api-error-unavailable"),
            AppError::BadRequest(_) => (code::BAD_REQUEST, "api-error-bad-request"),
            _ if status.is_client_error() => (code::BAD_REQUEST, "api-error-bad-request"),
            _ => (code::INTERNAL, "api-error-internal"),
        };
        let status = match status {
            // The dashboard's redirects (sign in, reload) have no meaning here.
            s if s.is_redirection() => StatusCode::INTERNAL_SERVER_ERROR,
            s => s,
        };
        let retry_after = match &e {
            AppError::TooManyRequests(s) => Some(*s),
            AppError::Unavailable(_) => Some(crate::error::RETRY_AFTER_SECONDS),
            _ => None,
        };
        let mut error = ApiError::new(status, code, lang, key, &[]);
        error.retry_after = retry_after;
        if status.is_server_error() {
            error.cause = Some(e);
        }
        error
    }

    pub fn too_many(lang: Lang, seconds: u64) -> ApiError {
        ApiError::from_app(AppError::TooManyRequests(seconds), lang)
    }
}

/// The language of the caller's `Accept-Language`, English without one.
pub fn lang_of(req: &HttpRequest) -> Lang {
    let accept = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    crate::i18n::negotiate(None, None, accept)
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        match &self.cause {
            Some(e @ AppError::Unavailable(_)) => log::warn!("{}", e.chain()),
            Some(e) => log::error!("{}", e.chain()),
            None => {}
        }
        let mut res = HttpResponse::build(self.status);
        if let Some(seconds) = self.retry_after {
            res.insert_header(("Retry-After", seconds.to_string()));
        }
        res.json(Envelope {
            code: self.code,
            description: self.description.clone(),
            data: Vec::new(),
            source: "CSPDesk",
        })
    }
}

/// The API's answer for an error status that no handler of the API made (actix refused the
/// request: no such route or method, a malformed or oversized body), keeping its headers.
pub fn envelope_for_status(
    req: &HttpRequest,
    status: StatusCode,
    headers: &actix_web::http::header::HeaderMap,
) -> HttpResponse {
    let lang = lang_of(req);
    let (code, key) = match status.as_u16() {
        404 | 405 => (code::NOT_FOUND, "api-error-route"),
        429 => (code::TOO_MANY_REQUESTS, "api-error-rate"),
        503 => (code::UNAVAILABLE, "api-error-unavailable"),
        s if s >= 500 => (code::INTERNAL, "api-error-internal"),
        _ => (code::BAD_REQUEST, "api-error-bad-request"),
    };
    let mut res = ApiError::new(status, code, lang, key, &[]).error_response();
    for (name, value) in headers {
        let content = name == actix_web::http::header::CONTENT_TYPE
            || name == actix_web::http::header::CONTENT_LENGTH;
        if !content {
            res.headers_mut().append(name.clone(), value.clone());
        }
    }
    res
}
