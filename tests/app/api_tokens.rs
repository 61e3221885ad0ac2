//! Account settings › API tokens: a Global admin creates a token (its secret shown once),
//! sees it listed, and revokes it; both are on the activity log, and a token works only while
//! it is live and its creator is active.

use cspdesk::auth::Role;
use cspdesk::clock::Clock;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::TestApp;
use crate::support::api::{ApiClient, create_token, get_as, secret_in};
use crate::support::html::unescape;

const TOKENS: &str = "/account/api-tokens";

/// The address of the Revoke form of the token named `name` on the list page.
fn revoke_action(html: &str, name: &str) -> Option<String> {
    let row = &html[html.find(&format!("data-name=\"{name}\""))?..];
    let row = &row[..row.find("</tr>")?];
    let start = row.find("action=\"")? + 8;
    Some(unescape(&row[start..start + row[start..].find('"')?]))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_global_admin_creates_a_token_sees_it_once_uses_it_and_revokes_it() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let admin = app.signed_in(&global).await;
    let secret = create_token(&admin, "Billing sync", &["customers:read"], 30).await;
    assert!(
        secret.starts_with("cspdesk_") && secret.len() == 72,
        "{secret}"
    );

    // Listed without its secret, and the secret is stored only as a fingerprint.
    let list = admin.get(TOKENS).await;
    assert_eq!(list.status, 200);
    assert!(list.contains("Billing sync") && list.contains("customers:read"));
    // Who made it, when, and until when (30 days), in the reader's format.
    let row = &list.body[list.body.find("data-name=\"Billing sync\"").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    let now = cspdesk::clock::Clock::now(app.clock.as_ref());
    let when = |at| cspdesk::web::format::datetime_utc(&at, cspdesk::i18n::Lang::En);
    assert!(row.contains(&format!("<td>{global}</td>")), "{row}");
    assert!(row.contains(&format!("<td>{}</td>", when(now))), "{row}");
    let expires = now + chrono::Duration::days(30);
    assert!(
        row.contains(&format!("<td>{}</td>", when(expires))),
        "{row}"
    );
    assert!(!list.contains(&secret), "the list never shows the secret");
    assert_eq!(secret_in(&list.body), None);
    let stored: Vec<Vec<u8>> = cspdesk::db::schema::api_tokens::table
        .select(cspdesk::db::schema::api_tokens::secret_hash)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert!(
        !stored[0]
            .windows(8)
            .any(|w| secret.as_bytes().windows(8).any(|s| s == w))
    );

    // It works, and its use shows on the list.
    let api = ApiClient::new(&app, &secret);
    let customers = api.get("/v1/customers").await;
    assert_eq!(customers.status, 200, "{:?}", customers.json);
    assert_eq!(
        customers.json["items"][0]["companyProfile"]["companyName"],
        "Northwind"
    );
    let list = admin.get(TOKENS).await;
    assert!(!list.contains("Never"), "last used is shown once used");

    // Revoked: refused on the next request, and it cannot be revoked twice.
    let action = revoke_action(&list.body, "Billing sync").expect("a Revoke button");
    let revoked = admin.post(&action, &[]).await;
    assert_eq!(
        (revoked.status, revoked.location.as_deref()),
        (303, Some(TOKENS))
    );
    let refused = api.get("/v1/customers").await;
    assert_eq!((refused.status, refused.code()), (401, 800001));
    assert_eq!(refused.json["description"], "The API token was revoked.");
    // Whatever the route would have answered: its own refusals and answers, other routes.
    let tenant = shop.customer.to_string();
    for path in [
        "/v1/customers?size=0".to_string(),
        "/v1/customers/not-a-tenant".to_string(),
        format!("/v1/customers/{tenant}"),
        "/v1/auditrecords".to_string(),
    ] {
        let r = api.get(&path).await;
        assert_eq!((r.status, r.code()), (401, 800001), "{path}: {:?}", r.json);
    }
    // Writes too, before their body or scope is looked at.
    let orders = format!("/v1/customers/{tenant}/orders");
    let body = serde_json::json!({ "lineItems": [] });
    for r in [
        api.post(&orders, &body).await,
        api.patch(&format!("{orders}/{}", uuid::Uuid::new_v4()), &body)
            .await,
        api.post("/v1/customers", &body).await,
    ] {
        assert_eq!((r.status, r.code()), (401, 800001), "{:?}", r.json);
    }
    assert_eq!(admin.post(&action, &[]).await.status, 404);
    let list = admin.get(TOKENS).await;
    assert!(list.contains("Revoked") && revoke_action(&list.body, "Billing sync").is_none());

    // Both are on the activity log, by the admin, naming the token.
    let log = admin.get("/account/activity?op=all").await;
    assert!(log.contains("API token created") && log.contains("API token revoked"));
    assert!(log.contains("Billing sync"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_form_gets_its_messages_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let admin = app.signed_in(&global).await;
    let tries: &[&[(&str, &str)]] = &[
        &[("name", ""), ("days", "30"), ("scopes", "customers:read")],
        &[
            ("name", "Sync"),
            ("days", "400"),
            ("scopes", "customers:read"),
        ],
        &[("name", "Sync"), ("days", "30")],
        &[("name", "Sync"), ("days", "30"), ("scopes", "root")],
        // A Global admin does not get keys, so neither does a token of theirs.
        &[
            ("name", "Sync"),
            ("days", "30"),
            ("scopes", "software:keys"),
        ],
    ];
    for fields in tries {
        let page = admin.post(TOKENS, fields).await;
        assert_eq!(page.status, 422, "{fields:?}");
        assert!(page.contains("data-test=\"form-errors\""), "{fields:?}");
        assert_eq!(secret_in(&page.body), None);
    }
    let count = |app: &TestApp| {
        let pool = app.pool.clone();
        async move {
            let mut conn = pool.get().await.unwrap();
            cspdesk::db::schema::api_tokens::table
                .count()
                .get_result::<i64>(&mut conn)
                .await
                .unwrap()
        }
    };
    assert_eq!(count(&app).await, 0);
    create_token(&admin, "Sync", &["customers:read"], 7).await;
    let again = admin
        .post(
            TOKENS,
            &[
                ("name", "sync"),
                ("days", "7"),
                ("scopes", "customers:read"),
            ],
        )
        .await;
    assert_eq!(again.status, 422, "names are unique, whatever their case");
    assert!(again.contains("already has a token of this name"));
    assert_eq!(count(&app).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_global_admins_manage_tokens_and_a_token_lives_only_while_its_creator_can_act() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    assert_eq!(agent.get(TOKENS).await.status, 403);
    let global = app
        .user(shop.partner)
        .roles(&[Role::GlobalAdmin, Role::AdminAgent])
        .await;
    let admin = app.signed_in(&global).await;
    let secret = create_token(&admin, "Expiring", &["customers:read"], 7).await;
    let api = ApiClient::new(&app, &secret);
    assert_eq!(api.get("/v1/customers").await.status, 200);

    // Past its expiry: refused.
    app.clock
        .advance(chrono::Duration::days(7) + chrono::Duration::seconds(1));
    let expired = api.get("/v1/customers").await;
    assert_eq!((expired.status, expired.code()), (401, 800001));
    assert_eq!(expired.json["description"], "The API token has expired.");

    // Its creator disabled: refused. (A week on, the admin signs in again.)
    let admin = app.signed_in(&global).await;
    let secret = create_token(&admin, "Creator's", &["customers:read"], 7).await;
    let api = ApiClient::new(&app, &secret);
    assert_eq!(api.get("/v1/customers").await.status, 200);
    // Another Global admin disables the creator (the partner always keeps one).
    app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    diesel::sql_query("UPDATE users SET disabled_at = $1 WHERE email = $2")
        .bind::<diesel::sql_types::Timestamptz, _>(app.clock.now())
        .bind::<diesel::sql_types::Text, _>(&global)
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let refused = api.get("/v1/customers").await;
    assert_eq!((refused.status, refused.code()), (401, 800001));
    assert!(get_as(&app, "/v1/customers", None).await.status == 401);
}
