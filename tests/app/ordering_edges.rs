//! Buying rules at their edges: what the server refuses however the request is made, whose
//! cart and order a request may touch, and what the catalog and an order line record.

use cspdesk::auth::Role;
use cspdesk::db::schema::{
    activity, cart_items, order_lines, orders, product_keys, product_variants, products, users,
};
use cspdesk::ids::CustomerId;
use cspdesk::money::Currency;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::support::fixtures::four_purchases;
use crate::support::fixtures_orders::display_name;
use crate::support::fixtures_orders::other_partners_agent;
use crate::support::ordering::{fill_cart, order_count, place_fields};
use crate::support::{TestApp, Visitor, product_id};

async fn place(v: &Visitor, base: &str, review_html: &str) -> crate::support::Resp {
    let (token, seen) = place_fields(review_html);
    v.post(
        &format!("{base}/orders"),
        &[("order_token", &token), ("seen", &seen)],
    )
    .await
}

async fn orders_of(app: &TestApp, customer: CustomerId) -> Vec<Uuid> {
    orders::table
        .filter(orders::customer_id.eq(customer))
        .select(orders::id)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_azure_reservation_that_reaches_the_cart_is_still_refused_at_place_order() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let az = app.customer(shop.partner).market("AZ", Currency::Usd).await;
    let azure = product_id(&app, "azure-ri-d2sv5-1y").await;
    // Past the add-to-cart check (as a cart from before a market change would be).
    diesel::sql_query(
        "INSERT INTO cart_items (user_id, customer_id, product_id, partner_id, quantity, added_at)
         SELECT u.id, c.id, $1::uuid, c.partner_id, 1, now()
           FROM users u, customers c
          WHERE u.email = $3 AND c.id = $2",
    )
    .bind::<diesel::sql_types::Text, _>(&azure)
    .bind::<diesel::sql_types::Uuid, _>(az)
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{az}");
    let review = v.get(&format!("{base}/review")).await;
    assert_eq!(review.status, 200);
    let res = place(&v, &base, &review.body).await;
    let page = v.get(&res.location.expect("back to Review")).await;
    assert!(
        page.contains(
            "flash-error\" role=\"status\">Azure reservations are not available in this customer&#39;s market (Azerbaijan)."
        ),
        "{}",
        page.body
    );
    assert!(orders_of(&app, az).await.is_empty());
    let records: i64 = activity::table
        .filter(activity::customer_id.eq(az))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(records, 0, "nothing half-written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_users_cart_and_form_cannot_be_used_by_another_user_or_for_another_customer() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    // Another customer of the partner, with three orders of its own.
    let other = app.customer(shop.partner).await;
    four_purchases(&app, other).await;
    let agent = app.signed_in(&shop.agent).await;
    let northwind = format!("/customers/{}", shop.customer);
    let other_base = format!("/customers/{other}");
    let review = fill_cart(&app, &agent, &northwind).await;
    let ws = product_id(&app, "ws2022-std").await;

    // A colleague with the same rights works on their own cart, which is empty.
    let colleague = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let colleague = app.signed_in(&colleague).await;
    let changed = colleague
        .post(
            &format!("{northwind}/cart/{ws}/quantity"),
            &[("quantity", "7")],
        )
        .await;
    assert_eq!(changed.status, 404);
    let removed = colleague
        .post(&format!("{northwind}/cart/{ws}/remove"), &[])
        .await;
    assert_eq!(removed.status, 404);
    let lines: Vec<i32> = cart_items::table
        .inner_join(users::table)
        .filter(users::email.eq(&shop.agent))
        .select(cart_items::quantity)
        .order(cart_items::quantity)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(lines, vec![1, 2], "the agent's cart is untouched");

    // The agent's Northwind form, sent for the other customer, places nothing anywhere.
    let res = place(&agent, &other_base, &review.body).await;
    assert_eq!(res.status, 303);
    let other_orders_before = orders_of(&app, other).await.len();
    assert_eq!(other_orders_before, 3, "only its own three orders");
    assert_eq!(order_count(&app, shop.customer).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_is_found_only_under_its_own_customer_and_names_who_placed_it() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.user(shop.partner).roles(&[Role::AdminAgent]).await;
    let agent = display_name(&app, agent, "Avery Admin-Agent").await;
    let v = app.signed_in(&agent).await;
    let northwind = format!("/customers/{}", shop.customer);
    let review = fill_cart(&app, &v, &northwind).await;
    let placed = place(&v, &northwind, &review.body).await;
    assert_eq!(placed.status, 303);
    let order = orders_of(&app, shop.customer).await[0];
    let page = v.get(&format!("{northwind}/orders/{order}")).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Avery Admin-Agent"), "placed by");
    let another = app.customer(shop.partner).await;
    let elsewhere = v.get(&format!("/customers/{another}/orders/{order}")).await;
    assert_eq!(elsewhere.status, 404);
    let fabrikam = app.signed_in(&other_partners_agent(&app).await).await;
    assert_eq!(
        fabrikam
            .get(&format!("{northwind}/orders/{order}"))
            .await
            .status,
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retired_product_is_neither_listed_nor_added() {
    let app = TestApp::spawn().await;
    let ws = product_id(&app, "ws2022-std").await;
    diesel::update(products::table.filter(products::sku.eq("ws2022-std")))
        .set(products::retired_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let catalog = v.get(&format!("{base}/add-products")).await;
    assert_eq!(catalog.status, 200);
    assert!(!catalog.contains(&ws), "no form offers the retired product");
    assert!(catalog.contains(&product_id(&app, "ws2022-dc").await));
    let res = v
        .post(
            &format!("{base}/cart"),
            &[("product_id", &ws), ("quantity", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    let back = v.get(&res.location.expect("back to the catalog")).await;
    assert!(back.contains("That product does not exist or is no longer sold."));
    let carts: i64 = cart_items::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(carts, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_order_line_keeps_the_tax_treatment_of_the_market_it_was_sold_in() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    for (market, currency, included, rate_bp) in [
        ("AU", Currency::Aud, true, 1_000),
        ("BR", Currency::Brl, true, 925),
        ("US", Currency::Usd, false, 0),
    ] {
        let customer = app.customer(shop.partner).market(market, currency).await;
        let base = format!("/customers/{customer}");
        let review = fill_cart(&app, &v, &base).await;
        assert_eq!(place(&v, &base, &review.body).await.status, 303);
        let newest: Uuid = orders::table
            .filter(orders::customer_id.eq(customer))
            .order(orders::placed_at.desc())
            .select(orders::id)
            .first(&mut app.conn().await)
            .await
            .unwrap();
        let taxes: Vec<(bool, i32)> = order_lines::table
            .filter(order_lines::order_id.eq(newest))
            .select((order_lines::tax_included, order_lines::tax_rate_bp))
            .load(&mut app.conn().await)
            .await
            .unwrap();
        assert_eq!(taxes, vec![(included, rate_bp); 2], "{market}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalog_has_variants_in_seven_languages_and_a_cancellation_policy_per_product() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let rows: Vec<(String, String, String, Option<i32>)> = products::table
        .inner_join(product_variants::table)
        .select((
            products::sku,
            product_variants::language,
            products::cancellation_policy,
            products::cancellation_window_days,
        ))
        .load(&mut conn)
        .await
        .unwrap();
    let software = [
        "ws2022-std",
        "ws2022-dc-1y",
        "sql2022-ent-3y",
        "win7-esu-1y",
    ];
    for sku in software {
        let mut languages: Vec<&str> = rows
            .iter()
            .filter(|r| r.0 == sku)
            .map(|r| r.1.as_str())
            .collect();
        languages.sort();
        languages.dedup();
        assert_eq!(
            languages,
            [
                "en-US", "hu-HU", "ko-KR", "pl-PL", "ru-RU", "tr-TR", "zh-CN"
            ],
            "{sku}"
        );
    }
    let policies: Vec<(String, String, Option<i32>)> = products::table
        .select((
            products::sku,
            products::cancellation_policy,
            products::cancellation_window_days,
        ))
        .order(products::sku)
        .load(&mut conn)
        .await
        .unwrap();
    for (sku, policy, days) in policies {
        let want = match sku.as_str() {
            "suse-sles-1y" | "rhel-1y" => ("never", None),
            "win7-esu-1y" => ("support_only", None),
            _ => ("window", Some(30)),
        };
        assert_eq!((policy.as_str(), days), want, "{sku}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_a_second_line_with_the_same_product_key() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    // Windows Server comes with a key; a Linux plan does not.
    let order = app
        .order(shop.customer)
        .line("ws2022-std", 1)
        .line("suse-sles-1y", 1)
        .await;
    let (keyed_line, keyless_line) = (order.purchases[0].line, order.purchases[1].line);
    let mut conn = app.conn().await;
    let (partner, key): (Uuid, String) = product_keys::table
        .find(keyed_line)
        .select((product_keys::partner_id, product_keys::key_text))
        .first(&mut conn)
        .await
        .unwrap();
    let keyless: i64 = product_keys::table
        .find(keyless_line)
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(keyless, 0, "the Linux plan's line has no key");
    let again = diesel::insert_into(product_keys::table)
        .values((
            product_keys::order_line_id.eq(keyless_line),
            product_keys::partner_id.eq(partner),
            product_keys::key_text.eq(&key),
            product_keys::created_at.eq(chrono::Utc::now()),
        ))
        .execute(&mut conn)
        .await;
    assert!(
        matches!(
            again,
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        ),
        "{again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_review_page_shown_over_a_day_ago_orders_nothing_but_its_order_is_still_recognised() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let stale = fill_cart(&app, &agent, &base).await;
    // Sessions end sooner than forms: sign in again, and send the page of yesterday.
    app.clock.advance(chrono::Duration::hours(25));
    let agent = app.signed_in(&shop.agent).await;
    let refused = place(&agent, &base, &stale.body).await;
    assert_eq!(
        refused.location.as_deref(),
        Some(&*format!("{base}/review"))
    );
    let page = agent.get(&format!("{base}/review")).await;
    assert!(
        page.contains("This form is out of date. Check the cart below and place the order again."),
        "{}",
        page.body
    );
    assert_eq!(order_count(&app, shop.customer).await, 0);

    // The page just shown places the cart; sent again two days later, it still leads to the
    // order it placed rather than to a refusal.
    let placed = place(&agent, &base, &page.body).await;
    let order = placed.location.expect("to the order");
    assert_eq!(order_count(&app, shop.customer).await, 1);
    app.clock.advance(chrono::Duration::days(2));
    let agent = app.signed_in(&shop.agent).await;
    let again = place(&agent, &base, &page.body).await;
    assert_eq!(again.location.as_deref(), Some(order.as_str()));
    assert!(
        agent
            .get(&order)
            .await
            .contains("was already placed; it was not placed twice.")
    );
    assert_eq!(order_count(&app, shop.customer).await, 1);
}

/// However its lines are updated, an order's total, line count and status follow: an update
/// that changes no amount leaves the order's row alone; a part cancelled, a price and a
/// quantity changed, both lines cancelled in one statement and a line moved to another order
/// (closed on the way, or not) are each counted, and an order is cancelled with its last open
/// line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_orders_total_lines_and_status_follow_every_change_of_its_lines() {
    use diesel_async::SimpleAsyncConnection;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let order = app
        .order(shop.customer)
        .line("ws2022-std", 2)
        .line("suse-sles-1y", 1)
        .await;
    let other = app.order(shop.customer).line("ws2022-std", 1).await;
    let fourth = app.order(shop.customer).line("ws2022-std", 1).await;
    let (first, second) = (order.purchases[0], order.purchases[1]);
    let id = first.order;
    let state = async |order| -> (i64, i32, String, String) {
        orders::table
            .find(order)
            .select((
                orders::total_minor,
                orders::line_count,
                orders::status,
                diesel::dsl::sql::<diesel::sql_types::Text>("xmin::text"),
            ))
            .first(&mut app.conn().await)
            .await
            .unwrap()
    };
    let price = async |line| -> i64 {
        order_lines::table
            .find(line)
            .select(order_lines::unit_price_minor)
            .first(&mut app.conn().await)
            .await
            .unwrap()
    };
    let run = async |sql: String| app.conn().await.batch_execute(&sql).await.unwrap();
    let (p1, p2) = (price(first.line).await, price(second.line).await);
    let (total, lines, status, version) = state(id).await;
    assert_eq!(
        (total, lines, status.as_str()),
        (2 * p1 + p2, 2, "completed")
    );

    // No amount changes: the order's row is not even rewritten.
    run(format!(
        "UPDATE order_lines SET revoked_at = now(), credited_minor = credited_minor,
                quantity = quantity, quantity_cancelled = quantity_cancelled,
                unit_price_minor = unit_price_minor
          WHERE order_id = '{id}'"
    ))
    .await;
    assert_eq!(
        state(id).await.3,
        version,
        "the order's row was not updated"
    );

    // One of two seats cancelled, then the other line's price raised.
    run(format!(
        "UPDATE order_lines SET quantity_cancelled = 1 WHERE id = '{}'",
        first.line
    ))
    .await;
    assert_eq!(state(id).await.0, p1 + p2);
    run(format!(
        "UPDATE order_lines SET unit_price_minor = unit_price_minor + 100 WHERE id = '{}'",
        second.line
    ))
    .await;
    let (total, _, status, _) = state(id).await;
    assert_eq!((total, status.as_str()), (p1 + p2 + 100, "completed"));
    run(format!(
        "UPDATE order_lines SET quantity = 3 WHERE id = '{}'",
        second.line
    ))
    .await;
    assert_eq!(state(id).await.0, p1 + 3 * (p2 + 100));

    // Both lines closed by one statement: nothing left to pay, and the order is cancelled.
    run(format!(
        "UPDATE order_lines SET quantity_cancelled = quantity WHERE order_id = '{id}'"
    ))
    .await;
    let (total, lines, status, _) = state(id).await;
    assert_eq!((total, lines, status.as_str()), (0, 2, "cancelled"));

    // A line moved to another order leaves one and joins the other.
    let (moved, emptied) = (other.purchases[0].line, other.purchases[0].order);
    run(format!(
        "UPDATE order_lines SET order_id = '{id}', line_number = 2 WHERE id = '{moved}'"
    ))
    .await;
    assert_eq!(state(id).await.1, 3);
    let (total, lines, status, _) = state(emptied).await;
    assert_eq!((total, lines, status.as_str()), (0, 0, "completed"));
    // Closed on its way into an order with no open line, it cancels that order.
    let closed = fourth.purchases[0].line;
    run(format!(
        "UPDATE order_lines SET order_id = '{emptied}', quantity_cancelled = quantity
          WHERE id = '{closed}'"
    ))
    .await;
    let (total, lines, status, _) = state(emptied).await;
    assert_eq!((total, lines, status.as_str()), (0, 1, "cancelled"));
    assert_eq!(
        crate::support::ordering::orders_with_wrong_totals(&app).await,
        []
    );
}
