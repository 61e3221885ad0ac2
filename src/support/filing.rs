//! Filing a checked request: the request, its first timeline entry and the activity record,
//! written in one transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use super::draft::{Draft, Valid};
use super::rules::{Impact, ProblemType};
use super::timeline::{NewEvent, add_event};
use super::upload::Received;
use crate::activity::{self, Entry, Operation};
use crate::auth::CurrentUser;
use crate::db::schema::support_requests;
use crate::error::AppError;
use crate::ids::{CustomerId, OrderId, PartnerId, ProductId, RequestId, UserId};
use crate::money::Currency;

/// A checked request with who files it and the files received with it.
pub struct Filing<'a> {
    pub user: &'a CurrentUser,
    pub draft: &'a Draft,
    pub valid: &'a Valid,
    pub files: &'a [Received],
}

/// A new request as stored. Named fields, so a column added to the table cannot shift the
/// others.
#[derive(Insertable)]
// A `None` is bound as NULL, not sent as DEFAULT: a statement with DEFAULT in it changes
// with the values, so diesel would prepare it again on every insert.
#[diesel(table_name = support_requests, treat_none_as_default_value = false)]
struct NewRequest<'a> {
    id: RequestId,
    partner_id: PartnerId,
    customer_id: CustomerId,
    order_id: Option<OrderId>,
    product_id: Option<ProductId>,
    problem_type: ProblemType,
    impact: Impact,
    title: &'a str,
    reason: &'a str,
    requested_minor: Option<i64>,
    currency: Option<Currency>,
    contact_name: &'a str,
    contact_email: &'a str,
    contact_phone: &'a str,
    created_by: UserId,
    created_at: DateTime<Utc>,
    waiting_since: DateTime<Utc>,
}

/// Writes the request, its first timeline entry and the activity record, in one
/// transaction; its id and number.
pub async fn file(
    conn: &mut AsyncPgConnection,
    f: Filing<'_>,
    now: DateTime<Utc>,
) -> Result<(RequestId, i64), AppError> {
    let id = RequestId::random();
    conn.transaction::<_, AppError, _>(async |conn| {
        let number: i64 = diesel::insert_into(support_requests::table)
            .values(&new_request(id, &f, now))
            .returning(support_requests::number)
            .get_result(conn)
            .await?;
        let event = NewEvent {
            request_id: id,
            author_id: f.user.id,
            kind: super::rules::EventKind::Filed,
            body: "",
            files: f.files,
        };
        add_event(conn, event, now).await?;
        record(conn, &f, number, now).await?;
        Ok(number)
    })
    .await
    .map(|number| (id, number))
}

fn new_request<'a>(id: RequestId, f: &Filing<'a>, now: DateTime<Utc>) -> NewRequest<'a> {
    let (d, v) = (f.draft, f.valid);
    NewRequest {
        id,
        partner_id: v.customer.partner_id,
        customer_id: v.customer.id,
        order_id: v.order.as_ref().map(|o| o.id),
        product_id: v.product_id,
        problem_type: v.problem_type,
        impact: v.impact,
        title: &d.title,
        reason: &d.reason,
        requested_minor: v.requested_minor,
        currency: v.order.as_ref().map(|o| o.currency),
        contact_name: &d.contact_name,
        contact_email: &d.contact_email,
        contact_phone: &d.contact_phone,
        created_by: f.user.id,
        created_at: now,
        waiting_since: now,
    }
}

async fn record(
    conn: &mut AsyncPgConnection,
    f: &Filing<'_>,
    number: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let v = f.valid;
    let entry = Entry {
        partner_id: Some(v.customer.partner_id),
        at: now,
        actor_user_id: Some(f.user.id),
        actor: &f.user.email,
        operation: Operation::SupportRequestFiled,
        customer_id: Some(v.customer.id),
        order_id: v.order.as_ref().map(|o| o.id),
        product_id: v.product_id,
        details: json!({
            "request": number,
            "problem_type": v.problem_type.code(),
            "requested_minor": v.requested_minor,
            "currency": v.order.as_ref().map(|o| o.currency),
        }),
    };
    activity::record(conn, entry).await?;
    Ok(())
}
