//! The benchmark's data set is what the README says it measures.

use diesel::sql_types::BigInt;
use diesel_async::RunQueryDsl;

use cspdesk::seed::bench::Size;

use crate::support::TestApp;

#[derive(diesel::QueryableByName, Debug, PartialEq)]
struct Counts {
    #[diesel(sql_type = BigInt)]
    customers: i64,
    #[diesel(sql_type = BigInt)]
    orders: i64,
    #[diesel(sql_type = BigInt)]
    big_orders: i64,
    #[diesel(sql_type = BigInt)]
    orders_without_lines: i64,
    #[diesel(sql_type = BigInt)]
    software_lines_without_key: i64,
    #[diesel(sql_type = BigInt)]
    cart_lines: i64,
    #[diesel(sql_type = BigInt)]
    support_requests: i64,
    #[diesel(sql_type = BigInt)]
    open_requests: i64,
    #[diesel(sql_type = BigInt)]
    api_tokens: i64,
    #[diesel(sql_type = BigInt)]
    tenant_access: i64,
}

async fn counts(app: &TestApp) -> Counts {
    diesel::sql_query(
        "SELECT
           (SELECT count(*) FROM customers WHERE primary_domain LIKE 'bench-%') AS customers,
           (SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE c.primary_domain LIKE 'bench-%') AS orders,
           (SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id
             WHERE c.primary_domain = 'bench-00001.test') AS big_orders,
           (SELECT count(*) FROM orders o WHERE NOT EXISTS
             (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)) AS orders_without_lines,
           (SELECT count(*) FROM order_lines l WHERE l.family <> 'azure_reservation'
               AND l.family <> 'linux_plan'
               AND NOT EXISTS (SELECT 1 FROM product_keys k WHERE k.order_line_id = l.id))
             AS software_lines_without_key,
           (SELECT count(*) FROM cart_items i JOIN customers c ON c.id = i.customer_id
             WHERE c.primary_domain = 'bench-00001.test') AS cart_lines,
           (SELECT count(*) FROM support_requests WHERE title LIKE 'Benchmark request %')
             AS support_requests,
           (SELECT count(*) FROM support_requests
             WHERE title LIKE 'Benchmark request %' AND status IN ('new', 'in_review'))
             AS open_requests,
           (SELECT count(*) FROM api_tokens WHERE name LIKE 'Benchmark token %') AS api_tokens,
           (SELECT count(*) FROM activity WHERE actor = 'admin@adatum.test'
               AND operation IN ('key_viewed', 'downloaded')) AS tenant_access",
    )
    .get_result(&mut app.conn().await)
    .await
    .unwrap()
}

/// The benchmark customers' download links, the purchases they are for, and the purchases
/// that could have one (a product with files).
#[derive(diesel::QueryableByName, Debug, PartialEq)]
struct Links {
    #[diesel(sql_type = BigInt)]
    links: i64,
    #[diesel(sql_type = BigInt)]
    lines: i64,
    #[diesel(sql_type = BigInt)]
    downloadable: i64,
}

async fn links(app: &TestApp) -> Links {
    diesel::sql_query(
        "SELECT count(*) AS links, count(DISTINCT d.order_line_id) AS lines,
                (SELECT count(*) FROM order_lines l JOIN customers c ON c.id = l.customer_id
                  WHERE c.primary_domain LIKE 'bench-%' AND EXISTS
                        (SELECT 1 FROM product_variants v WHERE v.product_id = l.product_id))
                  AS downloadable
           FROM download_links d JOIN customers c ON c.id = d.customer_id
          WHERE c.primary_domain LIKE 'bench-%'",
    )
    .get_result(&mut app.conn().await)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_bench_adds_ten_thousand_customers_and_two_hundred_thousand_orders_once() {
    let app = TestApp::spawn().await;
    let now = cspdesk::clock::Clock::now(app.clock.as_ref());
    let mut conn = app.conn().await;
    let tenant = cspdesk::seed::bench::insert(&mut conn, now, Size::FULL)
        .await
        .expect("bench data");
    let want = Counts {
        customers: 10_000,
        orders: 200_000,
        big_orders: 2_000,
        orders_without_lines: 0,
        software_lines_without_key: 0,
        cart_lines: 3,
        support_requests: 20_000,
        open_requests: 13_334,
        api_tokens: 250,
        tenant_access: 500,
    };
    assert_eq!(counts(&app).await, want);
    assert_eq!(
        cspdesk::seed::bench::insert(&mut conn, now, Size::FULL)
            .await
            .expect("second run"),
        tenant,
        "the same customer"
    );
    assert_eq!(counts(&app).await, want, "nothing added the second time");
    let spread = links(&app).await;
    assert_eq!(links(&app).await, spread, "no link added the second time");
    assert_eq!(spread.links, spread.lines, "one link a purchase");
    assert!(
        spread.links * 100 > spread.downloadable * 3
            && spread.links * 100 < spread.downloadable * 7,
        "about one downloadable purchase in twenty has a link: {spread:?}"
    );

    let v = app.signed_in(crate::support::demo::ADMIN).await;
    let history = v.get(&format!("/customers/{tenant}/orders")).await;
    assert!(history.contains("2,000 orders"), "{}", history.body);
    assert_eq!(
        v.get(&format!("/customers/{tenant}/review")).await.status,
        200
    );
}

/// The second, smaller data set the benchmark compares with: a tenth of everything, over the
/// same 88 days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_bench_tenth_adds_a_tenth_over_the_same_days() {
    let app = TestApp::spawn().await;
    let now = cspdesk::clock::Clock::now(app.clock.as_ref());
    let mut conn = app.conn().await;
    let tenant = cspdesk::seed::bench::insert(&mut conn, now, Size::TENTH)
        .await
        .expect("bench data");
    let want = Counts {
        customers: 1_000,
        orders: 20_000,
        big_orders: 200,
        orders_without_lines: 0,
        software_lines_without_key: 0,
        cart_lines: 3,
        support_requests: 2_000,
        open_requests: 1_334,
        api_tokens: 25,
        tenant_access: 50,
    };
    assert_eq!(counts(&app).await, want);
    let oldest: Option<chrono::DateTime<chrono::Utc>> = {
        use cspdesk::db::schema::orders;
        use diesel::{ExpressionMethods, QueryDsl};
        orders::table
            .filter(orders::customer_id.ne(tenant))
            .select(diesel::dsl::min(orders::placed_at))
            .get_result(&mut conn)
            .await
            .unwrap()
    };
    let oldest = oldest.expect("orders");
    let days = (now - oldest).num_days();
    assert!((87..=88).contains(&days), "the orders span {days} days");
    let v = app.signed_in(crate::support::demo::ADMIN).await;
    let history = v.get(&format!("/customers/{tenant}/orders")).await;
    assert!(history.contains("200 orders"), "{}", history.body);
    // The API tokens page has a whole page on the tenth too, as on the full size.
    let admin = app.signed_in(crate::support::demo::GLOBAL).await;
    let tokens = admin.get("/account/api-tokens").await;
    assert_eq!(
        tokens.body.matches("data-test=\"api-token-row\"").count(),
        25
    );
    // And so has the customer admin's "who accessed keys and files".
    let tenant = app.signed_in("admin@adatum.test").await;
    let access = tenant.get("/your-products/access").await;
    assert_eq!(
        access.body.matches("<tr><td>").count(),
        50,
        "{}",
        access.body
    );
    assert!(access.contains("Windows Server"), "{}", access.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_bench_gives_ten_partners_activity_records_once_and_the_log_pages_them() {
    use cspdesk::db::schema::activity;
    use diesel::{ExpressionMethods, PgJsonbExpressionMethods, QueryDsl};
    let app = TestApp::spawn().await;
    let now = cspdesk::clock::Clock::now(app.clock.as_ref());
    let mut conn = app.conn().await;
    let before: i64 = activity::table.count().get_result(&mut conn).await.unwrap();
    for _ in 0..2 {
        cspdesk::seed::bench_activity::insert(&mut conn, now, 2_000)
            .await
            .expect("bench activity");
        let after: i64 = activity::table.count().get_result(&mut conn).await.unwrap();
        assert_eq!(after - before, 20_000, "10 partners × 2,000, added once");
    }
    let per_partner: Vec<i64> = activity::table
        .filter(activity::details.has_key("file"))
        .filter(activity::partner_id.is_not_null())
        .group_by(activity::partner_id)
        .select(diesel::dsl::count_star())
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(per_partner.len(), 10);
    let access: i64 = activity::table
        .filter(activity::operation.eq_any([
            "key_viewed",
            "downloaded",
            "link_created",
            "link_used",
            "link_refused",
        ]))
        .filter(activity::details.has_key("ip"))
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(access, 16_000, "8 in 10 touch keys or files");
    drop(conn);
    let v = app.signed_in(crate::support::demo::GLOBAL).await;
    let page = v.get("/account/activity").await;
    assert_eq!(crate::support::html::rows(&page.body).len(), 25);
    assert!(page.contains("data-test=\"activity-older\""));
}
