//! What the support console reads: the queue across all partners, and one request with its
//! partner, customer, order lines and credits. Nothing here reads product keys or links.

use crate::ids::{OrderId, RequestId, UserId};
use crate::money::Currency;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::{credits, customers, orders, partners, support_requests, users};
use crate::error::AppError;
use crate::support::rules::{ProblemType, Status};

/// The queue's filter: the open requests (all three waiting states), one status, or all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Open,
    Status(&'static str),
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    OldestFirst,
    NewestFirst,
}

/// A row of the queue.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = support_requests, check_for_backend(diesel::pg::Pg))]
pub struct QueueRow {
    pub id: RequestId,
    pub number: i64,
    #[diesel(select_expression = partners::name)]
    pub partner: String,
    #[diesel(select_expression = customers::company_name)]
    pub customer: String,
    pub problem_type: ProblemType,
    pub title: String,
    pub status: Status,
    pub requested_minor: Option<i64>,
    pub currency: Option<Currency>,
    #[diesel(select_expression = users::display_name.nullable())]
    pub assignee: Option<String>,
    pub waiting_since: DateTime<Utc>,
}

fn status_filter(filter: &Filter) -> Option<Vec<&'static str>> {
    match filter {
        Filter::Open => Some(Status::OPEN.iter().map(|s| s.code()).collect()),
        Filter::Status(code) => Some(vec![*code]),
        Filter::All => None,
    }
}

pub async fn count(conn: &mut AsyncPgConnection, filter: &Filter) -> Result<i64, AppError> {
    let mut query = support_requests::table.into_boxed();
    if let Some(codes) = status_filter(filter) {
        query = query.filter(support_requests::status.eq_any(codes));
    }
    Ok(query.count().get_result(conn).await?)
}

pub async fn queue(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    sort: Sort,
    offset: i64,
    limit: i64,
) -> Result<Vec<QueueRow>, AppError> {
    let mut query = support_requests::table
        .inner_join(partners::table)
        .inner_join(customers::table)
        .left_join(users::table.on(support_requests::assigned_to.eq(users::id.nullable())))
        .select(QueueRow::as_select())
        .into_boxed();
    if let Some(codes) = status_filter(filter) {
        query = query.filter(support_requests::status.eq_any(codes));
    }
    query = match sort {
        Sort::OldestFirst => query.order((
            support_requests::waiting_since.asc(),
            support_requests::number.asc(),
        )),
        Sort::NewestFirst => query.order((
            support_requests::waiting_since.desc(),
            support_requests::number.desc(),
        )),
    };
    Ok(query.offset(offset).limit(limit).load(conn).await?)
}

/// What support sees of a request beyond the partner's own view.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = support_requests, check_for_backend(diesel::pg::Pg))]
pub struct Context {
    #[diesel(select_expression = partners::name)]
    pub partner: String,
    #[diesel(select_expression = users::display_name.nullable())]
    pub assignee: Option<String>,
    pub assigned_to: Option<UserId>,
    #[diesel(select_expression = orders::placed_at.nullable())]
    pub placed_at: Option<DateTime<Utc>>,
}

pub async fn context(conn: &mut AsyncPgConnection, id: RequestId) -> Result<Context, AppError> {
    Ok(support_requests::table
        .inner_join(partners::table)
        .left_join(users::table.on(support_requests::assigned_to.eq(users::id.nullable())))
        .left_join(orders::table)
        .filter(support_requests::id.eq(id))
        .select(Context::as_select())
        .first(conn)
        .await?)
}

/// A credit already given on the order.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = credits, check_for_backend(diesel::pg::Pg))]
pub struct CreditRow {
    pub created_at: DateTime<Utc>,
    pub reason: crate::billing::CreditReason,
    pub amount_minor: i64,
    pub currency: Currency,
    #[diesel(select_expression = support_requests::number.nullable())]
    pub request_number: Option<i64>,
}

pub async fn credits_of_order(
    conn: &mut AsyncPgConnection,
    order_id: OrderId,
) -> Result<Vec<CreditRow>, AppError> {
    Ok(credits::table
        .left_join(support_requests::table)
        .filter(credits::order_id.eq(order_id))
        .order((credits::created_at, credits::id))
        .select(CreditRow::as_select())
        .limit(500)
        .load(conn)
        .await?)
}
