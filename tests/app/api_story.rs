//! The README's API story on the demo data, step by step as its `curl` commands go: the
//! integration admin makes a token in Account settings, and a program lists the customers,
//! buys Windows Server for Northwind Traders, gets its key, cancels the order with the
//! original's PATCH body, finds the credit on the open invoice and the whole story in the
//! audit records.

use cspdesk::clock::Clock;
use serde_json::{Value, json};

use crate::support::TestApp;
use crate::support::api::{ApiClient, create_token};

const INTEGRATION: &str = "integration@contoso-partner.test";

fn find<'a>(list: &'a Value, field: &str, value: &str) -> &'a Value {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i[field] == value)
        .unwrap_or_else(|| panic!("no {field} {value} in {list}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readmes_api_story_runs_on_the_demo_data() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(INTEGRATION).await;
    let scopes = [
        "customers:read",
        "orders:read",
        "orders:write",
        "software:keys",
        "billing:read",
        "audit:read",
    ];
    let api = ApiClient::new(
        &app,
        &create_token(&admin, "Billing sync", &scopes, 30).await,
    );

    // 1. Customers, 40 at a time, and Northwind Traders' tenant id.
    let customers = api.get("/v1/customers?size=40").await;
    assert_eq!(customers.status, 200);
    let northwind = customers.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["companyProfile"]["companyName"] == "Northwind Traders")
        .expect("Northwind Traders");
    let tenant = northwind["id"].as_str().unwrap().to_string();

    // 2. The offer of Windows Server 2022 Standard in the US, and the order.
    let products = api.get("/v1/products?country=US&targetView=Software").await;
    let ws = find(&products.json, "id", "ws2022-std");
    let offer = ws["skus"][0]["availabilities"][0]["catalogItemId"]
        .as_str()
        .unwrap();
    let line = json!({ "lineItemNumber": 0, "offerId": offer, "quantity": 5 });
    let orders = format!("/v1/customers/{tenant}/orders");
    let request_id = [("MS-RequestId", "0f8fad5b-d9cb-469f-a165-70867728950e")];
    let body = json!({ "lineItems": [line] }).to_string();
    let placed = api
        .send(reqwest::Method::POST, &orders, &body, &request_id)
        .await;
    assert_eq!(placed.status, 201, "{:?}", placed.json);
    let order = placed.json["id"].as_str().unwrap().to_string();

    // 3. Its key, from the customer's software.
    let software = api.get(&format!("/v1/customers/{tenant}/software")).await;
    let purchase = find(&software.json, "orderId", &order)["id"]
        .as_str()
        .unwrap()
        .to_string();
    let key = api
        .post(
            &format!("/v1/customers/{tenant}/software/{purchase}/key"),
            &json!({}),
        )
        .await;
    assert_eq!(key.status, 200, "{:?}", key.json);
    assert_eq!(key.json["productKey"].as_str().unwrap().len(), 39);

    // 4. Cancelled with the original's body.
    let cancel =
        json!({ "id": order, "status": "cancelled", "lineItems": [{ "lineItemNumber": 0 }] });
    let cancelled = api.patch(&format!("{orders}/{order}"), &cancel).await;
    assert_eq!(
        (cancelled.status, &cancelled.json["status"]),
        (200, &json!("cancelled"))
    );

    // 5. The credit on the open invoice's line items.
    let month = app.clock.now().format("%Y-%m").to_string();
    let invoices = api.get("/v1/invoices").await;
    find(&invoices.json, "id", &format!("{month}-USD"));
    let lines = api
        .get(&format!("/v1/invoices/{month}-USD/lineitems?size=500"))
        .await;
    let paid = &placed.json["lineItems"][0]["pricing"]["amount"];
    let credit = format!("-{}", paid.as_str().unwrap());
    let credited = lines.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["kind"] == "cancellation" && l["amount"] == credit.as_str());
    assert!(credited, "the credit of {credit} on the invoice");

    // 6. The story in the audit records, done by the token.
    let audit = api
        .get(&format!(
            "/v1/auditrecords?startDate={}",
            app.clock.now().date_naive()
        ))
        .await;
    let done: Vec<(&str, &str)> = audit.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["customerId"] == tenant.as_str())
        .map(|r| {
            (
                r["operationType"].as_str().unwrap(),
                r["userPrincipalName"].as_str().unwrap(),
            )
        })
        .collect();
    for op in ["create_order", "get_software_key", "update_order"] {
        assert!(done.contains(&(op, "Billing sync")), "{op} in {done:?}");
    }
}
