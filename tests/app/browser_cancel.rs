//! Cancelling in a real Chromium, in both views: a 2-day-old perpetual purchase is cancelled
//! from the Cancel dialog and its credit appears on this month's invoice; the 31-day-old one
//! offers a support request instead; a SUSE plan cannot be cancelled.

use cspdesk::auth::Role;
use cspdesk::billing::rules::Month;
use cspdesk::clock::Clock;
use cspdesk::money::Currency;
use fantoccini::Locator;

use crate::support::browser::{Browser, open_customer, signed_in};
use crate::support::{Purchase, TestApp};

/// The purchase's row on the Software tab.
fn row_of(p: Purchase) -> String {
    format!(
        "//tr[@data-test='purchase-row'][td[@data-line='{}']]",
        p.line
    )
}

async fn status_of(b: &Browser, p: Purchase) -> String {
    b.client
        .find(Locator::XPath(&format!(
            "{}//td[@data-test='purchase-status']",
            row_of(p)
        )))
        .await
        .expect("the purchase's row")
        .text()
        .await
        .unwrap()
}

/// Opens the Cancel dialog of the purchase's row on the Software tab.
async fn click_cancel(b: &Browser, p: Purchase) {
    b.client
        .find(Locator::XPath(&format!(
            "{}//a[@data-test='cancel-purchase']",
            row_of(p)
        )))
        .await
        .unwrap_or_else(|e| panic!("Cancel on {p:?}: {e}"))
        .click()
        .await
        .expect("click Cancel");
    b.wait_for("dialog[open] [data-test=cancel-state]").await;
}

async fn close_dialog(b: &Browser) {
    b.click("dialog[open] form[method=dialog] button").await;
}

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let agent = app.user(partner).roles(&[Role::AdminAgent]).await;
    let fourth = app
        .customer(partner)
        .named("Fourth Coffee")
        .market("HU", Currency::Huf)
        .await;
    let order = app
        .order(fourth)
        .line("sql2022-std", 2)
        .line("ws2022-std", 1)
        .days_old(2)
        .await;
    let ws = order.purchases[1];
    let adatum = app
        .customer(partner)
        .named("Adatum Corporation")
        .market("TR", Currency::Try)
        .await;
    let older = app.purchase(adatum, "ws2022-std").days_old(88).await;
    let newer = app.purchase(adatum, "ws2022-std").days_old(31).await;
    let tailspin = app
        .customer(partner)
        .named("Tailspin Toys")
        .market("AU", Currency::Aud)
        .await;
    let suse = app.purchase(tailspin, "suse-sles-1y").days_old(20).await;
    let b = signed_in(&app, &agent, current_view).await;

    // Inside the window: a 2-day-old perpetual purchase.
    open_customer(&b, current_view, "Fourth Coffee").await;
    click_cancel(&b, ws).await;
    let state = b.text("dialog[open] [data-test=cancel-state]").await;
    assert!(
        state.contains("days left to cancel this order, until"),
        "{state}"
    );
    let month = Month::of(app.clock.now());
    let label = month.label(cspdesk::i18n::Lang::En);
    let preview = b.text("dialog[open] [data-test=credit-preview]").await;
    assert!(
        preview.contains(&format!("on the {label} (open) invoice")),
        "{preview}"
    );
    b.click("dialog[open] input[data-test=cancel-ack]").await;
    b.click_to_new_page("dialog[open] button[data-test=cancel-submit]")
        .await;
    b.wait_for(".flash-success").await;
    let confirmation = b.text(".flash-success").await;
    assert!(
        confirmation.contains("Windows Server 2022 Standard is cancelled"),
        "{confirmation}"
    );
    assert_eq!(status_of(&b, ws).await, "Cancelled");
    // No Cancel control on a cancelled purchase.
    assert!(
        b.client
            .find_all(Locator::XPath(&format!(
                "{}//a[@data-test='cancel-purchase']",
                row_of(ws)
            )))
            .await
            .unwrap()
            .is_empty()
    );

    // The credit is on this month's invoice.
    if current_view {
        b.click("nav.side-nav a[href='/billing']").await;
    } else {
        b.goto("/").await;
        b.click("a.tile-billing").await;
    }
    b.wait_for("table[data-test=invoices]").await;
    b.click(&format!("a[href='/billing/invoices/{}/HUF']", month.code()))
        .await;
    b.wait_for("tr[data-test=credit-line]").await;
    let credit = b.text("tr[data-test=credit-line]").await;
    assert!(credit.contains("Credit: cancellation"), "{credit}");
    assert!(credit.contains("Windows Server 2022 Standard"), "{credit}");

    // Past the window: Adatum's 31-day-old purchase offers a support request.
    open_customer(&b, current_view, "Adatum Corporation").await;
    click_cancel(&b, newer).await;
    let state = b.text("dialog[open] [data-test=cancel-state]").await;
    assert!(state.contains("can no longer be cancelled here"), "{state}");
    assert!(b.exists("dialog[open] a[data-test=support-link]").await);
    assert!(!b.exists("dialog[open] form[data-test=cancel-form]").await);
    // Choosing the other order in the drop-down reloads the dialog for it.
    let first_order = b
        .client
        .find(Locator::Css(
            "dialog[open] #cancel-order option:not([selected])",
        ))
        .await
        .expect("a second order")
        .attr("value")
        .await
        .unwrap()
        .unwrap();
    assert_ne!(first_order, newer.order.to_string());
    assert_eq!(first_order, older.order.to_string());
    b.click("dialog[open] #cancel-order option:not([selected])")
        .await;
    b.wait_for(&format!(
        "dialog[open] a[data-test=support-link][href*='order={first_order}']"
    ))
    .await;
    close_dialog(&b).await;

    // A SUSE plan: cannot be cancelled or exchanged, and no support link.
    open_customer(&b, current_view, "Tailspin Toys").await;
    click_cancel(&b, suse).await;
    let state = b.text("dialog[open] [data-test=cancel-state]").await;
    assert!(
        state.contains("cannot be cancelled or exchanged"),
        "{state}"
    );
    assert!(!b.exists("dialog[open] a[data-test=support-link]").await);
    close_dialog(&b).await;
    b.assert_console_clean().await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_an_admin_agent_cancels_within_the_window_and_is_offered_support_after_it()
{
    story(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_an_admin_agent_cancels_within_the_window_and_is_offered_support_after_it()
 {
    story(false).await;
}
