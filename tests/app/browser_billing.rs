//! Billing's invoice list in a real Chromium, in both views: 24 invoices a page, newest first,
//! "Older" continuing without a gap or a repeat and "Newest" coming back, and a year chosen in
//! the filter. The Workspaces view's run is on a phone's screen (390×844),
//! the Current view's at the desktop size.

use crate::support::TestApp;
use crate::support::browser::{Browser, assert_fits, open_workspace, story_browser};
use crate::support::fixtures_orders::monthly_invoices;

/// The invoices the list shows, as their addresses.
async fn listed(b: &Browser) -> Vec<String> {
    b.attributes(
        "tr[data-test=invoice-row] a[data-test=open-invoice]",
        "href",
    )
    .await
}

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    // A purchase in each of the last 30 months: 30 issued invoices (this month's open one is
    // empty, so the list leaves it out).
    let made = monthly_invoices(&app, &shop, None, 30).await;
    let expected: Vec<String> = made
        .iter()
        .map(|(m, c)| format!("/billing/invoices/{}/{c}", m.code()))
        .collect();
    let month = made.last().expect("30 months").0;
    let b = story_browser(&app, &shop.agent, current_view).await;

    open_workspace(&b, current_view, "/billing").await;
    b.wait_for("table[data-test=invoices]").await;
    let first = listed(&b).await;
    assert_eq!(first, expected[..24]);
    assert!(!b.exists("a[data-test=pager-newest]").await);
    assert_fits(&b).await;
    b.click_to_new_page("a[data-test=pager-older]").await;
    let second = listed(&b).await;
    assert_eq!(second, expected[24..]);
    assert!(!b.exists("a[data-test=pager-older]").await);
    b.click_to_new_page("a[data-test=pager-newest]").await;
    assert_eq!(listed(&b).await, first);

    // The oldest invoice's year, chosen in the filter: that year's invoices only.
    let year = month.year();
    b.click(&format!("#filter-year option[value='{year}']"))
        .await;
    b.click_to_new_page("form[data-test=billing-filter] button[type=submit]")
        .await;
    assert!(b.path().await.contains(&format!("year={year}")));
    let of_year: Vec<String> = expected
        .iter()
        .filter(|href| href.contains(&format!("/{year}-")))
        .cloned()
        .collect();
    assert_eq!(listed(&b).await, of_year);
    b.assert_console_clean().await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_in_workspaces_view_billing_turns_its_pages_of_invoices() {
    story(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_billing_turns_its_pages_of_invoices() {
    story(true).await;
}
