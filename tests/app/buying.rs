use cspdesk::auth::Role;
use cspdesk::db::schema::cart_items;
use cspdesk::ids::CustomerId;
use cspdesk::money::Currency;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::fixtures_orders::customer_user;
use crate::support::{TestApp, Visitor, product_id};

async fn cart_rows(app: &TestApp) -> i64 {
    cart_items::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

async fn catalog(v: &Visitor, customer: CustomerId) -> (String, crate::support::Resp) {
    let base = format!("/customers/{customer}");
    let page = v.get(&format!("{base}/add-products")).await;
    (base, page)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prices_are_shown_in_the_customers_currency_with_the_tax_treatment() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let in_market =
        async |market, currency| app.customer(shop.partner).market(market, currency).await;
    let v = app.signed_in(&shop.agent).await;
    let (_, us) = catalog(&v, shop.customer).await;
    assert_eq!(us.status, 200);
    assert!(us.contains("Prices exclude tax.") && us.contains("$1,069.00"));
    assert!(!us.contains("Tax included"));
    let (_, au) = catalog(&v, in_market("AU", Currency::Aud).await).await;
    assert!(au.contains("Prices include GST (10%).") && au.contains("A$1,624.00"));
    assert!(
        au.contains("Tax included: A$147.64"),
        "1624.00 × 10/110 = 147.636… → 147.64"
    );
    let (_, br) = catalog(&v, in_market("BR", Currency::Brl).await).await;
    assert!(br.contains("Prices include tax (9.25%)."));
    let (_, kr) = catalog(&v, in_market("KR", Currency::Krw).await).await;
    assert!(kr.contains("₩1,485,910"), "won have no minor unit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalog_filters_by_family_licence_and_text() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let (base, _) = catalog(&v, shop.customer).await;
    let sql = v
        .get(&format!("{base}/add-products?family=sql_server"))
        .await;
    assert!(sql.contains("SQL Server 2022 Enterprise") && !sql.contains("Windows Server 2022"));
    let perpetual = v
        .get(&format!("{base}/add-products?kind=perpetual&q=datacenter"))
        .await;
    assert_eq!(perpetual.body.matches("data-product=").count(), 1);
    let nothing = v.get(&format!("{base}/add-products?q=%25")).await;
    assert!(nothing.contains("No product matches these filters."));
    let junk = v
        .get(&format!("{base}/add-products?family=bogus&kind=x"))
        .await;
    assert_eq!(junk.status, 200, "unknown filter values are ignored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn azure_reservations_cannot_be_bought_for_an_az_customer_even_by_a_forged_form() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let az = app.customer(shop.partner).market("AZ", Currency::Usd).await;
    let v = app.signed_in(&shop.agent).await;
    let (base, page) = catalog(&v, az).await;
    assert!(
        page.contains("Azure reservations are not available")
            && page.contains("market (Azerbaijan)")
    );
    assert!(page.contains("data-test=\"unavailable\""));
    let azure = product_id(&app, "azure-ri-d2sv5-1y").await;
    let res = v
        .post(
            &format!("{base}/cart"),
            &[("product_id", &azure), ("quantity", "1")],
        )
        .await;
    assert_eq!(res.status, 303);
    let after = v.get(&res.location.unwrap()).await;
    assert!(after.contains("market (Azerbaijan)") && after.contains("flash-error"));
    assert_eq!(cart_rows(&app).await, 0, "nothing written");
    // The same product can be bought for a US customer.
    let (us, page) = catalog(&v, shop.customer).await;
    assert!(!page.contains("data-test=\"unavailable\""));
    assert_eq!(
        v.post(
            &format!("{us}/cart"),
            &[("product_id", &azure), ("quantity", "1")]
        )
        .await
        .status,
        303
    );
    assert_eq!(cart_rows(&app).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_quantities_and_unknown_products_get_a_message_and_write_nothing() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let (base, _) = catalog(&v, shop.customer).await;
    let ws = product_id(&app, "ws2022-std").await;
    let cases = [
        (ws.as_str(), "0", "The quantity must be between 1 and 1000."),
        (
            ws.as_str(),
            "-3",
            "The quantity must be between 1 and 1000.",
        ),
        (
            ws.as_str(),
            "1001",
            "The quantity must be between 1 and 1000.",
        ),
        (
            ws.as_str(),
            "abc",
            "The quantity must be a whole number between 1 and 1000.",
        ),
        (
            "not-a-product",
            "1",
            "That product does not exist or is no longer sold.",
        ),
        (
            "00000000-0000-4000-8000-000000000000",
            "1",
            "That product does not exist or is no longer sold.",
        ),
    ];
    for (product, quantity, message) in cases {
        let res = v
            .post(
                &format!("{base}/cart"),
                &[("product_id", product), ("quantity", quantity)],
            )
            .await;
        assert_eq!(res.status, 303);
        assert!(
            v.get(&res.location.unwrap()).await.contains(message),
            "{product} × {quantity}"
        );
    }
    assert_eq!(cart_rows(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_again_adds_up_and_stops_at_1000() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let (base, _) = catalog(&v, shop.customer).await;
    let ws = product_id(&app, "ws2022-std").await;
    for quantity in ["600", "400"] {
        v.post(
            &format!("{base}/cart"),
            &[("product_id", &ws), ("quantity", quantity)],
        )
        .await;
    }
    let res = v
        .post(
            &format!("{base}/cart"),
            &[("product_id", &ws), ("quantity", "1")],
        )
        .await;
    assert!(
        v.get(&res.location.unwrap())
            .await
            .contains("The cart can hold at most 1000 of one product.")
    );
    let quantity: i32 = cart_items::table
        .select(cart_items::quantity)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(quantity, 1000);
    assert!(
        v.get(&format!("{base}/add-products"))
            .await
            .contains("Review (1)")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_helpdesk_agent_sees_the_catalog_read_only() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let helpdesk = app.user(shop.partner).roles(&[Role::HelpdeskAgent]).await;
    let v = app.signed_in(&helpdesk).await;
    let (base, page) = catalog(&v, shop.customer).await;
    assert_eq!(page.status, 200);
    assert!(
        !page.contains("data-test=\"add-to-cart\"") && !page.contains("data-test=\"review-cart\"")
    );
    let ws = product_id(&app, "ws2022-std").await;
    let res = v
        .post(
            &format!("{base}/cart"),
            &[("product_id", &ws), ("quantity", "1")],
        )
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(cart_rows(&app).await, 0);
    let customer_admin = customer_user(&app, &shop, Role::CustomerGlobalAdmin).await;
    let customer = app.signed_in(&customer_admin).await;
    assert_eq!(
        customer.get(&format!("{base}/add-products")).await.status,
        403
    );
}
