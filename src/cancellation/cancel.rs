//! Submit: the one transaction that cancels a product's lines in one order. The order and
//! its lines are locked first, so of any number of simultaneous submits exactly one
//! cancels and books the credit; the others wait, then find it already cancelled. The
//! partial unique index on `credits` refuses a second cancellation credit even if this code
//! were bypassed.

use chrono::{DateTime, Utc};
use diesel::result::{DatabaseErrorKind, Error as DbError};
use diesel::sql_types::{Array, BigInt, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use super::queries::{self, Line, Locked};
use super::rules::{self, Window};
use crate::activity::{self, Entry, Operation};
use crate::auth::CustomerScope;
use crate::billing::{self, credits::NewCredit};
use crate::error::AppError;
use crate::ids::{LineId, OrderId, PartnerId, ProductId, UserId};

pub struct Request<'a> {
    pub scope: CustomerScope,
    pub partner_id: PartnerId,
    /// Who books the credit: the signed-in user, or an API token's creator.
    pub user_id: UserId,
    /// Who the activity log names: an email, or an API token's name.
    pub actor_email: &'a str,
    /// The customer's company name, as the activity log records it.
    pub customer_name: &'a str,
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

/// The cancellation inside a transaction the caller opened. The order's lines are locked
/// first, as in `cancel`.
pub async fn cancel_locked(
    conn: &mut AsyncPgConnection,
    req: &Request<'_>,
) -> Result<Outcome, AppError> {
    let mut lines = queries::lock_order(conn, req.scope, req.order_id).await?;
    cancel_product(conn, req, &mut lines).await
}

/// Cancels the product's lines among `lines`, every line of the order as `lock_order` locked
/// them in this transaction; they are left as cancelled, so the API can cancel several
/// products of one order in turn.
pub async fn cancel_product(
    conn: &AsyncPgConnection,
    req: &Request<'_>,
    lines: &mut [Locked],
) -> Result<Outcome, AppError> {
    let Some(first) = lines.iter().find(|l| l.line.product_id == req.product_id) else {
        return Ok(Outcome::NotInOrder);
    };
    let (order_number, product_name) = (first.line.order_number, first.line.product_name.clone());
    let (currency, placed_at, policy) =
        (first.line.currency, first.line.placed_at, first.policy()?);
    let catalog_name = first.catalog_name.clone();
    let mut open: Vec<(Line, i64)> = Vec::new();
    for locked in lines.iter().filter(|l| l.line.product_id == req.product_id) {
        if !locked.line.is_cancelled() {
            open.push((locked.line.clone(), locked.line.credit_at(req.now)?));
        }
    }
    if open.is_empty() {
        return Ok(Outcome::AlreadyCancelled { order_number });
    }
    let window = rules::window(policy, placed_at, req.now);
    if !window.is_open() {
        return Ok(Outcome::Refused(window));
    }
    for locked in lines.iter_mut() {
        if let Some((_, credit)) = open.iter().find(|(l, _)| l.line_id == locked.line.line_id) {
            locked.line.quantity_cancelled = locked.line.quantity;
            locked.line.credited_minor += credit;
        }
    }
    let done = Done {
        order_number,
        product_name,
        credit_minor: open.iter().map(|(_, credit)| credit).sum(),
        currency,
        order_cancelled: lines.iter().all(|l| l.line.is_cancelled()),
    };
    write(conn, req, &open, &done, &catalog_name).await?;
    Ok(Outcome::Cancelled(done))
}

/// Writes a decided cancellation in one round trip (two more for the month's first credit,
/// whose invoice is found or made): the lines marked cancelled, their credits booked on the
/// open invoice, their keys and links revoked and the activity record, four statements that do
/// not depend on each other, sent together on the connection and run in turn (pipelining).
/// Each runs to its end before the results are looked at, and any error rolls the whole back. Only statements that do not depend on each other share a round trip:
/// one prepared for the first time on a connection may run after another sent later. The
/// order's totals, and its status once every line is cancelled, follow the lines by trigger
/// (the `order_closes_with_its_lines` migration).
async fn write(
    conn: &AsyncPgConnection,
    req: &Request<'_>,
    open: &[(Line, i64)],
    done: &Done,
    catalog_name: &str,
) -> Result<(), AppError> {
    let credits: Vec<NewCredit> = open
        .iter()
        .map(|(line, credit)| credit_of(req, line, *credit))
        .collect();
    let ids: Vec<LineId> = open.iter().map(|(l, _)| l.line_id).collect();
    let amounts: Vec<i64> = open.iter().map(|(_, credit)| *credit).collect();
    let described = open.iter().map(|(line, credit)| {
        json!({
            "line": line.line_id.to_string(),
            "quantity": line.quantity,
            "paid_minor": line.paid(),
            "credit_minor": credit,
        })
    });
    let (marked, booked, revoked, recorded) = futures_util::join!(
        mark_cancelled(conn, &ids, &amounts, req.now),
        billing::credits::book_together(conn, &credits),
        revoke_access(conn, &ids, req.now),
        activity::record_named(
            conn,
            entry(req, done, described.collect()),
            activity::Names {
                customer: Some(req.customer_name),
                product: Some(catalog_name),
                order_number: Some(done.order_number),
            },
        ),
    );
    first_cause([marked, booked, revoked, recorded.map_err(AppError::from)])
}

/// The first error among statements sent together that is not only PostgreSQL refusing to go
/// on after an earlier one failed (SQLSTATE 25P02): the one worth logging.
fn first_cause(results: [Result<(), AppError>; 4]) -> Result<(), AppError> {
    let mut aborted = None;
    for result in results {
        match result {
            Ok(()) => {}
            Err(e) if is_aborted(&e) => {
                aborted.get_or_insert(e);
            }
            Err(e) => return Err(e),
        }
    }
    aborted.map_or(Ok(()), Err)
}

fn is_aborted(e: &AppError) -> bool {
    matches!(e, AppError::Database(DbError::DatabaseError(_, info))
        if info.message().starts_with("current transaction is aborted"))
}

fn credit_of(req: &Request<'_>, line: &Line, credit: i64) -> NewCredit {
    NewCredit {
        id: crate::ids::ordered_uuid(),
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
    }
}

/// The cancellation's activity record: the credit, and each line with what it paid and got.
fn entry<'a>(req: &'a Request<'_>, done: &Done, lines: Vec<serde_json::Value>) -> Entry<'a> {
    Entry {
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
    }
}

/// The lines cancelled, each with its credit added, and revoked (no new key view or link is
/// made for them): one statement for all of them.
const MARK_CANCELLED: &str = "
    UPDATE order_lines l
       SET quantity_cancelled = l.quantity, credited_minor = l.credited_minor + c.credit,
           revoked_at = coalesce(l.revoked_at, $3)
      FROM unnest($1::uuid[], $2::bigint[]) AS c(id, credit)
     WHERE l.id = c.id";

async fn mark_cancelled(
    mut conn: &AsyncPgConnection,
    ids: &[LineId],
    credits: &[i64],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    crate::db::statement::prepared(MARK_CANCELLED)
        .bind::<Array<SqlUuid>, _>(ids)
        .bind::<Array<BigInt>, _>(credits)
        .bind::<Timestamptz, _>(now)
        .execute(&mut conn)
        .await?;
    Ok(())
}

/// The lines' keys and download links stop working; the lines themselves were marked
/// by `mark_cancelled`.
const REVOKE_ACCESS: &str = "
    WITH keys AS (
        UPDATE product_keys SET revoked_at = $1
         WHERE order_line_id = ANY($2) AND revoked_at IS NULL RETURNING 1),
    links AS (
        UPDATE download_links SET revoked_at = $1
         WHERE order_line_id = ANY($2) AND revoked_at IS NULL RETURNING 1)
    SELECT (SELECT count(*) FROM keys) + (SELECT count(*) FROM links) AS revoked";

async fn revoke_access(
    mut conn: &AsyncPgConnection,
    line_ids: &[LineId],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    crate::db::statement::prepared(REVOKE_ACCESS)
        .bind::<Timestamptz, _>(now)
        .bind::<Array<SqlUuid>, _>(line_ids)
        .execute(&mut conn)
        .await?;
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
