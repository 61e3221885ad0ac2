//! Support's steps on a request, each one transaction. Approving a refund also credits the
//! order's lines (the credit lands on the partner's invoice of the month it is given, R-62)
//! and, when asked, revokes the order's keys and links. The request row is locked first, so of
//! two engineers deciding at once one decides and the other finds it decided.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::auth::CurrentUser;
use crate::billing::{self, credits::NewCredit};
use crate::cancellation::cancel;
use crate::cancellation::queries::{Line, lines_of_order};
use crate::db::schema::order_lines;
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::ids::{LineId, OrderId, ProductId, RequestId};
use crate::support::rules::{self, AmountError, Status, Step};
use crate::support::step::{self, Act, Locked};

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(Status),
    /// Someone decided first, or the step no longer applies; nothing was written.
    Moved,
    /// The amount is not acceptable; the message key says why. Nothing was written.
    Refused(&'static str),
}

/// Take, ask for information or reject.
pub async fn simple(
    conn: &mut AsyncPgConnection,
    id: RequestId,
    actor: &CurrentUser,
    step: Step,
    body: &str,
    now: DateTime<Utc>,
) -> Result<Outcome, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        let request = step::lock(conn, id).await?.ok_or(AppError::NotFound)?;
        if step == Step::Take && request.assigned_to == Some(actor.id) {
            return Ok(Outcome::Moved);
        }
        let act = Act {
            step,
            actor,
            body,
            files: &[],
            approved_minor: None,
            revoked: false,
        };
        Ok(match step::apply(conn, &request, act, now).await? {
            Some(status) => Outcome::Done(status),
            None => Outcome::Moved,
        })
    })
    .await
}

/// What the approve form sent.
pub struct Approval<'a> {
    pub amount: &'a str,
    pub note: &'a str,
    pub revoke: bool,
}

pub async fn approve(
    conn: &mut AsyncPgConnection,
    id: RequestId,
    actor: &CurrentUser,
    form: Approval<'_>,
    now: DateTime<Utc>,
) -> Result<Outcome, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        let request = step::lock(conn, id).await?.ok_or(AppError::NotFound)?;
        if !request.status().is_open() {
            return Ok(Outcome::Moved);
        }
        let approved_minor = match (request.is_refund(), request.order_id) {
            (true, Some(order_id)) => {
                match credit(conn, &request, order_id, &form, actor, now).await? {
                    Ok(amount) => Some(amount),
                    Err(key) => return Ok(Outcome::Refused(key)),
                }
            }
            _ => None,
        };
        if form.revoke
            && let Some(order_id) = request.order_id
        {
            // Locked, as a cancellation locks them: a link being made for one of them is
            // committed first, and then revoked with the rest.
            let lines = lines_of_order(conn, order_id, true).await?;
            let ids: Vec<LineId> = lines.iter().map(|l| l.line_id).collect();
            cancel::revoke(conn, &ids, now).await?;
        }
        let act = Act {
            step: Step::Approve,
            actor,
            body: form.note,
            files: &[],
            approved_minor,
            revoked: form.revoke && request.order_id.is_some(),
        };
        // The request is locked and open, so the step applies; were it not to, the error
        // rolls back the credits and revocation written above.
        match step::apply(conn, &request, act, now).await? {
            Some(status) => Ok(Outcome::Done(status)),
            None => Err(AppError::Conflict),
        }
    })
    .await
}

/// Checks the amount against what was asked and what is still refundable on the locked lines,
/// then credits it over the lines; the amount, or the message key of the refusal.
async fn credit(
    conn: &mut AsyncPgConnection,
    request: &Locked,
    order_id: OrderId,
    form: &Approval<'_>,
    actor: &CurrentUser,
    now: DateTime<Utc>,
) -> Result<Result<i64, &'static str>, AppError> {
    let lines = lines_of_order(conn, order_id, true).await?;
    let (amount, parts) = match checked(request, &lines, form.amount)? {
        Ok(checked) => checked,
        Err(key) => return Ok(Err(key)),
    };
    let currency = request
        .currency
        .ok_or_else(|| AppError::internal("refund request without a known currency"))?;
    for (line_id, part) in parts {
        diesel::update(order_lines::table.find(line_id))
            .set(order_lines::credited_minor.eq(order_lines::credited_minor + part))
            .reused()
            .execute(conn)
            .await?;
        let credit = NewCredit {
            id: crate::ids::ordered_uuid(),
            partner_id: request.partner_id,
            customer_id: request.customer_id,
            order_id,
            order_line_id: line_id,
            reason: crate::billing::CreditReason::Refund,
            quantity: 0,
            amount_minor: part,
            currency,
            created_by: actor.id,
            created_at: now,
            support_request_id: Some(request.id),
        };
        billing::credits::book(conn, &credit).await?;
    }
    Ok(Ok(amount))
}

/// The amount parsed and spread over the lines, or the message key of the refusal.
type Checked = Result<(i64, Vec<(LineId, i64)>), &'static str>;

/// Checks an amount against what was asked and what the lines can still refund.
fn checked(request: &Locked, lines: &[Line], amount: &str) -> Result<Checked, AppError> {
    let currency = request
        .currency
        .ok_or_else(|| AppError::internal("refund request without a known currency"))?;
    let amount = match rules::parse_amount(amount.trim(), currency.exponent()) {
        Ok(a) => a,
        Err(e) => return Ok(Err(amount_refusal(e))),
    };
    if Some(amount) > request.requested_minor {
        return Ok(Err("console-error-above-requested"));
    }
    match rules::allocate(amount, &rooms(lines, request.product_id)) {
        Some(parts) => Ok(Ok((amount, parts))),
        None => Ok(Err("console-error-above-refundable")),
    }
}

/// What approving would do, read without locking or writing anything: the confirmation step
/// before support's decision. The decision itself checks everything again, locked.
pub enum Preview {
    /// It can be approved; a refund credits this amount (`None`: not a refund).
    Approve(Option<i64>),
    /// The amount is not acceptable; the message key says why.
    Refused(&'static str),
    /// The request is no longer open.
    Moved,
}

pub async fn preview(
    conn: &AsyncPgConnection,
    id: RequestId,
    form: &Approval<'_>,
) -> Result<Preview, AppError> {
    let request = step::read(conn, id).await?.ok_or(AppError::NotFound)?;
    if !request.status().is_open() {
        return Ok(Preview::Moved);
    }
    let (true, Some(order_id)) = (request.is_refund(), request.order_id) else {
        return Ok(Preview::Approve(None));
    };
    let lines = lines_of_order(conn, order_id, false).await?;
    Ok(match checked(&request, &lines, form.amount)? {
        Ok((amount, _)) => Preview::Approve(Some(amount)),
        Err(key) => Preview::Refused(key),
    })
}

fn amount_refusal(error: AmountError) -> &'static str {
    match error {
        AmountError::Malformed => "support-error-amount-malformed",
        AmountError::NotPositive => "support-error-amount-positive",
        AmountError::TooPrecise => "support-error-amount-precision",
    }
}

/// What each line can still refund, the lines of the request's product first (they are
/// credited first).
fn rooms(lines: &[Line], product: Option<ProductId>) -> Vec<(LineId, i64)> {
    let (mine, others): (Vec<&Line>, Vec<&Line>) =
        lines.iter().partition(|l| Some(l.product_id) == product);
    mine.into_iter()
        .chain(others)
        .map(|l| (l.line_id, rules::refundable(l.paid(), l.credited_minor)))
        .collect()
}
