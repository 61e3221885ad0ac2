//! Reading orders: the customer's order history and one order with its lines.

use crate::catalog::Family;
use crate::ids::{CustomerId, OrderId};
use crate::money::Currency;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::PartnerScope;
use crate::db::schema::{order_lines, orders, users};
use crate::error::AppError;
use crate::web::cursor::Cursor;

/// A row of Order history: the order, who placed it, and its total over its lines.
#[derive(Debug, QueryableByName)]
#[diesel(table_name = orders, check_for_backend(diesel::pg::Pg))]
pub struct OrderSummary {
    pub id: OrderId,
    pub number: i64,
    pub placed_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub placed_by: String,
    pub status: super::OrderStatus,
    pub currency: Currency,
    /// Of what is not cancelled; kept on the order by the database (`order_totals`).
    pub total_minor: i64,
    pub line_count: i32,
}

impl OrderSummary {
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.placed_at,
            id: self.id.0,
            line: None,
        }
    }
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
    mut conn: &AsyncPgConnection,
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
        .first(&mut conn)
        .await
        .optional()?;
    let Some(head) = head else { return Ok(None) };
    let lines = order_lines::table
        .filter(order_lines::order_id.eq(head.id))
        .order(order_lines::line_number)
        .select(LineRow::as_select())
        .load(&mut conn)
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
