//! Each connection prepares a statement once and reuses it. Diesel will not let a connection
//! keep an UPDATE, nor an INSERT that sends DEFAULT for a `None`, so each execution was
//! prepared again: a round trip more and a parse and plan more, half of the cancellation
//! path's statements. The test app's counter notes any statement a connection executes a
//! second time without having kept it; the write paths are run several times over and none
//! may show up.

use serde_json::json;

use crate::support::TestApp;
use crate::support::api::token;
use crate::support::software::make_link;

const ROUNDS: usize = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_writes_reuse_every_statement() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(
        &app,
        shop.partner,
        &["orders:write", "software:keys", "customers:write"],
    )
    .await;
    let orders = format!("/v1/customers/{}/orders", shop.customer);
    let software = format!("/v1/customers/{}/software", shop.customer);
    let buy = json!({ "lineItems": [
        { "lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": 1 },
        { "lineItemNumber": 1, "offerId": "sql2022-std:0001:0001", "quantity": 2 },
    ]});
    for round in 0..ROUNDS {
        let placed = api.post(&orders, &buy).await;
        assert_eq!(placed.status, 201, "{:?}", placed.json);
        let order = placed.json["id"].as_str().unwrap().to_owned();
        let list = api.get(&software).await;
        let active = list.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["status"] == "active" && p["hasKeys"] == true)
            .expect("a purchase with a key");
        let purchase = active["id"].as_str().unwrap().to_owned();
        let variant = active["variants"][0]["id"].as_str().map(str::to_owned);
        let key = api
            .post(&format!("{software}/{purchase}/key"), &json!({}))
            .await;
        assert_eq!(key.status, 200, "{:?}", key.json);
        if let Some(variant) = variant {
            let link = api
                .post(
                    &format!("{software}/{purchase}/variants/{variant}/links"),
                    &json!({}),
                )
                .await;
            assert_eq!(link.status, 201, "{:?}", link.json);
        }
        let cancelled = api
            .patch(
                &format!("{orders}/{order}"),
                &json!({ "status": "cancelled" }),
            )
            .await;
        assert_eq!(cancelled.status, 200, "{:?}", cancelled.json);
        let customer = json!({
            "companyProfile": { "companyName": format!("Kept {round}"),
                                "domain": format!("kept-{round}.example") },
            "billingProfile": { "defaultAddress": { "country": "US" }, "currencyCode": "USD" },
        });
        let made = api.post("/v1/customers", &customer).await;
        assert_eq!(made.status, 201, "{:?}", made.json);
    }
    assert_eq!(app.queries.unkept(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboards_writes_reuse_every_statement() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    for _ in 0..ROUNDS {
        // Signing in and out writes the session and the sign-in throttle.
        let v = app.signed_in(&shop.agent).await;
        let order = app
            .order(shop.customer)
            .line("ws2022-std", 1)
            .days_old(1)
            .await;
        let ws = order.purchases[0];
        make_link(&app, &v, ws).await;
        assert_eq!(v.get(&ws.key_path()).await.status, 200);
        let cancelled = v
            .post(
                &ws.cancel_path(),
                &[("order", &ws.order.to_string()), ("acknowledge", "yes")],
            )
            .await;
        assert!(cancelled.status < 400, "{}", cancelled.status);
    }
    assert_eq!(app.queries.unkept(), Vec::<String>::new());
}
