//! The partner's staff as User management lists them, with their roles.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::UserKind;
use crate::auth::{PartnerScope, Role};
use crate::db::schema::{user_roles, users};
use crate::error::AppError;
use crate::ids::UserId;

pub struct Member {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
}

pub(super) type Row = (UserId, String, String, Option<DateTime<Utc>>, Option<Role>);

pub(super) fn members_from(rows: Vec<Row>) -> Vec<Member> {
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
