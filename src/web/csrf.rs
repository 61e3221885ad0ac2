//! Every form carries a token tied to the session; every POST is refused (403) without it.
//! `CsrfForm<T>` is the only way handlers read a form, so no POST can skip the check.

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use crate::error::AppError;

pub const KEY: &str = "csrf";
/// Forms are small; anything larger is not one of ours.
const FORM_LIMIT: usize = 64 * 1024;

/// The session's token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(KEY) {
        return token;
    }
    let token = hex::encode(rand::random::<[u8; 32]>());
    let _ = session.insert(KEY, &token);
    token
}

/// A fresh token, after sign-in, so a token seen before sign-in is worthless after it.
pub fn rotate(session: &Session) {
    session.remove(KEY);
    token(session);
}

/// Whether `sent` is this session's form token (compared in constant time).
pub fn matches(session: &Session, sent: Option<&str>) -> bool {
    let Ok(Some(expected)) = session.get::<String>(KEY) else {
        return false;
    };
    let Some(sent) = sent else { return false };
    // Constant-time comparison: the token is a secret.
    expected.len() == sent.len()
        && expected
            .bytes()
            .zip(sent.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[derive(serde::Deserialize)]
struct TokenField {
    csrf_token: Option<String>,
}

/// A url-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let body = body.await.map_err(|_| AppError::form_too_large())?;
            if body.len() > FORM_LIMIT {
                return Err(AppError::form_too_large().into());
            }
            // PostgreSQL cannot store NUL in text; no form of ours ever sends one.
            if body.windows(3).any(|w| w == b"%00") || body.contains(&0) {
                return Err(AppError::malformed().into());
            }
            let field: TokenField =
                serde_urlencoded::from_bytes(&body).map_err(|_| AppError::Csrf)?;
            if !matches(&session, field.csrf_token.as_deref()) {
                return Err(AppError::Csrf.into());
            }
            let form = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::malformed())?;
            Ok(CsrfForm(form))
        })
    }
}
