//! Reading orders: the customer's order history and one order with its lines.

use crate::catalog::Family;
use crate::ids::{CustomerId, OrderId};
use crate::money::Currency;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::PartnerScope;
use crate::db::schema::{order_lines, orders, users};
use crate::error::AppError;
use crate::orders::pricing::line_amount;

/// A row of Order history: the order, who placed it, and its total over its lines.
#[derive(Debug)]
pub struct OrderSummary {
    pub id: OrderId,
    pub number: i64,
    pub placed_at: DateTime<Utc>,
    pub placed_by: String,
    pub status: super::OrderStatus,
    pub currency: Currency,
    pub total_minor: i64,
    pub line_count: i64,
}

/// Newest first; `offset`/`limit` page through them. Two statements whatever the page size
/// (the page's orders, then all their lines), both built by diesel so each connection
/// prepares them once; the orders come off the (customer_id, placed_at, id) index.
pub async fn history(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: CustomerId,
    offset: i64,
    limit: i64,
) -> Result<Vec<OrderSummary>, AppError> {
    let page: Vec<HistoryRow> = orders::table
        .inner_join(users::table)
        .filter(orders::customer_id.eq(customer_id))
        .filter(orders::partner_id.eq(scope.partner_id()))
        .order((orders::placed_at.desc(), orders::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(HistoryRow::as_select())
        .load(conn)
        .await?;
    let ids: Vec<OrderId> = page.iter().map(|row| row.id).collect();
    let totals = totals_of(conn, &ids).await?;
    Ok(page
        .into_iter()
        .map(|r| {
            let (total_minor, line_count) = totals.get(&r.id).copied().unwrap_or_default();
            OrderSummary {
                id: r.id,
                number: r.number,
                placed_at: r.placed_at,
                placed_by: r.placed_by,
                status: r.status,
                currency: r.currency,
                total_minor,
                line_count,
            }
        })
        .collect())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = orders, check_for_backend(diesel::pg::Pg))]
struct HistoryRow {
    id: OrderId,
    number: i64,
    placed_at: DateTime<Utc>,
    #[diesel(select_expression = users::display_name)]
    placed_by: String,
    status: super::OrderStatus,
    currency: Currency,
}

/// Each order's total (of what is not cancelled) and its number of lines, in one statement.
async fn totals_of(
    conn: &mut AsyncPgConnection,
    ids: &[OrderId],
) -> Result<HashMap<OrderId, (i64, i64)>, AppError> {
    let lines: Vec<(OrderId, i64, i32, i32)> = order_lines::table
        .filter(order_lines::order_id.eq_any(ids))
        .select((
            order_lines::order_id,
            order_lines::unit_price_minor,
            order_lines::quantity,
            order_lines::quantity_cancelled,
        ))
        .load(conn)
        .await?;
    let mut totals: HashMap<OrderId, (i64, i64)> = HashMap::new();
    for (order_id, unit, quantity, cancelled) in lines {
        let entry = totals.entry(order_id).or_default();
        entry.0 += line_amount(unit, quantity - cancelled);
        entry.1 += 1;
    }
    Ok(totals)
}

pub async fn count(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: CustomerId,
) -> Result<i64, AppError> {
    Ok(orders::table
        .filter(orders::customer_id.eq(customer_id))
        .filter(orders::partner_id.eq(scope.partner_id()))
        .count()
        .get_result(conn)
        .await?)
}

#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = orders, check_for_backend(diesel::pg::Pg))]
pub struct OrderHead {
    pub id: OrderId,
    pub number: i64,
    pub placed_at: DateTime<Utc>,
    pub status: super::OrderStatus,
    pub currency: Currency,
    #[diesel(select_expression = users::display_name)]
    pub placed_by_name: String,
    #[diesel(select_expression = users::email)]
    pub placed_by_email: String,
}

#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = order_lines, check_for_backend(diesel::pg::Pg))]
pub struct LineRow {
    pub product_name: String,
    pub family: Family,
    pub licence_kind: crate::catalog::LicenceKind,
    pub term_months: Option<i32>,
    pub quantity: i32,
    pub quantity_cancelled: i32,
    pub unit_price_minor: i64,
    pub tax_included: bool,
    pub tax_rate_bp: i32,
}

/// One order of this customer; `None` if the id names none (or another customer's).
pub async fn order(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: CustomerId,
    order_id: OrderId,
) -> Result<Option<(OrderHead, Vec<LineRow>)>, AppError> {
    let head: Option<OrderHead> = orders::table
        .inner_join(users::table)
        .filter(orders::id.eq(order_id))
        .filter(orders::customer_id.eq(customer_id))
        .filter(orders::partner_id.eq(scope.partner_id()))
        .select(OrderHead::as_select())
        .first(conn)
        .await
        .optional()?;
    let Some(head) = head else { return Ok(None) };
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(head.id))
        .order(order_lines::line_number)
        .select(LineRow::as_select())
        .load(conn)
        .await?;
    Ok(Some((head, lines)))
}

/// Whether `order_id` is one of this customer's orders.
pub async fn exists(
    conn: &mut AsyncPgConnection,
    scope: crate::auth::CustomerScope,
    order_id: OrderId,
) -> Result<bool, AppError> {
    Ok(diesel::select(diesel::dsl::exists(
        orders::table
            .filter(orders::id.eq(order_id))
            .filter(orders::customer_id.eq(scope.customer_id())),
    ))
    .get_result(conn)
    .await?)
}
