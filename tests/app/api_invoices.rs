//! `/v1/invoices`: the open month's invoice with what a program bought and cancelled through
//! the API, its line items (a charge, and the credit as a negative amount) a page at a time,
//! and the totals the Billing page shows.

use cspdesk::clock::Clock;
use serde_json::json;

use crate::support::TestApp;
use crate::support::api::token;
use crate::support::fixtures_orders::monthly_invoices;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purchase_and_its_cancellation_are_on_the_open_invoice_as_the_billing_page_shows() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["orders:write", "billing:read"]).await;
    let orders = format!("/v1/customers/{}/orders", shop.customer);
    let line = json!({ "lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": 2 });
    let placed = api.post(&orders, &json!({ "lineItems": [line] })).await;
    assert_eq!(placed.status, 201);
    let paid = placed.json["lineItems"][0]["pricing"]["amount"].clone();
    let id = placed.json["id"].as_str().unwrap().to_string();
    let cancelled = api
        .patch(&format!("{orders}/{id}"), &json!({ "status": "cancelled" }))
        .await;
    assert_eq!(cancelled.status, 200);

    let month = app.clock.now().format("%Y-%m").to_string();
    let list = api.get("/v1/invoices").await;
    assert_eq!(list.status, 200, "{:?}", list.json);
    let open = list.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == format!("{month}-USD").as_str())
        .expect("the open month in dollars")
        .clone();
    assert_eq!(
        (open["status"].as_str(), open["currencyCode"].as_str()),
        (Some("open"), Some("USD"))
    );
    assert_eq!(open["totalCharges"], paid);
    assert_eq!(
        open["totalCredits"], paid,
        "a whole refund within the window"
    );
    assert_eq!(open["totalAmount"], "0.00");
    assert_eq!(open["lineItemCount"], 2);

    // Its line items, one per page: the charge and the credit (booked at the same instant
    // here, so in either order).
    let first = api
        .get(&format!("/v1/invoices/{month}-USD/lineitems?size=1"))
        .await;
    assert_eq!(first.status, 200, "{:?}", first.json);
    let next = &first.json["links"]["next"];
    let token_value = next["headers"][0]["value"].as_str().unwrap();
    let second = api
        .get_with(
            &format!("/v1{}", next["uri"].as_str().unwrap()),
            &[("MS-ContinuationToken", token_value)],
        )
        .await;
    assert!(second.json["links"]["next"].is_null());
    let mut items = [
        first.json["items"][0].clone(),
        second.json["items"][0].clone(),
    ];
    items.sort_by_key(|i| i["kind"] != "charge");
    assert_eq!(
        (&items[0]["kind"], &items[0]["amount"]),
        (&json!("charge"), &paid)
    );
    assert_eq!(items[1]["kind"], "cancellation");
    assert_eq!(
        items[1]["amount"],
        format!("-{}", paid.as_str().unwrap()).as_str()
    );

    // The Billing page says the same.
    let staff = app
        .user(shop.partner)
        .roles(&[cspdesk::auth::Role::BillingAdmin])
        .await;
    let page = app.signed_in(&staff).await.get("/billing").await;
    let minor = paid
        .as_str()
        .unwrap()
        .replace('.', "")
        .parse::<i64>()
        .unwrap();
    let shown = cspdesk::money::display(
        minor,
        cspdesk::money::Currency::Usd,
        cspdesk::i18n::Lang::En,
    );
    assert!(page.contains(&shown), "the charge on Billing: {shown}");

    // A month not yet begun, a currency we do not bill in, nonsense: not found.
    for bad in ["2999-01-USD", "2026-01-XYZ", "lineitems"] {
        let r = api.get(&format!("/v1/invoices/{bad}/lineitems")).await;
        assert_eq!((r.status, r.code()), (404, 20000), "{bad}");
    }
}

/// A page reads one invoice more than it shows: this month's invoices beyond that are not
/// taken for currencies without charges this month (an empty open invoice), so each page of
/// one holds the real invoice, with its charges.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_of_one_shows_each_of_this_months_invoices_with_its_own_totals() {
    use cspdesk::money::Currency;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let hungarian = app.customer(shop.partner).market("HU", Currency::Huf).await;
    let german = app.customer(shop.partner).market("DE", Currency::Eur).await;
    for customer in [german, hungarian, shop.customer] {
        app.purchase(customer, "ws2022-std").await;
    }
    let api = token(&app, shop.partner, &["billing:read"]).await;
    let all = api.get("/v1/invoices").await.json["items"].clone();
    let all = all.as_array().unwrap();
    let currencies: Vec<&str> = all
        .iter()
        .map(|i| i["currencyCode"].as_str().unwrap())
        .collect();
    assert_eq!(currencies, ["EUR", "HUF", "USD"]);
    let (one_by_one, pages) = crate::support::api::walk(&api, "/v1/invoices?size=1").await;
    assert_eq!(&one_by_one, all);
    assert_eq!(pages, 3);
    for invoice in &one_by_one {
        assert_ne!(
            invoice["totalCharges"]
                .as_str()
                .unwrap()
                .trim_start_matches(['0', '.']),
            ""
        );
    }
}

/// The invoices come a page at a time, newest month first and by currency within a month:
/// this month's open invoice in every currency billed, then the issued ones, each once, and
/// never more on a page than asked for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoices_come_a_page_at_a_time_newest_first_each_once() {
    use cspdesk::billing::rules::Month;
    use cspdesk::money::Currency;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let hungarian = app.customer(shop.partner).market("HU", Currency::Huf).await;
    let month = Month::of(app.clock.now());
    let mut expected = vec![
        format!("{}-HUF", month.code()),
        format!("{}-USD", month.code()),
    ];
    let made = monthly_invoices(&app, &shop, Some(hungarian), 12).await;
    expected.extend(made.iter().map(|(m, c)| format!("{}-{c}", m.code())));
    let api = token(&app, shop.partner, &["billing:read"]).await;
    let (items, pages) = crate::support::api::walk(&api, "/v1/invoices?size=5").await;
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, expected);
    assert_eq!(pages, 4, "20 invoices, 5 a page");
    assert_eq!(items[0]["status"], "open");
    assert_eq!(items[2]["status"], "issued");
    // One a page: the same list, each page's end falling on open and issued ones alike.
    let (one_by_one, pages) = crate::support::api::walk(&api, "/v1/invoices?size=1").await;
    assert_eq!(one_by_one, items);
    assert_eq!(pages, 20);
    // The first page by default holds them all; a bad size is a 400.
    let all = api.get("/v1/invoices").await;
    assert_eq!(all.json["items"].as_array().unwrap().len(), 20);
    assert_eq!(api.get("/v1/invoices?size=0").await.status, 400);
}
