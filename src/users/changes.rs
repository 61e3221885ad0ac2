//! The changes an admin makes to the partner's users: add one, change roles, disable or
//! re-enable, hand out new sign-in details. Each is one transaction (see `store`).

use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use super::members::{Member, member};
use super::rules::{self, NewUser};
use super::store::{
    Admin, Refusal, Secret, close_doors, codes, lock_partner, other_global_admins, record,
    write_secret,
};
use crate::activity::Operation;
use crate::auth::Role;
use crate::auth::UserKind;
use crate::db::schema::{user_roles, users};
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::ids::UserId;

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
            .reused()
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
