//! Database side of signing in: accounts, server-side sessions and the lockout counters.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};

use super::rules::{self, Throttle};
use super::{CurrentUser, Role, UserKind, ViewMode};
use crate::db::schema::{sign_in_throttle, user_roles, user_sessions, users};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{CustomerId, PartnerId, UserId};

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub kind: UserKind,
    pub partner_id: Option<PartnerId>,
    pub customer_id: Option<CustomerId>,
    pub language: Option<Lang>,
    pub view_mode: ViewMode,
    pub disabled_at: Option<DateTime<Utc>>,
    pub password_must_change: bool,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = user_sessions)]
struct SessionRow {
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
}

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

pub async fn user_by_email(
    conn: &mut AsyncPgConnection,
    email: &str,
) -> Result<Option<UserRow>, AppError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

async fn roles_of(conn: &mut AsyncPgConnection, user_id: UserId) -> Result<Vec<Role>, AppError> {
    let roles: Vec<Role> = user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .load(conn)
        .await?;
    Ok(sorted(roles))
}

fn sorted(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles
}

/// Starts a session and returns the token for the cookie (only its hash is stored).
pub async fn open_session(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let token = hex::encode(rand::random::<[u8; 32]>());
    diesel::insert_into(user_sessions::table)
        .values((
            user_sessions::token_hash.eq(token_hash(&token)),
            user_sessions::user_id.eq(user_id),
            user_sessions::created_at.eq(now),
            user_sessions::last_seen_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(token)
}

pub async fn end_session(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::update(user_sessions::table.find(token_hash(token)))
        .filter(user_sessions::ended_at.is_null())
        .set(user_sessions::ended_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// The user behind a session token, if the session is still valid at `now`. An idle, expired
/// or disabled user's session is ended here, so it cannot be revived.
pub async fn resume_session(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<CurrentUser>, AppError> {
    let hash = token_hash(token);
    // One row per role (or one with none), so the user and their roles come in one statement.
    let found: Vec<(SessionRow, UserRow, Option<Role>)> = user_sessions::table
        .inner_join(users::table.left_join(user_roles::table))
        .filter(user_sessions::token_hash.eq(&hash))
        .filter(user_sessions::ended_at.is_null())
        .select((
            SessionRow::as_select(),
            UserRow::as_select(),
            user_roles::role.nullable(),
        ))
        .load(conn)
        .await?;
    let mut rows = found.into_iter();
    let Some((session, user, first_role)) = rows.next() else {
        return Ok(None);
    };
    let roles = sorted(
        first_role
            .into_iter()
            .chain(rows.filter_map(|row| row.2))
            .collect(),
    );
    let state = rules::session_state(session.created_at, session.last_seen_at, now);
    if state != rules::SessionState::Active || user.disabled_at.is_some() {
        end_session(conn, token, now).await?;
        return Ok(None);
    }
    if now - session.last_seen_at >= rules::LAST_SEEN_GRANULARITY {
        diesel::update(user_sessions::table.find(&hash))
            .set(user_sessions::last_seen_at.eq(now))
            .execute(conn)
            .await?;
    }
    Ok(Some(current_user(user, roles)))
}

/// An account as the app sees it once signed in; for work done on a user's behalf outside a
/// request (demo data).
pub async fn load_user(
    conn: &mut AsyncPgConnection,
    email: &str,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(row) = user_by_email(conn, email).await? else {
        return Ok(None);
    };
    let roles = roles_of(conn, row.id).await?;
    Ok(Some(current_user(row, roles)))
}

fn current_user(row: UserRow, roles: Vec<Role>) -> CurrentUser {
    CurrentUser {
        id: row.id,
        email: row.email,
        display_name: row.display_name,
        kind: row.kind,
        partner_id: row.partner_id,
        customer_id: row.customer_id,
        roles,
        language: row.language,
        view_mode: row.view_mode,
        password_must_change: row.password_must_change,
    }
}

pub enum Attempt {
    /// The account is locked until then; the attempt was not counted.
    Refused(DateTime<Utc>),
    /// Counted as a failure in advance (cleared if the password is right); the record after it.
    Counted(Throttle),
}

/// How many expired records one attempt removes at most: enough to keep up with any rate of
/// attempts, and a small, bounded cost for each.
const EXPIRE_BATCH: i64 = 100;

/// Counts an attempt before its password is checked. The row is locked while it is read and
/// written, so parallel guesses from any number of processes are each counted, and the sixth
/// is refused even if all arrive at once. Each counted attempt also removes a few records that
/// have run their course (most are for addresses that have no account), so the table holds
/// only the last quarter hour's.
pub async fn count_attempt(
    conn: &mut AsyncPgConnection,
    email: &str,
    now: DateTime<Utc>,
) -> Result<Attempt, AppError> {
    let email = email.to_string();
    conn.transaction::<_, AppError, _>(async move |conn| {
        // Inserted, or locked when it exists: locked at once, a record cannot be removed (as
        // expired, or by a right password) between this statement and the next.
        diesel::insert_into(sign_in_throttle::table)
            .values((
                sign_in_throttle::email.eq(&email),
                sign_in_throttle::window_started_at.eq(now),
                sign_in_throttle::failures.eq(0),
            ))
            .on_conflict(sign_in_throttle::email)
            .do_update()
            .set(sign_in_throttle::failures.eq(sign_in_throttle::failures))
            .execute(conn)
            .await?;
        let current: (DateTime<Utc>, i32, Option<DateTime<Utc>>) = sign_in_throttle::table
            .find(&email)
            .select((
                sign_in_throttle::window_started_at,
                sign_in_throttle::failures,
                sign_in_throttle::locked_until,
            ))
            .for_update()
            .first(conn)
            .await?;
        let before = Throttle {
            window_started_at: current.0,
            failures: current.1,
            locked_until: current.2,
        };
        if let Some(until) = rules::locked_until(Some(&before), now) {
            return Ok(Attempt::Refused(until));
        }
        // A brand-new row has no failures yet: treat it like no record at all.
        let before = (before.failures > 0 || before.locked_until.is_some()).then_some(before);
        let next = rules::after_failure(before.as_ref(), now);
        diesel::update(sign_in_throttle::table.find(&email))
            .set((
                sign_in_throttle::window_started_at.eq(next.window_started_at),
                sign_in_throttle::failures.eq(next.failures),
                sign_in_throttle::locked_until.eq(next.locked_until),
            ))
            .execute(conn)
            .await?;
        expire(conn, now).await?;
        Ok(Attempt::Counted(next))
    })
    .await
}

/// Removes up to `EXPIRE_BATCH` records whose window and lock have both passed (see
/// `rules::expired`). Records another attempt holds are skipped, never waited for.
async fn expire(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<usize, AppError> {
    Ok(diesel::sql_query(
        "DELETE FROM sign_in_throttle WHERE email IN ( \
             SELECT email FROM sign_in_throttle \
             WHERE window_started_at <= $1 AND (locked_until IS NULL OR locked_until <= $2) \
             LIMIT $3 FOR UPDATE SKIP LOCKED)",
    )
    .bind::<Timestamptz, _>(rules::expiry_cutoff(now))
    .bind::<Timestamptz, _>(now)
    .bind::<BigInt, _>(EXPIRE_BATCH)
    .execute(conn)
    .await?)
}

pub async fn clear_failures(conn: &mut AsyncPgConnection, email: &str) -> Result<(), AppError> {
    diesel::delete(sign_in_throttle::table.find(email))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_view_mode(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    mode: ViewMode,
) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set(users::view_mode.eq(mode))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_language(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    lang: Lang,
) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set(users::language.eq(lang))
        .execute(conn)
        .await?;
    Ok(())
}
