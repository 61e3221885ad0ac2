//! The partner's users in the database. Every change runs in one transaction that first locks
//! the partner's row, so two admins changing users at once are applied one after the other and
//! the last-Global-admin check sees the other's change (the database checks it again at
//! commit: see the migration's `partner_keeps_a_global_admin`). Every change is recorded.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;

use super::rules::LINK_HOURS;
use crate::activity::{self, Entry, Operation};
use crate::auth::UserKind;
use crate::auth::{CurrentUser, PartnerScope, Role};
use crate::db::schema::{partners, password_links, user_roles, user_sessions, users};
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::ids::UserId;

/// Why a change was not made; each is a message for the admin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    EmailTaken,
    LastGlobalAdmin,
    Yourself,
}

impl Refusal {
    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::EmailTaken => "users-error-email-taken",
            Refusal::LastGlobalAdmin => "users-error-last-global-admin",
            Refusal::Yourself => "users-error-yourself",
        }
    }
}

/// The sign-in secret handed out, already hashed (hashing is slow: done before the
/// transaction, off the request threads).
pub enum Secret {
    /// The hash of a one-time password.
    Password(String),
    /// A link token's hash, and the hash of a random password nobody knows, for a new account
    /// that cannot sign in until the link is used.
    Link { token_hash: Vec<u8>, locked: String },
}

/// Who is making the change, for whom, and when.
pub struct Admin<'a> {
    pub scope: PartnerScope,
    pub user: &'a CurrentUser,
    pub now: DateTime<Utc>,
}

/// Locks the partner's row, then checks the admin again: a change made meanwhile by another
/// admin (disabling this one, or taking the role) is seen here, and this one is refused.
pub(super) async fn lock_partner(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
) -> Result<(), AppError> {
    partners::table
        .find(admin.scope.partner_id())
        .select(partners::id)
        .for_update()
        .first::<UserId>(conn)
        .await?;
    let still: i64 = users::table
        .inner_join(user_roles::table)
        .filter(users::id.eq(admin.user.id))
        .filter(users::disabled_at.is_null())
        .filter(user_roles::role.eq(Role::GlobalAdmin))
        .count()
        .get_result(conn)
        .await?;
    if still == 0 {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Ends a user's sessions (but `keep`, the caller's own) and withdraws their unused
/// set-password links: after new sign-in details, a new password or disabling, whatever was
/// open before gives no way in.
pub async fn close_doors(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    keep: Option<&[u8]>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The account first, then its sessions: the order every change to an account takes (its
    // UPDATE, whose trigger then moves its sessions' version). Sessions first could deadlock
    // with a change the user makes to their own account at the same moment.
    users::table
        .find(user_id)
        .select(users::id)
        .for_no_key_update()
        .first::<UserId>(conn)
        .await
        .optional()?;
    let mut sessions = diesel::update(user_sessions::table)
        .filter(user_sessions::user_id.eq(user_id))
        .filter(user_sessions::ended_at.is_null())
        .into_boxed();
    if let Some(keep) = keep {
        sessions = sessions.filter(user_sessions::token_hash.ne(keep));
    }
    sessions
        .set(user_sessions::ended_at.eq(now))
        .reused()
        .execute(conn)
        .await?;
    diesel::update(password_links::table)
        .filter(password_links::user_id.eq(user_id))
        .filter(password_links::used_at.is_null())
        .set(password_links::used_at.eq(now))
        .reused()
        .execute(conn)
        .await?;
    Ok(())
}

/// Enabled Global admins of the partner other than `except`.
pub(super) async fn other_global_admins(
    conn: &mut AsyncPgConnection,
    scope: PartnerScope,
    except: UserId,
) -> Result<i64, AppError> {
    Ok(users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(scope.partner_id()))
        .filter(users::kind.eq(UserKind::Partner))
        .filter(users::disabled_at.is_null())
        .filter(users::id.ne(except))
        .filter(user_roles::role.eq(Role::GlobalAdmin))
        .count()
        .get_result(conn)
        .await?)
}

pub(super) async fn record(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
    operation: Operation,
    details: Value,
) -> Result<(), AppError> {
    let entry = Entry {
        partner_id: Some(admin.scope.partner_id()),
        at: admin.now,
        actor_user_id: Some(admin.user.id),
        actor: &admin.user.email,
        operation,
        customer_id: None,
        order_id: None,
        product_id: None,
        details,
    };
    activity::record(conn, entry).await?;
    Ok(())
}

pub(super) fn codes(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|r| r.code()).collect()
}

pub(super) async fn write_secret(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
    user_id: UserId,
    secret: &Secret,
) -> Result<(), AppError> {
    match secret {
        Secret::Password(hash) => {
            diesel::update(users::table.find(user_id))
                .set((
                    users::password_hash.eq(hash),
                    users::password_must_change.eq(true),
                ))
                .reused()
                .execute(conn)
                .await?;
        }
        Secret::Link { token_hash, .. } => {
            diesel::insert_into(password_links::table)
                .values((
                    password_links::token_hash.eq(token_hash),
                    password_links::user_id.eq(user_id),
                    password_links::created_by.eq(admin.user.id),
                    password_links::created_at.eq(admin.now),
                    password_links::expires_at.eq(admin.now + Duration::hours(LINK_HOURS)),
                ))
                .execute(conn)
                .await?;
        }
    }
    Ok(())
}
