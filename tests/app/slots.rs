//! Figures many transactions add to at once are kept in slots: a customer's counts (orders,
//! software lines) and an open invoice's tallies. Transactions adding at once take different
//! slots instead of waiting for each other, and what the pages show adds the slots up.

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

/// A connection in a transaction that gives up on any lock it waits 200 ms for: had it
/// waited for another transaction, its statement fails.
async fn impatient(app: &TestApp) -> cspdesk::db::DbConn {
    let mut conn = app.conn().await;
    conn.batch_execute("BEGIN; SET LOCAL lock_timeout = '200ms'")
        .await
        .unwrap();
    conn
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
    let mut other = impatient(&app).await;
    add(&mut other, shop.customer)
        .await
        .expect("added without waiting for the other transaction");
    // A third while the second's new slot is not committed yet: it makes a slot of its own
    // rather than wait to see whether the second's is taken.
    let mut third = impatient(&app).await;
    add(&mut third, shop.customer)
        .await
        .expect("added without waiting for the slot being made");
    for conn in [&mut third, &mut other, &mut holder] {
        conn.batch_execute("COMMIT").await.unwrap();
    }
    assert_eq!(
        counts(&app, shop.customer).await,
        (before.0 + 3, before.1 + 6)
    );
    assert_eq!(slots(&app, shop.customer).await, 3);

    // With no transaction holding them, the first slot takes it: no fourth slot.
    add(&mut *app.conn().await, shop.customer).await.unwrap();
    assert_eq!(
        counts(&app, shop.customer).await,
        (before.0 + 4, before.1 + 8)
    );
    assert_eq!(slots(&app, shop.customer).await, 3);
}

/// The open invoice's tallies, added up, and how many slots hold them.
async fn tallies(app: &TestApp, invoice: uuid::Uuid) -> (i64, i64, i64) {
    #[derive(diesel::QueryableByName)]
    struct T {
        #[diesel(sql_type = BigInt)]
        charges: i64,
        #[diesel(sql_type = BigInt)]
        lines: i64,
        #[diesel(sql_type = BigInt)]
        slots: i64,
    }
    let t: T = diesel::sql_query(
        "SELECT coalesce(sum(charges_minor), 0)::bigint AS charges,
                coalesce(sum(line_count), 0)::bigint AS lines, count(*) AS slots
           FROM invoice_tallies WHERE invoice_id = $1",
    )
    .bind::<SqlUuid, _>(invoice)
    .get_result(&mut app.conn().await)
    .await
    .unwrap();
    (t.charges, t.lines, t.slots)
}

/// What a statement adding one invoice line of 100 adds to the invoice's tallies.
async fn charge(conn: &mut AsyncPgConnection, invoice: uuid::Uuid) -> diesel::QueryResult<usize> {
    diesel::sql_query("SELECT invoice_tallies_add($1, 100, 0, 1)")
        .bind::<SqlUuid, _>(invoice)
        .execute(conn)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_and_credits_on_one_invoice_at_once_add_to_its_tallies_without_waiting() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let invoice = uuid::Uuid::new_v4();
    diesel::sql_query(
        "INSERT INTO invoices (id, partner_id, month, currency)
         VALUES ($1, $2, date_trunc('month', now())::date, 'USD')",
    )
    .bind::<SqlUuid, _>(invoice)
    .bind::<SqlUuid, _>(shop.partner)
    .execute(&mut app.conn().await)
    .await
    .unwrap();

    // The invoice's first line makes its first slot.
    charge(&mut *app.conn().await, invoice).await.unwrap();
    assert_eq!(tallies(&app, invoice).await, (100, 1, 1));

    // One transaction holds that slot until it ends, as an order does from its invoice lines
    // on.
    let mut holder = app.conn().await;
    holder.batch_execute("BEGIN").await.unwrap();
    charge(&mut holder, invoice).await.unwrap();
    let mut other = impatient(&app).await;
    charge(&mut other, invoice)
        .await
        .expect("added without waiting for the other transaction");
    // A third while the second's new slot is not committed yet: it makes a slot of its own
    // rather than wait to see whether the second's is taken.
    let mut third = impatient(&app).await;
    charge(&mut third, invoice)
        .await
        .expect("added without waiting for the slot being made");
    for conn in [&mut third, &mut other, &mut holder] {
        conn.batch_execute("COMMIT").await.unwrap();
    }
    assert_eq!(tallies(&app, invoice).await, (400, 4, 3));

    // With no transaction holding them, the first slot takes it: no fourth slot.
    charge(&mut *app.conn().await, invoice).await.unwrap();
    assert_eq!(tallies(&app, invoice).await, (500, 5, 3));
}

/// An order like the customer's first, with a line like its first line, written by plain SQL:
/// the counts and tallies follow by trigger alone. Its invoice line is a copy of the first
/// one on `invoice`.
async fn another_order(conn: &mut AsyncPgConnection, customer: CustomerId, invoice: uuid::Uuid) {
    conn.batch_execute(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS made (id uuid);
         TRUNCATE made;
         WITH o AS (
             INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency,
                                 idempotency_token)
             SELECT gen_random_uuid(), partner_id, customer_id, placed_by, now(), currency,
                    gen_random_uuid()
               FROM orders WHERE customer_id = '{customer}' LIMIT 1
             RETURNING id)
         INSERT INTO made SELECT id FROM o;
         INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id,
                                  product_name, family, licence_kind, term_months, quantity,
                                  unit_price_minor, currency, tax_included, tax_rate_bp)
         SELECT gen_random_uuid(), m.id, l.partner_id, 0, l.product_id, l.product_name,
                l.family, l.licence_kind, l.term_months, l.quantity, l.unit_price_minor,
                l.currency, l.tax_included, l.tax_rate_bp
           FROM made m,
                (SELECT * FROM order_lines WHERE customer_id = '{customer}' LIMIT 1) l;
         INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer,
                                    customer_id, product, quantity, amount_minor, tax_included,
                                    tax_rate_bp)
         SELECT invoice_id, kind, now(), gen_random_uuid(), order_number, customer, customer_id,
                product, quantity, amount_minor, tax_included, tax_rate_bp
           FROM invoice_lines WHERE invoice_id = '{invoice}' LIMIT 1;"
    ))
    .await
    .unwrap();
}

/// The triggers that keep the counts and tallies add to the first free slot in one statement
/// and fall back on making a slot only when every one is held: an order written while another
/// transaction holds the first slots neither waits for it nor is lost, and once nothing is
/// held the triggers add to the first slot again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_triggers_add_an_order_to_a_free_slot_and_make_one_only_when_all_are_held() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    app.purchase(shop.customer, "ws2022-std").await;
    let invoice: uuid::Uuid = {
        use cspdesk::db::schema::invoices;
        use diesel::{ExpressionMethods, QueryDsl};
        invoices::table
            .filter(invoices::partner_id.eq(shop.partner))
            .select(invoices::id)
            .first(&mut app.conn().await)
            .await
            .unwrap()
    };
    let (orders, lines) = counts(&app, shop.customer).await;
    let (charges, invoiced, _) = tallies(&app, invoice).await;
    let price = charges / invoiced;
    assert_eq!((orders, lines, invoiced), (1, 1, 1));

    // The first slots, held until the holder ends.
    let mut holder = app.conn().await;
    holder.batch_execute("BEGIN").await.unwrap();
    add(&mut holder, shop.customer).await.unwrap();
    charge(&mut holder, invoice).await.unwrap();

    let mut other = impatient(&app).await;
    another_order(&mut other, shop.customer, invoice).await;
    other
        .batch_execute("COMMIT")
        .await
        .expect("the order's counts were added at commit without waiting");
    holder.batch_execute("COMMIT").await.unwrap();
    assert_eq!(counts(&app, shop.customer).await, (1 + 1 + 1, 1 + 2 + 1));
    assert_eq!(slots(&app, shop.customer).await, 2);
    assert_eq!(
        tallies(&app, invoice).await,
        (charges + 100 + price, 3, 2),
        "the line went on a slot of its own"
    );

    // Nothing held: the next order adds to the first slots.
    let mut plain = app.conn().await;
    plain.batch_execute("BEGIN").await.unwrap();
    another_order(&mut plain, shop.customer, invoice).await;
    plain.batch_execute("COMMIT").await.unwrap();
    assert_eq!(counts(&app, shop.customer).await, (4, 5));
    assert_eq!(slots(&app, shop.customer).await, 2);
    assert_eq!(
        tallies(&app, invoice).await,
        (charges + 100 + 2 * price, 4, 2)
    );
}
