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
use crate::db::statement::{planned_each_time, prepared};
use crate::error::AppError;
use crate::web::cursor::Cursor;
use crate::web::list_view::ListView;
use crate::web::pagination::Total;

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
#[derive(QueryableByName, Debug)]
#[diesel(table_name = support_requests, check_for_backend(diesel::pg::Pg))]
pub struct RequestRow {
    pub id: RequestId,
    pub number: i64,
    pub title: String,
    pub problem_type: ProblemType,
    pub status: Status,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub customer: String,
    pub created_at: DateTime<Utc>,
    /// The partner's count of requests, kept by the database and read with the page (a
    /// second statement cost a tenth of the page's speed); none when only the requests waiting
    /// for the partner are listed.
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    pub listed_total: Option<i64>,
}

impl RequestRow {
    /// Where the list continues after this request.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.created_at,
            id: self.id.0,
            line: None,
        }
    }
}

/// This partner's requests: the number the database keeps on the partner.
pub async fn count(mut conn: &AsyncPgConnection, scope: &PartnerScope) -> Result<Total, AppError> {
    use crate::db::schema::partners;
    let kept: i32 = partners::table
        .find(scope.partner_id())
        .select(partners::support_request_count)
        .first(&mut conn)
        .await?;
    Ok(Total::Exactly(i64::from(kept)))
}

/// This partner's requests, newest first, up to `limit` after `after`: off the (partner,
/// created_at, id) index from the cursor on, so a later page costs what the first does. The
/// limit is part of the statement's text: with `LIMIT $n` PostgreSQL priced a cached plan as if
/// a tenth of the table were wanted and planned the statement again on every view (more time
/// than running it). The index gives the list's order for any one partner, so the plan it
/// keeps is the same walk for a partner with 5 requests or 50,000.
///
/// The customer's name is read by a subquery, not a join: a search is planned on every view,
/// and planning the join (estimating a merge join probes the customers' index) was a fifth of
/// the search's time in the database.
///
/// `waiting` keeps only the requests waiting for the partner, off their own partial index; their
/// number is not kept, so `listed_total` is then NULL.
pub async fn list(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    view: &ListView,
    limit: i64,
    waiting: bool,
) -> Result<Vec<RequestRow>, AppError> {
    use diesel::sql_types::{BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid};
    let (dir, cmp) = if view.oldest {
        ("ASC", ">")
    } else {
        ("DESC", "<")
    };
    // A cursor and a search each have their own statement: a cached generic plan for an
    // optional one could not start the index scan at the cursor.
    let keyset = match view.after {
        Some(_) => format!("AND (r.created_at, r.id) {cmp} ($2, $3)"),
        None => String::new(),
    };
    let search = match view.q.is_empty() {
        true => String::new(),
        false => format!("AND {}", search_condition(Some("$1"))),
    };
    let (total, only) = if waiting {
        ("NULL", "AND r.status = 'waiting_for_partner'")
    } else {
        (
            "(SELECT p.support_request_count FROM partners p WHERE p.id = $1)",
            "",
        )
    };
    // A search is planned for its pattern: walking the partner's requests in order suits a
    // text most of them contain, the indexes of `search_condition` a rare one.
    let statement = match view.q.is_empty() {
        true => prepared,
        false => planned_each_time,
    };
    Ok(statement(format!(
        "SELECT r.id, r.number, r.title, r.problem_type, r.status,
                (SELECT c.company_name FROM customers c WHERE c.id = r.customer_id) AS customer,
                r.created_at, {total}::bigint AS listed_total
           FROM support_requests r
          WHERE r.partner_id = $1 {only} {keyset} {search}
          ORDER BY r.created_at {dir}, r.id {dir}
          LIMIT {limit}"
    ))
    .bind::<SqlUuid, _>(scope.partner_id())
    .bind::<Nullable<Timestamptz>, _>(view.after.map(|c| c.at))
    .bind::<Nullable<SqlUuid>, _>(view.after.map(|c| c.id))
    .bind::<Text, _>(crate::db::contains_pattern(&view.q))
    .bind::<Nullable<BigInt>, _>(view.number())
    .bind::<Text, _>(&view.q)
    .load(&mut conn)
    .await?)
}

/// The requests (`r`) whose number is `$5`, whose title contains the pattern `$4`, or whose
/// customer's name or domain contains the text `$6` (among at most 100 customers found, of
/// the partner `partner` names, e.g. `$1`, or of every partner). Each part has an index, so
/// the database can gather the few requests a rare text matches instead of walking every
/// request.
pub fn search_condition(partner: Option<&str>) -> String {
    let customers = crate::customers::search::containing(partner, "$6", "$4");
    format!(
        "(r.number = $5 OR lower(r.title) LIKE lower($4)
          OR r.customer_id = ANY (ARRAY({customers} LIMIT 100)))"
    )
}

/// One request with what its page shows.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = support_requests, check_for_backend(diesel::pg::Pg))]
pub struct Request {
    pub id: RequestId,
    pub number: i64,
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    #[diesel(select_expression = customers::company_name)]
    pub customer: String,
    #[diesel(select_expression = customers::primary_domain)]
    pub customer_domain: String,
    pub order_id: Option<OrderId>,
    #[diesel(select_expression = orders::number.nullable())]
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

/// One request; `partner` limits it to that partner's (`None`: any partner, for the console).
async fn find_request(
    mut conn: &AsyncPgConnection,
    id: RequestId,
    partner: Option<PartnerId>,
) -> Result<Option<Request>, AppError> {
    let mut query = support_requests::table
        .inner_join(customers::table)
        .left_join(orders::table)
        .filter(support_requests::id.eq(id))
        .select(Request::as_select())
        .into_boxed();
    if let Some(partner) = partner {
        query = query.filter(support_requests::partner_id.eq(partner));
    }
    Ok(query.first(&mut conn).await.optional()?)
}

/// A request of this partner; `None` for an unknown id or another partner's.
pub async fn request(
    conn: &AsyncPgConnection,
    scope: &PartnerScope,
    id: RequestId,
) -> Result<Option<Request>, AppError> {
    find_request(conn, id, Some(scope.partner_id())).await
}

/// Any partner's request: for the support console only, whose permission the caller holds.
pub async fn request_for_support(
    conn: &AsyncPgConnection,
    id: RequestId,
) -> Result<Option<Request>, AppError> {
    find_request(conn, id, None).await
}

/// An entry of a request's timeline.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = support_events, check_for_backend(diesel::pg::Pg))]
pub struct Event {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    #[diesel(select_expression = users::display_name)]
    pub author: String,
    #[diesel(select_expression = users::kind)]
    pub author_kind: crate::auth::UserKind,
    pub kind: super::rules::EventKind,
    pub body: String,
}

pub async fn events(
    mut conn: &AsyncPgConnection,
    request_id: RequestId,
) -> Result<Vec<Event>, AppError> {
    Ok(support_events::table
        .inner_join(users::table)
        .filter(support_events::request_id.eq(request_id))
        .order((support_events::at, support_events::id))
        .select(Event::as_select())
        .load(&mut conn)
        .await?)
}
