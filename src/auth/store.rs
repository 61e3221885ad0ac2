//! Database side of signing in: accounts, server-side sessions and the lockout counters.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};

use super::rules::{self};
use super::{CurrentUser, Role, UserKind, ViewMode};
use crate::db::schema::{user_roles, user_sessions, users};
use crate::db::statement::{Reuse, prepared};
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
    mut conn: &AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::update(user_sessions::table.find(token_hash(token)))
        .filter(user_sessions::ended_at.is_null())
        .set(user_sessions::ended_at.eq(now))
        .reused()
        .execute(&mut conn)
        .await?;
    Ok(())
}

/// A session and its user as `RESUME` reads them: one row, the roles in an array.
#[derive(QueryableByName)]
struct Resumed {
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    last_seen_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    claims_version: i64,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: UserId,
    #[diesel(sql_type = diesel::sql_types::Text)]
    email: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    display_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    kind: UserKind,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Uuid>)]
    partner_id: Option<PartnerId>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Uuid>)]
    customer_id: Option<CustomerId>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    language: Option<Lang>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    view_mode: ViewMode,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    disabled_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    password_must_change: bool,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
    roles: Vec<Role>,
}

/// Every page's first statement, so written out once rather than built by diesel on each
/// request (building a three-table select was a few percent of a page's time). The roles come
/// as an array, so the answer is one row, and the password's hash is not read.
const RESUME: &str = "
    SELECT s.created_at, s.last_seen_at, s.claims_version, u.id, u.email, u.display_name,
           u.kind, u.partner_id,
           u.customer_id, u.language, u.view_mode, u.disabled_at, u.password_must_change,
           ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id) AS roles
      FROM user_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.ended_at IS NULL";

/// The user behind a session token, if the session is still valid at `now`, with the version
/// of the account the session's cookie may say it is (`claims_version`). An idle, expired or
/// disabled user's session is ended here, so it cannot be revived. A shared connection, so a
/// page's own statements can be sent on it behind this one (pipelined).
pub async fn resume_session(
    conn: &AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(CurrentUser, i64)>, AppError> {
    let hash = token_hash(token);
    let Some(session) = session_row::<Resumed>(conn, RESUME, &hash).await? else {
        return Ok(None);
    };
    let state = rules::session_state(session.created_at, session.last_seen_at, now);
    if state != rules::SessionState::Active || session.disabled_at.is_some() {
        end_session(conn, token, now).await?;
        return Ok(None);
    }
    touch(conn, &hash, session.last_seen_at, now).await?;
    let user = CurrentUser {
        id: session.id,
        email: session.email,
        display_name: session.display_name,
        kind: session.kind,
        partner_id: session.partner_id,
        customer_id: session.customer_id,
        roles: sorted(session.roles),
        language: session.language,
        view_mode: session.view_mode,
        password_must_change: session.password_must_change,
    };
    Ok(Some((user, session.claims_version)))
}

/// The check of a request made on the cookie's claims: one row of the session's own, not its
/// account (see the migration `session_claims_version`).
const STILL: &str = "
    SELECT created_at, last_seen_at, claims_version FROM user_sessions
     WHERE token_hash = $1 AND ended_at IS NULL";

#[derive(QueryableByName)]
struct Stamp {
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    last_seen_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    claims_version: i64,
}

/// Whether the session is valid at `now` and its account still at `version`, the version its
/// claims were written at: then the claims are the account as the database has it, since any
/// change to an account or its roles moves the version of its live sessions in the same
/// transaction (and disabling a user is such a change). `false` for anything else (no such
/// session, ended, idle, expired, another version): `resume_session` then says what it is.
pub async fn still_as_claimed(
    conn: &AsyncPgConnection,
    token: &str,
    version: i64,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let hash = token_hash(token);
    let Some(stamp) = session_row::<Stamp>(conn, STILL, &hash).await? else {
        return Ok(false);
    };
    let state = rules::session_state(stamp.created_at, stamp.last_seen_at, now);
    if state != rules::SessionState::Active || stamp.claims_version != version {
        return Ok(false);
    }
    touch(conn, &hash, stamp.last_seen_at, now).await?;
    Ok(true)
}

/// The row `sql` reads of the live session whose token hashes to `hash` (bound as `$1`).
async fn session_row<T>(
    mut conn: &AsyncPgConnection,
    sql: &'static str,
    hash: &[u8],
) -> Result<Option<T>, AppError>
where
    T: QueryableByName<diesel::pg::Pg> + Send + 'static,
{
    Ok(prepared(sql)
        .bind::<diesel::sql_types::Bytea, _>(hash)
        .get_result(&mut conn)
        .await
        .optional()?)
}

/// Notes that the session was seen at `now`, at most once a `LAST_SEEN_GRANULARITY`.
async fn touch(
    mut conn: &AsyncPgConnection,
    hash: &[u8],
    last_seen_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if now - last_seen_at >= rules::LAST_SEEN_GRANULARITY {
        // Several requests of one session (tabs, a page's parallel loads) find it stale at
        // once. The condition makes all but the first a no-op once it commits: they wait for
        // its row lock but write nothing, instead of each writing and flushing in turn.
        diesel::update(user_sessions::table.find(hash))
            .filter(user_sessions::last_seen_at.le(now - rules::LAST_SEEN_GRANULARITY))
            .set(user_sessions::last_seen_at.eq(now))
            .reused()
            .execute(&mut conn)
            .await?;
    }
    Ok(())
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

pub async fn set_view_mode(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    mode: ViewMode,
) -> Result<(), AppError> {
    diesel::update(users::table.find(user_id))
        .set(users::view_mode.eq(mode))
        .reused()
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
        .reused()
        .execute(conn)
        .await?;
    Ok(())
}
