//! The partner's users in the database. Every change runs in one transaction that first locks
//! the partner's row, so two admins changing users at once are applied one after the other and
//! the last-Global-admin check sees the other's change (the database checks it again at
//! commit: see the migration's `partner_keeps_a_global_admin`). Every change is recorded.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::{Value, json};

use super::rules::{self, LINK_HOURS, NewUser};
use crate::activity::{self, Entry, Operation};
use crate::auth::UserKind;
use crate::auth::{CurrentUser, PartnerScope, Role};
use crate::db::schema::{partners, password_links, user_roles, user_sessions, users};
use crate::error::AppError;
use crate::ids::UserId;

pub struct Member {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
}

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

type Row = (UserId, String, String, Option<DateTime<Utc>>, Option<Role>);

fn members_from(rows: Vec<Row>) -> Vec<Member> {
    let mut out: Vec<Member> = Vec::new();
    for (id, email, name, disabled_at, role) in rows {
        if out.last().is_none_or(|m| m.id != id) {
            out.push(Member {
                id,
                email,
                name,
                roles: Vec::new(),
                disabled: disabled_at.is_some(),
            });
        }
        if let (Some(m), Some(role)) = (out.last_mut(), role) {
            m.roles.push(role);
        }
    }
    for m in &mut out {
        m.roles.sort();
    }
    out
}

/// The partner's staff (not its customers' users), by e-mail, with their roles; or one of them.
pub async fn members(
    conn: &mut AsyncPgConnection,
    scope: PartnerScope,
    only: Option<UserId>,
) -> Result<Vec<Member>, AppError> {
    let mut query = users::table
        .left_join(user_roles::table)
        .filter(users::partner_id.eq(scope.partner_id()))
        .filter(users::kind.eq(UserKind::Partner))
        .order((users::email, users::id))
        .select((
            users::id,
            users::email,
            users::display_name,
            users::disabled_at,
            user_roles::role.nullable(),
        ))
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(users::id.eq(id));
    }
    Ok(members_from(query.load(conn).await?))
}

pub async fn member(
    conn: &mut AsyncPgConnection,
    scope: PartnerScope,
    id: UserId,
) -> Result<Member, AppError> {
    members(conn, scope, Some(id))
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)
}

/// Locks the partner's row, then checks the admin again: a change made meanwhile by another
/// admin (disabling this one, or taking the role) is seen here, and this one is refused.
async fn lock_partner(conn: &mut AsyncPgConnection, admin: &Admin<'_>) -> Result<(), AppError> {
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
    let mut sessions = diesel::update(user_sessions::table)
        .filter(user_sessions::user_id.eq(user_id))
        .filter(user_sessions::ended_at.is_null())
        .into_boxed();
    if let Some(keep) = keep {
        sessions = sessions.filter(user_sessions::token_hash.ne(keep));
    }
    sessions
        .set(user_sessions::ended_at.eq(now))
        .execute(conn)
        .await?;
    diesel::update(password_links::table)
        .filter(password_links::user_id.eq(user_id))
        .filter(password_links::used_at.is_null())
        .set(password_links::used_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// Enabled Global admins of the partner other than `except`.
async fn other_global_admins(
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

async fn record(
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

fn codes(roles: &[Role]) -> Vec<&'static str> {
    roles.iter().map(|r| r.code()).collect()
}

async fn write_secret(
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

/// Adds a user to the admin's partner with its roles and way in.
pub async fn add(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
    new: &NewUser,
    secret: &Secret,
) -> Result<Result<UserId, Refusal>, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        lock_partner(conn, admin).await?;
        let id = UserId::random();
        let hash = match secret {
            Secret::Password(hash) => hash,
            Secret::Link { locked, .. } => locked,
        };
        let inserted = diesel::insert_into(users::table)
            .values((
                users::id.eq(id),
                users::email.eq(&new.email),
                users::display_name.eq(&new.name),
                users::password_hash.eq(hash),
                users::kind.eq(UserKind::Partner),
                users::partner_id.eq(admin.scope.partner_id()),
                users::created_at.eq(admin.now),
            ))
            .on_conflict(users::email)
            .do_nothing()
            .execute(conn)
            .await?;
        if inserted == 0 {
            return Ok(Err(Refusal::EmailTaken));
        }
        let rows: Vec<_> = new
            .roles
            .iter()
            .map(|r| (user_roles::user_id.eq(id), user_roles::role.eq(*r)))
            .collect();
        diesel::insert_into(user_roles::table)
            .values(rows)
            .execute(conn)
            .await?;
        write_secret(conn, admin, id, secret).await?;
        let details = json!({
            "target": new.email,
            "roles": codes(&new.roles),
            "credential": new.credential.code(),
        });
        record(conn, admin, Operation::UserAdded, details).await?;
        Ok(Ok(id))
    })
    .await
}

/// Replaces a user's roles.
pub async fn set_roles(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
    id: UserId,
    roles: &[Role],
) -> Result<Result<(), Refusal>, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        lock_partner(conn, admin).await?;
        let before = member(conn, admin.scope, id).await?;
        let stays = !before.disabled && roles.contains(&Role::GlobalAdmin);
        let others = other_global_admins(conn, admin.scope, id).await?;
        if !rules::keeps_a_global_admin(others, stays) {
            return Ok(Err(Refusal::LastGlobalAdmin));
        }
        diesel::delete(user_roles::table.filter(user_roles::user_id.eq(id)))
            .execute(conn)
            .await?;
        let rows: Vec<_> = roles
            .iter()
            .map(|r| (user_roles::user_id.eq(id), user_roles::role.eq(*r)))
            .collect();
        diesel::insert_into(user_roles::table)
            .values(rows)
            .execute(conn)
            .await?;
        let details = json!({
            "target": before.email,
            "before": codes(&before.roles),
            "roles": codes(roles),
        });
        record(conn, admin, Operation::UserRolesChanged, details).await?;
        Ok(Ok(()))
    })
    .await
}

/// Disables a user (their sessions end at once) or enables them again.
pub async fn set_enabled(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
    id: UserId,
    enabled: bool,
) -> Result<Result<(), Refusal>, AppError> {
    if !enabled && id == admin.user.id {
        return Ok(Err(Refusal::Yourself));
    }
    conn.transaction::<_, AppError, _>(async |conn| {
        lock_partner(conn, admin).await?;
        let before = member(conn, admin.scope, id).await?;
        if before.disabled != enabled {
            return Ok(Ok(()));
        }
        if !enabled {
            let others = other_global_admins(conn, admin.scope, id).await?;
            let was_global_admin = before.roles.contains(&Role::GlobalAdmin);
            if was_global_admin && !rules::keeps_a_global_admin(others, false) {
                return Ok(Err(Refusal::LastGlobalAdmin));
            }
            close_doors(conn, id, None, admin.now).await?;
        }
        diesel::update(users::table.find(id))
            .set(users::disabled_at.eq((!enabled).then_some(admin.now)))
            .execute(conn)
            .await?;
        let operation = if enabled {
            Operation::UserEnabled
        } else {
            Operation::UserDisabled
        };
        record(conn, admin, operation, json!({ "target": before.email })).await?;
        Ok(Ok(()))
    })
    .await
}

/// Hands an existing user a new way in: a one-time password (replacing theirs) or a link.
/// Their open sessions end and earlier links stop working: whoever held them is out.
pub async fn issue(
    conn: &mut AsyncPgConnection,
    admin: &Admin<'_>,
    id: UserId,
    secret: &Secret,
) -> Result<Member, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        lock_partner(conn, admin).await?;
        let target = member(conn, admin.scope, id).await?;
        close_doors(conn, id, None, admin.now).await?;
        write_secret(conn, admin, id, secret).await?;
        let credential = match secret {
            Secret::Password(_) => "password",
            Secret::Link { .. } => "link",
        };
        let details = json!({ "target": target.email, "credential": credential });
        record(conn, admin, Operation::PasswordIssued, details).await?;
        Ok(target)
    })
    .await
}
