//! `CsrfMultipart`: a form that may carry files, with its CSRF token checked before any other
//! part of it is read. Browsers send such forms as multipart, with the token as the first part
//! (every form of ours puts it first); the same form without files may come url-encoded.
//! What follows the token is left for the handler to read as it arrives, so files can be
//! streamed to disk rather than held in memory.

use actix_multipart::Multipart;
use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;

use super::csrf;
use crate::error::AppError;

/// A url-encoded body (no files) is small; anything larger is not one of ours.
const PLAIN_LIMIT: usize = 64 * 1024;
/// A token is 64 hexadecimal characters; a first part longer than this is not a token.
const TOKEN_LIMIT: usize = 256;

/// The form after its token.
pub enum FormParts {
    /// The rest of a multipart body, part by part.
    Multipart(Multipart),
    /// A url-encoded body's fields, in order, without the token.
    Plain(Vec<(String, String)>),
}

/// A form whose CSRF token has been checked; 403 without a matching token.
pub struct CsrfMultipart(pub FormParts);

impl FromRequest for CsrfMultipart {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let is_multipart = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if is_multipart {
            let mut form = Multipart::new(req.headers(), payload.take());
            return Box::pin(async move {
                let token = first_part_token(&mut form).await?;
                if !csrf::matches(&session, token.as_deref()) {
                    return Err(AppError::Csrf.into());
                }
                Ok(CsrfMultipart(FormParts::Multipart(form)))
            });
        }
        let body = web::Payload::from_request(req, payload).into_inner();
        Box::pin(async move {
            let body = body?
                .to_bytes_limited(PLAIN_LIMIT)
                .await
                .map_err(|_| AppError::form_too_large())?
                .map_err(|_| AppError::malformed())?;
            let mut pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&body).map_err(|_| AppError::malformed())?;
            let at = pairs.iter().position(|(name, _)| name == "csrf_token");
            let token = at.map(|i| pairs.remove(i).1);
            if !csrf::matches(&session, token.as_deref()) {
                return Err(AppError::Csrf.into());
            }
            Ok(CsrfMultipart(FormParts::Plain(pairs)))
        })
    }
}

/// The first part's text if it is named `csrf_token`; `None` for any other first part.
async fn first_part_token(form: &mut Multipart) -> Result<Option<String>, AppError> {
    let Some(field) = form.next().await else {
        return Ok(None);
    };
    let mut field = field.map_err(|_| AppError::malformed())?;
    if field.name() != Some("csrf_token") {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| AppError::malformed())?;
        if bytes.len() + chunk.len() > TOKEN_LIMIT {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8(bytes).ok().map(|t| t.trim().to_string()))
}
