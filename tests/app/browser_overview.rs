//! The home page's overview in a real Chromium, in both views: its figures match the data and
//! each leads to its list (the "Needs attention" page turning its pages, the support requests
//! waiting for the partner, this month's invoice), and Billing draws its chart's bars.
//! The Workspaces view's run is on a phone's screen (390×844), the Current view's at the
//! desktop size.

use chrono::Duration;
use cspdesk::clock::Clock;

use crate::support::TestApp;
use crate::support::browser::{Browser, assert_fits, open_workspace, story_browser};
use crate::support::ordering::order_number;
use crate::support::requests::file_request;
use crate::support::software::make_link;

/// The number a figure of the overview shows.
async fn figure(b: &Browser, test: &str) -> String {
    b.text(&format!("a[data-test={test}] .figure-count")).await
}

/// The home page again, with its overview.
async fn home(b: &Browser) {
    b.goto("/").await;
    b.wait_for("section[data-test=overview]").await;
}

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    // A link made 13 days ago expires tomorrow.
    let linked = app.purchase(shop.customer, "ws2022-std").days_old(40).await;
    make_link(&app, &agent, linked).await;
    app.clock.advance(Duration::days(13));
    let agent = app.signed_in(&shop.agent).await;
    // 26 cancellation windows end in the next 3 days: a page of 25 and one more.
    for i in 0..26 {
        let at = app.clock.now() - Duration::days(29) + Duration::minutes(i);
        app.purchase(shop.customer, "ws2022-std")
            .placed_at(at)
            .await;
    }
    // A purchase cancelled this month: a credit on the chart (and not a window ending).
    let cancelled = app.purchase(shop.customer, "sql2022-std").days_old(2).await;
    crate::support::ordering::cancel(&agent, cancelled).await;
    // Of two requests, support waits on the partner for one.
    let number = order_number(&app, linked.order).await;
    let tenant = shop.customer.to_string();
    for title in ["Waiting on us", "Still with support"] {
        file_request(&agent, &tenant, &number, title).await;
    }
    crate::support::requests::wait_on_partner(&app, "Waiting on us").await;

    // Signing in lands on the home page and its overview.
    let b = story_browser(&app, &shop.agent, current_view).await;
    b.wait_for("section[data-test=overview]").await;
    assert_eq!(figure(&b, "figure-ending").await, "26");
    assert_eq!(figure(&b, "figure-expiring").await, "1");
    assert_eq!(figure(&b, "figure-waiting").await, "1");
    assert_fits(&b).await;

    // Windows ending: 25, then the one more, then back to the soonest.
    b.click_to_new_page("a[data-test=figure-ending]").await;
    assert_eq!(b.path().await, "/attention");
    assert_eq!(b.count("tr[data-test=ending-row]").await, 25);
    assert_eq!(b.count("tr[data-test=expiring-row]").await, 1);
    assert_fits(&b).await;
    b.click_to_new_page("a[data-test=ending-later]").await;
    assert_eq!(b.count("tr[data-test=ending-row]").await, 1);
    assert!(!b.exists("a[data-test=ending-later]").await);
    b.click_to_new_page("a[data-test=ending-soonest]").await;
    assert_eq!(b.count("tr[data-test=ending-row]").await, 25);
    home(&b).await;

    // The requests waiting for the partner: the one.
    b.click_to_new_page("a[data-test=figure-waiting]").await;
    let rows = b.texts("tr[data-test=support-row]").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("Waiting on us"), "{rows:?}");
    home(&b).await;

    // This month's open invoice, with the credit of the cancellation.
    b.click_to_new_page("ul[data-test=open-invoices] a").await;
    let month = app.clock.now().format("%Y-%m").to_string();
    assert_eq!(b.path().await, format!("/billing/invoices/{month}/USD"));
    assert_eq!(b.count("tr[data-test=credit-line]").await, 1);

    // Billing: one chart (USD), two bars a month for 12 months, the tallest at full height,
    // and the same twelve months in the table for screen readers.
    open_workspace(&b, current_view, "/billing").await;
    b.wait_for("svg[data-test=chart-svg]").await;
    assert_eq!(b.count("section[data-test=chart]").await, 1);
    let bars = "svg[data-test=chart-svg] rect";
    assert_eq!(b.count(&format!("{bars}.bar-charges")).await, 12);
    assert_eq!(b.count(&format!("{bars}.bar-credits")).await, 12);
    let heights = b.attributes(bars, "height").await;
    let tallest = heights.iter().filter_map(|h| h.parse::<u32>().ok()).max();
    assert_eq!(tallest, Some(120), "{heights:?}");
    let credited = b.attributes(&format!("{bars}.bar-credits"), "height").await;
    assert_eq!(
        credited.iter().filter(|h| *h != "0").count(),
        1,
        "{credited:?}"
    );
    assert_eq!(b.count("table[data-test=chart-table] tbody tr").await, 12);
    assert_fits(&b).await;
    b.assert_console_clean().await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_in_workspaces_view_the_overview_leads_to_each_list_and_billing_draws_its_chart()
{
    story(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_the_overview_leads_to_each_list_and_billing_draws_its_chart() {
    story(true).await;
}
