//! The `/v1` API over real HTTP: who may call it (401, 403, 404 with the original's codes),
//! the customers collection and its continuation, the rate limit, every scope against every
//! route, and the OpenAPI document against the route table.

use cspdesk::web::routes::{self, Access};
use serde_json::{Value, json};

use crate::support::TestApp;
use crate::support::api::{ApiClient, get_as, token};
use crate::support::fixtures_people::other_shop;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_without_a_usable_token_is_401_in_the_original_envelope() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let unknown = format!("Bearer cspdesk_{}", "0".repeat(64));
    for authorization in [
        None,
        Some("Bearer"),
        Some("Bearer nonsense"),
        Some("Basic dXNlcjpwYXNz"),
        Some(unknown.as_str()),
    ] {
        let r = get_as(&app, "/v1/customers", authorization).await;
        assert_eq!(r.status, 401, "{authorization:?}");
        assert_eq!(r.json["code"], 800001, "{authorization:?}");
        assert_eq!(r.json["source"], "CSPDesk");
        assert_eq!(r.json["data"], Value::Array(Vec::new()));
        assert!(
            r.json["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty())
        );
    }
    // A signed-in session is no token.
    let agent = app.signed_in(&shop.agent).await;
    let r = agent.get("/v1/customers").await;
    assert_eq!(r.status, 401);
    assert!(
        r.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    // Descriptions follow Accept-Language.
    let tr = reqwest::Client::new()
        .get(format!("{}/v1/customers", app.base))
        .header("Accept-Language", "tr")
        .send()
        .await
        .unwrap();
    let body: Value = tr.json().await.unwrap();
    assert_eq!(
        body["description"],
        "Bir API belirtecini \"Authorization: Bearer <belirteç>\" olarak gönderin."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_is_shown_as_the_original_shows_it_and_another_partners_is_404() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let other = other_shop(&app).await;
    let api = token(&app, shop.partner, &["customers:read"]).await;
    let r = api.get(&format!("/v1/customers/{}", shop.customer)).await;
    assert_eq!(r.status, 200, "{:?}", r.json);
    let c = &r.json;
    assert_eq!(c["id"], shop.customer.to_string());
    assert_eq!(c["companyProfile"]["tenantId"], shop.customer.to_string());
    assert_eq!(c["companyProfile"]["companyName"], "Northwind");
    assert_eq!(c["billingProfile"]["defaultAddress"]["country"], "US");
    assert_eq!(c["billingProfile"]["currencyCode"], "USD");
    assert_eq!(c["relationshipToPartner"], "reseller");
    assert_eq!(c["attributes"]["objectType"], "Customer");
    assert_eq!(
        c["links"]["self"]["uri"],
        format!("/customers/{}", shop.customer)
    );

    // A correlation id comes back; one that is not a plain id does not.
    let id = "5f1d3c52-8a61-4a5e-9a0b-1d2f3e4c5b6a";
    let r = api
        .get_with("/v1/customers", &[("MS-CorrelationId", id)])
        .await;
    assert_eq!(r.headers["ms-correlationid"], id);
    let r = api
        .get_with("/v1/customers", &[("MS-CorrelationId", "a b\tc")])
        .await;
    assert!(r.headers.get("ms-correlationid").is_none());

    let theirs = api.get(&format!("/v1/customers/{}", other.customer)).await;
    assert_eq!((theirs.status, theirs.code()), (404, 20000));
    let unknown = api
        .get(&format!("/v1/customers/{}", uuid::Uuid::new_v4()))
        .await;
    assert_eq!((unknown.status, unknown.code()), (404, 20000));
    let malformed = api.get("/v1/customers/not-a-tenant").await;
    assert_eq!((malformed.status, malformed.code()), (400, 900118));
    // No such path, or no such method: the API's envelope, not a page.
    let nowhere = api.get("/v1/nowhere").await;
    assert_eq!((nowhere.status, nowhere.code()), (404, 20000));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_next_link_walks_250_customers_in_pages_of_40_without_gap_or_repeat() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    for i in 0..249 {
        app.customer(shop.partner)
            .named(&format!("Customer {i:03}"))
            .await;
    }
    let api = token(&app, shop.partner, &["customers:read"]).await;
    let mut seen = Vec::new();
    let mut page = api.get("/v1/customers?size=40").await;
    let mut pages = 1;
    loop {
        assert_eq!(page.status, 200, "{:?}", page.json);
        let items = page.json["items"].as_array().unwrap();
        assert_eq!(page.json["totalCount"], items.len());
        assert_eq!(page.json["attributes"]["objectType"], "Collection");
        seen.extend(items.iter().map(|c| c["id"].as_str().unwrap().to_string()));
        let next = &page.json["links"]["next"];
        if next.is_null() {
            break;
        }
        let uri = next["uri"].as_str().unwrap();
        assert!(uri.ends_with("seekOperation=Next"), "{uri}");
        assert_eq!(next["method"], "GET");
        let header = &next["headers"][0];
        assert_eq!(header["key"], "MS-ContinuationToken");
        let value = header["value"].as_str().unwrap();
        page = api
            .get_with(&format!("/v1{uri}"), &[("MS-ContinuationToken", value)])
            .await;
        pages += 1;
    }
    assert_eq!(pages, 7, "250 customers in pages of 40");
    assert_eq!(seen.len(), 250);
    let distinct: std::collections::BTreeSet<&String> = seen.iter().collect();
    assert_eq!(distinct.len(), 250, "no customer twice");

    for bad in ["size=0", "size=501", "size=lots", "seekOperation=Previous"] {
        let r = api.get(&format!("/v1/customers?{bad}")).await;
        assert_eq!((r.status, r.code()), (400, 400), "{bad}");
    }
    let r = api.get("/v1/customers?seekOperation=Next").await;
    assert_eq!(r.status, 400, "Next without a continuation");
    assert!(
        r.json["description"]
            .as_str()
            .unwrap()
            .contains("MS-ContinuationToken")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_over_its_rate_limit_gets_429_with_retry_after() {
    let app = TestApp::spawn_with(|s| s.api_requests_per_minute = 5).await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["customers:read"]).await;
    for _ in 0..5 {
        assert_eq!(api.get("/v1/customers").await.status, 200);
    }
    let r = api.get("/v1/customers").await;
    assert_eq!((r.status, r.code()), (429, 429));
    let wait: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    // Another token of the same partner has its own count.
    let other = token(&app, shop.partner, &["customers:read"]).await;
    assert_eq!(other.get("/v1/customers").await.status, 200);
}

/// A concrete path of an API route for `tenant` (and its `order`), with the parameters it
/// needs.
fn fill(path: &str, ids: &Ids) -> String {
    let path = path
        .replace("{tenant}", &ids.tenant)
        .replace("{order}", &ids.order)
        .replace("{purchase}", &ids.purchase)
        .replace("{variant}", &ids.variant)
        .replace("{invoice}", "2020-01-USD");
    match path.as_str() {
        "/v1/auditrecords" => format!("{path}?startDate=2026-01-01&endDate=2026-01-31"),
        "/v1/products" => format!("{path}?country=US&targetView=Software"),
        _ => path,
    }
}

/// A customer's ids for the matrix: the customer, an order, a purchase and a variant of it
/// with a file.
struct Ids {
    tenant: String,
    order: String,
    purchase: String,
    variant: String,
}

async fn ids_of(app: &TestApp, customer: cspdesk::ids::CustomerId) -> Ids {
    // Two purchases: the first's order is cancelled by the matrix, the second keeps its key.
    let cancelled = app.purchase(customer, "ws2022-std").await;
    let purchase = app.purchase(customer, "ws2022-dc").await;
    let variant = crate::support::software::filed_variant(app, purchase.line).await;
    Ids {
        tenant: customer.to_string(),
        order: cancelled.order.to_string(),
        purchase: purchase.line.to_string(),
        variant: variant.to_string(),
    }
}

fn tag() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_string()
}

/// The original's body for a new customer with the domain `<tag>.example`.
fn new_customer(tag: &str) -> Value {
    json!({
        "companyProfile": { "companyName": format!("Wingtip {tag}"), "domain": format!("{tag}.example") },
        "billingProfile": {
            "defaultAddress": { "country": "TR", "city": "İstanbul" },
            "currencyCode": "USD",
            "culture": "tr-TR",
            "language": "tr"
        }
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_program_adds_a_customer_by_the_dashboards_rules_once_per_request_id() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["customers:read", "customers:write"]).await;
    let shop_customers = api.get("/v1/customers").await.json["totalCount"]
        .as_i64()
        .unwrap();
    let t = tag();
    let id_header = [("MS-RequestId", "4b1a3c52-0000-4000-8000-000000000001")];
    let body = new_customer(&t).to_string();
    let made = api
        .send(reqwest::Method::POST, "/v1/customers", &body, &id_header)
        .await;
    assert_eq!(made.status, 201, "{:?}", made.json);
    let tenant = made.json["id"].as_str().unwrap().to_string();
    assert_eq!(
        made.json["companyProfile"]["domain"],
        format!("{t}.example")
    );
    assert_eq!(
        made.json["billingProfile"]["defaultAddress"]["country"],
        "TR"
    );
    let again = api
        .send(reqwest::Method::POST, "/v1/customers", &body, &id_header)
        .await;
    assert_eq!(
        (again.status, again.json["id"].as_str()),
        (201, Some(tenant.as_str()))
    );
    assert_eq!(
        api.get(&format!("/v1/customers/{tenant}")).await.status,
        200
    );
    // On the audit records once, done by the token, naming the customer.
    let auditor = token(&app, shop.partner, &["audit:read"]).await;
    let today = cspdesk::clock::Clock::now(app.clock.as_ref()).date_naive();
    let records = auditor
        .get(&format!(
            "/v1/auditrecords?startDate={today}&filter=%7B%22Field%22%3A%22ResourceType%22%2C%22Value%22%3A%22Customer%22%2C%22Operator%22%3A%22equals%22%7D"
        ))
        .await;
    assert_eq!(records.status, 200, "{:?}", records.json);
    let items = records.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["operationType"], "add_customer");
    assert_eq!(items[0]["customerId"], tenant.as_str());
    assert_eq!(items[0]["customerName"], format!("Wingtip {t}"));
    assert!(
        items[0]["userPrincipalName"]
            .as_str()
            .unwrap()
            .starts_with("Program "),
        "{:?}",
        items[0]
    );
    // The same id with another body: 409, and no customer made.
    let other = new_customer(&tag()).to_string();
    let r = api
        .send(reqwest::Method::POST, "/v1/customers", &other, &id_header)
        .await;
    assert_eq!((r.status, r.code()), (409, 409), "{:?}", r.json);
    let listed = api.get("/v1/customers?size=500").await;
    assert_eq!(listed.json["totalCount"], shop_customers + 1);
    // The same domain again, without the request id: taken.
    let taken = api.post("/v1/customers", &new_customer(&t)).await;
    assert_eq!((taken.status, taken.code()), (409, 409));
    // Each bad field is named.
    let mut bad = new_customer(&tag());
    bad["billingProfile"]["defaultAddress"]["country"] = json!("ZZ");
    let r = api.post("/v1/customers", &bad).await;
    assert_eq!(r.status, 400);
    assert!(
        r.json["description"]
            .as_str()
            .unwrap()
            .contains("billingProfile.defaultAddress.country")
    );
    let mut bad = new_customer(&tag());
    bad["companyProfile"]["domain"] = json!("not a domain");
    let r = api.post("/v1/customers", &bad).await;
    assert!(
        r.json["description"]
            .as_str()
            .unwrap()
            .contains("companyProfile.domain")
    );
    let mut bad = new_customer(&tag());
    bad["billingProfile"]
        .as_object_mut()
        .unwrap()
        .remove("currencyCode");
    let r = api.post("/v1/customers", &bad).await;
    assert!(
        r.json["description"]
            .as_str()
            .unwrap()
            .contains("billingProfile.currencyCode"),
        "{:?}",
        r.json
    );
}

/// What a call of the matrix answers: its status, and for a write whether it was refused
/// only because an earlier call already did it (a cancelled order, 800061).
async fn call(api: &ApiClient, method: &str, path: &str) -> (u16, bool) {
    let r = match method {
        "GET" => api.get(path).await,
        "POST" if path == "/v1/customers" => api.post(path, &new_customer(&tag())).await,
        "POST" if !path.ends_with("/orders") => api.post(path, &json!({})).await,
        "POST" => {
            let line =
                json!({ "lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": 1 });
            api.post(path, &json!({ "lineItems": [line] })).await
        }
        "PATCH" => api.patch(path, &json!({ "status": "cancelled" })).await,
        m => panic!("no call for {m} {path} yet"),
    };
    (r.status, r.status == 400 && r.code() == 800061)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_scope_against_every_route_is_allowed_refused_or_not_found_as_the_table_says() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let other = ids_of(&app, other_shop(&app).await.customer).await;
    let own = ids_of(&app, shop.customer).await;
    let mut failures = Vec::new();
    for scope in cspdesk::api::scope::Scope::ALL {
        let api = token(&app, shop.partner, &[scope.code()]).await;
        for route in routes::all() {
            let Access::Token(perm) = route.access else {
                continue;
            };
            let allowed = scope.perms().contains(&perm);
            for (ids, theirs) in [(&own, false), (&other, true)] {
                let want = match (allowed, theirs && route.path.contains("{tenant}")) {
                    (false, _) => 403,
                    (true, true) => 404,
                    (true, false) => 200,
                };
                let path = fill(route.path, ids);
                let (got, done_before) = call(&api, route.method, &path).await;
                let fits = match want {
                    200 => (200..300).contains(&got) || done_before,
                    w => got == w,
                };
                if !fits {
                    failures.push(format!(
                        "{} {path} with {}: {got}, want {want}",
                        route.method,
                        scope.code()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_api_route_and_needs_no_token() {
    let app = TestApp::spawn().await;
    let doc = get_as(&app, "/v1/openapi.json", None).await;
    assert_eq!(doc.status, 200);
    assert!(doc.json["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc.json["paths"].as_object().unwrap();
    let mut missing = Vec::new();
    for route in routes::all() {
        if !matches!(route.access, Access::Token(_)) {
            continue;
        }
        let method = route.method.to_ascii_lowercase();
        let described = paths
            .get(route.path)
            .and_then(|item| item.get(&method))
            .is_some_and(|op| op["responses"].get("401").is_some());
        if !described {
            missing.push(format!("{} {}", route.method, route.path));
        }
    }
    assert!(missing.is_empty(), "not in the document: {missing:?}");
    // And nothing the app does not serve.
    for path in paths.keys() {
        assert!(
            routes::all().any(|r| r.path == path),
            "{path} is described but not served"
        );
    }
    assert_eq!(
        doc.json["components"]["securitySchemes"]["token"]["scheme"],
        "bearer"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scope_grants_only_what_it_names() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    // Orders are read through their customer's path, but reading orders is not listing
    // customers.
    let orders_only = token(&app, shop.partner, &["orders:read"]).await;
    let r = orders_only.get("/v1/customers").await;
    assert_eq!((r.status, r.code()), (403, 900150));
    let audit_only = token(&app, shop.partner, &["audit:read"]).await;
    let r = audit_only
        .get(&format!("/v1/customers/{}", shop.customer))
        .await;
    assert_eq!((r.status, r.code()), (403, 900150));
}
