//! Account settings › API tokens in Chromium, in both views: a Global admin creates a token,
//! copies it from the one page that shows it, sees it listed without it, uses it, and revokes
//! it.

use cspdesk::auth::Role;

use crate::support::TestApp;
use crate::support::api::ApiClient;
use crate::support::browser::signed_in;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_a_global_admin_creates_sees_once_and_revokes_a_token() {
    story(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_a_global_admin_creates_sees_once_and_revokes_a_token() {
    story(true).await;
}

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let b = signed_in(&app, &global, current_view).await;
    b.click("summary[data-test=gear]").await;
    b.click_to_new_page(".gear-panel a[href='/account']").await;
    b.click_to_new_page("nav[data-test=account-tabs] a[href='/account/api-tokens']")
        .await;
    b.wait_for("form[data-test=new-token]").await;
    assert!(b.exists("[data-test=api-tokens-none]").await);
    // Keys are not the Global admin's to give.
    let keys_disabled = b
        .client
        .execute(
            "return document.querySelector('[data-test=\"scope-software:keys\"]').disabled",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(keys_disabled, serde_json::json!(true));

    b.fill("#name", "Nightly sync").await;
    b.click("[data-test='scope-customers:read']").await;
    b.click_to_new_page("button[data-test=create-token]").await;
    b.wait_for("code[data-test=api-token-secret]").await;
    let secret = b.text("code[data-test=api-token-secret]").await;
    assert!(secret.starts_with("cspdesk_"), "{secret}");
    b.click("button[data-test=copy-token]").await;
    b.assert_console_clean().await;

    let api = ApiClient::new(&app, &secret);
    assert_eq!(api.get("/v1/customers").await.status, 200);

    b.click_to_new_page("a[data-test=back-to-tokens]").await;
    let table = b.text("table[data-test=api-tokens]").await;
    assert!(
        table.contains("Nightly sync") && table.contains("Active"),
        "{table}"
    );
    assert!(!table.contains(&secret), "shown only once");
    b.click_to_new_page("button[data-test=revoke-token]").await;
    b.wait_for("table[data-test=api-tokens]").await;
    let table = b.text("table[data-test=api-tokens]").await;
    assert!(table.contains("Revoked"), "{table}");
    assert!(!b.exists("button[data-test=revoke-token]").await);
    assert_eq!(api.get("/v1/customers").await.status, 401);
    b.assert_console_clean().await;
    b.close().await;
}
