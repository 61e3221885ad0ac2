//! The customer's own admin center: Billing › Your products › Software.

use cspdesk::db::schema::activity;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::support::{TestApp, tenant_id};

async fn ws_line(app: &TestApp) -> Uuid {
    crate::software::ws_purchase(app).await.1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_global_admin_gets_keys_and_downloads_and_sees_who_accessed_them() {
    let app = TestApp::spawn().await;
    let line = ws_line(&app).await;
    // The partner's admin agent looks at the key first.
    let agent = app.signed_in("admin.agent@contoso-partner.test").await;
    let adatum = tenant_id(&app, "adatum.test").await;
    assert_eq!(
        agent
            .get(&format!("/customers/{adatum}/software/{line}/key"))
            .await
            .status,
        200
    );

    let admin = app.signed_in("admin@adatum.test").await;
    let home = admin.get("/").await;
    assert!(
        home.contains("/your-products/software"),
        "a tile leads there"
    );
    let list = admin.get("/your-products/software").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.body.matches("data-test=\"purchase-row\"").count(), 4);
    assert!(list.contains(&format!("/your-products/software/{line}")));
    let purchase = format!("/your-products/software/{line}");
    let page = admin
        .get(&format!(
            "{purchase}?version=Windows+Server+2022&language=hu-HU&file_type=x64_iso"
        ))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        !page.contains("data-test=\"copy-link\""),
        "links are the partner's"
    );
    let key = admin.get(&format!("{purchase}/key")).await;
    assert_eq!(key.headers["cache-control"], "no-store");
    let grouped = crate::software::stored_key(&app, line).await;
    assert!(key.contains(&grouped));
    assert!(key.contains("Copy key to clipboard"));
    let start = page.body.find("/variants/").expect("a download");
    let download = &page.body[start - purchase.len()..];
    let download = &download[..download.find('"').unwrap()];
    let file = admin.get(download).await;
    assert_eq!(file.status, 200);
    assert!(file.body.contains("windows_server_2022_hu-HU_x64_iso.iso"));

    let who: Vec<(String, String)> = activity::table
        .filter(activity::customer_id.eq(adatum))
        .filter(activity::operation.ne_all(["order_placed", "signed_in"]))
        .order(activity::id)
        .select((activity::actor, activity::operation))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(
        who,
        vec![
            (
                "admin.agent@contoso-partner.test".into(),
                "key_viewed".into()
            ),
            ("admin@adatum.test".into(), "key_viewed".into()),
            ("admin@adatum.test".into(), "downloaded".into()),
        ]
    );
    let access = admin.get("/your-products/access").await;
    assert_eq!(access.status, 200);
    assert_eq!(access.body.matches("Key viewed").count(), 2);
    assert!(access.contains("admin.agent@contoso-partner.test"));
    assert!(access.contains("Downloaded"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_customer_users_see_the_list_without_keys_and_other_tenants_see_nothing() {
    let app = TestApp::spawn().await;
    let line = ws_line(&app).await;
    let purchase = format!("/your-products/software/{line}");
    let user = app.signed_in("user@adatum.test").await;
    let list = user.get("/your-products/software").await;
    assert_eq!(list.status, 200);
    assert_eq!(list.body.matches("data-test=\"purchase-row\"").count(), 4);
    assert!(!list.contains("data-test=\"open-purchase\""));
    assert!(!list.contains("/your-products/access"));
    for path in [
        purchase.clone(),
        format!("{purchase}/key"),
        "/your-products/access".to_string(),
    ] {
        assert_eq!(user.get(&path).await.status, 403, "{path}");
    }
    // Northwind's admin: Adatum's purchase does not exist for them.
    let other = app.signed_in("admin@northwind.test").await;
    assert_eq!(other.get(&format!("{purchase}/key")).await.status, 404);
    let theirs = other.get("/your-products/software").await;
    assert!(theirs.contains("data-test=\"software-empty\""));
    let viewed: i64 = activity::table
        .filter(activity::operation.eq("key_viewed"))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(viewed, 0);
}
