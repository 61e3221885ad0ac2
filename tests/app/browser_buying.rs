//! The buying flow in a real Chromium: a US customer in Workspaces view, an AU customer
//! (tax-inclusive prices) in Current view, and an AZ customer (no Azure reservations).

use fantoccini::Locator;

use crate::support::TestApp;
use crate::support::browser::Browser;

/// The catalog row of a product by name and licence text.
fn row(name: &str, licence: &str) -> String {
    format!(
        "//table[@data-test='catalog']//tr[td[1][normalize-space()='{name}'] and td[3][normalize-space()='{licence}']]"
    )
}

async fn add(b: &Browser, name: &str, licence: &str, quantity: &str) {
    let tr = b
        .client
        .find(Locator::XPath(&row(name, licence)))
        .await
        .unwrap_or_else(|e| panic!("{name}: {e}"));
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

async fn open_customer(b: &Browser, company: &str) {
    b.fill("#customer-search", company).await;
    // The list is already shown before the search: wait for the page the search brings.
    b.click_to_new_page("form.search button[type=submit]").await;
    b.wait_for("table[data-test=customers]").await;
    b.click_link(company).await;
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
    let b = Browser::open(&app.base).await;
    b.sign_in("admin.agent@contoso-partner.test").await;
    b.click("a.tile-customers").await;
    b.wait_for("#customer-search").await;
    open_customer(&b, "Northwind Traders").await;
    assert_eq!(b.text("p[data-test=tax-note]").await, "Prices exclude tax.");
    add(&b, "Windows Server 2022 Standard", "Perpetual", "2").await;
    add(&b, "SQL Server 2022 Standard", "Subscription, 3 years", "1").await;
    b.click("a[data-test=review-cart]").await;
    b.wait_for("td[data-test=total]").await;
    assert!(b.text("td[data-test=total]").await.contains("6,872.00 USD"));
    b.client.back().await.unwrap();
    b.wait_for("table[data-test=catalog]").await;
    place_and_open_history(&b).await;
    assert!(
        b.text("table[data-test=order-history]")
            .await
            .contains("6,872.00 USD")
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_an_admin_agent_buys_for_an_au_customer_at_tax_inclusive_prices() {
    let app = TestApp::spawn().await;
    let b = Browser::open(&app.base).await;
    b.sign_in("admin.agent@contoso-partner.test").await;
    b.click("button[data-test=view-switch]").await;
    b.wait_for("nav.side-nav").await;
    b.click("nav.side-nav a[href='/customers']").await;
    b.wait_for("#customer-search").await;
    open_customer(&b, "Tailspin Toys").await;
    assert_eq!(
        b.text("p[data-test=tax-note]").await,
        "Prices include GST (10%)."
    );
    add(&b, "Windows Server 2022 Standard", "Perpetual", "1").await;
    b.click("a[data-test=review-cart]").await;
    b.wait_for("td[data-test=total]").await;
    let total = b.text("td[data-test=total]").await;
    assert!(
        total.contains("1,624.00 AUD") && total.contains("Tax included: 147.64 AUD"),
        "{total}"
    );
    b.click("button[data-test=place-order]").await;
    b.wait_for("dd[data-test=order-number]").await;
    assert!(
        b.text("td[data-test=order-total]")
            .await
            .contains("147.64 AUD")
    );
    assert!(b.exists("nav.side-nav").await, "still in Current view");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_az_customer_is_shown_azure_reservations_as_unavailable() {
    let app = TestApp::spawn().await;
    let b = Browser::open(&app.base).await;
    b.sign_in("sales.agent@contoso-partner.test").await;
    b.click("a.tile-customers").await;
    b.wait_for("#customer-search").await;
    open_customer(&b, "Wide World Importers").await;
    let azure = b
        .client
        .find(Locator::XPath(&row(
            "Azure reserved VM instance D2s v5",
            "Subscription, 1 year",
        )))
        .await
        .unwrap();
    let text = azure.text().await.unwrap();
    assert!(
        text.contains("not available in this customer's market (AZ)"),
        "{text}"
    );
    assert!(
        azure
            .find(Locator::Css("button[data-test=add-to-cart]"))
            .await
            .is_err()
    );
    add(&b, "Windows Server 2022 Datacenter", "Perpetual", "1").await;
    place_and_open_history(&b).await;
    b.close().await;
}
