//! A stored code the product does not know (a family, a currency, an operation) is an error,
//! logged, and the page says something went wrong: never shown or computed as a guess.

use diesel_async::RunQueryDsl;

use crate::support::TestApp;
use crate::support::fixtures::turkish_shop;

/// An order of Windows Server 2022 Standard by a customer billed in lira: the order page's
/// address, and the e-mail of the Admin agent who may open it.
async fn some_order_page(app: &TestApp) -> (String, String) {
    let shop = turkish_shop(app).await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let page = format!("/customers/{}/orders/{}", ws.customer, ws.order);
    (page, shop.agent)
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
    let (page, agent) = some_order_page(&app).await;
    let v = app.signed_in(&agent).await;
    assert_eq!(v.get(&page).await.status, 200);
    assert!(v.get(&page).await.contains("Windows Server"));
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
    let (page, agent) = some_order_page(&app).await;
    let v = app.signed_in(&agent).await;
    assert_eq!(v.get(&page).await.status, 200);
    let order = page.rsplit('/').next().unwrap();
    execute(
        &app,
        &format!("UPDATE orders SET currency = 'XXX' WHERE id = '{order}'"),
    )
    .await;
    let res = v.get(&page).await;
    assert_eq!(res.status, 500, "{}", res.body);
    assert!(!res.body.contains('$'), "{}", res.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_operation_in_the_activity_log_is_an_error_not_a_blank_row() {
    let app = TestApp::spawn().await;
    // An order placed today is on the log as "order placed".
    let partner = app.partner("Contoso").await;
    let global = app
        .user(partner)
        .roles(&[cspdesk::auth::Role::GlobalAdmin])
        .await;
    let customer = app.customer(partner).await;
    app.purchase(customer, "ws2022-std").await;
    let v = app.signed_in(&global).await;
    assert_eq!(v.get("/account/activity?op=all").await.status, 200);
    // The log is append-only: the test lifts the trigger to plant the record.
    for sql in [
        "ALTER TABLE activity DISABLE TRIGGER USER",
        "UPDATE activity SET operation = 'teleported'",
        "ALTER TABLE activity ENABLE TRIGGER USER",
    ] {
        execute(&app, sql).await;
    }
    let res = v.get("/account/activity?op=all").await;
    assert_eq!(res.status, 500, "{}", res.body);
}
