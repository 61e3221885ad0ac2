//! The refund story in two real Chromium sessions: the partner goes from the cancel dialog of
//! Adatum's 31-day-old purchase to a filed request with an attachment; support asks for
//! information; the partner replies; support approves; the credit shows on the partner's
//! invoice. No page support sees shows a product key.
//! The Workspaces view's run is on a phone's screen (390×844), the Current view's at the
//! desktop size.

use cspdesk::billing::rules::Month;
use cspdesk::clock::Clock;

use crate::support::TestApp;
use crate::support::browser::Browser;
use crate::support::browser::{
    assert_fits, click_cancel, open_customer, open_workspace, story_browser,
};
use crate::support::fixtures::{past_window_purchase, turkish_shop};
use crate::support::software::raw_key;

/// The page's HTML must not carry the key, raw or grouped.
async fn assert_no_key(b: &Browser, key: &str) {
    let html = b.client.source().await.expect("page source");
    assert!(!html.contains(key), "{}", b.path().await);
    let grouped = cspdesk::orders::keys::grouped(key);
    assert!(!html.contains(&grouped), "{}", b.path().await);
}

async fn submit(b: &Browser, css: &str) {
    b.click_to_new_page(css).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_in_workspaces_view_a_refund_goes_from_the_cancel_dialog_through_support_to_the_invoice()
 {
    story(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_a_refund_goes_from_the_cancel_dialog_through_support_to_the_invoice() {
    story(true).await;
}

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let shop = turkish_shop(&app).await;
    let purchase = past_window_purchase(&app, &shop).await;
    let key = raw_key(&app, purchase.line).await.trim().to_string();
    let evidence = std::env::temp_dir().join(format!("refund-{}.txt", uuid::Uuid::new_v4()));
    std::fs::write(&evidence, "Order confirmation: bought by mistake.\n").unwrap();

    // The partner: cancel dialog → support request form, prefilled → filed with a file.
    let partner = story_browser(&app, &shop.agent, current_view).await;
    open_customer(&partner, current_view, "Adatum Corporation").await;
    click_cancel(&partner, "Windows Server 2022 Standard").await;
    submit(&partner, "dialog[open] a[data-test=support-link]").await;
    partner.wait_for("form[data-test=support-form]").await;
    assert_fits(&partner).await;
    let tenant = partner
        .client
        .find(fantoccini::Locator::Css("#tenant"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(tenant, purchase.customer.to_string());
    partner
        .fill("#reason", "The customer bought the wrong edition.")
        .await;
    partner.fill("#amount", "100.00").await;
    partner.fill("#contact_phone", "+1 425 555 0100").await;
    partner
        .client
        .find(fantoccini::Locator::Css("#files"))
        .await
        .unwrap()
        .send_keys(&evidence.display().to_string())
        .await
        .expect("choose a file");
    submit(&partner, "button[data-test=support-submit]").await;
    partner.wait_for(".flash-success").await;
    assert!(
        partner
            .text(".flash-success")
            .await
            .contains("was submitted")
    );
    let request_page = partner.path().await;
    let file_name = evidence.file_name().unwrap().to_string_lossy().to_string();
    assert_eq!(partner.text("a[data-test=attachment]").await, file_name);

    // Support: the console from the home page, the request, take and ask.
    let support = story_browser(&app, &app.support_engineer().await, current_view).await;
    assert_no_key(&support, &key).await;
    open_workspace(&support, current_view, "/console").await;
    support.wait_for("table[data-test=queue]").await;
    assert_no_key(&support, &key).await;
    submit(&support, "tr[data-test=queue-row] a").await;
    support.wait_for("[data-test=console-request]").await;
    assert!(
        support
            .text("[data-test=partner]")
            .await
            .contains("Contoso")
    );
    assert!(
        support
            .text("[data-test=console-window]")
            .await
            .contains("ended on")
    );
    assert_eq!(support.text("a[data-test=attachment]").await, file_name);
    assert_no_key(&support, &key).await;
    submit(&support, "button[data-test=take]").await;
    support.wait_for(".flash-success").await;
    support
        .fill(
            "#ask-body",
            "Please confirm the software was never installed.",
        )
        .await;
    submit(&support, "button[data-test=ask]").await;
    support.wait_for(".flash-success").await;
    assert_eq!(
        support.text("[data-test=support-status]").await,
        "Waiting for partner"
    );

    // The partner reads the question and replies.
    partner.goto(&request_page).await;
    partner.wait_for("form[data-test=reply-form]").await;
    let timeline = partner.text("[data-test=support-timeline]").await;
    assert!(timeline.contains("never installed"), "{timeline}");
    partner
        .fill("#body", "Confirmed: it was never installed.")
        .await;
    submit(&partner, "button[data-test=reply-submit]").await;
    partner.wait_for(".flash-success").await;
    assert_eq!(
        partner.text("[data-test=support-status]").await,
        "In review"
    );

    // Support approves the amount asked, revoking the order's keys.
    support.goto(&support.path().await).await;
    support.wait_for("form[data-test=approve-form]").await;
    assert!(
        support
            .text("[data-test=support-timeline]")
            .await
            .contains("Confirmed: it was never installed.")
    );
    support.click("input[data-test=revoke]").await;
    // Approving asks first, repeating the amount, the invoice and the revocation; going back
    // changes nothing.
    support.click("button[data-test=approve]").await;
    support
        .wait_for("dialog[open] [data-test=confirm-says]")
        .await;
    let says = support.text("dialog[open] [data-test=confirm-panel]").await;
    for part in ["TRY 100.00", "open invoice", "revoked at once"] {
        assert!(says.contains(part), "{part}: {says}");
    }
    support
        .click("dialog[open] a[data-test=confirm-back]")
        .await;
    assert!(!support.exists("dialog[open]").await);
    assert_eq!(
        support.text("[data-test=support-status]").await,
        "In review"
    );
    support.click("button[data-test=approve]").await;
    support
        .wait_for("dialog[open] button[data-test=confirm]")
        .await;
    submit(&support, "dialog[open] button[data-test=confirm]").await;
    support.wait_for(".flash-success").await;
    assert_eq!(support.text("[data-test=support-status]").await, "Approved");
    assert_no_key(&support, &key).await;

    // The partner sees the decision and the credit on this month's TRY invoice.
    partner.goto(&request_page).await;
    partner.wait_for("[data-test=support-approved]").await;
    assert_eq!(
        partner.text("[data-test=support-approved]").await,
        "TRY 100.00"
    );
    open_workspace(&partner, current_view, "/billing").await;
    partner.wait_for("table[data-test=invoices]").await;
    let month = Month::of(app.clock.now());
    submit(
        &partner,
        &format!("a[href='/billing/invoices/{}/TRY']", month.code()),
    )
    .await;
    partner.wait_for("tr[data-test=credit-line]").await;
    let credit = partner.text("tr[data-test=credit-line]").await;
    assert!(credit.contains("Credit: approved refund"), "{credit}");
    assert!(credit.contains("-TRY 100.00"), "{credit}");

    let _ = std::fs::remove_file(&evidence);
    partner.close().await;
    support.close().await;
}
