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
    let after = |t: &str| match view.after {
        Some(_) => format!("AND ({t}.placed_at, {t}.id) {cmp} ($4, $5)"),
        None => String::new(),
    };
    let orders = if view.q.is_empty() {
        format!("JOIN orders o ON o.customer_id = c.id {}", after("o"))
    } else {
        // The page's orders are found before any is read: each product whose name matches
        // gives a page of the customer's lines of it off the (customer, product, time) index,
        // the number its order off the orders' own; of those the newest page is kept, and
        // only its orders are read, with the customer read once (not once per candidate).
        let after_lines = match view.after {
            Some(_) => format!("AND (l.placed_at, l.order_id) {cmp} ($4, $5)"),
            None => String::new(),
        };
        let after_number = after("n");
        format!(
            "CROSS JOIN LATERAL (
               SELECT h.order_id FROM (
                 SELECT x.order_id, x.placed_at FROM products p
                  CROSS JOIN LATERAL (
                    SELECT l.order_id, l.placed_at FROM order_lines l
                     WHERE l.customer_id = c.id AND l.product_id = p.id {after_lines}
                     ORDER BY l.placed_at {dir}, l.order_id {dir} LIMIT $3) x
                  WHERE p.name ILIKE $6
                 UNION ALL
                 SELECT n.id, n.placed_at FROM orders n
                  WHERE n.customer_id = c.id AND n.number = $7 {after_number}) h
                GROUP BY h.placed_at, h.order_id
                ORDER BY h.placed_at {dir}, h.order_id {dir} LIMIT $3) m
             JOIN orders o ON o.id = m.order_id"
        )
    };
    let sql = format!(
        "SELECT o.id, o.number, o.placed_at, u.display_name AS placed_by,
                o.status, o.currency, o.total_minor, o.line_count, {CUSTOMER}
           FROM customers c
           {orders}
           JOIN users u ON u.id = o.placed_by
          WHERE c.id = $1 AND c.partner_id = $2 AND o.partner_id = $2
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
