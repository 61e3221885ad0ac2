use cspdesk::auth::Role;
use cspdesk::db::schema::{activity, order_lines, orders, prices, products};
use cspdesk::ids::OrderId;
use cspdesk::money::Currency;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::fixtures::four_purchases;
use crate::support::fixtures_orders::other_partners_agent;
use crate::support::ordering::{fill_cart, keys_of, order_count, place_fields, queries_for};
use crate::support::{Shop, TestApp, Visitor, csrf_in, product_id};

/// Signs in as `email` and buys the "Done when" purchase for the shop's US customer through
/// its pages: the visitor, the customer's address and the answer to "Place order".
async fn buy_as(
    app: &TestApp,
    shop: &Shop,
    email: &str,
) -> (Visitor, String, crate::support::Resp) {
    let v = app.signed_in(email).await;
    let base = format!("/customers/{}", shop.customer);
    let review = fill_cart(app, &v, &base).await;
    assert_eq!(review.status, 200);
    let (token, seen) = place_fields(&review.body);
    let placed = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    (v, base, placed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_agent_buys_for_a_us_customer_and_finds_the_order_in_order_history() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let (v, base, placed) = buy_as(&app, &shop, &shop.agent).await;
    assert_eq!(placed.status, 303);
    let order = v.get(&placed.location.unwrap()).await;
    let marker = "data-test=\"order-number\">";
    let at = order.body.find(marker).unwrap() + marker.len();
    let number = &order.body[at..at + order.body[at..].find('<').unwrap()];
    assert!(order.contains(&format!("Order {number} was placed.")));
    // 2 × 1,069.00 + 1 × 4,734.00 = $6,872.00, tax excluded in the US.
    assert!(
        order.contains("$2,138.00") && order.contains("$4,734.00") && order.contains("$6,872.00")
    );
    assert!(
        order.contains("Excludes tax")
            && order.contains("Subscription, 3 years")
            && order.contains("Perpetual")
    );
    assert!(order.contains("Completed") && order.contains(" UTC</dd>"));
    let history = v.get(&format!("{base}/orders")).await;
    assert!(
        history.contains(&format!(">{number}</a>"))
            && history.contains("$6,872.00")
            && history.contains("2 lines")
    );
    // Every software line got its own Multiple Activation Key.
    let keys = keys_of(&app, shop.customer).await;
    assert_eq!(keys.len(), 2);
    assert!(keys.iter().all(|k| k.len() == 32) && keys[0] != keys[1]);
    let review = v.get(&format!("{base}/review")).await;
    assert!(
        review.contains("The cart is empty."),
        "the cart was emptied"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sales_agent_can_buy_and_a_helpdesk_agent_cannot() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let (_, base, placed) = buy_as(&app, &shop, &sales).await;
    assert_eq!(placed.status, 303);
    assert_eq!(order_count(&app, shop.customer).await, 1);
    let helpdesk = app.user(shop.partner).roles(&[Role::HelpdeskAgent]).await;
    let helpdesk = app.signed_in(&helpdesk).await;
    assert_eq!(helpdesk.get(&format!("{base}/review")).await.status, 403);
    let forged = helpdesk
        .post(
            &format!("{base}/orders"),
            &[("order_token", "x"), ("seen", "")],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(order_count(&app, shop.customer).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_concurrent_submits_of_one_form_place_exactly_one_order() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let review = fill_cart(&app, &v, &base).await;
    let (token, seen) = place_fields(&review.body);
    let csrf = csrf_in(&review.body).unwrap();
    let v = std::sync::Arc::new(v);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let (v, base, token, seen, csrf) = (
            v.clone(),
            base.clone(),
            token.clone(),
            seen.clone(),
            csrf.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let fields = [
                ("csrf_token", csrf.as_str()),
                ("order_token", token.as_str()),
                ("seen", seen.as_str()),
            ];
            v.post_raw(&format!("{base}/orders"), &fields).await
        }));
    }
    let mut locations = std::collections::HashSet::new();
    for t in tasks {
        let res = t.await.unwrap();
        assert_eq!(res.status, 303, "{}", res.body);
        locations.insert(res.location.unwrap());
    }
    assert_eq!(order_count(&app, shop.customer).await, 1);
    assert_eq!(locations.len(), 1, "every submit leads to the same order");
    assert_eq!(
        keys_of(&app, shop.customer).await.len(),
        2,
        "one order's two lines, one key each"
    );
    // A refresh of the POST later still shows the one order, calmly.
    let again = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert!(
        v.get(&again.location.unwrap())
            .await
            .contains("was already placed")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_price_changed_since_review_is_shown_and_asked_again() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let review = fill_cart(&app, &v, &base).await;
    let (token, seen) = place_fields(&review.body);
    let ws: uuid::Uuid = product_id(&app, "ws2022-std").await.parse().unwrap();
    diesel::update(prices::table.find((ws, "USD")))
        .set(prices::amount_minor.eq(120_000_i64))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let res = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(res.contains("Prices or quantities changed") && res.contains("$1,200.00"));
    assert_eq!(order_count(&app, shop.customer).await, 0, "nothing written");
    let (token, seen) = place_fields(&res.body);
    let res = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert_eq!(res.status, 303);
    let paid: i64 = order_lines::table
        .inner_join(orders::table)
        .filter(orders::customer_id.eq(shop.customer))
        .filter(order_lines::product_id.eq(ws))
        .select(order_lines::unit_price_minor)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(
        paid, 120_000,
        "the price paid is copied onto the order line"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_foreign_and_empty_forms_are_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let empty = v.get(&format!("{base}/review")).await;
    assert!(empty.contains("The cart is empty."));
    let review = fill_cart(&app, &v, &base).await;
    let (token, seen) = place_fields(&review.body);
    // Another user of the same partner cannot use this form's token.
    let other = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let other = app.signed_in(&other).await;
    let res = other
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert!(
        other
            .get(&res.location.unwrap())
            .await
            .contains("This form is out of date.")
    );
    let junk = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", "nonsense"), ("seen", "a:b")],
        )
        .await;
    assert!(
        v.get(&junk.location.unwrap())
            .await
            .contains("This form is out of date.")
    );
    assert_eq!(order_count(&app, shop.customer).await, 0);
    // Another partner's customer is a 404 before anything else.
    let fabrikam = app.signed_in(&other_partners_agent(&app).await).await;
    let res = fabrikam
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(
        v.post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)]
        )
        .await
        .status,
        303
    );
    assert_eq!(
        order_count(&app, shop.customer).await,
        1,
        "the owner's form still works"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_changes_quantities_and_removes_lines() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let australian = app.customer(shop.partner).market("AU", Currency::Aud).await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{australian}");
    let ws = product_id(&app, "ws2022-std").await;
    v.post(
        &format!("{base}/cart"),
        &[("product_id", &ws), ("quantity", "1")],
    )
    .await;
    v.post(&format!("{base}/cart/{ws}/quantity"), &[("quantity", "3")])
        .await;
    let review = v.get(&format!("{base}/review")).await;
    assert!(review.contains("A$4,872.00") && review.contains("Tax included: A$442.91"));
    assert!(review.contains("Prices include GST (10%)."));
    let bad = v
        .post(&format!("{base}/cart/{ws}/quantity"), &[("quantity", "0")])
        .await;
    assert!(
        v.get(&bad.location.unwrap())
            .await
            .contains("The quantity must be between 1 and 1000.")
    );
    v.post(&format!("{base}/cart/{ws}/remove"), &[]).await;
    assert!(
        v.get(&format!("{base}/review"))
            .await
            .contains("The cart is empty.")
    );
    assert_eq!(
        v.post(&format!("{base}/cart/{ws}/remove"), &[])
            .await
            .status,
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placing_an_order_writes_an_activity_record_that_cannot_be_changed() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    buy_as(&app, &shop, &shop.agent).await;
    let customer = shop.customer;
    let (actor, operation, order_id, details): (
        String,
        String,
        Option<uuid::Uuid>,
        serde_json::Value,
    ) = activity::table
        .filter(activity::customer_id.eq(customer))
        .select((
            activity::actor,
            activity::operation,
            activity::order_id,
            activity::details,
        ))
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(
        (actor.as_str(), operation.as_str()),
        (shop.agent.as_str(), "order_placed")
    );
    let (order, number): (uuid::Uuid, i64) = orders::table
        .filter(orders::customer_id.eq(customer))
        .select((orders::id, orders::number))
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(order_id, Some(order));
    assert_eq!(details["number"], number);
    assert_eq!(details["currency"], "USD");
    assert_eq!(details["total_minor"], 687_200, "2 × 1,069.00 + $4,734.00");
    let lines: Vec<(String, i64)> = details["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["product"].as_str().unwrap().to_string(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            ("SQL Server 2022 Standard".to_string(), 1),
            ("Windows Server 2022 Standard".to_string(), 2)
        ]
    );
    let mut conn = app.conn().await;
    assert!(
        diesel::sql_query("UPDATE activity SET actor = 'x'")
            .execute(&mut conn)
            .await
            .is_err()
    );
    assert!(
        diesel::sql_query("DELETE FROM activity")
            .execute(&mut conn)
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_orders_span_ninety_days_with_the_29_and_31_day_edges() {
    // The demo data's own test: its orders, as the README tells them.
    use crate::support::demo::ADMIN;
    use crate::support::tenant_id;
    let app = TestApp::spawn().await;
    let v = app.signed_in(ADMIN).await;
    let adatum = format!("/customers/{}/orders", tenant_id(&app, "adatum.test").await);
    let history = v.get(&adatum).await;
    assert_eq!(history.body.matches("<tr>").count() - 1, 3);
    let mut conn = app.conn().await;
    let placed: Vec<chrono::DateTime<chrono::Utc>> = orders::table
        .select(orders::placed_at)
        .load(&mut conn)
        .await
        .unwrap();
    let newest = *placed.iter().max().unwrap();
    let ages: Vec<i64> = placed
        .iter()
        .map(|p| (newest - *p).num_days() + 2)
        .collect();
    for days in [29, 31, 88] {
        assert!(ages.contains(&days), "an order {days} days old: {ages:?}");
    }
    let suse: i64 = order_lines::table
        .filter(order_lines::family.eq("linux_plan"))
        .filter(order_lines::product_name.like("SUSE%"))
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(suse, 1);
}

/// Order history pages by keyset: newest first, each order exactly once across orders placed
/// at the same instant, the same statements on every page, and the number of orders kept on
/// the customer by the database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_history_is_newest_first_25_a_page() {
    use crate::support::ordering::keyset_pages;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    diesel::sql_query(
        "INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency, idempotency_token)
         SELECT gen_random_uuid(), c.partner_id, c.id, u.id, now() - make_interval(mins => g % 4), 'USD', gen_random_uuid()
           FROM customers c, users u, generate_series(1, 60) g
          WHERE c.id = $1 AND u.email = $2",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.customer)
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    let kept = cspdesk::customers::queries::counts(&*app.conn().await, shop.customer)
        .await
        .unwrap()
        .orders;
    assert_eq!(i64::from(kept), order_count(&app, shop.customer).await);
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}/orders", shop.customer);
    let pages = keyset_pages(&app, &v, &base).await;
    assert!(pages[0].contains(&format!("{kept} orders")));
    let shown: Vec<OrderId> = pages
        .iter()
        .flat_map(|p| {
            p.body
                .split(&format!("href=\"{base}/"))
                .skip(1)
                .map(|rest| rest[..36].parse().unwrap())
                .collect::<Vec<OrderId>>()
        })
        .collect();
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.body.matches(&format!("href=\"{base}/")).count())
        .collect();
    assert_eq!(sizes, [25, 25, 10]);
    let newest_first: Vec<OrderId> = orders::table
        .filter(orders::customer_id.eq(shop.customer))
        .order((orders::placed_at.desc(), orders::id.desc()))
        .select(orders::id)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(shown, newest_first);
    // A cursor that is not one is the first page.
    let nonsense = v.get(&format!("{base}?after=garbage")).await;
    assert_eq!(nonsense.status, 200);
    assert!(nonsense.contains(&format!("{base}/{}", newest_first[0])));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_product_retired_or_removed_after_review_is_not_ordered() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let review = fill_cart(&app, &v, &base).await;
    let (token, seen) = place_fields(&review.body);
    diesel::update(products::table.filter(products::sku.eq("ws2022-std")))
        .set(products::retired_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let res = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert!(
        v.get(&res.location.unwrap())
            .await
            .contains("That product does not exist or is no longer sold.")
    );
    assert_eq!(order_count(&app, shop.customer).await, 0);

    // Emptied in another tab after Review: nothing to order, and nothing is written.
    let review = v.get(&format!("{base}/review")).await;
    let (token, seen) = place_fields(&review.body);
    let ws = product_id(&app, "ws2022-std").await;
    let sql = product_id(&app, "sql2022-std-3y").await;
    for product in [ws, sql] {
        v.post(&format!("{base}/cart/{product}/remove"), &[]).await;
    }
    let res = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert!(
        v.get(&res.location.unwrap())
            .await
            .contains("The cart is empty: add products before placing an order.")
    );
    assert_eq!(order_count(&app, shop.customer).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_history_and_review_send_the_same_queries_whatever_their_length() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    // One customer gets 30 orders of two lines each; another has three orders.
    let few = app.customer(shop.partner).await;
    four_purchases(&app, few).await;
    diesel::sql_query(
        "WITH o AS (
            INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency, idempotency_token)
            SELECT gen_random_uuid(), c.partner_id, c.id, u.id, now() - make_interval(mins => g), 'USD', gen_random_uuid()
              FROM customers c, users u, generate_series(1, 30) g
             WHERE c.id = $1 AND u.email = $2
            RETURNING id, partner_id)
         INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id, product_name, family,
                                  licence_kind, term_months, quantity, unit_price_minor, currency, tax_included, tax_rate_bp)
         SELECT gen_random_uuid(), o.id, o.partner_id, n, p.id, p.name, p.family, p.licence_kind, p.term_months,
                1, 100, 'USD', false, 0
           FROM o, generate_series(0, 1) n, products p WHERE p.sku = 'ws2022-std'",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.customer)
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    let v = app.signed_in(&shop.agent).await;
    let long = format!("/customers/{}", shop.customer);
    let short = format!("/customers/{few}");
    let page = queries_for(&app, &v, &format!("{long}/orders")).await;
    assert_eq!(page, 2, "the session, then the page with its customer");
    assert_eq!(
        page,
        queries_for(&app, &v, &format!("{short}/orders")).await
    );

    let one = queries_for(&app, &v, &format!("{short}/review")).await;
    for sku in ["ws2022-std", "sql2022-std-3y", "ws2022-dc"] {
        let id = product_id(&app, sku).await;
        let res = v
            .post(
                &format!("{long}/cart"),
                &[("product_id", &id), ("quantity", "2")],
            )
            .await;
        assert_eq!(res.status, 303, "{sku} added");
    }
    let three = queries_for(&app, &v, &format!("{long}/review")).await;
    assert_eq!(one, three, "the review of one line and of three");
}
