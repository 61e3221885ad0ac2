//! A stored code the product does not know (a family, a currency, an operation) is an error,
//! logged, and the page says something went wrong: never shown or computed as a guess.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::TestApp;
use crate::support::demo::ADMIN;

/// A demo order and its customer, as the order page's address.
async fn some_order_page(app: &TestApp) -> String {
    use cspdesk::db::schema::orders;
    let (customer, order): (uuid::Uuid, uuid::Uuid) = orders::table
        .select((orders::customer_id, orders::id))
        .order(orders::number)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    format!("/customers/{customer}/orders/{order}")
}

async fn execute(app: &TestApp, sql: &str) {
    diesel::sql_query(sql)
        .execute(&mut app.conn().await)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_product_family_on_an_order_line_is_an_error_not_windows_server() {
    let app = TestApp::spawn().await;
    let page = some_order_page(&app).await;
    let v = app.signed_in(ADMIN).await;
    assert_eq!(v.get(&page).await.status, 200);
    let order = page.rsplit('/').next().unwrap();
    execute(
        &app,
        &format!("UPDATE order_lines SET family = 'quantum_computer' WHERE order_id = '{order}'"),
    )
    .await;
    let res = v.get(&page).await;
    assert_eq!(res.status, 500, "{}", res.body);
    assert!(!res.body.contains("Windows Server"), "{}", res.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_currency_on_an_order_is_an_error_not_dollars() {
    let app = TestApp::spawn().await;
    let page = some_order_page(&app).await;
    let order = page.rsplit('/').next().unwrap();
    execute(
        &app,
        &format!("UPDATE orders SET currency = 'XXX' WHERE id = '{order}'"),
    )
    .await;
    let v = app.signed_in(ADMIN).await;
    let res = v.get(&page).await;
    assert_eq!(res.status, 500, "{}", res.body);
    assert!(!res.body.contains('$'), "{}", res.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_operation_in_the_activity_log_is_an_error_not_a_blank_row() {
    let app = TestApp::spawn().await;
    // The log is append-only: the test lifts the trigger to plant the record.
    for sql in [
        "ALTER TABLE activity DISABLE TRIGGER USER",
        "UPDATE activity SET operation = 'teleported'",
        "ALTER TABLE activity ENABLE TRIGGER USER",
    ] {
        execute(&app, sql).await;
    }
    let v = app.signed_in("global.admin@contoso-partner.test").await;
    let res = v.get("/account/activity?op=all").await;
    assert_eq!(res.status, 500, "{}", res.body);
}
