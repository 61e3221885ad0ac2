//! The buying flow in a real Chromium: a US customer in Workspaces view, an AU customer
//! (tax-inclusive prices) in Current view, and an AZ customer (no Azure reservations).

use cspdesk::auth::Role;
use cspdesk::ids::CustomerId;
use cspdesk::money::Currency;
use fantoccini::Locator;

use crate::support::browser::Browser;
use crate::support::{TestApp, product_id};

/// The catalog row of a product, by the catalog product's SKU.
async fn row(app: &TestApp, sku: &str) -> String {
    let id = product_id(app, sku).await;
    format!("//table[@data-test='catalog']//tr[@data-product='{id}']")
}

async fn add(app: &TestApp, b: &Browser, sku: &str, quantity: &str) {
    let tr = b
        .client
        .find(Locator::XPath(&row(app, sku).await))
        .await
        .unwrap_or_else(|e| panic!("{sku}: {e}"));
    let qty = tr.find(Locator::Css("input.qty")).await.unwrap();
    qty.clear().await.unwrap();
    qty.send_keys(quantity).await.unwrap();
    b.mark_page().await;
    tr.find(Locator::Css("button[data-test=add-to-cart]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_new_page().await;
    b.wait_for("p.flash-success").await;
}

/// Searches the customer list for `company` and opens the customer found.
async fn open_customer(b: &Browser, company: &str, customer: CustomerId) {
    b.fill("#customer-search", company).await;
    // The list is already shown before the search: wait for the page the search brings.
    b.click_to_new_page("form.search button[type=submit]").await;
    b.wait_for("table[data-test=customers]").await;
    b.click(&format!(
        "table[data-test=customers] a[href='/customers/{customer}']"
    ))
    .await;
    b.wait_for("a[data-test=add-products]").await;
    b.click("a[data-test=add-products]").await;
    b.wait_for("table[data-test=catalog]").await;
}

async fn place_and_open_history(b: &Browser) -> String {
    b.click("a[data-test=review-cart]").await;
    b.wait_for("table[data-test=review]").await;
    b.click("button[data-test=place-order]").await;
    b.wait_for("dd[data-test=order-number]").await;
    let number = b.text("dd[data-test=order-number]").await;
    assert!(b.text("p.flash-success").await.contains(&number));
    b.click("a[data-test=to-order-history]").await;
    b.wait_for("table[data-test=order-history]").await;
    assert!(
        b.text("table[data-test=order-history]")
            .await
            .contains(&number)
    );
    number
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_an_admin_agent_buys_for_a_us_customer() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let us = app.customer(shop.partner).named("Northwind Traders").await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&shop.agent).await;
    b.click("a.tile-customers").await;
    b.wait_for("#customer-search").await;
    open_customer(&b, "Northwind Traders", us).await;
    assert_eq!(b.text("p[data-test=tax-note]").await, "Prices exclude tax.");
    add(&app, &b, "ws2022-std", "2").await;
    add(&app, &b, "sql2022-std-3y", "1").await;
    b.click("a[data-test=review-cart]").await;
    b.wait_for("td[data-test=total]").await;
    assert!(b.text("td[data-test=total]").await.contains("$6,872.00"));
    b.client.back().await.unwrap();
    b.wait_for("table[data-test=catalog]").await;
    place_and_open_history(&b).await;
    assert!(
        b.text("table[data-test=order-history]")
            .await
            .contains("$6,872.00")
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_an_admin_agent_buys_for_an_au_customer_at_tax_inclusive_prices() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let au = app
        .customer(shop.partner)
        .named("Tailspin Toys")
        .market("AU", Currency::Aud)
        .await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&shop.agent).await;
    b.click("button[data-test=view-switch]").await;
    b.wait_for("nav.side-nav").await;
    b.click("nav.side-nav a[href='/customers']").await;
    b.wait_for("#customer-search").await;
    open_customer(&b, "Tailspin Toys", au).await;
    assert_eq!(
        b.text("p[data-test=tax-note]").await,
        "Prices include GST (10%)."
    );
    add(&app, &b, "ws2022-std", "1").await;
    b.click("a[data-test=review-cart]").await;
    b.wait_for("td[data-test=total]").await;
    let total = b.text("td[data-test=total]").await;
    assert!(
        total.contains("A$1,624.00") && total.contains("Tax included: A$147.64"),
        "{total}"
    );
    b.click("button[data-test=place-order]").await;
    b.wait_for("dd[data-test=order-number]").await;
    assert!(
        b.text("td[data-test=order-total]")
            .await
            .contains("A$147.64")
    );
    assert!(b.exists("nav.side-nav").await, "still in Current view");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_az_customer_is_shown_azure_reservations_as_unavailable() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let az = app
        .customer(shop.partner)
        .named("Wide World Importers")
        .market("AZ", Currency::Usd)
        .await;
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&sales).await;
    b.click("a.tile-customers").await;
    b.wait_for("#customer-search").await;
    open_customer(&b, "Wide World Importers", az).await;
    let azure = b
        .client
        .find(Locator::XPath(&row(&app, "azure-ri-d2sv5-1y").await))
        .await
        .unwrap();
    let text = azure.text().await.unwrap();
    assert!(
        text.contains("not available in this customer's market (Azerbaijan)"),
        "{text}"
    );
    assert!(
        azure
            .find(Locator::Css("button[data-test=add-to-cart]"))
            .await
            .is_err()
    );
    add(&app, &b, "ws2022-dc", "1").await;
    place_and_open_history(&b).await;
    b.close().await;
}
