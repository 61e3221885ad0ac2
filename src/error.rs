//! The one error type of request handling, and how each kind becomes a status code.
//! The page itself is rendered, in the user's language, by `web::error_pages`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// A POST whose CSRF token is missing or does not match the session.
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("conflict")]
    Conflict,
    #[error("gone")]
    Gone,
    /// An upload over its limit, refused as it arrives.
    #[error("payload too large")]
    TooLarge,
    /// Carries the page asked for, so sign-in can lead back to it.
    #[error("sign-in required")]
    SignInRequired(Option<String>),
    /// Signed in with a one-time password that has not been replaced yet.
    #[error("a new password is required")]
    PasswordChangeRequired,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("template error: {0}")]
    Template(#[from] askama::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(e: impl std::fmt::Display) -> AppError {
        AppError::Internal(e.to_string())
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for AppError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        AppError::Unavailable(e.to_string())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::Gone => StatusCode::GONE,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::SignInRequired(_) | AppError::PasswordChangeRequired => StatusCode::SEE_OTHER,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(diesel::result::Error::NotFound) => StatusCode::NOT_FOUND,
            AppError::Database(_) | AppError::Template(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// A bare response; the error-page middleware replaces the body with a localized page.
    /// The cause is logged once here, never shown to the user.
    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            log::error!("{self}");
        }
        if let AppError::SignInRequired(next) = self {
            let location = match next {
                Some(path) => format!(
                    "/signin?{}",
                    serde_urlencoded::to_string([("next", path)]).unwrap_or_default()
                ),
                None => "/signin".to_string(),
            };
            return HttpResponse::SeeOther()
                .insert_header(("Location", location))
                .finish();
        }
        if let AppError::PasswordChangeRequired = self {
            return HttpResponse::SeeOther()
                .insert_header(("Location", crate::auth::PASSWORD_PAGE))
                .finish();
        }
        HttpResponse::build(status)
            .content_type("text/plain; charset=utf-8")
            .body(status.canonical_reason().unwrap_or("error"))
    }
}

/// Errors that stop the program from starting: printed as one line, exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("configuration: {0}")]
    Config(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(String),
    #[error("{0}")]
    Other(String),
}

impl StartupError {
    pub fn io(path: &std::path::Path, source: std::io::Error) -> StartupError {
        StartupError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
