//! Sign-in secrets: making one-time passwords and set-password links, and a user choosing
//! their own password (by link, or after signing in with a one-time password).

use actix_web::web;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use super::rules::{self, Credential};
use super::store::Secret;
use crate::activity::{self, Entry, Operation};
use crate::auth::{password, store::token_hash};
use crate::db::schema::{password_links, users};
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::ids::{PartnerId, UserId};

/// What the admin is shown once: the password itself, or the link's token.
pub enum Shown {
    Password(String),
    Link(String),
}

/// A new secret of the chosen kind: what to store, and what to show (once).
pub async fn make(credential: Credential) -> Result<(Secret, Shown), AppError> {
    match credential {
        Credential::OneTimePassword => {
            let plain = rules::one_time_password(rand::random());
            let hash = hash_off_thread(plain.clone()).await?;
            Ok((Secret::Password(hash), Shown::Password(plain)))
        }
        Credential::Link => {
            let token = hex::encode(rand::random::<[u8; 32]>());
            let locked = hash_off_thread(hex::encode(rand::random::<[u8; 32]>())).await?;
            let secret = Secret::Link {
                token_hash: token_hash(&token),
                locked,
            };
            Ok((secret, Shown::Link(token)))
        }
    }
}

/// Hashing is deliberately slow: keep it off the request threads.
pub async fn hash_off_thread(plain: String) -> Result<String, AppError> {
    web::block(move || password::hash(&plain))
        .await
        .map_err(AppError::internal)?
}

/// A link as found: usable (whose it is), or no longer (used, expired, or its user disabled).
pub enum LinkState {
    Usable { email: String },
    Spent,
}

/// Tokens are 64 hex characters; anything else is not one of ours.
fn plausible(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A link's expiry and use, its user's e-mail and whether that user is disabled.
type LinkRow = (
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    String,
    Option<DateTime<Utc>>,
);

pub async fn link(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<LinkState>, AppError> {
    if !plausible(token) {
        return Ok(None);
    }
    let found: Option<LinkRow> = password_links::table
        .inner_join(users::table.on(users::id.eq(password_links::user_id)))
        .filter(password_links::token_hash.eq(token_hash(token)))
        .select((
            password_links::expires_at,
            password_links::used_at,
            users::email,
            users::disabled_at,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(found.map(|(expires, used, email, disabled)| {
        if used.is_none() && disabled.is_none() && now < expires {
            LinkState::Usable { email }
        } else {
            LinkState::Spent
        }
    }))
}

/// Sets the password a link was made for, once: the link row is locked and checked again, so
/// two submits of the same link set one password.
pub async fn use_link(
    conn: &mut AsyncPgConnection,
    token: &str,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    if !plausible(token) {
        return Ok(false);
    }
    let th = token_hash(token);
    conn.transaction::<_, AppError, _>(async |conn| {
        let found: Option<(UserId, DateTime<Utc>, Option<DateTime<Utc>>)> = password_links::table
            .find(&th)
            .select((
                password_links::user_id,
                password_links::expires_at,
                password_links::used_at,
            ))
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let Some((user_id, expires, None)) = found else {
            return Ok(false);
        };
        if now >= expires || !set(conn, user_id, hash, None, now).await? {
            return Ok(false);
        }
        diesel::update(password_links::table.find(&th))
            .set(password_links::used_at.eq(now))
            .reused()
            .execute(conn)
            .await?;
        Ok(true)
    })
    .await
}

/// Replaces a user's password and lifts the one-time password's restriction; every other
/// session of the user ends (`keep` is the caller's own, when signed in) and unused links stop
/// working. Recorded. `false` when the user is disabled (nothing is changed).
pub async fn set(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    hash: &str,
    keep: Option<&[u8]>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let updated: Option<(String, Option<PartnerId>)> = diesel::update(users::table.find(user_id))
        .filter(users::disabled_at.is_null())
        .set((
            users::password_hash.eq(hash),
            users::password_must_change.eq(false),
        ))
        .returning((users::email, users::partner_id))
        .reused()
        .get_result(conn)
        .await
        .optional()?;
    let Some((email, partner_id)) = updated else {
        return Ok(false);
    };
    super::store::close_doors(conn, user_id, keep, now).await?;
    let entry = Entry {
        partner_id,
        at: now,
        actor_user_id: Some(user_id),
        actor: &email,
        operation: Operation::PasswordSet,
        customer_id: None,
        order_id: None,
        product_id: None,
        details: json!({ "target": email }),
    };
    activity::record(conn, entry).await?;
    Ok(true)
}
