//! The customer's own admin center: Billing › Your products › Software.

use cspdesk::auth::Role;
use cspdesk::db::schema::activity;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::fixtures::four_purchases;
use crate::support::fixtures_orders::customer_user;
use crate::support::{Purchase, Shop, TestApp};

/// A shop whose customer has four purchases (see `four_purchases`); the 88-day-old Windows
/// Server 2022 Standard.
async fn customer_with_purchases(app: &TestApp) -> (Shop, Purchase) {
    let shop = app.shop().await;
    let ws = four_purchases(app, shop.customer).await;
    (shop, ws)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customer_global_admin_gets_keys_and_downloads_and_sees_who_accessed_them() {
    let app = TestApp::spawn().await;
    let (shop, ws) = customer_with_purchases(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    // The partner's admin agent looks at the key first.
    let agent = app.signed_in(&shop.agent).await;
    assert_eq!(
        agent
            .get(&format!("/customers/{adatum}/software/{line}/key"))
            .await
            .status,
        200
    );

    let admin_email = customer_user(&app, &shop, Role::CustomerGlobalAdmin).await;
    let admin = app.signed_in(&admin_email).await;
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
    let grouped = crate::support::software::stored_key(&app, line).await;
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
            (shop.agent.clone(), "key_viewed".into()),
            (admin_email.clone(), "key_viewed".into()),
            (admin_email.clone(), "downloaded".into()),
        ]
    );
    let access = admin.get("/your-products/access").await;
    assert_eq!(access.status, 200);
    assert_eq!(access.body.matches("Key viewed").count(), 2);
    assert!(access.contains(&shop.agent));
    assert!(access.contains("Downloaded"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_customer_users_see_the_list_without_keys_and_other_tenants_see_nothing() {
    let app = TestApp::spawn().await;
    let (shop, ws) = customer_with_purchases(&app).await;
    let line = ws.line;
    let purchase = format!("/your-products/software/{line}");
    let user = customer_user(&app, &shop, Role::CustomerUser).await;
    let user = app.signed_in(&user).await;
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
    // Another customer's admin: this customer's purchase does not exist for them.
    let northwind = app.customer(shop.partner).await;
    let other = Shop {
        customer: northwind,
        ..shop
    };
    let other = customer_user(&app, &other, Role::CustomerGlobalAdmin).await;
    let other = app.signed_in(&other).await;
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

/// "Who accessed keys and files" pages newest first by time, 50 a page, off the customer's
/// own index: 60 access records (ten sharing one instant, so ties go by id), among records of
/// other operations and of another customer, read as 50 and 10 in the database's order, each
/// page with the same statements.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_accessed_pages_by_time_through_the_customers_own_records() {
    use crate::support::ordering::queries_for;
    let app = TestApp::spawn().await;
    let (shop, ws) = customer_with_purchases(&app).await;
    let northwind = app.customer(shop.partner).await;
    diesel::sql_query(
        "INSERT INTO activity (partner_id, at, actor, operation, customer_id, details)
         SELECT $1, now() - make_interval(mins => GREATEST(g, 10)), 'bulk' || g || '@example.test',
                CASE WHEN g % 4 = 0 THEN 'order_placed' ELSE 'key_viewed' END,
                CASE WHEN g % 5 = 0 THEN $3 ELSE $2 END, '{}'::jsonb
           FROM generate_series(1, 100) g",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.partner)
    .bind::<diesel::sql_types::Uuid, _>(ws.customer)
    .bind::<diesel::sql_types::Uuid, _>(northwind)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    #[derive(QueryableByName)]
    struct Actor {
        #[diesel(sql_type = diesel::sql_types::Text)]
        actor: String,
    }
    let expected: Vec<String> = diesel::sql_query(
        "SELECT actor FROM activity
          WHERE customer_id = $1 AND operation = 'key_viewed'
          ORDER BY at DESC, id DESC",
    )
    .bind::<diesel::sql_types::Uuid, _>(ws.customer)
    .load::<Actor>(&mut app.conn().await)
    .await
    .unwrap()
    .into_iter()
    .map(|a| a.actor)
    .collect();
    assert_eq!(expected.len(), 60);

    let admin = customer_user(&app, &shop, Role::CustomerGlobalAdmin).await;
    let admin = app.signed_in(&admin).await;
    let first = admin.get("/your-products/access").await;
    let next = first
        .body
        .split("rel=\"next\" href=\"/your-products/access?before=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to older records")
        .to_string();
    let second = admin
        .get(&format!("/your-products/access?before={next}"))
        .await;
    assert!(
        !second.contains("rel=\"next\""),
        "the last page links no further"
    );
    let shown: Vec<String> = [&first, &second]
        .iter()
        .flat_map(|page| {
            page.body
                .match_indices("bulk")
                .map(|(i, _)| {
                    let rest = &page.body[i..];
                    rest[..rest.find('<').unwrap()].to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(shown, expected);
    assert_eq!(
        queries_for(&app, &admin, "/your-products/access").await,
        queries_for(
            &app,
            &admin,
            &format!("/your-products/access?before={next}")
        )
        .await,
    );
}
