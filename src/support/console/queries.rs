//! What the support console reads: the queue across all partners, and one request with its
//! partner, customer, order lines and credits. Nothing here reads product keys or links.

use crate::ids::{OrderId, RequestId, UserId};
use crate::money::Currency;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::{credits, orders, partners, support_requests, users};
use crate::db::statement::{prepared, text_literals};
use crate::error::AppError;
use crate::support::rules::{ProblemType, Status};
use crate::web::cursor::Cursor;
use crate::web::list_view::ListView;
use crate::web::pagination::Total;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid};

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
#[derive(QueryableByName, Debug)]
#[diesel(table_name = support_requests, check_for_backend(diesel::pg::Pg))]
pub struct QueueRow {
    pub id: RequestId,
    pub number: i64,
    #[diesel(sql_type = Text)]
    pub partner: String,
    #[diesel(sql_type = Text)]
    pub customer: String,
    pub problem_type: ProblemType,
    pub title: String,
    pub status: Status,
    pub requested_minor: Option<i64>,
    pub currency: Option<Currency>,
    #[diesel(sql_type = Nullable<Text>)]
    pub assignee: Option<String>,
    pub waiting_since: DateTime<Utc>,
    /// The requests in the queue's filter, from the counts the database keeps per status, read
    /// with the page.
    #[diesel(sql_type = BigInt)]
    pub listed_total: i64,
}

impl QueueRow {
    /// Where the queue continues after this request.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.waiting_since,
            id: self.id.0,
            line: None,
        }
    }
}

/// The filter as SQL over the `status` column of `table` (an alias), with `$1` the one status
/// (bound, blank, for every filter). The open statuses are written out, as the partial index
/// `support_requests_open_waiting_idx` names them, so the queue's default view reads that index.
fn condition(filter: &Filter, table: &str) -> String {
    match filter {
        Filter::Open => format!(
            "{table}.status IN ({})",
            text_literals(Status::OPEN.iter().map(|s| s.code()))
        ),
        Filter::Status(_) => format!("{table}.status = $1"),
        Filter::All => "true".to_string(),
    }
}

fn status_bind(filter: &Filter) -> &'static str {
    match filter {
        Filter::Status(code) => code,
        _ => "",
    }
}

/// The queue's requests in the filter: the sum of the numbers the database keeps per status.
fn total_sql(filter: &Filter) -> String {
    format!(
        "(SELECT coalesce(sum(s.requests), 0) FROM support_status_counts s WHERE {})::bigint",
        condition(filter, "s")
    )
}

/// The queue's requests in the filter, read alone (a page with rows reads it with them).
pub async fn count(mut conn: &AsyncPgConnection, filter: &Filter) -> Result<Total, AppError> {
    #[derive(QueryableByName)]
    struct Kept {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let kept: Kept = prepared(format!("SELECT {} AS n", total_sql(filter)))
        .bind::<Text, _>(status_bind(filter))
        .get_result(&mut conn)
        .await?;
    Ok(Total::Exactly(kept.n))
}

/// Up to `limit` requests of the queue after `after`, in the order of `sort`: off the index of
/// the filter from the cursor on, so a later page costs what the first does. The limit is part
/// of the statement's text, not a parameter: with `LIMIT $n` PostgreSQL priced its cached plan
/// as if a tenth of the table were wanted and planned the statement again on every view (a
/// third of the database's CPU). A fixed plan is safe here: each filter has an index in the
/// queue's order, and no value of the filter makes another plan better. The names are read by
/// subqueries, not joins: planning the four-table join (on a later page, where PostgreSQL
/// plans each view) took twice as long as running it, and three times as long as this. The
/// assignee is looked up only for a request that has one (most have none): the lookup of
/// each row was a third of the statement's time.
pub async fn queue(
    mut conn: &AsyncPgConnection,
    filter: &Filter,
    sort: Sort,
    view: &ListView,
    limit: i64,
) -> Result<Vec<QueueRow>, AppError> {
    let after = view.after;
    let (direction, beyond) = match sort {
        Sort::OldestFirst => ("ASC", ">"),
        Sort::NewestFirst => ("DESC", "<"),
    };
    let keyset = match after {
        Some(_) => format!("AND (r.waiting_since, r.id) {beyond} ($2, $3)"),
        None => String::new(),
    };
    // A search has its own statement, like a cursor.
    let search = match view.q.is_empty() {
        true => String::new(),
        false => format!("AND {}", crate::support::queries::search_condition(None)),
    };
    // Planned for its pattern, like the partner's list (see `support::queries::list`).
    let statement = match view.q.is_empty() {
        true => prepared,
        false => crate::db::statement::planned_each_time,
    };
    Ok(statement(format!(
        "SELECT r.id, r.number,
                (SELECT p.name FROM partners p WHERE p.id = r.partner_id) AS partner,
                (SELECT c.company_name FROM customers c WHERE c.id = r.customer_id) AS customer,
                r.problem_type, r.title, r.status, r.requested_minor, r.currency,
                CASE WHEN r.assigned_to IS NOT NULL
                     THEN (SELECT u.display_name FROM users u WHERE u.id = r.assigned_to)
                END AS assignee,
                r.waiting_since, {} AS listed_total
           FROM support_requests r
          WHERE {} {keyset} {search}
          ORDER BY r.waiting_since {direction}, r.id {direction}
          LIMIT {limit}",
        total_sql(filter),
        condition(filter, "r")
    ))
    .bind::<Text, _>(status_bind(filter))
    .bind::<Nullable<Timestamptz>, _>(after.map(|c| c.at))
    .bind::<Nullable<SqlUuid>, _>(after.map(|c| c.id))
    .bind::<Text, _>(crate::db::contains_pattern(&view.q))
    .bind::<Nullable<BigInt>, _>(view.number())
    .bind::<Text, _>(&view.q)
    .load(&mut conn)
    .await?)
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

pub async fn context(mut conn: &AsyncPgConnection, id: RequestId) -> Result<Context, AppError> {
    Ok(support_requests::table
        .inner_join(partners::table)
        .left_join(users::table.on(support_requests::assigned_to.eq(users::id.nullable())))
        .left_join(orders::table)
        .filter(support_requests::id.eq(id))
        .select(Context::as_select())
        .first(&mut conn)
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
    mut conn: &AsyncPgConnection,
    order_id: OrderId,
) -> Result<Vec<CreditRow>, AppError> {
    Ok(credits::table
        .left_join(support_requests::table)
        .filter(credits::order_id.eq(order_id))
        .order((credits::created_at, credits::id))
        .select(CreditRow::as_select())
        .limit(500)
        .load(&mut conn)
        .await?)
}
