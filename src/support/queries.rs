//! Reading and writing support requests. Partner-side reads take the partner's scope, so a
//! request of another partner is never found.

use crate::ids::{CustomerId, OrderId, PartnerId, RequestId};
use crate::money::Currency;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::rules::{Impact, OrderRef, ProblemType, Status, TenantRef};
use crate::auth::{CustomerScope, PartnerScope};
use crate::customers::Customer;
use crate::db::schema::{customers, order_lines, orders, support_events, support_requests, users};
use crate::error::AppError;

pub async fn customer(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    named: &TenantRef,
) -> Result<Option<Customer>, AppError> {
    match named {
        TenantRef::Id(id) => crate::customers::queries::find(conn, scope, *id).await,
        TenantRef::Domain(d) => crate::customers::queries::find_by_domain(conn, scope, d).await,
    }
}

/// An order as a refund request needs it: what was paid and what was already credited.
#[derive(Debug, Clone)]
pub struct OrderFacts {
    pub id: OrderId,
    pub number: i64,
    pub currency: Currency,
    pub paid_minor: i64,
    pub credited_minor: i64,
}

pub async fn order(
    conn: &mut AsyncPgConnection,
    scope: CustomerScope,
    named: OrderRef,
) -> Result<Option<OrderFacts>, AppError> {
    let mut query = orders::table
        .filter(orders::customer_id.eq(scope.customer_id()))
        .select((orders::id, orders::number, orders::currency))
        .into_boxed();
    query = match named {
        OrderRef::Id(id) => query.filter(orders::id.eq(id)),
        OrderRef::Number(n) => query.filter(orders::number.eq(n)),
    };
    let head: Option<(OrderId, i64, Currency)> = query.first(conn).await.optional()?;
    let Some((id, number, currency)) = head else {
        return Ok(None);
    };
    let lines: Vec<(i64, i32, i64)> = order_lines::table
        .filter(order_lines::order_id.eq(id))
        .select((
            order_lines::unit_price_minor,
            order_lines::quantity,
            order_lines::credited_minor,
        ))
        .load(conn)
        .await?;
    Ok(Some(OrderFacts {
        id,
        number,
        currency,
        paid_minor: lines.iter().map(|(u, q, _)| u * i64::from(*q)).sum(),
        credited_minor: lines.iter().map(|(_, _, c)| c).sum(),
    }))
}

/// A request of the list.
#[derive(Queryable, Debug)]
pub struct RequestRow {
    pub id: RequestId,
    pub number: i64,
    pub title: String,
    pub problem_type: ProblemType,
    pub status: Status,
    pub customer: String,
    pub created_at: DateTime<Utc>,
}

pub async fn count(conn: &mut AsyncPgConnection, scope: &PartnerScope) -> Result<i64, AppError> {
    Ok(support_requests::table
        .filter(support_requests::partner_id.eq(scope.partner_id()))
        .count()
        .get_result(conn)
        .await?)
}

/// This partner's requests, newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    offset: i64,
    limit: i64,
) -> Result<Vec<RequestRow>, AppError> {
    Ok(support_requests::table
        .inner_join(customers::table)
        .filter(support_requests::partner_id.eq(scope.partner_id()))
        .order((
            support_requests::created_at.desc(),
            support_requests::id.desc(),
        ))
        .offset(offset)
        .limit(limit)
        .select((
            support_requests::id,
            support_requests::number,
            support_requests::title,
            support_requests::problem_type,
            support_requests::status,
            customers::company_name,
            support_requests::created_at,
        ))
        .load(conn)
        .await?)
}

/// One request with what its page shows.
#[derive(Queryable, Debug, Clone)]
pub struct Request {
    pub id: RequestId,
    pub number: i64,
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub customer: String,
    pub customer_domain: String,
    pub order_id: Option<OrderId>,
    pub order_number: Option<i64>,
    pub problem_type: ProblemType,
    pub impact: Impact,
    pub title: String,
    pub reason: String,
    pub requested_minor: Option<i64>,
    pub currency: Option<Currency>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub status: Status,
    pub approved_minor: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[diesel::dsl::auto_type]
fn request_columns() -> _ {
    (
        support_requests::id,
        support_requests::number,
        support_requests::partner_id,
        support_requests::customer_id,
        customers::company_name,
        customers::primary_domain,
        support_requests::order_id,
        orders::number.nullable(),
        support_requests::problem_type,
        support_requests::impact,
        support_requests::title,
        support_requests::reason,
        support_requests::requested_minor,
        support_requests::currency,
        support_requests::contact_name,
        support_requests::contact_email,
        support_requests::contact_phone,
        support_requests::status,
        support_requests::approved_minor,
        support_requests::created_at,
    )
}

/// One request; `partner` limits it to that partner's (`None`: any partner, for the console).
async fn find_request(
    conn: &mut AsyncPgConnection,
    id: RequestId,
    partner: Option<PartnerId>,
) -> Result<Option<Request>, AppError> {
    let mut query = support_requests::table
        .inner_join(customers::table)
        .left_join(orders::table)
        .filter(support_requests::id.eq(id))
        .select(request_columns())
        .into_boxed();
    if let Some(partner) = partner {
        query = query.filter(support_requests::partner_id.eq(partner));
    }
    Ok(query.first(conn).await.optional()?)
}

/// A request of this partner; `None` for an unknown id or another partner's.
pub async fn request(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    id: RequestId,
) -> Result<Option<Request>, AppError> {
    find_request(conn, id, Some(scope.partner_id())).await
}

/// Any partner's request: for the support console only, whose permission the caller holds.
pub async fn request_for_support(
    conn: &mut AsyncPgConnection,
    id: RequestId,
) -> Result<Option<Request>, AppError> {
    find_request(conn, id, None).await
}

/// An entry of a request's timeline.
#[derive(Queryable, Debug)]
pub struct Event {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub author: String,
    pub author_kind: String,
    pub kind: String,
    pub body: String,
}

pub async fn events(
    conn: &mut AsyncPgConnection,
    request_id: RequestId,
) -> Result<Vec<Event>, AppError> {
    Ok(support_events::table
        .inner_join(users::table)
        .filter(support_events::request_id.eq(request_id))
        .order((support_events::at, support_events::id))
        .select((
            support_events::id,
            support_events::at,
            users::display_name,
            users::kind,
            support_events::kind,
            support_events::body,
        ))
        .load(conn)
        .await?)
}
