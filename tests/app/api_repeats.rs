//! A cancellation sent again: with its `MS-RequestId` it gets its first answer and books no
//! second credit, with another body under the same id it is refused (409), and headers the
//! API does not know are ignored.

use serde_json::json;

use crate::support::TestApp;
use crate::support::api::token;

async fn credits(app: &TestApp) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel_async::RunQueryDsl::get_result(
        diesel::sql_query("SELECT count(*) AS n FROM credits"),
        &mut app.conn().await,
    )
    .await
    .unwrap();
    n.n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_sent_again_with_its_request_id_gets_its_first_answer() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["orders:read", "orders:write"]).await;
    let path = format!("/v1/customers/{}/orders", shop.customer);
    let buy = json!({ "lineItems": [
        { "lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": 1 },
        { "lineItemNumber": 1, "offerId": "sql2022-std:0001:0001", "quantity": 1 },
    ] });
    let placed = api.post(&path, &buy).await;
    assert_eq!(placed.status, 201, "{:?}", placed.json);
    let order = format!("{path}/{}", placed.json["id"].as_str().unwrap());
    let before = credits(&app).await;

    let id = uuid::Uuid::new_v4().to_string();
    // Headers the API does not know are ignored, as the original's clients send several.
    let headers = [
        ("MS-RequestId", id.as_str()),
        ("MS-PartnerCenter-Application", "Billing sync"),
        ("X-Unknown-Header", "anything"),
    ];
    let first_line =
        json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 0 }] }).to_string();
    let patch = reqwest::Method::PATCH;
    let first = api.send(patch.clone(), &order, &first_line, &headers).await;
    assert_eq!(first.status, 200, "{:?}", first.json);
    assert_eq!(first.json["lineItems"][0]["quantity"], 0);
    assert_eq!(credits(&app).await, before + 1);

    // Again with the same id and body: the first answer, and no second credit (without the
    // id it would be refused as already cancelled).
    let again = api.send(patch.clone(), &order, &first_line, &headers).await;
    assert_eq!((again.status, &again.json), (200, &first.json));
    assert_eq!(credits(&app).await, before + 1);

    // The same id for the other line: 409, and that line stays as it was.
    let other_line =
        json!({ "status": "cancelled", "lineItems": [{ "lineItemNumber": 1 }] }).to_string();
    let other = api.send(patch.clone(), &order, &other_line, &headers).await;
    assert_eq!((other.status, other.code()), (409, 409), "{:?}", other.json);
    assert_eq!(credits(&app).await, before + 1);
    let now = api.get(&order).await;
    assert_eq!(now.json["lineItems"][1]["quantity"], 1);
    assert_eq!(now.json["status"], "completed");

    // A new id: the other line is cancelled, and with it the order.
    let new_id = uuid::Uuid::new_v4().to_string();
    let last = api
        .send(
            patch,
            &order,
            &other_line,
            &[("MS-RequestId", new_id.as_str())],
        )
        .await;
    assert_eq!(last.status, 200, "{:?}", last.json);
    assert_eq!(last.json["status"], "cancelled");
    assert_eq!(credits(&app).await, before + 2);
}
