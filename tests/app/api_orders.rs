//! Buying and cancelling through the API over real HTTP: the catalog's offers, placing an
//! order by the dashboard's rules, reading it back, cancelling it with the original's PATCH
//! body, exactly once under concurrency and with `MS-RequestId`, and every refusal with its
//! code, the field named and nothing written.

use cspdesk::clock::Clock;
use cspdesk::db::schema::activity;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};

use crate::support::TestApp;
use crate::support::api::{ApiClient, token};
use crate::support::fixtures_people::other_shop;

const WS: &str = "ws2022-std:0001:0001";
const SQL: &str = "sql2022-std:0001:0001";

fn buy(offer: &str, quantity: i32) -> Value {
    json!({ "lineItems": [{ "lineItemNumber": 0, "offerId": offer, "quantity": quantity }] })
}

/// Rows in `table`.
async fn count(app: &TestApp, table: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    n.n
}

async fn orders_of(app: &TestApp) -> i64 {
    count(app, "orders").await
}

async fn writer(app: &TestApp) -> (ApiClient, String, crate::support::build::Shop) {
    let shop = app.shop().await;
    let api = token(
        app,
        shop.partner,
        &["orders:read", "orders:write", "audit:read"],
    )
    .await;
    let path = format!("/v1/customers/{}/orders", shop.customer);
    (api, path, shop)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalog_offers_each_product_once_per_market_and_view() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["orders:read"]).await;
    let software = api.get("/v1/products?country=TR&targetView=Software").await;
    assert_eq!(software.status, 200, "{:?}", software.json);
    let items = software.json["items"].as_array().unwrap();
    let ws = items
        .iter()
        .find(|p| p["id"] == "ws2022-std")
        .expect("Windows Server");
    let availability = &ws["skus"][0]["availabilities"][0];
    assert_eq!(availability["catalogItemId"], WS);
    assert_eq!(ws["attributes"]["objectType"], "Product");
    assert!(
        items
            .iter()
            .all(|p| p["productType"] != "azure_reservation")
    );
    let perpetual = api
        .get("/v1/products?country=TR&targetView=SoftwarePerpetual")
        .await;
    let terms: Vec<&Value> = perpetual.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["skus"][0]["termDuration"])
        .collect();
    assert!(!terms.is_empty() && terms.iter().all(|t| t.is_null()));
    // Reservations are sold in Türkiye, not in a restricted market.
    let view = "targetView=AzureReservations";
    let tr = api.get(&format!("/v1/products?country=TR&{view}")).await;
    assert!(tr.json["totalCount"].as_u64().unwrap() > 0);
    let cn = api.get(&format!("/v1/products?country=cn&{view}")).await;
    assert_eq!((cn.status, cn.json["totalCount"].as_u64()), (200, Some(0)));
    for bad in [
        "/v1/products?targetView=Software",
        "/v1/products?country=TR&targetView=Hardware",
    ] {
        let r = api.get(bad).await;
        assert_eq!((r.status, r.code()), (400, 400), "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_program_buys_reads_and_cancels_an_order_as_the_dashboard_would() {
    let app = TestApp::spawn().await;
    let (api, path, shop) = writer(&app).await;
    let keys = count(&app, "product_keys").await;
    let placed = api.post(&path, &buy(WS, 3)).await;
    assert_eq!(placed.status, 201, "{:?}", placed.json);
    let order = &placed.json;
    let id = order["id"].as_str().unwrap().to_string();
    assert_eq!(order["referenceCustomerId"], shop.customer.to_string());
    assert_eq!(
        (order["status"].as_str(), order["currencyCode"].as_str()),
        (Some("completed"), Some("USD"))
    );
    let line = &order["lineItems"][0];
    assert_eq!(
        (line["offerId"].as_str(), line["quantity"].as_i64()),
        (Some(WS), Some(3))
    );
    assert_eq!(line["friendlyName"], "Windows Server 2022 Standard");
    assert_eq!(line["pricing"]["taxTreatment"], "excluded");
    let unit: f64 = line["pricing"]["unitPrice"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let amount: f64 = line["pricing"]["amount"].as_str().unwrap().parse().unwrap();
    assert!(unit > 0.0 && (amount - 3.0 * unit).abs() < 0.001, "{line}");
    // As the dashboard's: a key was issued, and the order is on the customer's list.
    assert_eq!(count(&app, "product_keys").await, keys + 1);
    let listed = api.get(&path).await;
    assert_eq!(listed.json["items"][0]["id"], id.as_str());
    // The answer is the order as stored, to its time.
    let one = api.get(&format!("{path}/{id}")).await;
    assert_eq!((one.status, &one.json), (200, order));

    // The original's cancellation body.
    let credits = count(&app, "credits").await;
    let body = json!({ "id": id, "status": "cancelled", "lineItems": [{ "lineItemNumber": 0 }] });
    let cancelled = api.patch(&format!("{path}/{id}"), &body).await;
    assert_eq!(cancelled.status, 200, "{:?}", cancelled.json);
    assert_eq!(cancelled.json["status"], "cancelled");
    assert_eq!(cancelled.json["lineItems"][0]["quantity"], 0);
    assert_eq!(
        cancelled.json["lineItems"][0]["pricing"]["credited"],
        line["pricing"]["amount"]
    );
    assert_eq!(count(&app, "credits").await, credits + 1);
    // The answer is the order as stored.
    assert_eq!(api.get(&format!("{path}/{id}")).await.json, cancelled.json);
    let again = api.patch(&format!("{path}/{id}"), &body).await;
    assert_eq!((again.status, again.code()), (400, 800061));

    // One line of two: the other stays, the order stays completed, as stored.
    let two = json!({ "lineItems": [
        { "lineItemNumber": 0, "offerId": WS, "quantity": 2 },
        { "lineItemNumber": 1, "offerId": SQL, "quantity": 1 },
    ] });
    let placed = api.post(&path, &two).await;
    assert_eq!(placed.status, 201, "{:?}", placed.json);
    let both = placed.json["id"].as_str().unwrap().to_string();
    assert_eq!(api.get(&format!("{path}/{both}")).await.json, placed.json);
    let one_line = json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 1 }] });
    let partly = api.patch(&format!("{path}/{both}"), &one_line).await;
    assert_eq!(partly.status, 200, "{:?}", partly.json);
    assert_eq!(partly.json["status"], "completed");
    let quantities: Vec<i64> = partly.json["lineItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["quantity"].as_i64().unwrap())
        .collect();
    assert_eq!(quantities, vec![2, 0]);
    assert_eq!(api.get(&format!("{path}/{both}")).await.json, partly.json);

    // Both are on the audit records, done by the token.
    let today = app.clock.now().date_naive();
    let audit = api
        .get(&format!("/v1/auditrecords?startDate={today}"))
        .await;
    let ops: Vec<&str> = audit.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["operationType"].as_str().unwrap())
        .collect();
    assert!(
        ops.contains(&"create_order") && ops.contains(&"update_order"),
        "{ops:?}"
    );
    let names: Vec<String> = activity::table
        .filter(activity::partner_id.eq(shop.partner))
        .filter(activity::operation.eq_any(["order_placed", "purchase_cancelled"]))
        .select(activity::actor)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    // Two orders placed, each cancelled (the second in part).
    assert_eq!(names.len(), 4);
    assert!(names.iter().all(|n| n.starts_with("Program ")), "{names:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_orders_are_refused_naming_the_field_and_write_nothing() {
    let app = TestApp::spawn().await;
    let (api, path, _) = writer(&app).await;
    let before = orders_of(&app).await;
    let post = |body: &'static str| api.send(reqwest::Method::POST, &path, body, &[]);
    let cases: &[(&str, &str)] = &[
        (r#"{"lineItems": ["#, "not valid JSON"),
        (
            r#"{"lineItems": [{"lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": "3"}]}"#,
            "lineItems[0].quantity",
        ),
        (
            r#"{"lineItems": [{"lineItemNumber": 0, "offerId": "ws2022-std:0001:0001"}]}"#,
            "lineItems[0].quantity",
        ),
        (r#"{"lineItems": [], "coupon": "FREE"}"#, "coupon"),
        (r#"{"lineItems": []}"#, "at least one line"),
        (
            r#"{"lineItems": [{"lineItemNumber": 0, "offerId": "ws2022-std", "quantity": 1}]}"#,
            "lineItems[0].offerId",
        ),
        (
            r#"{"lineItems": [{"lineItemNumber": 0, "offerId": "nothing:0001:0001", "quantity": 1}]}"#,
            "nothing:0001:0001",
        ),
        (
            r#"{"lineItems": [{"lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": 1001}]}"#,
            "lineItems[0].quantity",
        ),
        (
            r#"{"lineItems": [{"lineItemNumber": 1, "offerId": "ws2022-std:0001:0001", "quantity": 1}]}"#,
            "lineItemNumber",
        ),
    ];
    for (body, named) in cases {
        let r = post(body).await;
        assert_eq!((r.status, r.code()), (400, 400), "{body}: {:?}", r.json);
        let description = r.json["description"].as_str().unwrap();
        assert!(description.contains(named), "{body}: {description}");
    }
    assert_eq!(orders_of(&app).await, before);
    // Another partner's customer is not found; a malformed request id is refused.
    let other = other_shop(&app).await.customer;
    let r = api
        .post(&format!("/v1/customers/{other}/orders"), &buy(WS, 1))
        .await;
    assert_eq!((r.status, r.code()), (404, 20000));
    let r = api
        .send(
            reqwest::Method::POST,
            &path,
            &buy(WS, 1).to_string(),
            &[("MS-RequestId", "no spaces")],
        )
        .await;
    assert_eq!((r.status, r.code()), (400, 400));
    assert_eq!(orders_of(&app).await, before);
}

/// Orders of one customer committing at once add to its counts in slots of their own (the
/// `customer_count_slots` migration) and none is lost: the counts the pages show are the
/// orders and lines there are.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_orders_of_one_customer_at_once_are_all_counted() {
    let app = TestApp::spawn().await;
    let (api, path, shop) = writer(&app).await;
    let body = json!({ "lineItems": [
        { "lineItemNumber": 0, "offerId": WS, "quantity": 1 },
        { "lineItemNumber": 1, "offerId": SQL, "quantity": 2 },
    ] });
    let answers = futures_util::future::join_all((0..20).map(|_| api.post(&path, &body))).await;
    for r in &answers {
        assert_eq!(r.status, 201, "{:?}", r.json);
    }
    let kept = cspdesk::customers::queries::counts(&*app.conn().await, shop.customer)
        .await
        .unwrap();
    assert_eq!((kept.orders, kept.software_lines), (20, 40));
    let v = app.signed_in(&shop.agent).await;
    let history = v.get(&format!("/customers/{}/orders", shop.customer)).await;
    assert_eq!(history.status, 200);
    assert!(history.body.contains("20 orders"), "{}", history.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_posts_with_one_request_id_place_one_order() {
    let app = TestApp::spawn().await;
    let (api, path, _) = writer(&app).await;
    let before = orders_of(&app).await;
    let body = buy(WS, 1).to_string();
    let id = uuid::Uuid::new_v4().to_string();
    let headers = [("MS-RequestId", id.as_str())];
    let answers = futures_util::future::join_all(
        (0..20).map(|_| api.send(reqwest::Method::POST, &path, &body, &headers)),
    )
    .await;
    let ids: std::collections::BTreeSet<String> = answers
        .iter()
        .map(|r| {
            assert_eq!(r.status, 201, "{:?}", r.json);
            r.json["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids.len(), 1, "every answer is the one order");
    assert_eq!(orders_of(&app).await, before + 1);
    // The same id with the same content laid out differently: the same answer.
    let spaced = r#"{ "lineItems" : [ { "quantity": 1, "offerId": "ws2022-std:0001:0001", "lineItemNumber": 0 } ] }"#;
    let same = api
        .send(reqwest::Method::POST, &path, spaced, &headers)
        .await;
    assert_eq!(
        (same.status, same.json["id"].as_str()),
        (201, ids.iter().next().map(String::as_str))
    );
    // With another body: 409, and nothing placed.
    let other = api
        .send(
            reqwest::Method::POST,
            &path,
            &buy(WS, 2).to_string(),
            &headers,
        )
        .await;
    assert_eq!((other.status, other.code()), (409, 409));
    assert_eq!(orders_of(&app).await, before + 1);
    // Without an id, each request is an order of its own (as in the original).
    assert_eq!(api.post(&path, &buy(WS, 1)).await.status, 201);
    assert_eq!(orders_of(&app).await, before + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_cancels_of_one_order_book_one_credit() {
    let app = TestApp::spawn().await;
    let (api, path, _) = writer(&app).await;
    let credits = count(&app, "credits").await;
    let placed = api.post(&path, &buy(WS, 2)).await;
    let id = placed.json["id"].as_str().unwrap().to_string();
    let body = json!({ "status": "cancelled" });
    let order_path = format!("{path}/{id}");
    let answers =
        futures_util::future::join_all((0..20).map(|_| api.patch(&order_path, &body))).await;
    let done = answers.iter().filter(|r| r.status == 200).count();
    assert_eq!(
        done,
        1,
        "{:?}",
        answers.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    for r in answers.iter().filter(|r| r.status != 200) {
        assert_eq!((r.status, r.code()), (400, 800061), "{:?}", r.json);
    }
    assert_eq!(count(&app, "credits").await, credits + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_past_the_window_or_of_a_missing_line_is_refused_with_the_originals_codes() {
    let app = TestApp::spawn().await;
    let (api, path, shop) = writer(&app).await;
    let credits = count(&app, "credits").await;
    let placed = api.post(&path, &buy(WS, 1)).await;
    let id = placed.json["id"].as_str().unwrap().to_string();
    let order_path = format!("{path}/{id}");
    let missing = json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 4 }] });
    let r = api.patch(&order_path, &missing).await;
    assert_eq!((r.status, r.code()), (400, 800071));
    let r = api
        .patch(&order_path, &json!({ "status": "completed" }))
        .await;
    assert_eq!((r.status, r.code()), (400, 400));
    let r = api
        .patch(
            &format!("{path}/{}", uuid::Uuid::new_v4()),
            &json!({ "status": "cancelled" }),
        )
        .await;
    assert_eq!((r.status, r.code()), (404, 20000));

    // A month on (a new token: the first has expired).
    app.clock.advance(chrono::Duration::days(31));
    let api = token(&app, shop.partner, &["orders:write"]).await;
    let late = api
        .patch(&order_path, &json!({ "status": "cancelled" }))
        .await;
    assert_eq!((late.status, late.code()), (400, 900117), "{:?}", late.json);
    assert_eq!(
        late.json["description"],
        "You have passed your 30-day cancellation window. We are unable to cancel your purchase."
    );
    assert_eq!(count(&app, "credits").await, credits);
}

/// An order and a list of orders in the original's shapes: dates in ISO 8601 UTC, a term for
/// subscriptions only, each object's type and its own link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_come_in_the_originals_shapes() {
    let app = TestApp::spawn().await;
    let (api, path, shop) = writer(&app).await;
    let body = json!({ "lineItems": [
        { "lineItemNumber": 0, "offerId": WS, "quantity": 1 },
        { "lineItemNumber": 1, "offerId": "sql2022-std-3y:0001:0001", "quantity": 1 },
    ] });
    let placed = api.post(&path, &body).await;
    assert_eq!(placed.status, 201, "{:?}", placed.json);
    let order = &placed.json;
    let id = order["id"].as_str().unwrap();
    let date = order["creationDate"].as_str().unwrap();
    let parsed = chrono::DateTime::parse_from_rfc3339(date).expect("an ISO 8601 date");
    assert!(
        date.ends_with('Z') && parsed.offset().local_minus_utc() == 0,
        "{date}"
    );
    assert!(
        (parsed.with_timezone(&chrono::Utc) - app.clock.now())
            .num_seconds()
            .abs()
            < 5
    );
    assert_eq!(order["attributes"]["objectType"], "Order");
    let own = format!("/customers/{}/orders/{id}", shop.customer);
    assert_eq!(order["links"]["self"]["uri"], own.as_str());
    assert_eq!(order["links"]["self"]["method"], "GET");
    let lines = order["lineItems"].as_array().unwrap();
    assert!(
        lines[0].get("termDuration").is_none(),
        "perpetual: {}",
        lines[0]
    );
    assert_eq!(lines[1]["termDuration"], "P3Y");
    assert_eq!(lines[1]["friendlyName"], "SQL Server 2022 Standard");

    let list = api.get(&format!("{path}?size=1")).await;
    assert_eq!(list.json["attributes"]["objectType"], "Collection");
    assert_eq!(
        list.json["links"]["self"]["uri"],
        format!("/customers/{}/orders?size=1", shop.customer)
    );
    assert_eq!(list.json["items"][0], *order);
}

/// The market rule holds for programs as for the dashboard (R-02): no Azure reservation for a
/// customer in a market where they are not sold, and nothing written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reservation_for_a_customer_in_a_restricted_market_is_refused() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["customers:write", "orders:write"]).await;
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let made = api
        .post(
            "/v1/customers",
            &json!({
                "companyProfile": { "companyName": format!("Gobi {tag}"), "domain": format!("{tag}.example") },
                "billingProfile": { "defaultAddress": { "country": "CN" }, "currencyCode": "USD" }
            }),
        )
        .await;
    assert_eq!(made.status, 201, "{:?}", made.json);
    let path = format!("/v1/customers/{}/orders", made.json["id"].as_str().unwrap());
    let before = orders_of(&app).await;
    let offer = "azure-ri-d2sv5-1y:0001:0001";
    let refused = api.post(&path, &buy(offer, 1)).await;
    assert_eq!(
        (refused.status, refused.code()),
        (400, 400),
        "{:?}",
        refused.json
    );
    assert_eq!(
        refused.json["description"],
        format!("The offer {offer} is not available in the customer's market.")
    );
    assert_eq!(orders_of(&app).await, before);
    // Software is sold there.
    assert_eq!(api.post(&path, &buy(WS, 1)).await.status, 201);
}

/// 900117 names the product's own window, not the original's usual 30 days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_cancellation_names_the_products_own_window() {
    use cspdesk::db::schema::products;
    let app = TestApp::spawn().await;
    let (api, path, _) = writer(&app).await;
    diesel::update(products::table.filter(products::sku.eq("ws2022-std")))
        .set(products::cancellation_window_days.eq(7))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let placed = api.post(&path, &buy(WS, 1)).await;
    assert_eq!(placed.status, 201, "{:?}", placed.json);
    let order_path = format!("{path}/{}", placed.json["id"].as_str().unwrap());
    let credits = count(&app, "credits").await;
    app.clock.advance(chrono::Duration::days(8));
    let late = api
        .patch(&order_path, &json!({ "status": "cancelled" }))
        .await;
    assert_eq!((late.status, late.code()), (400, 900117), "{:?}", late.json);
    assert_eq!(
        late.json["description"],
        "You have passed your 7-day cancellation window. We are unable to cancel your purchase."
    );
    assert_eq!(count(&app, "credits").await, credits);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customers_orders_come_a_page_at_a_time_each_with_all_its_lines() {
    let app = TestApp::spawn().await;
    let (api, path, shop) = writer(&app).await;
    // Another customer's orders, placed at the same moments, stay off this customer's list.
    let other = app.customer(shop.partner).named("Fabrikam").await;
    let other_path = format!("/v1/customers/{other}/orders");
    let mut placed = Vec::new();
    for n in 0..5 {
        let lines = json!([
            { "lineItemNumber": 0, "offerId": WS, "quantity": n + 1 },
            { "lineItemNumber": 1, "offerId": SQL, "quantity": 1 },
        ]);
        let r = api.post(&path, &json!({ "lineItems": lines })).await;
        assert_eq!(r.status, 201, "{:?}", r.json);
        placed.push(r.json["id"].as_str().unwrap().to_string());
        assert_eq!(api.post(&other_path, &buy(SQL, 1)).await.status, 201);
        // Two orders at one moment: the page's order breaks the tie by id.
        if n % 2 == 0 {
            app.clock.advance(chrono::Duration::minutes(1));
        }
    }
    // One order cancelled, one cancelled in part: the list says what each order's own
    // address says.
    let whole = json!({ "status": "cancelled" });
    assert_eq!(
        api.patch(&format!("{path}/{}", placed[1]), &whole)
            .await
            .status,
        200
    );
    let part = json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 0 }] });
    assert_eq!(
        api.patch(&format!("{path}/{}", placed[3]), &part)
            .await
            .status,
        200
    );
    for size in [1, 2, 3, 5, 6] {
        let mut seen = Vec::new();
        let mut page = api.get(&format!("{path}?size={size}")).await;
        loop {
            let items = page.json["items"].as_array().unwrap();
            assert!(items.len() <= size, "{size}: {}", page.json);
            for order in items {
                let lines = order["lineItems"].as_array().unwrap();
                let numbers: Vec<i64> = lines
                    .iter()
                    .map(|l| l["lineItemNumber"].as_i64().unwrap())
                    .collect();
                assert_eq!(numbers, [0, 1], "{order}");
                let id = order["id"].as_str().unwrap().to_string();
                let own = api.get(&format!("{path}/{id}")).await;
                assert_eq!(&own.json, order, "as its own address shows it");
                seen.push(id);
            }
            let next = &page.json["links"]["next"];
            if next.is_null() {
                break;
            }
            let value = next["headers"][0]["value"].as_str().unwrap();
            let uri = format!("/v1{}", next["uri"].as_str().unwrap());
            page = api.get_with(&uri, &[("MS-ContinuationToken", value)]).await;
            assert_eq!(page.status, 200);
        }
        let mut newest_first = placed.clone();
        newest_first.reverse();
        // Ties come in the order of their ids, highest first.
        for (a, b) in [(0, 1), (2, 3)] {
            if newest_first[a] < newest_first[b] {
                newest_first.swap(a, b);
            }
        }
        assert_eq!(
            seen, newest_first,
            "size {size}: newest first, none missed or repeated"
        );
    }
    let statuses = |json: &Value| {
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["status"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let all = api.get(&format!("{path}?size=10")).await;
    assert_eq!(
        statuses(&all.json)
            .iter()
            .filter(|s| *s == "cancelled")
            .count(),
        1,
        "{}",
        all.json
    );
}

/// A customer without orders has an empty list; a tenant that is not the partner's customer
/// (unknown, or another partner's with orders of its own) is 404, whatever the page asks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_orders_list_is_a_customer_without_orders_and_anyone_elses_is_not_found() {
    let app = TestApp::spawn().await;
    let (api, _, shop) = writer(&app).await;
    let quiet = app.customer(shop.partner).named("Tailspin").await;
    let empty = api
        .get(&format!("/v1/customers/{quiet}/orders?size=5"))
        .await;
    assert_eq!(empty.status, 200, "{:?}", empty.json);
    assert_eq!(empty.json["totalCount"], 0);
    assert_eq!(empty.json["items"], json!([]));
    let theirs = crate::support::fixtures_people::other_shop(&app).await;
    app.purchase(theirs.customer, "ws2022-std").await;
    for tenant in [
        theirs.customer.to_string(),
        uuid::Uuid::new_v4().to_string(),
    ] {
        let r = api
            .get(&format!("/v1/customers/{tenant}/orders?size=5"))
            .await;
        assert_eq!((r.status, r.code()), (404, 20000), "{tenant}");
    }
}

/// A cancellation names a customer and an order; both must be the partner's. A customer that
/// is not the partner's is 404 before anything the body says is judged (for a new order too),
/// and another partner's order is 404 with one of ours too; either way that order stays as it
/// was.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_partners_order_is_not_found_to_a_cancellation_whatever_its_body() {
    let app = TestApp::spawn().await;
    let (api, path, _) = writer(&app).await;
    let theirs = crate::support::fixtures_people::other_shop(&app).await;
    let bought = app.purchase(theirs.customer, "ws2022-std").await;
    let credits = count(&app, "credits").await;
    let cancelled = json!({ "status": "cancelled" });
    let refused_anyway = json!({ "status": "completed" });
    for tenant in [
        theirs.customer.to_string(),
        uuid::Uuid::new_v4().to_string(),
    ] {
        let order_path = format!("/v1/customers/{tenant}/orders/{}", bought.order);
        for body in [&cancelled, &refused_anyway] {
            let r = api.patch(&order_path, body).await;
            assert_eq!((r.status, r.code()), (404, 20000), "{order_path} {body}");
        }
    }
    let r = api
        .patch(&format!("{path}/{}", bought.order), &cancelled)
        .await;
    assert_eq!((r.status, r.code()), (404, 20000), "{:?}", r.json);
    assert_eq!(count(&app, "credits").await, credits);
    // Buying for their customer is 404 too, whatever the order names.
    let orders = orders_of(&app).await;
    for body in [
        buy(WS, 1),
        buy("no-such:0001:0001", 1),
        json!({ "lineItems": [] }),
    ] {
        let r = api
            .post(&format!("/v1/customers/{}/orders", theirs.customer), &body)
            .await;
        assert_eq!((r.status, r.code()), (404, 20000), "{body}");
    }
    assert_eq!(orders_of(&app).await, orders);
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let open: N = diesel::sql_query(
        "SELECT count(*) AS n FROM order_lines
          WHERE order_id = $1 AND quantity_cancelled = 0 AND revoked_at IS NULL",
    )
    .bind::<diesel::sql_types::Uuid, _>(bought.order)
    .get_result(&mut app.conn().await)
    .await
    .unwrap();
    assert_eq!(open.n, 1, "their order is untouched");
}

/// The activity records of an order placed and of its purchase cancelled, whether through
/// the API or the dashboard, name the customer as it is called then, the product as the
/// catalog names it then (not as the line was sold) and the order's number: the names a
/// record would get from its ids.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_of_orders_and_cancellations_name_things_as_they_are_called_then() {
    use cspdesk::ids::OrderId;
    let app = TestApp::spawn().await;
    let (api, path, shop) = writer(&app).await;
    let run = async |sql: &str| {
        diesel::sql_query(sql)
            .execute(&mut app.conn().await)
            .await
            .unwrap();
    };
    let names = async |operation: &str, order: OrderId| {
        crate::support::ordering::record_names(&app, operation, order).await
    };
    let number = async |order: OrderId| -> Option<i64> {
        crate::support::ordering::order_number(&app, order)
            .await
            .parse()
            .ok()
    };
    run("UPDATE customers SET company_name = 'Northwind Traders'").await;
    let placed = api.post(&path, &buy(WS, 1)).await.json;
    let by_api = OrderId::parse(placed["id"].as_str().unwrap()).unwrap();
    let by_dashboard = app.purchase(shop.customer, "sql2022-std").await;
    run("UPDATE products SET name = name || ' (2027)' WHERE sku IN ('ws2022-std', 'sql2022-std')")
        .await;
    run("UPDATE customers SET company_name = 'Northwind Traders Ltd'").await;
    let body = json!({ "status": "cancelled" });
    let cancelled = api.patch(&format!("{path}/{by_api}"), &body).await;
    assert_eq!(cancelled.status, 200, "{:?}", cancelled.json);
    let v = app.signed_in(&shop.agent).await;
    let order = by_dashboard.order.to_string();
    let form = [("order", order.as_str()), ("acknowledge", "yes")];
    let submitted = v.post(&by_dashboard.cancel_path(), &form).await;
    assert_eq!(submitted.status, 303, "{}", submitted.body);

    let old_name = Some("Northwind Traders".to_string());
    assert_eq!(
        names("order_placed", by_api).await,
        [(old_name, None, number(by_api).await)]
    );
    let new_name = Some("Northwind Traders Ltd".to_string());
    let renamed = |product: &str| Some(format!("{product} (2027)"));
    assert_eq!(
        names("purchase_cancelled", by_api).await,
        [(
            new_name.clone(),
            renamed("Windows Server 2022 Standard"),
            number(by_api).await
        )]
    );
    assert_eq!(
        names("purchase_cancelled", by_dashboard.order).await,
        [(
            new_name,
            renamed("SQL Server 2022 Standard"),
            number(by_dashboard.order).await
        )]
    );
}
