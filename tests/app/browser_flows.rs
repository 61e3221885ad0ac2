//! The main flows in a real headless Chromium, in both dashboard layouts. Every step fails the
//! test on a console error (CSP violation, missing file, script error).

use cspdesk::auth::Role;
use cspdesk::ids::CustomerId;

use crate::support::TestApp;
use crate::support::browser::Browser;

/// A partner's Admin agent and two of its customers, "Adatum Corporation" and "Northwind
/// Traders": the agent's e-mail, then the two customers.
async fn agent_with_two_customers(app: &TestApp) -> (String, CustomerId, CustomerId) {
    let partner = app.partner("Contoso").await;
    let agent = app.user(partner).roles(&[Role::AdminAgent]).await;
    let adatum = app.customer(partner).named("Adatum Corporation").await;
    let northwind = app.customer(partner).named("Northwind Traders").await;
    (agent, adatum, northwind)
}

/// Search for a customer, open it, switch to Turkish: the part both layouts share.
async fn find_customer_and_switch_to_turkish(
    b: &Browser,
    adatum: CustomerId,
    northwind: CustomerId,
) {
    b.wait_for("#customer-search").await;
    b.fill("#customer-search", "Adatum").await;
    // The list is already shown before the search: wait for the page the search brings.
    b.click_to_new_page("form.search button[type=submit]").await;
    b.wait_for("table[data-test=customers]").await;
    assert!(!b.exists(&format!("a[href='/customers/{northwind}']")).await);
    b.click(&format!(
        "table[data-test=customers] a[href='/customers/{adatum}']"
    ))
    .await;
    b.wait_for("nav.tabs").await;
    assert_eq!(b.text("main h1").await, "Adatum Corporation");
    assert_eq!(b.text("nav.tabs a[aria-current=page]").await, "Software");
    // Choosing in the list changes nothing yet (arrowing through it with the keyboard must
    // not reload the page in each language): the button applies the choice.
    b.click("#language-select option[value=tr]").await;
    assert!(b.exists("html[lang=en]").await);
    b.click_to_new_page("form.language-switch button[type=submit]")
        .await;
    b.wait_for("html[lang=tr]").await;
    assert_eq!(b.text("nav.tabs a[aria-current=page]").await, "Yazılım");
    assert_eq!(b.text("a[data-test=add-products]").await, "Ürün ekle");
    assert!(
        b.path().await.starts_with("/customers/"),
        "the switch stays on the page"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_an_admin_agent_finds_a_customer_in_turkish() {
    let app = TestApp::spawn().await;
    let (agent, adatum, northwind) = agent_with_two_customers(&app).await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&agent).await;
    assert!(b.exists("ul.tiles").await && !b.exists("nav.side-nav").await);
    // Switch to Current view and back: the header control works both ways.
    b.click("button[data-test=view-switch]").await;
    b.wait_for("nav.side-nav").await;
    b.click("button[data-test=view-switch]").await;
    b.wait_for("ul.tiles").await;
    b.click("a.tile-customers").await;
    find_customer_and_switch_to_turkish(&b, adatum, northwind).await;
    assert!(!b.exists("nav.side-nav").await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_an_admin_agent_finds_a_customer_in_turkish() {
    let app = TestApp::spawn().await;
    let (agent, adatum, northwind) = agent_with_two_customers(&app).await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&agent).await;
    b.click("button[data-test=view-switch]").await;
    b.wait_for("nav.side-nav").await;
    b.click("nav.side-nav a[href='/customers']").await;
    b.wait_for("nav.side-nav a[aria-current=page][href='/customers']")
        .await;
    find_customer_and_switch_to_turkish(&b, adatum, northwind).await;
    assert_eq!(
        b.text("nav.side-nav a[href='/customers']").await,
        "Müşteriler"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_helpdesk_agent_sees_no_add_customer_button_in_the_browser() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let helpdesk = app.user(partner).roles(&[Role::HelpdeskAgent]).await;
    // A customer, so Customers shows its list.
    app.customer(partner).await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&helpdesk).await;
    b.click("a.tile-customers").await;
    b.wait_for("table[data-test=customers]").await;
    assert!(!b.exists("a[data-test=add-customer]").await);
    b.goto("/customers/new").await;
    b.wait_for("section.error-page[data-status='403']").await;
    b.assert_console_clean_but(Some(403)).await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gear_menu_leads_to_account_settings_and_sign_out() {
    let app = TestApp::spawn().await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&global_admin(&app).await).await;
    b.click("summary[data-test=gear]").await;
    b.click(".gear-panel a[href='/account']").await;
    b.wait_for("ul[data-test=my-roles]").await;
    assert!(
        b.text("ul[data-test=my-roles]")
            .await
            .contains("Global admin")
    );
    b.click("summary[data-test=gear]").await;
    b.click("button[data-test=sign-out]").await;
    b.wait_for("#email").await;
    assert_eq!(b.path().await, "/signin");
    b.close().await;
}

/// A partner's Global admin: their e-mail.
async fn global_admin(app: &TestApp) -> String {
    let partner = app.partner("Contoso").await;
    app.user(partner).roles(&[Role::GlobalAdmin]).await
}

/// A partner's Global admin, whose partner has sold something, so Billing lists an invoice:
/// their e-mail.
async fn global_admin_with_a_sale(app: &TestApp) -> String {
    let partner = app.partner("Contoso").await;
    let customer = app.customer(partner).await;
    app.purchase(customer, "ws2022-std").await;
    app.user(partner).roles(&[Role::GlobalAdmin]).await
}

/// Add customer (a bad domain first, then a good one), its Order history tab, and the other
/// workspaces, reached the way the layout offers them: tiles or the left-hand menu.
async fn add_customer_and_visit_workspaces(b: &Browser, current_view: bool) {
    let open = |href: &'static str| async move {
        if current_view {
            b.mark_page().await;
            b.click(&format!("nav.side-nav a[href='{href}']")).await;
        } else {
            b.goto("/").await;
            b.wait_for("ul.tiles").await;
            b.mark_page().await;
            b.click(&format!("ul.tiles a[href='{href}']")).await;
        }
        b.wait_new_page().await;
    };
    open("/customers").await;
    b.wait_for("a[data-test=add-customer]").await;
    b.click("a[data-test=add-customer]").await;
    b.wait_for("#company_name").await;
    b.fill("#company_name", "Coho <Winery>").await;
    b.fill("#primary_domain", "not a domain").await;
    b.click("form.stacked button[type=submit]").await;
    b.wait_for("#primary_domain-error").await;
    assert_eq!(
        b.text("#primary_domain-error").await,
        "Enter a domain name such as contoso.com."
    );
    // The refused form answers 422, which Chromium logs; nothing else may appear.
    b.assert_console_clean_but(Some(422)).await;
    b.fill("#primary_domain", "coho.test").await;
    b.click("form.stacked button[type=submit]").await;
    b.wait_for("nav.tabs").await;
    assert_eq!(b.text("main h1").await, "Coho <Winery>");
    b.click("nav.tabs a[href$='/orders']").await;
    b.wait_for("p[data-test=orders-empty]").await;
    open("/billing").await;
    b.wait_for("table[data-test=invoices]").await;
    assert_eq!(b.text("main h1").await, "Billing");
    // This month's invoice, with the sale, downloads as a PDF a reader can open.
    b.click_to_new_page("a[data-test=open-invoice]").await;
    b.wait_for("a[data-test=invoice-pdf]").await;
    b.click("a[data-test=invoice-pdf]").await;
    let pdf = crate::support::pdf::text(&b.downloaded("pdf").await);
    assert!(pdf.contains("Windows Server 2022 Standard"), "{pdf}");
    assert!(pdf.contains("Contoso"), "{pdf}");
    open("/support").await;
    b.wait_for("p.empty").await;
    assert_eq!(b.text("main h1").await, "Support");
    open("/account").await;
    b.wait_for("ul[data-test=my-roles]").await;
    assert!(
        b.text("ul[data-test=my-roles]")
            .await
            .contains("Global admin")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_a_global_admin_adds_a_customer_and_visits_every_workspace() {
    let app = TestApp::spawn().await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&global_admin_with_a_sale(&app).await).await;
    add_customer_and_visit_workspaces(&b, false).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_a_global_admin_adds_a_customer_and_visits_every_workspace() {
    let app = TestApp::spawn().await;
    let b = Browser::open(&app.base).await;
    b.sign_in(&global_admin_with_a_sale(&app).await).await;
    b.click("button[data-test=view-switch]").await;
    b.wait_for("nav.side-nav").await;
    add_customer_and_visit_workspaces(&b, true).await;
    b.close().await;
}
