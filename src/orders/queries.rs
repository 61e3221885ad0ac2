//! Reading orders: the customer's order history and one order with its lines.

use crate::catalog::Family;
use crate::ids::{CustomerId, OrderId};
use crate::money::Currency;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::PartnerScope;
use crate::customers::claim::{COLUMNS as CUSTOMER, OfCustomer};
use crate::db::schema::{order_lines, orders, users};
use crate::db::statement::prepared;
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

/// Newest first, up to `limit` orders older than `after`, each with the customer they belong
/// to (see `customers::claim`), in one statement: the orders come off the (customer_id,
/// placed_at, id) index with the totals the database keeps on them, so a page costs the same
/// whichever page it is and however many orders the customer has. The first page has its own
/// statement: a cached generic plan for an optional cursor could not start the index scan at it.
pub async fn history(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: CustomerId,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<OfCustomer<OrderSummary>>, AppError> {
    use diesel::sql_types::{BigInt, Timestamptz, Uuid as SqlUuid};
    let select = format!(
        "SELECT o.id, o.number, o.placed_at, u.display_name AS placed_by,
                o.status, o.currency, o.total_minor, o.line_count, {CUSTOMER}
           FROM customers c
           JOIN customer_counts k ON k.customer_id = c.id
           JOIN orders o ON o.customer_id = c.id
           JOIN users u ON u.id = o.placed_by
          WHERE c.id = $1 AND c.partner_id = $2 AND o.partner_id = $2"
    );
    const ORDER: &str = "ORDER BY o.placed_at DESC, o.id DESC LIMIT $3";
    let first = prepared(format!("{select} {ORDER}"))
        .bind::<SqlUuid, _>(customer_id)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<BigInt, _>(limit);
    Ok(match after {
        None => first.load(&mut conn).await?,
        Some(c) => {
            prepared(format!(
                "{select} AND (o.placed_at, o.id) < ($4, $5) {ORDER}"
            ))
            .bind::<SqlUuid, _>(customer_id)
            .bind::<SqlUuid, _>(scope.partner_id())
            .bind::<BigInt, _>(limit)
            .bind::<Timestamptz, _>(c.at)
            .bind::<SqlUuid, _>(c.id)
            .load(&mut conn)
            .await?
        }
    })
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
