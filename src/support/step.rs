//! Moving a request on — support takes, asks, approves or rejects; the partner replies — as
//! one step inside the caller's transaction: the request row is locked, the step checked
//! against where the request stands now, and the status, the timeline entry (with its files)
//! and the activity record written together. Two people acting at once queue on the lock;
//! the second finds the request moved and does nothing.

use crate::ids::{CustomerId, OrderId, PartnerId, ProductId, RequestId, UserId};
use crate::money::Currency;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use super::rules::{ProblemType, Status, Step, after};
use super::timeline::{NewEvent, add_event};
use super::upload::Received;
use crate::activity::{self, Entry, Operation};
use crate::auth::CurrentUser;
use crate::db::schema::support_requests;
use crate::db::statement::Reuse;
use crate::error::AppError;

/// The request as it stands under the lock.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = support_requests, check_for_backend(diesel::pg::Pg))]
pub struct Locked {
    pub id: RequestId,
    pub number: i64,
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub order_id: Option<OrderId>,
    pub product_id: Option<ProductId>,
    pub problem_type: ProblemType,
    pub requested_minor: Option<i64>,
    pub currency: Option<Currency>,
    pub status: Status,
    pub assigned_to: Option<UserId>,
}

impl Locked {
    pub fn status(&self) -> Status {
        self.status
    }

    pub fn is_refund(&self) -> bool {
        self.problem_type == ProblemType::Refund
    }
}

/// The request as `lock` reads it, without locking: what a confirmation step shows.
pub async fn read(mut conn: &AsyncPgConnection, id: RequestId) -> Result<Option<Locked>, AppError> {
    Ok(support_requests::table
        .find(id)
        .select(Locked::as_select())
        .first(&mut conn)
        .await
        .optional()?)
}

/// Locks the request until the transaction ends; `None` when there is no such request.
pub async fn lock(conn: &mut AsyncPgConnection, id: RequestId) -> Result<Option<Locked>, AppError> {
    Ok(support_requests::table
        .find(id)
        .select(Locked::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?)
}

pub struct Act<'a> {
    pub step: Step,
    pub actor: &'a CurrentUser,
    pub body: &'a str,
    pub files: &'a [Received],
    /// The amount of an approved refund.
    pub approved_minor: Option<i64>,
    /// The order's keys and links were revoked with the decision.
    pub revoked: bool,
}

fn operation(step: Step) -> Operation {
    match step {
        Step::Take => Operation::SupportRequestTaken,
        Step::AskInfo => Operation::SupportInfoRequested,
        Step::Reply => Operation::SupportReplied,
        Step::Approve => Operation::SupportRequestApproved,
        Step::Reject => Operation::SupportRequestRejected,
    }
}

/// Applies the step to a request locked by `lock`; the new status, or `None` (nothing
/// written) when the step is not allowed from where the request stands.
pub async fn apply(
    conn: &mut AsyncPgConnection,
    request: &Locked,
    act: Act<'_>,
    now: DateTime<Utc>,
) -> Result<Option<Status>, AppError> {
    let current = request.status();
    let Some(next) = after(current, act.step) else {
        return Ok(None);
    };
    if !move_to(conn, request, next, &act, now).await? {
        return Ok(None);
    }
    let event = NewEvent {
        request_id: request.id,
        author_id: act.actor.id,
        kind: act.step.event(),
        body: act.body,
        files: act.files,
    };
    add_event(conn, event, now).await?;
    record(conn, request, &act, next, now).await?;
    Ok(Some(next))
}

/// Moves the request from the status it was locked in to `next`, with who acts on it and
/// the decision; false (nothing written) if its status changed meanwhile.
async fn move_to(
    conn: &mut AsyncPgConnection,
    request: &Locked,
    next: Status,
    act: &Act<'_>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let by_support = act.step != Step::Reply;
    let decided = matches!(next, Status::Approved | Status::Rejected);
    let updated = diesel::update(
        support_requests::table
            .filter(support_requests::id.eq(request.id))
            .filter(support_requests::status.eq(request.status())),
    )
    .set((
        support_requests::status.eq(next),
        support_requests::assigned_to.eq(if by_support {
            Some(act.actor.id)
        } else {
            request.assigned_to
        }),
        support_requests::approved_minor.eq(act.approved_minor),
        support_requests::decided_by.eq(decided.then_some(act.actor.id)),
        support_requests::decided_at.eq(decided.then_some(now)),
    ))
    .reused()
    .execute(conn)
    .await?;
    if updated != 1 {
        return Ok(false);
    }
    // The clock of "waiting" restarts when the ball changes court: support asks, or the
    // partner answers. Taking a request does not make it any younger in the queue.
    if matches!(act.step, Step::AskInfo | Step::Reply) {
        diesel::update(support_requests::table.find(request.id))
            .set(support_requests::waiting_since.eq(now))
            .reused()
            .execute(conn)
            .await?;
    }
    Ok(true)
}

async fn record(
    conn: &mut AsyncPgConnection,
    request: &Locked,
    act: &Act<'_>,
    next: Status,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    activity::record(
        conn,
        Entry {
            partner_id: Some(request.partner_id),
            at: now,
            actor_user_id: Some(act.actor.id),
            actor: &act.actor.email,
            operation: operation(act.step),
            customer_id: Some(request.customer_id),
            order_id: request.order_id,
            product_id: request.product_id,
            details: json!({
                "request": request.number,
                "status": next.code(),
                "approved_minor": act.approved_minor,
                "currency": request.currency,
                "files": act.files.len(),
                "revoked": act.revoked,
            }),
        },
    )
    .await?;
    Ok(())
}
