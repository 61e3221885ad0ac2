//! A customer's counts (orders, software lines) are kept in slots: transactions committing
//! orders of one customer at once add to different slots instead of waiting for each other,
//! and what the pages show adds the slots up.

use cspdesk::ids::CustomerId;
use diesel::sql_types::{BigInt, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};

use crate::support::TestApp;

async fn counts(app: &TestApp, customer: CustomerId) -> (i32, i32) {
    let c = cspdesk::customers::queries::counts(&*app.conn().await, customer)
        .await
        .unwrap();
    (c.orders, c.software_lines)
}

async fn slots(app: &TestApp, customer: CustomerId) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let n: N =
        diesel::sql_query("SELECT count(*) AS n FROM customer_counts WHERE customer_id = $1")
            .bind::<SqlUuid, _>(customer)
            .get_result(&mut app.conn().await)
            .await
            .unwrap();
    n.n
}

/// What an order's commit adds to its customer's counts (the triggers call it at commit).
async fn add(conn: &mut AsyncPgConnection, customer: CustomerId) -> diesel::QueryResult<usize> {
    diesel::sql_query("SELECT customer_counts_add($1, 1, 2)")
        .bind::<SqlUuid, _>(customer)
        .execute(conn)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customers_orders_committing_at_once_add_to_its_counts_without_waiting() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let before = counts(&app, shop.customer).await;
    assert_eq!(
        slots(&app, shop.customer).await,
        1,
        "a new customer has one slot"
    );

    // One transaction holds the customer's slot until it ends, as a committing order does.
    let mut holder = app.conn().await;
    holder.batch_execute("BEGIN").await.unwrap();
    add(&mut holder, shop.customer).await.unwrap();
    // Another adds meanwhile: had it waited for the first, its lock timeout would fail it.
    let mut other = app.conn().await;
    other
        .batch_execute("BEGIN; SET LOCAL lock_timeout = '200ms'")
        .await
        .unwrap();
    add(&mut other, shop.customer)
        .await
        .expect("added without waiting for the other transaction");
    other.batch_execute("COMMIT").await.unwrap();
    holder.batch_execute("COMMIT").await.unwrap();
    assert_eq!(
        counts(&app, shop.customer).await,
        (before.0 + 2, before.1 + 4)
    );
    assert_eq!(slots(&app, shop.customer).await, 2);

    // With no transaction holding them, the first slot takes it: no third slot.
    add(&mut *app.conn().await, shop.customer).await.unwrap();
    assert_eq!(
        counts(&app, shop.customer).await,
        (before.0 + 3, before.1 + 6)
    );
    assert_eq!(slots(&app, shop.customer).await, 2);
}
