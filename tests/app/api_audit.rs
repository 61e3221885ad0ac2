//! `GET /v1/auditrecords`: the partner's activity as the original's audit records, over a
//! date range, with the original's filters, a keyset page at a time.

use chrono::{DateTime, Duration, Utc};
use cspdesk::clock::Clock;
use cspdesk::ids::{CustomerId, PartnerId};
use diesel_async::RunQueryDsl;

use crate::support::TestApp;
use crate::support::api::{token, walk};
use crate::support::fixtures_people::other_shop;

/// `n` key-view records of `customer`, one a minute up to `at`, tagged with their number.
async fn views(app: &TestApp, partner: PartnerId, customer: CustomerId, at: DateTime<Utc>, n: i64) {
    diesel::sql_query(
        "INSERT INTO activity (partner_id, at, actor, operation, customer_id, details)
         SELECT $1, $3 - i * interval '1 minute', 'agent@contoso.example', 'key_viewed', $2,
                jsonb_build_object('file', i::text)
           FROM generate_series(0, $4 - 1) i",
    )
    .bind::<diesel::sql_types::Uuid, _>(partner)
    .bind::<diesel::sql_types::Uuid, _>(customer)
    .bind::<diesel::sql_types::Timestamptz, _>(at)
    .bind::<diesel::sql_types::BigInt, _>(n)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_view_and_an_order_read_as_the_originals_records_and_others_never_show() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let other = other_shop(&app).await;
    let purchase = app.purchase(shop.customer, "ws2022-std").await;
    app.purchase(other.customer, "ws2022-std").await;
    let agent = app.signed_in(&shop.agent).await;
    assert_eq!(agent.get(&purchase.key_path()).await.status, 200);
    let api = token(&app, shop.partner, &["audit:read"]).await;
    let today = app.clock.now().date_naive();
    let page = api
        .get(&format!("/v1/auditrecords?startDate={today}"))
        .await;
    assert_eq!(page.status, 200, "{:?}", page.json);
    let items = page.json["items"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|r| {
            (
                r["resourceType"].as_str().unwrap(),
                r["operationType"].as_str().unwrap(),
            )
        })
        .collect();
    // All at the same instant (the test's clock stands still), so newest means last written.
    assert_eq!(
        kinds,
        [
            ("ApplicationCredentials", "create_api_token"),
            ("User", "sign_in"),
            ("Software", "get_software_key"),
            ("User", "sign_in"),
            ("Order", "create_order"),
        ]
    );
    let key = &items[2];
    assert_eq!(key["partnerId"], shop.partner.to_string());
    assert_eq!(key["customerId"], shop.customer.to_string());
    assert_eq!(key["customerName"], "Northwind");
    assert_eq!(key["userPrincipalName"], shop.agent);
    assert_eq!(key["operationStatus"], "succeeded");
    assert_eq!(key["attributes"]["objectType"], "AuditRecord");
    assert!(key["operationDate"].as_str().unwrap().ends_with('Z'));

    // Filters: by customer, by part of its name, by resource type.
    let q = |filter: &str| {
        let filter = serde_urlencoded::to_string([("filter", filter)]).unwrap();
        format!("/v1/auditrecords?startDate={today}&{filter}")
    };
    let count = |page: &crate::support::api::ApiResp| page.json["items"].as_array().unwrap().len();
    let by_id = api
        .get(&q(&format!(
            r#"{{"Field":"CustomerId","Value":"{}","Operator":"equals"}}"#,
            shop.customer
        )))
        .await;
    assert_eq!(count(&by_id), 2);
    let theirs = api
        .get(&q(&format!(
            r#"{{"Field":"CustomerId","Value":"{}","Operator":"equals"}}"#,
            other.customer
        )))
        .await;
    assert_eq!(
        (theirs.status, theirs.code()),
        (404, 20000),
        "another partner's customer is not found, as everywhere"
    );
    let by_name = api
        .get(&q(
            r#"{"Field":"CompanyName","Value":"north","Operator":"substring"}"#,
        ))
        .await;
    assert_eq!(count(&by_name), 2);
    let orders = api
        .get(&q(
            r#"{"Field":"ResourceType","Value":"Order","Operator":"equals"}"#,
        ))
        .await;
    assert_eq!(count(&orders), 1);
    assert_eq!(orders.json["items"][0]["operationType"], "create_order");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_follow_on_without_gap_or_repeat_for_the_partner_and_for_a_company_name() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let adatum = app.customer(shop.partner).named("Adatum Corporation").await;
    let adatum_east = app.customer(shop.partner).named("Adatum East").await;
    let now = app.clock.now();
    views(&app, shop.partner, adatum, now - Duration::hours(1), 120).await;
    views(
        &app,
        shop.partner,
        adatum_east,
        now - Duration::hours(1),
        130,
    )
    .await;
    views(
        &app,
        shop.partner,
        shop.customer,
        now - Duration::hours(1),
        30,
    )
    .await;
    let api = token(&app, shop.partner, &["audit:read"]).await;
    let start = (now - Duration::days(1)).date_naive();
    let (all, pages) = walk(&api, &format!("/v1/auditrecords?startDate={start}&size=40")).await;
    // 280 views, the admin's sign-in and the token's creation.
    assert_eq!((all.len(), pages), (282, 8));
    let filter = serde_urlencoded::to_string([(
        "filter",
        r#"{"Field":"CompanyName","Value":"adatum","Operator":"substring"}"#,
    )])
    .unwrap();
    let (named, _) = walk(
        &api,
        &format!("/v1/auditrecords?startDate={start}&size=40&{filter}"),
    )
    .await;
    assert_eq!(named.len(), 250);
    for list in [&all, &named] {
        let ids: Vec<i64> = list
            .iter()
            .map(|r| r["id"].as_str().unwrap().parse().unwrap())
            .collect();
        let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "no record twice");
        let dates: Vec<&str> = list
            .iter()
            .map(|r| r["operationDate"].as_str().unwrap())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_dates_ranges_and_filters_are_400_naming_what_is_wrong() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["audit:read"]).await;
    for query in [
        "",
        "startDate=yesterday",
        "startDate=2026-02-30",
        "startDate=2020-01-01&endDate=2021-06-01",
        "startDate=2026-05-02&endDate=2026-05-01",
        "startDate=2026-05-01&filter=%7B%7D",
        "startDate=2026-05-01&filter=%7B%22Field%22%3A%22ResourceType%22%2C%22Value%22%3A%22Pizza%22%2C%22Operator%22%3A%22equals%22%7D",
        "startDate=2026-05-01&size=0",
        "startDate=2026-05-01&seekOperation=Next",
    ] {
        let r = api.get(&format!("/v1/auditrecords?{query}")).await;
        assert_eq!(r.status, 400, "{query}: {:?}", r.json);
        assert!(
            r.json["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "{query}"
        );
    }
}
