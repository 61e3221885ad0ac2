//! Reading orders: the customer's order history and one order with its lines.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::auth::PartnerScope;
use crate::db::schema::{order_lines, orders, users};
use crate::error::AppError;

/// A row of Order history: the order, who placed it and its total, in one query.
#[derive(QueryableByName, Debug)]
pub struct OrderSummary {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = BigInt)]
    pub number: i64,
    #[diesel(sql_type = Timestamptz)]
    pub placed_at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    pub placed_by: String,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = Text)]
    pub currency: String,
    #[diesel(sql_type = BigInt)]
    pub total_minor: i64,
    #[diesel(sql_type = BigInt)]
    pub line_count: i64,
}

/// Newest first; `offset`/`limit` page through them. Uses the (customer_id, placed_at) index.
pub async fn history(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: Uuid,
    offset: i64,
    limit: i64,
) -> Result<Vec<OrderSummary>, AppError> {
    Ok(diesel::sql_query(
        "SELECT o.id, o.number, o.placed_at, u.display_name AS placed_by, o.status, o.currency::text AS currency,
                t.total_minor, t.line_count
           FROM (SELECT * FROM orders
                  WHERE customer_id = $1 AND partner_id = $2
                  ORDER BY placed_at DESC, id DESC
                  OFFSET $3 LIMIT $4) o
           JOIN users u ON u.id = o.placed_by
           CROSS JOIN LATERAL (
                SELECT COALESCE(SUM(l.unit_price_minor * (l.quantity - l.quantity_cancelled)), 0)::bigint AS total_minor,
                       COUNT(*) AS line_count
                  FROM order_lines l WHERE l.order_id = o.id) t
          ORDER BY o.placed_at DESC, o.id DESC",
    )
    .bind::<SqlUuid, _>(customer_id)
    .bind::<SqlUuid, _>(scope.partner_id())
    .bind::<BigInt, _>(offset)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

pub async fn count(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: Uuid,
) -> Result<i64, AppError> {
    Ok(orders::table
        .filter(orders::customer_id.eq(customer_id))
        .filter(orders::partner_id.eq(scope.partner_id()))
        .count()
        .get_result(conn)
        .await?)
}

#[derive(Queryable, Debug)]
pub struct OrderHead {
    pub id: Uuid,
    pub number: i64,
    pub placed_at: DateTime<Utc>,
    pub status: String,
    pub currency: String,
    pub placed_by_name: String,
    pub placed_by_email: String,
}

#[derive(Queryable, Debug)]
pub struct LineRow {
    pub product_name: String,
    pub family: String,
    pub licence_kind: String,
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
    customer_id: Uuid,
    order_id: Uuid,
) -> Result<Option<(OrderHead, Vec<LineRow>)>, AppError> {
    let head: Option<OrderHead> = orders::table
        .inner_join(users::table)
        .filter(orders::id.eq(order_id))
        .filter(orders::customer_id.eq(customer_id))
        .filter(orders::partner_id.eq(scope.partner_id()))
        .select((
            orders::id,
            orders::number,
            orders::placed_at,
            orders::status,
            orders::currency,
            users::display_name,
            users::email,
        ))
        .first(conn)
        .await
        .optional()?;
    let Some(head) = head else { return Ok(None) };
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(head.id))
        .order(order_lines::line_number)
        .select((
            order_lines::product_name,
            order_lines::family,
            order_lines::licence_kind,
            order_lines::term_months,
            order_lines::quantity,
            order_lines::quantity_cancelled,
            order_lines::unit_price_minor,
            order_lines::tax_included,
            order_lines::tax_rate_bp,
        ))
        .load(conn)
        .await?;
    Ok(Some((head, lines)))
}
