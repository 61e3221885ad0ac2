//! The one error type of request handling, and how each kind becomes a status code.
//! The page itself is rendered, in the user's language, by `web::error_pages`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

/// A cause kept with its own chain of sources, whatever its type.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

/// Why a request was refused as malformed (400). Each reason is a message in every catalog,
/// shown on the error page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadInput {
    /// A form or upload that no page of ours sends: a field missing or garbled.
    FormMalformed,
    /// A form body over its limit.
    FormTooLarge,
}

impl BadInput {
    pub const ALL: [BadInput; 2] = [BadInput::FormMalformed, BadInput::FormTooLarge];

    pub fn message_key(self) -> &'static str {
        match self {
            BadInput::FormMalformed => "form-malformed",
            BadInput::FormTooLarge => "form-too-large",
        }
    }
}

/// The message the error page shows instead of its status's generic one.
#[derive(Clone, Copy, Debug)]
pub struct PageMessage(pub &'static str);

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// A POST whose CSRF token is missing or does not match the session.
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("bad request: {0:?}")]
    BadRequest(BadInput),
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
    /// The session's claims about its user were out of date and have been renewed: the page
    /// (path and query) is asked for again, so it is built from the account as it is now.
    #[error("page to be asked for again")]
    Reload(String),
    /// Signed in with a one-time password that has not been replaced yet.
    #[error("a new password is required")]
    PasswordChangeRequired,
    /// The database cannot be reached or dropped the connection: try again shortly (503).
    #[error("database unavailable")]
    Unavailable(#[source] Cause),
    /// Too many requests from one client (429); the seconds until it may try again.
    #[error("too many requests")]
    TooManyRequests(u64),
    #[error("database error")]
    Database(#[source] diesel::result::Error),
    #[error("template error")]
    Template(#[from] askama::Error),
    #[error("internal error")]
    Internal(#[source] Cause),
}

impl AppError {
    /// An error that is ours, not the user's: its cause (an error, or a sentence) is kept and
    /// logged with its whole chain; the user sees the 500 page.
    pub fn internal(cause: impl Into<Cause>) -> AppError {
        AppError::Internal(cause.into())
    }

    pub fn malformed() -> AppError {
        AppError::BadRequest(BadInput::FormMalformed)
    }

    pub fn form_too_large() -> AppError {
        AppError::BadRequest(BadInput::FormTooLarge)
    }

    /// `self` and every source under it, as one log line.
    pub fn chain(&self) -> String {
        chain(self)
    }
}

/// An error and every source under it: "database error: duplicate key value ...".
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Seconds a client is asked to wait before trying again when the database is unavailable.
pub const RETRY_AFTER_SECONDS: u64 = 5;

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        if connection_lost(&e) {
            AppError::Unavailable(Box::new(e))
        } else {
            AppError::Database(e)
        }
    }
}

/// Server messages of the errors that end a session from the server side (SQLSTATE class 57P:
/// administrator command, crash of another backend, server shutting down or starting).
/// diesel keeps the message but not the SQLSTATE of an error it has no kind for.
/// The server must speak English (`lc_messages` C or English; see the README).
const SESSION_ENDED: [&str; 7] = [
    "terminating connection due to administrator command",
    "terminating connection due to idle-session timeout",
    "terminating connection due to idle-in-transaction timeout",
    "terminating connection because of crash of another server process",
    "terminating connection due to unexpected postmaster exit",
    "the database system is shutting down",
    "the database system is starting up",
];

/// Whether `e` means the connection to PostgreSQL is gone (or was refused), rather than that
/// the statement was wrong: the request may succeed if tried again.
pub fn connection_lost(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match e {
        Error::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _,
        ) => true,
        Error::DatabaseError(DatabaseErrorKind::Unknown, info) => {
            SESSION_ENDED.iter().any(|m| info.message().starts_with(m))
        }
        Error::BrokenTransactionManager => true,
        _ => false,
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for AppError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        AppError::Unavailable(Box::new(e))
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
            AppError::SignInRequired(_)
            | AppError::PasswordChangeRequired
            | AppError::Reload(_) => StatusCode::SEE_OTHER,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
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
        match self {
            // Expected while the database restarts: one line, not an alarm per request.
            AppError::Unavailable(_) => log::warn!("{}", self.chain()),
            _ if status.is_server_error() => log::error!("{}", self.chain()),
            _ => {}
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
        if let AppError::Reload(page) = self {
            return HttpResponse::SeeOther()
                .insert_header(("Location", page.as_str()))
                .finish();
        }
        if let AppError::PasswordChangeRequired = self {
            return HttpResponse::SeeOther()
                .insert_header(("Location", crate::auth::PASSWORD_PAGE))
                .finish();
        }
        let mut res = HttpResponse::build(status);
        match self {
            AppError::Unavailable(_) => {
                res.insert_header(("Retry-After", RETRY_AFTER_SECONDS.to_string()));
            }
            AppError::TooManyRequests(seconds) => {
                res.insert_header(("Retry-After", seconds.to_string()));
            }
            AppError::BadRequest(reason) => {
                res.extensions_mut()
                    .insert(PageMessage(reason.message_key()));
            }
            _ => {}
        }
        res.content_type("text/plain; charset=utf-8")
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

#[cfg(test)]
mod tests;
