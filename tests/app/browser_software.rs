//! The Software page in a real Chromium: Get key in its dialog, Copy to the clipboard, Copy
//! link and a download by that link from a browser that is not signed in; the customer's own
//! Software tab for its Global admin, and none of it for a plain customer user.
//! The Workspaces view's run is on a phone's screen (390×844), the Current view's at the
//! desktop size.

use cspdesk::auth::Role;
use cspdesk::ids::CustomerId;

use crate::support::browser::{Browser, assert_fits, signed_in, story_browser};
use crate::support::fixtures::turkish_shop;
use crate::support::fixtures_orders::customer_user;
use crate::support::{Shop, TestApp};

/// A partner whose customer "Adatum Corporation" bought Windows Server 2022 Standard 88 days
/// ago.
async fn adatum(app: &TestApp) -> Shop {
    let shop = turkish_shop(app).await;
    app.purchase(shop.customer, "ws2022-std").days_old(88).await;
    shop
}

/// What the browser's clipboard holds: pasted into a fresh text field with Ctrl+V.
async fn clipboard(b: &Browser) -> String {
    b.client
        .execute(
            "const area = document.createElement('textarea'); area.id = 'paste-here';
             (document.querySelector('dialog[open]') || document.body).appendChild(area);
             area.focus();",
            vec![],
        )
        .await
        .expect("a field to paste into");
    let area = b
        .client
        .find(fantoccini::Locator::Css("#paste-here"))
        .await
        .unwrap();
    area.send_keys("\u{E009}v\u{E000}").await.expect("paste");
    let text = area.prop("value").await.unwrap().unwrap_or_default();
    b.client
        .execute("document.getElementById('paste-here').remove();", vec![])
        .await
        .unwrap();
    text
}

async fn choose(b: &Browser, version: &str, language: &str, file_type: &str) {
    b.click(&format!("#version option[value='{version}']"))
        .await;
    b.click(&format!("#language option[value='{language}']"))
        .await;
    b.click(&format!("#file_type option[value='{file_type}']"))
        .await;
    b.click_to_new_page("button[data-test=get-keys-and-downloads]")
        .await;
    b.wait_for("section[data-test=keys-and-downloads]").await;
}

/// Opens "Get key" and returns the key the dialog shows, after copying it.
async fn key_from_dialog(b: &Browser) -> String {
    b.click("a[data-test=get-key]").await;
    b.wait_for("dialog[open] [data-test=product-key]").await;
    let key = b.text("dialog[open] [data-test=product-key]").await;
    assert_eq!(key.len(), 39, "32 characters in 8 groups: {key}");
    b.click("dialog[open] button[data-test=copy-key]").await;
    b.wait_for("dialog[open] button[data-copied]").await;
    // Screen readers hear it too, from inside the dialog.
    b.wait_for("dialog[open] [aria-live]").await;
    for _ in 0..50 {
        if b.text("dialog[open] [aria-live]").await == "Copied to the clipboard." {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(
        b.text("dialog[open] [aria-live]").await,
        "Copied to the clipboard."
    );
    assert_eq!(clipboard(b).await, key, "Copy put the key on the clipboard");
    b.click("dialog[open] form[method=dialog] button").await;
    key
}

/// Searches the customer list for Adatum, opens the customer found and its purchase.
async fn open_adatum_purchase(b: &Browser, adatum: CustomerId) {
    b.fill("#customer-search", "Adatum").await;
    // The list may already be shown before the search: wait for the page it brings.
    b.click_to_new_page("form.search button[type=submit]").await;
    b.wait_for("table[data-test=customers]").await;
    b.mark_page().await;
    b.click(&format!(
        "table[data-test=customers] a[href='/customers/{adatum}']"
    ))
    .await;
    b.wait_new_page().await;
    b.wait_for("table[data-test=software]").await;
    b.click("a[data-test=open-purchase]").await;
    b.wait_for("form[data-test=choose]").await;
}

async fn partner_flow(app: &TestApp, current_view: bool) {
    let shop = adatum(app).await;
    let b = story_browser(app, &shop.agent, current_view).await;
    if current_view {
        b.click("nav.side-nav a[href='/customers']").await;
    } else {
        b.click("a.tile-customers").await;
    }
    b.wait_for("#customer-search").await;
    open_adatum_purchase(&b, shop.customer).await;
    assert!(b.exists("section[data-test=kms-note]").await);
    choose(&b, "Windows Server 2022", "pl-PL", "x64_iso").await;
    assert_eq!(
        b.text("[data-test=file-name]").await,
        "windows_server_2022_pl-PL_x64_iso.iso"
    );
    key_from_dialog(&b).await;
    assert_fits(&b).await;

    b.click("button[data-test=copy-link]").await;
    b.wait_for("input[data-test=new-link-url]").await;
    let url = b
        .client
        .find(fantoccini::Locator::Css("input[data-test=new-link-url]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert!(url.contains("/dl/"), "{url}");
    assert!(
        b.text("[data-test=new-link-meter]")
            .await
            .starts_with("50 of 50 downloads left · expires")
    );
    // The copy is asynchronous: pasting before it ends would paste the key copied earlier.
    b.wait_for("button[data-test=copy-new-link][data-copied]")
        .await;
    assert_eq!(clipboard(&b).await, url, "Copy link also copied it");
    let purchase_page = b.path().await;

    // Moving from volume licensing, from the same purchase.
    b.click("a[data-test=kms-migration]").await;
    b.wait_for("form[data-test=kms-form]").await;
    b.client
        .execute(
            "document.getElementById('activated_on').value = arguments[0];",
            vec![serde_json::json!("2026-06-01")],
        )
        .await
        .expect("a date");
    b.click("button[data-test=kms-submit]").await;
    b.wait_for("table[data-test=kms-devices]").await;
    assert!(
        b.text("pre[data-test=kms-commands]")
            .await
            .contains("slmgr.vbs /ipk ")
    );

    // Someone with the link and no account.
    let path = &url[url.find("/dl/").unwrap()..];
    let stranger = Browser::open(&app.base).await;
    stranger.goto("/signin").await;
    let answer = stranger
        .client
        .execute(
            "return fetch(arguments[0]).then(r => r.status + ' ' + r.headers.get('content-disposition'));",
            vec![serde_json::json!(path)],
        )
        .await
        .expect("download by link");
    assert_eq!(
        answer.as_str().unwrap(),
        "200 attachment; filename=\"windows_server_2022_pl-PL_x64_iso.iso\""
    );
    stranger.close().await;
    assert_eq!(link_downloads(app).await, vec![1]);

    // Revoked, the link stops at once.
    b.goto(&purchase_page).await;
    b.click_to_new_page("button[data-test=revoke-link]").await;
    assert!(
        b.text("p.flash-success")
            .await
            .contains("The link was revoked")
    );
    assert_eq!(b.text("[data-test=link-meter]").await, "Withdrawn");
    assert!(!b.exists("button[data-test=revoke-link]").await);
    assert_eq!(app.visitor().get(path).await.status, 410);
    b.close().await;
}

async fn link_downloads(app: &TestApp) -> Vec<i32> {
    use cspdesk::db::schema::download_links;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    download_links::table
        .select(download_links::downloads)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_in_workspaces_view_an_admin_agent_gets_a_key_and_a_link_that_works_signed_out()
{
    let app = TestApp::spawn().await;
    partner_flow(&app, false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_an_admin_agent_gets_a_key_and_a_link_that_works_signed_out() {
    let app = TestApp::spawn().await;
    partner_flow(&app, true).await;
}

async fn customer_admin_flow(app: &TestApp, shop: &Shop, current_view: bool) {
    let admin = customer_user(app, shop, Role::CustomerGlobalAdmin).await;
    let b = signed_in(app, &admin, current_view).await;
    if current_view {
        b.click("nav.side-nav a[href='/your-products/software']")
            .await;
    } else {
        b.click("ul.tiles a[href='/your-products/software']").await;
    }
    b.wait_for("table[data-test=software]").await;
    b.click("a[data-test=open-purchase]").await;
    b.wait_for("form[data-test=choose]").await;
    choose(&b, "Windows Server 2022", "ko-KR", "x64_iso").await;
    assert!(!b.exists("button[data-test=copy-link]").await);
    key_from_dialog(&b).await;
    b.goto("/your-products/software").await;
    b.click("a[data-test=open-access]").await;
    b.wait_for("table[data-test=access]").await;
    assert!(
        b.text("table[data-test=access]")
            .await
            .contains("Key viewed")
    );
    b.click("summary[data-test=gear]").await;
    b.click("button[data-test=sign-out]").await;
    b.wait_for("#email").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_the_customer_global_admin_gets_the_key_and_sees_who_viewed_it() {
    let app = TestApp::spawn().await;
    let shop = adatum(&app).await;
    customer_admin_flow(&app, &shop, true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_global_admin_gets_the_key_and_a_plain_user_does_not() {
    let app = TestApp::spawn().await;
    let shop = adatum(&app).await;
    customer_admin_flow(&app, &shop, false).await;

    let user = customer_user(&app, &shop, Role::CustomerUser).await;
    let b = signed_in(&app, &user, true).await;
    b.click("nav.side-nav a[href='/your-products/software']")
        .await;
    b.wait_for("table[data-test=software]").await;
    assert!(!b.exists("a[data-test=open-purchase]").await);
    assert!(!b.exists("[data-test=product-key]").await);
    b.quit().await;
}
