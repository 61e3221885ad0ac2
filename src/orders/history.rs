//! Order history's list: newest or oldest first, optionally narrowed to the orders whose
//! number is the text searched for or that contain a product whose name contains it (see
//! `web::list_view`). Every
//! variant reads one page through an index by keyset, so page 80 costs what page 1 does,
//! whichever the order and the search.

use diesel::sql_types::{BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::queries::OrderSummary;
use crate::auth::PartnerScope;
use crate::customers::claim::{COLUMNS as CUSTOMER, OfCustomer};
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::CustomerId;
use crate::web::list_view::ListView;

/// Up to `limit` orders of the customer as `view` asks, each with the customer they belong to
/// (see `customers::claim`), in one statement.
pub async fn page(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    customer_id: CustomerId,
    view: &ListView,
    limit: i64,
) -> Result<Vec<OfCustomer<OrderSummary>>, AppError> {
    let (dir, cmp) = if view.oldest {
        ("ASC", ">")
    } else {
        ("DESC", "<")
    };
    // A cursor has its own statement: a cached generic plan for an optional cursor could not
    // start the index scan at it.
    let after_orders = match view.after {
        Some(_) => format!("AND (o.placed_at, o.id) {cmp} ($4, $5)"),
        None => String::new(),
    };
    let search = if view.q.is_empty() {
        String::new()
    } else {
        // Each product whose name matches is read off the (customer, product, time) index a
        // page at a time; the number, off the orders' own. At most a page per product.
        let after_lines = match view.after {
            Some(_) => format!("AND (l.placed_at, l.order_id) {cmp} ($4, $5)"),
            None => String::new(),
        };
        format!(
            "AND o.id IN (
               SELECT x.order_id FROM products p
                CROSS JOIN LATERAL (
                  SELECT l.order_id FROM order_lines l
                   WHERE l.customer_id = $1 AND l.product_id = p.id {after_lines}
                   ORDER BY l.placed_at {dir}, l.order_id {dir} LIMIT $3) x
                WHERE p.name ILIKE $6
               UNION ALL
               SELECT n.id FROM orders n WHERE n.customer_id = $1 AND n.number = $7)"
        )
    };
    let sql = format!(
        "SELECT o.id, o.number, o.placed_at, u.display_name AS placed_by,
                o.status, o.currency, o.total_minor, o.line_count, {CUSTOMER}
           FROM customers c
           JOIN customer_counts k ON k.customer_id = c.id
           JOIN orders o ON o.customer_id = c.id
           JOIN users u ON u.id = o.placed_by
          WHERE c.id = $1 AND c.partner_id = $2 AND o.partner_id = $2 {after_orders} {search}
          ORDER BY o.placed_at {dir}, o.id {dir} LIMIT $3"
    );
    let (at, id) = match view.after {
        Some(c) => (Some(c.at), Some(c.id)),
        None => (None, None),
    };
    let pattern = crate::db::contains_pattern(&view.q);
    Ok(prepared(sql)
        .bind::<SqlUuid, _>(customer_id)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<BigInt, _>(limit)
        .bind::<Nullable<Timestamptz>, _>(at)
        .bind::<Nullable<SqlUuid>, _>(id)
        .bind::<Text, _>(pattern)
        .bind::<Nullable<BigInt>, _>(view.number())
        .load(&mut conn)
        .await?)
}
