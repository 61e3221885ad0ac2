//! Submit: the one transaction that cancels a product's lines in one order. The lines and
//! their order are locked first, so of any number of simultaneous submits exactly one
//! cancels and books the credit; the others wait, then find it already cancelled. The
//! partial unique index on `credits` refuses a second cancellation credit even if this code
//! were bypassed.

use chrono::{DateTime, Utc};
use diesel::dsl::{exists, not};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DbError};
use diesel::sql_types::{Array, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use super::queries::{self, Line};
use super::rules::{self, Window};
use crate::activity::{self, Entry, Operation};
use crate::auth::CustomerScope;
use crate::billing::{self, credits::NewCredit};
use crate::db::schema::{order_lines, orders};
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::ids::{LineId, OrderId, PartnerId, ProductId, UserId};

pub struct Request<'a> {
    pub scope: CustomerScope,
    pub partner_id: PartnerId,
    /// Who books the credit: the signed-in user, or an API token's creator.
    pub user_id: UserId,
    /// Who the activity log names: an email, or an API token's name.
    pub actor_email: &'a str,
    /// The signed-in user, for the activity log; `None` for an API token.
    pub actor_user_id: Option<UserId>,
    pub order_id: OrderId,
    pub product_id: ProductId,
    pub now: DateTime<Utc>,
}

/// What a cancellation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub order_number: i64,
    pub product_name: String,
    pub credit_minor: i64,
    pub currency: crate::money::Currency,
    /// Whether every line of the order is now cancelled.
    pub order_cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Cancelled(Done),
    AlreadyCancelled {
        order_number: i64,
    },
    /// The order is this customer's but has no line of this product.
    NotInOrder,
    /// The policy does not allow it (any more).
    Refused(Window),
}

pub async fn cancel(conn: &mut AsyncPgConnection, req: &Request<'_>) -> Result<Outcome, AppError> {
    let result = conn
        .transaction::<_, AppError, _>(async |conn| cancel_locked(conn, req).await)
        .await;
    match result {
        // Only reachable if the lock were bypassed: the database still says no.
        Err(AppError::Database(DbError::DatabaseError(DatabaseErrorKind::UniqueViolation, _))) => {
            Ok(Outcome::AlreadyCancelled { order_number: 0 })
        }
        other => other,
    }
}

/// The cancellation inside a transaction the caller opened (the API cancels several products
/// of one order in one). Its lines are locked first, as in `cancel`.
pub async fn cancel_locked(
    conn: &mut AsyncPgConnection,
    req: &Request<'_>,
) -> Result<Outcome, AppError> {
    let lines = queries::lock_lines(conn, req.scope, req.order_id, req.product_id).await?;
    let Some(first) = <[Line]>::first(&lines) else {
        return Ok(Outcome::NotInOrder);
    };
    let open: Vec<&Line> = lines.iter().filter(|l| !l.is_cancelled()).collect();
    if open.is_empty() {
        return Ok(Outcome::AlreadyCancelled {
            order_number: first.order_number,
        });
    }
    let policy = queries::policy(conn, req.product_id).await?;
    let window = rules::window(policy, first.placed_at, req.now);
    if !window.is_open() {
        return Ok(Outcome::Refused(window));
    }
    let mut total = 0;
    let mut described = Vec::with_capacity(open.len());
    for line in &open {
        let credit = line.credit_at(req.now)?;
        cancel_line(conn, req, line, credit).await?;
        total += credit;
        described.push(json!({
            "line": line.line_id.to_string(),
            "quantity": line.quantity,
            "paid_minor": line.paid(),
            "credit_minor": credit,
        }));
    }
    let ids: Vec<LineId> = open.iter().map(|l| l.line_id).collect();
    revoke(conn, &ids, req.now).await?;
    let done = Done {
        order_number: first.order_number,
        product_name: first.product_name.clone(),
        credit_minor: total,
        currency: first.currency,
        order_cancelled: close_order_if_all_cancelled(conn, req.order_id).await?,
    };
    record(conn, req, &done, described).await?;
    Ok(Outcome::Cancelled(done))
}

/// The cancellation's activity record: the credit, and each line with what it paid and got.
async fn record(
    conn: &mut AsyncPgConnection,
    req: &Request<'_>,
    done: &Done,
    lines: Vec<serde_json::Value>,
) -> Result<(), AppError> {
    let entry = Entry {
        partner_id: Some(req.partner_id),
        at: req.now,
        actor_user_id: req.actor_user_id,
        actor: req.actor_email,
        operation: Operation::PurchaseCancelled,
        customer_id: Some(req.scope.customer_id()),
        order_id: Some(req.order_id),
        product_id: Some(req.product_id),
        details: json!({
            "order_number": done.order_number,
            "product": done.product_name,
            "currency": done.currency,
            "credit_minor": done.credit_minor,
            "order_cancelled": done.order_cancelled,
            "lines": lines,
        }),
    };
    activity::record(conn, entry).await?;
    Ok(())
}

async fn cancel_line(
    conn: &mut AsyncPgConnection,
    req: &Request<'_>,
    line: &Line,
    credit: i64,
) -> Result<(), AppError> {
    diesel::update(order_lines::table.find(line.line_id))
        .set((
            order_lines::quantity_cancelled.eq(order_lines::quantity),
            order_lines::credited_minor.eq(order_lines::credited_minor + credit),
        ))
        .reused()
        .execute(conn)
        .await?;
    let credit = NewCredit {
        id: Uuid::new_v4(),
        partner_id: req.partner_id,
        customer_id: req.scope.customer_id(),
        order_id: line.order_id,
        order_line_id: line.line_id,
        reason: crate::billing::CreditReason::Cancellation,
        quantity: line.quantity,
        amount_minor: credit,
        currency: line.currency,
        created_by: req.user_id,
        created_at: req.now,
        support_request_id: None,
    };
    billing::credits::book(conn, &credit).await?;
    Ok(())
}

/// The lines, their keys and their download links, revoked at once: one statement, as the
/// three do not depend on each other. The lines themselves are marked too, so no new key view
/// or link is made for them.
const REVOKE: &str = "
    WITH lines AS (
        UPDATE order_lines SET revoked_at = $1
         WHERE id = ANY($2) AND revoked_at IS NULL RETURNING 1),
    keys AS (
        UPDATE product_keys SET revoked_at = $1
         WHERE order_line_id = ANY($2) AND revoked_at IS NULL RETURNING 1),
    links AS (
        UPDATE download_links SET revoked_at = $1
         WHERE order_line_id = ANY($2) AND revoked_at IS NULL RETURNING 1)
    SELECT (SELECT count(*) FROM lines) + (SELECT count(*) FROM keys)
           + (SELECT count(*) FROM links) AS revoked";

/// Keys and download links of the lines stop working in the same transaction.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    line_ids: &[LineId],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    crate::db::statement::prepared(REVOKE)
        .bind::<Timestamptz, _>(now)
        .bind::<Array<SqlUuid>, _>(line_ids)
        .execute(conn)
        .await?;
    Ok(())
}

/// An order whose every line is cancelled becomes cancelled; otherwise it stays completed.
async fn close_order_if_all_cancelled(
    conn: &mut AsyncPgConnection,
    order_id: OrderId,
) -> Result<bool, AppError> {
    let open_lines = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .filter(order_lines::quantity_cancelled.lt(order_lines::quantity));
    let updated = diesel::update(
        orders::table
            .filter(orders::id.eq(order_id))
            .filter(not(exists(open_lines))),
    )
    .set(orders::status.eq(crate::orders::OrderStatus::Cancelled))
    .reused()
    .execute(conn)
    .await?;
    Ok(updated == 1)
}
