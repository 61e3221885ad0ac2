//! `MS-RequestId`: an API write sent again with the same id gets the first answer, not a
//! second order; with the same id and another body it is refused (409). The id is the
//! token's own (two programs' ids cannot collide). The claim on the id is written in the
//! same transaction as the write, so a write that fails leaves the id free to try again, and
//! a request that arrives while the first is still writing waits for it on the primary key.

use actix_web::HttpRequest;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::ApiError;
use crate::db::schema::api_requests;
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::TokenId;

pub const REQUEST_ID: &str = "MS-RequestId";

/// The request's `MS-RequestId`, if it sent one: letters, digits and dashes, at most 64 (a
/// GUID, as the original's clients send); anything else is a 400.
pub fn request_id(req: &HttpRequest, lang: Lang) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get(REQUEST_ID) else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or_default().trim();
    let fits = (1..=64).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !fits {
        return Err(ApiError::bad_request(lang, "api-error-request-id", &[]));
    }
    Ok(Some(text.to_string()))
}

/// A write's answer as it is kept for repeats.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: serde_json::Value,
}

/// What a claim on a request id found.
pub enum Claim {
    /// The id is new: this request does the write (and `keep`s its answer).
    Ours,
    /// The id was used with the same body: its answer.
    Answered(Answer),
    /// The id was used with another body.
    OtherBody,
}

/// One request's id: the token, the id, and the body's fingerprint.
pub struct Once<'a> {
    pub token: TokenId,
    pub id: &'a str,
    pub fingerprint: [u8; 32],
}

impl Once<'_> {
    /// Claims the id inside the caller's transaction. While another transaction holds it,
    /// this waits on the primary key and then finds its answer (or, if it rolled back, claims
    /// it).
    pub async fn claim(
        &self,
        conn: &mut AsyncPgConnection,
        now: DateTime<Utc>,
    ) -> Result<Claim, AppError> {
        let inserted = diesel::insert_into(api_requests::table)
            .values((
                api_requests::token_id.eq(self.token),
                api_requests::request_id.eq(self.id),
                api_requests::body_hash.eq(self.fingerprint.as_slice()),
                api_requests::status.eq(200_i16),
                api_requests::response.eq(serde_json::Value::Null),
                api_requests::created_at.eq(now),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        if inserted == 1 {
            return Ok(Claim::Ours);
        }
        let (hash, status, body): (Vec<u8>, i16, serde_json::Value) = api_requests::table
            .find((self.token, self.id))
            .select((
                api_requests::body_hash,
                api_requests::status,
                api_requests::response,
            ))
            .first(conn)
            .await?;
        if hash != self.fingerprint {
            return Ok(Claim::OtherBody);
        }
        let status = u16::try_from(status).unwrap_or(200);
        Ok(Claim::Answered(Answer { status, body }))
    }

    /// Keeps the answer of the write that claimed the id, in its transaction.
    pub async fn keep(
        &self,
        conn: &mut AsyncPgConnection,
        answer: &Answer,
    ) -> Result<(), AppError> {
        diesel::update(api_requests::table.find((self.token, self.id)))
            .set((
                api_requests::status.eq(i16::try_from(answer.status).unwrap_or(200)),
                api_requests::response.eq(&answer.body),
            ))
            .reused()
            .execute(conn)
            .await?;
        Ok(())
    }
}

/// The 409 of an id used with another body.
pub fn other_body(lang: Lang) -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::CONFLICT,
        super::error::code::CONFLICT,
        lang,
        "api-error-request-id-reused",
        &[],
    )
}
