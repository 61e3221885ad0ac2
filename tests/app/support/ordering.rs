//! Ordering fixtures: the buying flow's forms as a visitor fills them.

use std::sync::Arc;

use cspdesk::db::schema::{order_lines, orders, product_keys};
use cspdesk::ids::{CustomerId, OrderId};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::{Resp, TestApp, Visitor, csrf_in, product_id};

/// Orders of the customer.
pub async fn order_count(app: &TestApp, customer: CustomerId) -> i64 {
    orders::table
        .filter(orders::customer_id.eq(customer))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

/// The totals and line counts the database keeps on orders, checked against a recount of
/// every order's lines: the orders whose kept figures are wrong (none, when all is well).
pub async fn orders_with_wrong_totals(app: &TestApp) -> Vec<(i64, i64, i64, i32, i32)> {
    #[derive(QueryableByName)]
    struct Wrong {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        number: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        kept_total: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        counted_total: i64,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        kept_lines: i32,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        counted_lines: i32,
    }
    let wrong: Vec<Wrong> = diesel::sql_query(
        "SELECT o.number, o.total_minor AS kept_total, o.line_count AS kept_lines,
                COALESCE(sum(l.unit_price_minor * (l.quantity - l.quantity_cancelled)), 0)::int8
                    AS counted_total,
                count(l.id)::int4 AS counted_lines
           FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
          GROUP BY o.id
         HAVING o.total_minor <> COALESCE(sum(l.unit_price_minor
                                              * (l.quantity - l.quantity_cancelled)), 0)
             OR o.line_count <> count(l.id)",
    )
    .load(&mut app.conn().await)
    .await
    .unwrap();
    wrong
        .into_iter()
        .map(|w| {
            (
                w.number,
                w.kept_total,
                w.counted_total,
                w.kept_lines,
                w.counted_lines,
            )
        })
        .collect()
}

/// The keys of the customer's order lines, as stored.
pub async fn keys_of(app: &TestApp, customer: CustomerId) -> Vec<String> {
    product_keys::table
        .inner_join(order_lines::table.inner_join(orders::table))
        .filter(orders::customer_id.eq(customer))
        .select(product_keys::key_text)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

/// The customer name, product name and order number of each activity record of `operation`
/// about the order, as stored.
pub type RecordNames = (Option<String>, Option<String>, Option<i64>);

pub async fn record_names(app: &TestApp, operation: &str, order: OrderId) -> Vec<RecordNames> {
    use cspdesk::db::schema::activity;
    activity::table
        .filter(activity::operation.eq(operation))
        .filter(activity::order_id.eq(order))
        .select((
            activity::customer_name,
            activity::product_name,
            activity::order_number,
        ))
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

/// The order's number, as forms and pages show it.
pub async fn order_number(app: &TestApp, order: OrderId) -> String {
    let n: i64 = orders::table
        .find(order)
        .select(orders::number)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    n.to_string()
}

/// The hidden fields of the Review page's "Place order" form.
pub fn place_fields(review_html: &str) -> (String, String) {
    let field = |name: &str| {
        let marker = format!("name=\"{name}\" value=\"");
        let start = review_html
            .find(&marker)
            .unwrap_or_else(|| panic!("{name} in review page"))
            + marker.len();
        review_html[start..start + review_html[start..].find('"').unwrap()].to_string()
    };
    (field("order_token"), field("seen"))
}

/// Puts the "Done when" purchase (2 Windows Server 2022 Standard, 1 SQL Server 2022
/// Standard for 3 years) in the cart of the customer at `base` and opens Review.
pub async fn fill_cart(app: &TestApp, v: &Visitor, base: &str) -> Resp {
    let ws = product_id(app, "ws2022-std").await;
    let sql = product_id(app, "sql2022-std-3y").await;
    assert_eq!(
        v.post(
            &format!("{base}/cart"),
            &[("product_id", &ws), ("quantity", "2")]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        v.post(
            &format!("{base}/cart"),
            &[("product_id", &sql), ("quantity", "1")]
        )
        .await
        .status,
        303
    );
    v.get(&format!("{base}/review")).await
}

/// Opens `n` Review pages of the visitor's cart: each has its own order token.
pub async fn review_pages(v: &Visitor, base: &str, n: usize) -> Vec<(String, String, String)> {
    let mut forms = Vec::new();
    for _ in 0..n {
        let page = v.get(&format!("{base}/review")).await;
        assert_eq!(page.status, 200);
        let (token, seen) = place_fields(&page.body);
        forms.push((csrf_in(&page.body).unwrap(), token, seen));
    }
    forms
}

/// A Review page's form (CSRF token, order token, seen lines) and who submits it where.
pub type Submit = (Arc<Visitor>, String, (String, String, String));

/// Submits every form at the same moment; the answers.
pub async fn submit_all(forms: Vec<Submit>) -> Vec<Resp> {
    let start = Arc::new(tokio::sync::Barrier::new(forms.len()));
    let tasks: Vec<_> = forms
        .into_iter()
        .map(|(v, base, (csrf, token, seen))| {
            let start = start.clone();
            tokio::spawn(async move {
                let fields = [
                    ("csrf_token", csrf.as_str()),
                    ("order_token", token.as_str()),
                    ("seen", seen.as_str()),
                ];
                start.wait().await;
                v.post_raw(&format!("{base}/orders"), &fields).await
            })
        })
        .collect();
    let mut answers = Vec::new();
    for t in tasks {
        answers.push(t.await.unwrap());
    }
    answers
}

/// Statements the app sends to answer `path`, measured on a second visit so one-time work
/// (such as refreshing the session's last-seen time) is not counted.
pub async fn queries_for(app: &TestApp, v: &Visitor, path: &str) -> u64 {
    assert_eq!(v.get(path).await.status, 200, "{path}");
    let before = app.queries.get();
    assert_eq!(v.get(path).await.status, 200, "{path}");
    app.queries.get() - before
}

/// Every page of a list read by keyset, from `first`, following its "Older" link until there
/// is none; each page is also checked to take as many statements as the first.
pub async fn keyset_pages(app: &TestApp, v: &Visitor, first: &str) -> Vec<Resp> {
    let statements = queries_for(app, v, first).await;
    let mut pages = vec![v.get(first).await];
    while let Some(next) = older_link(&pages.last().unwrap().body) {
        assert_eq!(
            queries_for(app, v, &next).await,
            statements,
            "{next} reads as much as the first page"
        );
        let page = v.get(&next).await;
        assert!(
            page.body.contains("data-test=\"pager-newest\""),
            "{next} links back to the newest rows"
        );
        pages.push(page);
        assert!(pages.len() < 100, "the Older links end");
    }
    pages
}

/// The address of a list's "Older" link (the activity log's has a name of its own).
pub fn older_link(body: &str) -> Option<String> {
    let end = [
        "\" data-test=\"pager-older\"",
        "\" data-test=\"activity-older\"",
    ]
    .iter()
    .find_map(|marker| body.find(marker))?;
    let start = body[..end].rfind("href=\"")? + "href=\"".len();
    Some(super::html::unescape(&body[start..end]))
}

/// Cancels a purchase from its Cancel page, as the dialog's form posts it (within its window:
/// the answer is the redirect back).
pub async fn cancel(v: &Visitor, p: super::Purchase) {
    let done = v
        .post(
            &p.cancel_path(),
            &[("order", &p.order.to_string()), ("acknowledge", "yes")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
}
