//! Reading what a cancellation needs: the customer's orders that contain a product, their
//! lines with price and credits so far, and the product's policy. Every query is scoped to one
//! customer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::rules::{Licence, Policy};
use crate::auth::{CustomerScope, PartnerScope};
use crate::db::schema::{order_lines, orders, products};
use crate::error::AppError;
use crate::ids::{CustomerId, LineId, OrderId, PartnerId, ProductId};

/// A line of one product in one of the customer's orders.
#[derive(Queryable, QueryableByName, Selectable, Debug, Clone)]
#[diesel(table_name = order_lines, check_for_backend(diesel::pg::Pg))]
pub struct Line {
    #[diesel(column_name = id)]
    pub line_id: LineId,
    pub order_id: OrderId,
    #[diesel(select_expression = orders::number, sql_type = diesel::sql_types::BigInt)]
    pub order_number: i64,
    #[diesel(
        select_expression = orders::placed_at,
        sql_type = diesel::sql_types::Timestamptz
    )]
    pub placed_at: DateTime<Utc>,
    pub product_id: ProductId,
    pub product_name: String,
    pub licence_kind: crate::catalog::LicenceKind,
    pub term_months: Option<i32>,
    pub quantity: i32,
    pub quantity_cancelled: i32,
    pub unit_price_minor: i64,
    pub credited_minor: i64,
    pub currency: crate::money::Currency,
}

impl Line {
    pub fn paid(&self) -> i64 {
        crate::orders::pricing::line_amount(self.unit_price_minor, self.quantity)
    }

    pub fn is_cancelled(&self) -> bool {
        self.quantity_cancelled >= self.quantity
    }

    pub fn licence(&self) -> Result<Licence, AppError> {
        Licence::from_columns(self.licence_kind, self.term_months)
            .ok_or_else(|| AppError::internal("order line with an unknown licence"))
    }

    /// What cancelling this line at `now` credits (the rule of `rules::credit`).
    pub fn credit_at(&self, now: DateTime<Utc>) -> Result<i64, AppError> {
        Ok(super::rules::credit(
            self.paid(),
            self.credited_minor,
            self.licence()?,
            self.placed_at,
            now,
        ))
    }
}

/// A `Line`'s columns, for a statement that names `order_lines` as `l` and `orders` as `o`.
const LINE_COLUMNS: &str = "l.id, l.order_id, o.number AS order_number, l.placed_at, \
     l.product_id, l.product_name, l.licence_kind, l.term_months, l.quantity, \
     l.quantity_cancelled, l.unit_price_minor, l.credited_minor, l.currency";

/// A product's cancellation policy from the catalog's columns.
fn policy_of(policy: &str, window_days: Option<i32>) -> Result<Policy, AppError> {
    Policy::from_columns(policy, window_days)
        .ok_or_else(|| AppError::internal("product with an unknown cancellation policy"))
}

/// The drop-down lists the product's newest `MAX_LINES` lines of the customer; an older order
/// can still be chosen by its address (the purchase's own Cancel link names its order). So the
/// dialog reads a bounded number of rows however many orders the customer has placed.
const MAX_LINES: i64 = 25;

/// A line with its product's cancellation policy as the catalog states it now.
#[derive(QueryableByName)]
struct WithPolicy {
    #[diesel(embed)]
    line: Line,
    #[diesel(sql_type = diesel::sql_types::Text)]
    policy: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    window_days: Option<i32>,
}

/// The newest lines of the product of line `line` that its customer bought, newest order
/// first, straight off the (customer_id, product_id, placed_at, order_id, line_number) index
/// of order lines (each carries its order's number and time), and the product's policy, in
/// one statement. It needs only the address's ids, so it is sent alongside the purchase's own
/// lookup; `NotFound` unless the line is of customer `customer` of partner `partner`.
pub async fn lines_and_policy(
    mut conn: &AsyncPgConnection,
    partner: PartnerId,
    customer: Option<CustomerId>,
    line: Option<LineId>,
) -> Result<(Vec<Line>, Policy), AppError> {
    use diesel::sql_types::{BigInt, Uuid as SqlUuid};
    let (Some(customer), Some(line)) = (customer, line) else {
        return Err(AppError::NotFound);
    };
    let rows: Vec<WithPolicy> = crate::db::statement::prepared(
        "SELECT l.id, l.order_id, l.order_number, l.placed_at, l.product_id, l.product_name,
                l.licence_kind, l.term_months, l.quantity, l.quantity_cancelled,
                l.unit_price_minor, l.credited_minor, l.currency,
                p.cancellation_policy AS policy, p.cancellation_window_days AS window_days
           FROM order_lines b
           JOIN products p ON p.id = b.product_id
          CROSS JOIN LATERAL (SELECT * FROM order_lines x
                               WHERE x.customer_id = b.customer_id AND x.product_id = b.product_id
                               ORDER BY x.placed_at DESC, x.order_id DESC, x.line_number
                               LIMIT $4) l
          WHERE b.id = $1 AND b.customer_id = $2 AND b.partner_id = $3
          ORDER BY l.placed_at DESC, l.order_id DESC, l.line_number",
    )
    .bind::<SqlUuid, _>(line)
    .bind::<SqlUuid, _>(customer)
    .bind::<SqlUuid, _>(partner)
    .bind::<BigInt, _>(MAX_LINES)
    .load(&mut conn)
    .await?;
    // The line itself is one of its customer's lines of the product: no row, no such line.
    let first = <[WithPolicy]>::first(&rows).ok_or(AppError::NotFound)?;
    let policy = policy_of(&first.policy, first.window_days)?;
    Ok((rows.into_iter().map(|r| r.line).collect(), policy))
}

/// A line of an order locked for cancelling, with its number in the order and its product's
/// cancellation policy as the catalog states it now.
#[derive(QueryableByName, Debug, Clone)]
pub struct Locked {
    #[diesel(embed)]
    pub line: Line,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub line_number: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    policy: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    window_days: Option<i32>,
    /// What the API's answer shows of the line besides: its offer and tax treatment.
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub sku: String,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub tax_included: bool,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub tax_rate_bp: i32,
    /// The product's name in the catalog now, as the activity log records it (the line keeps
    /// the name it was sold under).
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub catalog_name: String,
}

impl Locked {
    pub fn policy(&self) -> Result<Policy, AppError> {
        policy_of(&self.policy, self.window_days)
    }
}

/// Every line of one order of this customer, in line order, locked with the order until the
/// transaction ends: concurrent cancellations of the order wait here, then see the first
/// one's result. The policies come along, so what a cancellation decides needs no other read.
pub async fn lock_order(
    mut conn: &AsyncPgConnection,
    scope: CustomerScope,
    order_id: OrderId,
) -> Result<Vec<Locked>, AppError> {
    use diesel::sql_types::Uuid as SqlUuid;
    Ok(crate::db::statement::prepared(lock_sql(""))
        .bind::<SqlUuid, _>(order_id)
        .bind::<SqlUuid, _>(scope.customer_id())
        .load(&mut conn)
        .await?)
}

/// `lock_order` for a customer not yet shown to be the partner's (its check goes in the same
/// round trip): nothing is read or locked unless the order is the partner's.
pub async fn lock_partner_order(
    mut conn: &AsyncPgConnection,
    partner: &PartnerScope,
    customer_id: CustomerId,
    order_id: OrderId,
) -> Result<Vec<Locked>, AppError> {
    use diesel::sql_types::Uuid as SqlUuid;
    Ok(
        crate::db::statement::prepared(lock_sql("AND o.partner_id = $3"))
            .bind::<SqlUuid, _>(order_id)
            .bind::<SqlUuid, _>(customer_id)
            .bind::<SqlUuid, _>(partner.partner_id())
            .load(&mut conn)
            .await?,
    )
}

/// The order's lines with what a cancellation decides by, locked with the order; `also` is a
/// further condition on the order `o`.
fn lock_sql(also: &str) -> String {
    format!(
        "SELECT {LINE_COLUMNS}, l.line_number,
                p.cancellation_policy AS policy, p.cancellation_window_days AS window_days,
                p.sku, l.tax_included, l.tax_rate_bp, p.name AS catalog_name
           FROM order_lines l
           JOIN orders o ON o.id = l.order_id
           JOIN products p ON p.id = l.product_id
          WHERE o.id = $1 AND o.customer_id = $2 {also}
          ORDER BY l.line_number
            FOR UPDATE OF l, o"
    )
}

/// The lines of `product_id` in one order of this customer.
#[diesel::dsl::auto_type]
fn in_order(customer: CustomerId, order_id: OrderId, product_id: ProductId) -> _ {
    let columns: diesel::dsl::AsSelect<Line, diesel::pg::Pg> = Line::as_select();
    order_lines::table
        .inner_join(orders::table)
        .filter(orders::customer_id.eq(customer))
        .filter(orders::id.eq(order_id))
        .filter(order_lines::product_id.eq(product_id))
        .order(order_lines::line_number)
        .select(columns)
}

/// The current policies of several products, in one query.
pub async fn policies(
    mut conn: &AsyncPgConnection,
    product_ids: &[ProductId],
) -> Result<std::collections::HashMap<ProductId, Policy>, AppError> {
    let rows: Vec<(ProductId, String, Option<i32>)> = products::table
        .filter(products::id.eq_any(product_ids))
        .select((
            products::id,
            products::cancellation_policy,
            products::cancellation_window_days,
        ))
        .load(&mut conn)
        .await?;
    rows.into_iter()
        .map(|(id, policy, days)| policy_of(&policy, days).map(|p| (id, p)))
        .collect()
}

/// Those lines without a lock, for showing.
pub async fn order_lines(
    mut conn: &AsyncPgConnection,
    scope: CustomerScope,
    order_id: OrderId,
    product_id: ProductId,
) -> Result<Vec<Line>, AppError> {
    Ok(in_order(scope.customer_id(), order_id, product_id)
        .load(&mut conn)
        .await?)
}

/// Every line of an order, whoever's it is: for support staff reviewing a refund, whose
/// access the request decides. `lock` takes the lines for update until the transaction ends.
pub async fn lines_of_order(
    mut conn: &AsyncPgConnection,
    order_id: OrderId,
    lock: bool,
) -> Result<Vec<Line>, AppError> {
    let query = order_lines::table
        .inner_join(orders::table)
        .filter(orders::id.eq(order_id))
        .order(order_lines::line_number)
        .select(Line::as_select());
    Ok(if lock {
        query.for_update().load(&mut conn).await?
    } else {
        query.load(&mut conn).await?
    })
}
