//! Cancelling a purchase (R-30..R-36): the dialog, the window at its edges, revocation,
//! credits, bad input, and exactly-once under concurrent submits.

use chrono::{DateTime, Duration, Months, Utc};
use cspdesk::auth::Role;
use cspdesk::clock::Clock;
use cspdesk::db::schema::{activity, credits, download_links, order_lines, orders, product_keys};
use cspdesk::ids::{CustomerId, LineId, OrderId};
use cspdesk::money::Currency;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::support::build::placed_at;
use crate::support::fixtures_orders::other_partners_agent;
use crate::support::ordering::orders_with_wrong_totals;
use crate::support::software::make_link;
use crate::support::{Purchase, TestApp, Visitor};

/// Moves the app's clock to `to`.
fn set_clock(app: &TestApp, to: DateTime<Utc>) {
    let now = app.clock.now();
    app.clock.advance(to - now);
}

async fn paid(app: &TestApp, line: LineId) -> i64 {
    let (unit, quantity): (i64, i32) = order_lines::table
        .find(line)
        .select((order_lines::unit_price_minor, order_lines::quantity))
        .first(&mut app.conn().await)
        .await
        .unwrap();
    unit * i64::from(quantity)
}

async fn line_state(app: &TestApp, line: LineId) -> (i32, i32, i64) {
    order_lines::table
        .find(line)
        .select((
            order_lines::quantity,
            order_lines::quantity_cancelled,
            order_lines::credited_minor,
        ))
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

/// The order's total as Order history shows it, kept by the database.
async fn order_total(app: &TestApp, order: OrderId) -> i64 {
    orders::table
        .find(order)
        .select(orders::total_minor)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

async fn order_status(app: &TestApp, order: OrderId) -> String {
    orders::table
        .find(order)
        .select(orders::status)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

/// Everything a cancellation writes, counted: credits, cancelled lines, revoked keys and
/// links, cancellation records.
async fn written(app: &TestApp) -> (i64, i64, i64, i64, i64) {
    let mut conn = app.conn().await;
    let credits: i64 = credits::table.count().get_result(&mut conn).await.unwrap();
    let lines: i64 = order_lines::table
        .filter(order_lines::quantity_cancelled.gt(0))
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    let keys: i64 = product_keys::table
        .filter(product_keys::revoked_at.is_not_null())
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    let links: i64 = download_links::table
        .filter(download_links::revoked_at.is_not_null())
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    let records: i64 = activity::table
        .filter(activity::operation.eq("purchase_cancelled"))
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    (credits, lines, keys, links, records)
}

const NOTHING: (i64, i64, i64, i64, i64) = (0, 0, 0, 0, 0);

async fn submit(v: &Visitor, b: Purchase, order: OrderId) -> crate::support::Resp {
    v.post(
        &b.cancel_path(),
        &[("order", &order.to_string()), ("acknowledge", "yes")],
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_inside_the_window_revokes_at_once_and_credits_everything() {
    let app = TestApp::spawn().await;
    // A 2-day-old order of SQL Server 2022 Standard and Windows Server 2022 Standard, both
    // perpetual.
    let shop = app.shop().await;
    let order = app
        .order(shop.customer)
        .line("sql2022-std", 2)
        .line("ws2022-std", 1)
        .days_old(2)
        .await;
    let (sql, ws) = (order.purchases[0], order.purchases[1]);
    assert_eq!(ws.order, sql.order);
    let v = app.signed_in(&shop.agent).await;
    let link = make_link(&app, &v, ws).await;
    let stranger = app.visitor();
    assert_eq!(stranger.get(&link).await.status, 200);
    let key_path = ws.key_path();
    assert_eq!(v.get(&key_path).await.status, 200);

    let dialog = v.get(&ws.cancel_path()).await;
    assert_eq!(dialog.status, 200);
    assert!(
        dialog.contains("28 days left to cancel this order, until"),
        "{}",
        dialog.body
    );
    let month = cspdesk::billing::rules::Month::of(app.clock.now());
    let invoice = month.label(cspdesk::i18n::Lang::En);
    assert!(dialog.contains(&format!("on the {invoice} (open) invoice")));

    let done = submit(&v, ws, ws.order).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        done.location.as_deref(),
        Some(format!("/customers/{}", ws.customer).as_str())
    );
    let tab = v.get(&format!("/customers/{}", ws.customer)).await;
    assert!(
        tab.contains("Windows Server 2022 Standard is cancelled"),
        "{}",
        tab.body
    );

    // Revoked in the same transaction: the link and the key are gone at once.
    let gone = stranger.get(&link).await;
    assert_eq!(gone.status, 410);
    assert!(gone.contains("withdrawn because the purchase was cancelled"));
    assert_eq!(v.get(&key_path).await.status, 410);
    let (quantity, cancelled, credited) = line_state(&app, ws.line).await;
    assert_eq!(cancelled, quantity);
    let paid_ws = paid(&app, ws.line).await;
    assert_eq!(credited, paid_ws, "perpetual software is credited 100%");
    assert_eq!(written(&app).await, (1, 1, 1, 1, 1));
    // The other line stands, so the order stays completed; the line shows quantity 0.
    assert_eq!(order_status(&app, ws.order).await, "completed");
    let order_page = v
        .get(&format!("/customers/{}/orders/{}", ws.customer, ws.order))
        .await;
    assert!(order_page.contains("data-test=\"order-line-quantity\">0 <span"));
    let quantity = line_state(&app, ws.line).await.0;
    assert!(order_page.contains(&format!("({quantity} cancelled)")));
    // Order history's total, kept on the order by the database, is now the other line's.
    assert_eq!(
        order_total(&app, ws.order).await,
        paid(&app, sql.line).await
    );
    assert_eq!(orders_with_wrong_totals(&app).await, []);
    // The purchase stays on the Software page, marked cancelled, with no Cancel or open link;
    // the other purchase of the order keeps both.
    let tab = v.get(&format!("/customers/{}", ws.customer)).await;
    assert_eq!(
        tab.body
            .matches("data-test=\"purchase-status\">Cancelled<")
            .count(),
        1
    );
    assert!(!tab.contains(&ws.cancel_path()));
    assert!(!tab.contains(&format!("/software/{}\"", ws.line)));
    assert!(tab.contains(&sql.cancel_path()));
    assert!(tab.contains(&format!("/software/{}\"", sql.line)));

    // The record says who, what and how much.
    let details: serde_json::Value = activity::table
        .filter(activity::operation.eq("purchase_cancelled"))
        .select(activity::details)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(details["credit_minor"], paid_ws);
    assert_eq!(details["product"], "Windows Server 2022 Standard");

    // Cancelling the order's last line cancels the order.
    assert_eq!(submit(&v, sql, sql.order).await.status, 303);
    assert_eq!(order_status(&app, sql.order).await, "cancelled");
    assert_eq!(written(&app).await.0, 2);
    assert_eq!(order_total(&app, sql.order).await, 0);
    assert_eq!(orders_with_wrong_totals(&app).await, []);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_closes_at_exactly_thirty_days_even_between_dialog_and_submit() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let b = app.purchase(shop.customer, "ws2022-std").days_old(2).await;
    let placed = placed_at(&app, b.order).await;
    set_clock(&app, placed + Duration::days(30) - Duration::seconds(1));
    let v = app.signed_in(&shop.agent).await;
    let dialog = v.get(&b.cancel_path()).await;
    assert!(
        dialog.contains("1 day left to cancel this order"),
        "{}",
        dialog.body
    );
    assert!(dialog.contains("data-test=\"cancel-form\""));
    // The form was shown; the window passes before Submit.
    app.clock.advance(Duration::seconds(1));
    let late = submit(&v, b, b.order).await;
    assert_eq!(late.status, 422);
    assert!(late.contains("can no longer be cancelled here"));
    assert!(late.contains("Nothing was cancelled"));
    assert_eq!(written(&app).await, NOTHING);
    let dialog = v.get(&b.cancel_path()).await;
    assert!(!dialog.contains("data-test=\"cancel-form\""));
    assert!(dialog.contains("data-test=\"support-link\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscription_is_credited_for_its_unused_days_rounded_down() {
    let app = TestApp::spawn().await;
    // A 29-day-old Windows Server 2022 Datacenter, one year.
    let shop = app.shop().await;
    let b = app
        .purchase(shop.customer, "ws2022-dc-1y")
        .quantity(4)
        .days_old(29)
        .await;
    let placed = placed_at(&app, b.order).await;
    let now = placed + Duration::days(10) + Duration::hours(5);
    set_clock(&app, now);
    let term = (placed.checked_add_months(Months::new(12)).unwrap() - placed).num_days();
    let paid = paid(&app, b.line).await;
    let expected = paid * (term - 10) / term;
    let v = app.signed_in(&shop.agent).await;
    assert_eq!(submit(&v, b, b.order).await.status, 303);
    let amount: i64 = credits::table
        .filter(credits::order_line_id.eq(b.line))
        .select(credits::amount_minor)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(amount, expected);
    assert!(amount < paid && amount > 0);
    assert_eq!(line_state(&app, b.line).await.2, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dialog_lists_the_products_orders_and_offers_support_where_it_cannot_cancel() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    // Windows Server 2022 Standard bought 88 and 31 days ago: both are listed, and both
    // windows have passed.
    app.purchase(shop.customer, "ws2022-std").days_old(88).await;
    let old = app.purchase(shop.customer, "ws2022-std").days_old(31).await;
    let dialog = v.get(&old.cancel_path()).await;
    assert_eq!(dialog.status, 200);
    let start = dialog.body.find("id=\"cancel-order\"").unwrap();
    let list = &dialog.body[start..start + dialog.body[start..].find("</select>").unwrap()];
    assert_eq!(list.matches("<option value=").count(), 2, "{list}");
    assert!(dialog.contains("can no longer be cancelled here"));
    let support = format!(
        "/support/requests/new?customer={}&#38;order={}&#38;product=",
        old.customer, old.order
    );
    assert!(dialog.contains(&support), "{}", dialog.body);
    assert!(!dialog.contains("data-test=\"cancel-form\""));

    let suse = app
        .purchase(shop.customer, "suse-sles-1y")
        .days_old(20)
        .await;
    let dialog = v.get(&suse.cancel_path()).await;
    assert!(dialog.contains("cannot be cancelled or exchanged"));
    assert!(!dialog.contains("data-test=\"support-link\""));
    assert!(!dialog.contains("data-test=\"cancel-form\""));

    let esu = app
        .purchase(shop.customer, "win7-esu-1y")
        .days_old(60)
        .await;
    let dialog = v.get(&esu.cancel_path()).await;
    assert!(dialog.contains("only be cancelled through a customer support request"));
    assert!(dialog.contains("data-test=\"support-link\""));

    // The Software tab has a Cancel control on each active purchase for Admin agents only.
    let tab = v.get(&format!("/customers/{}", old.customer)).await;
    assert!(tab.contains(&old.cancel_path()));
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let sales = app.signed_in(&sales).await;
    let tab = sales.get(&format!("/customers/{}", old.customer)).await;
    assert!(!tab.contains("data-test=\"cancel-purchase\""));
    assert_eq!(sales.get(&old.cancel_path()).await.status, 403);
    assert_eq!(submit(&sales, old, old.order).await.status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_submits_get_a_clear_message_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let b = app.purchase(shop.customer, "ws2022-std").days_old(2).await;
    // Another customer of the partner bought it 31 days ago, and a Datacenter subscription
    // 29 days ago.
    let adatum = app.customer(shop.partner).market("TR", Currency::Try).await;
    let adatum_ws = app.purchase(adatum, "ws2022-std").days_old(31).await;
    let adatum_dc = app.purchase(adatum, "ws2022-dc-1y").days_old(29).await;

    let unticked = v
        .post(&b.cancel_path(), &[("order", &b.order.to_string())])
        .await;
    assert_eq!(unticked.status, 422);
    assert!(unticked.contains("Select the checkbox"));

    // Another customer's order and another partner's staff: not found.
    assert_eq!(submit(&v, b, adatum_ws.order).await.status, 404);
    let fabrikam = app.signed_in(&other_partners_agent(&app).await).await;
    assert_eq!(fabrikam.get(&b.cancel_path()).await.status, 404);
    assert_eq!(submit(&fabrikam, b, b.order).await.status, 404);
    for junk in ["", "42", "not-a-uuid", &Uuid::new_v4().to_string()] {
        let res = v
            .post(&b.cancel_path(), &[("order", junk), ("acknowledge", "yes")])
            .await;
        assert_eq!(res.status, 404, "order {junk:?}");
    }
    let forged_ack = v
        .post(
            &b.cancel_path(),
            &[("order", &b.order.to_string()), ("acknowledge", "on")],
        )
        .await;
    assert_eq!(forged_ack.status, 422);

    // An order of this customer without the product.
    let res = submit(&v, adatum_ws, adatum_dc.order).await;
    assert_eq!(res.status, 422);
    assert!(res.contains("does not contain Windows Server 2022 Standard"));

    // Window passed, never, support only: refused whatever the form says.
    let passed = submit(&v, adatum_ws, adatum_ws.order).await;
    assert_eq!(passed.status, 422);
    assert!(passed.contains("can no longer be cancelled here"));
    let suse = app.purchase(adatum, "suse-sles-1y").days_old(20).await;
    assert_eq!(submit(&v, suse, suse.order).await.status, 422);
    let esu = app.purchase(adatum, "win7-esu-1y").days_old(60).await;
    assert_eq!(submit(&v, esu, esu.order).await.status, 422);
    // No CSRF token: refused before anything is read.
    let forged = v
        .post_raw(
            &b.cancel_path(),
            &[("order", &b.order.to_string()), ("acknowledge", "yes")],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(written(&app).await, NOTHING);

    // Cancelled once; a second submit (a refresh, a double click) is calm and does nothing.
    assert_eq!(submit(&v, b, b.order).await.status, 303);
    let again = submit(&v, b, b.order).await;
    assert_eq!(again.status, 200);
    assert!(again.contains("already cancelled"));
    assert_eq!(written(&app).await, (1, 1, 1, 0, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_simultaneous_submits_by_two_users_cancel_once() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let b = app
        .purchase(shop.customer, "sql2022-std")
        .quantity(2)
        .days_old(2)
        .await;
    let first = app.signed_in(&shop.agent).await;
    let second = app.user(shop.partner).roles(&[Role::AdminAgent]).await;
    let second = app.signed_in(&second).await;
    let order = b.order.to_string();
    let path = b.cancel_path();
    let (t1, t2) = (first.csrf().await, second.csrf().await);
    let sends = (0..20).map(|i| {
        let (v, token) = if i % 2 == 0 {
            (&first, &t1)
        } else {
            (&second, &t2)
        };
        let fields = [
            ("csrf_token", token.as_str()),
            ("order", order.as_str()),
            ("acknowledge", "yes"),
        ];
        let path = path.clone();
        async move { v.post_raw(&path, &fields).await }
    });
    let answers = futures_util::future::join_all(sends).await;
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        19,
        "{statuses:?}"
    );
    assert!(
        answers
            .iter()
            .filter(|a| a.status == 200)
            .all(|a| a.contains("already cancelled"))
    );
    let (credits, lines, keys, _, records) = written(&app).await;
    assert_eq!((credits, lines, keys, records), (1, 1, 1, 1));
    assert_eq!(line_state(&app, b.line).await.2, paid(&app, b.line).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_a_second_cancellation_credit_and_over_crediting() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let b = app
        .purchase(shop.customer, "sql2022-std")
        .quantity(2)
        .days_old(2)
        .await;
    let v = app.signed_in(&shop.agent).await;
    assert_eq!(submit(&v, b, b.order).await.status, 303);
    let mut conn = app.conn().await;
    let row: (Uuid, Uuid, Uuid, Uuid, i64, String, Uuid) = credits::table
        .select((
            credits::partner_id,
            credits::customer_id,
            credits::order_id,
            credits::order_line_id,
            credits::amount_minor,
            credits::currency,
            credits::created_by,
        ))
        .first(&mut conn)
        .await
        .unwrap();
    let twice = diesel::insert_into(credits::table)
        .values((
            credits::id.eq(Uuid::new_v4()),
            credits::partner_id.eq(row.0),
            credits::customer_id.eq(row.1),
            credits::order_id.eq(row.2),
            credits::order_line_id.eq(row.3),
            credits::reason.eq("cancellation"),
            credits::quantity.eq(1),
            credits::amount_minor.eq(0),
            credits::currency.eq(&row.5),
            credits::created_by.eq(row.6),
            credits::created_at.eq(Utc::now()),
        ))
        .execute(&mut conn)
        .await;
    assert!(twice.is_err(), "a second cancellation credit for one line");
    let over = diesel::update(order_lines::table.find(b.line))
        .set(order_lines::credited_minor.eq(order_lines::credited_minor + 1))
        .execute(&mut conn)
        .await;
    assert!(over.is_err(), "credits above what was paid");
}

/// The dialog's drop-down reads a bounded number of rows: the product's lines among the
/// customer's newest orders, at most 25, plus the purchase's own order however old it is; the
/// same statements for a customer with 150 orders of the product as for one with one (and
/// one more to add an order the drop-down leaves out).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dialog_reads_the_same_for_a_customer_with_many_orders_of_the_product() {
    use crate::support::ordering::queries_for;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let few = app.customer(shop.partner).await;
    let single = app.purchase(few, "ws2022-std").days_old(5).await;
    let old = app.purchase(shop.customer, "ws2022-std").days_old(80).await;
    diesel::sql_query(
        "WITH o AS (
            INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency,
                                idempotency_token)
            SELECT gen_random_uuid(), c.partner_id, c.id, u.id,
                   now() - make_interval(mins => g), c.currency, gen_random_uuid()
              FROM customers c, users u, generate_series(1, 150) g
             WHERE c.id = $1 AND u.email = $2
            RETURNING id, partner_id, currency)
         INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id, product_name,
                                  family, licence_kind, term_months, quantity, unit_price_minor,
                                  currency, tax_included, tax_rate_bp)
         SELECT gen_random_uuid(), o.id, o.partner_id, 0, p.id, p.name, p.family,
                p.licence_kind, p.term_months, 1, 100, o.currency, false, 0
           FROM o, products p WHERE p.sku = 'ws2022-std'",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.customer)
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    assert_eq!(
        queries_for(&app, &v, &old.cancel_path()).await,
        queries_for(&app, &v, &single.cancel_path()).await + 1
    );
    let dialog = v.get(&old.cancel_path()).await;
    let start = dialog.body.find("id=\"cancel-order\"").unwrap();
    let list = &dialog.body[start..start + dialog.body[start..].find("</select>").unwrap()];
    assert_eq!(list.matches("<option value=").count(), 26, "{list}");
    assert!(
        list.contains(&format!("<option value=\"{}\" selected", old.order)),
        "{list}"
    );
}

/// The dialog's list comes off an index of order lines by customer and product: each line
/// carries its order's customer and time, which the database keeps, whatever an insert says
/// and when an order's time is corrected.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_lines_carry_their_orders_customer_and_time() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let bought = app.purchase(shop.customer, "ws2022-std").days_old(3).await;
    let other = app.customer(shop.partner).await;
    let mut conn = app.conn().await;
    let (line_customer, order_customer, line_at, order_at) =
        line_and_order(&app, bought.line).await;
    assert_eq!((line_customer, line_at), (order_customer, order_at));
    assert_eq!(line_customer, shop.customer);
    // A line that claims another customer still gets its order's.
    diesel::update(order_lines::table.find(bought.line))
        .set(order_lines::customer_id.eq(other))
        .execute(&mut conn)
        .await
        .unwrap();
    let earlier = order_at - chrono::Duration::days(30);
    diesel::update(orders::table.find(bought.order))
        .set(orders::placed_at.eq(earlier))
        .execute(&mut conn)
        .await
        .unwrap();
    let (line_customer, _, line_at, _) = line_and_order(&app, bought.line).await;
    assert_eq!((line_customer, line_at), (shop.customer, earlier));
}

/// A line's customer and time, and its order's.
async fn line_and_order(
    app: &TestApp,
    line: LineId,
) -> (CustomerId, CustomerId, DateTime<Utc>, DateTime<Utc>) {
    order_lines::table
        .inner_join(orders::table)
        .filter(order_lines::id.eq(line))
        .select((
            order_lines::customer_id,
            orders::customer_id,
            order_lines::placed_at,
            orders::placed_at,
        ))
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

/// The database closes an order in the statement that cancels its last open line, whoever
/// writes it: a change that cancels nothing, or only some lines, leaves it completed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_is_cancelled_by_the_statement_that_cancels_its_last_line() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let order = app
        .order(shop.customer)
        .line("sql2022-std", 2)
        .line("ws2022-std", 1)
        .days_old(2)
        .await;
    let (sql, ws) = (order.purchases[0], order.purchases[1]);
    let mut conn = app.conn().await;
    let cancel = |line: LineId| {
        diesel::update(order_lines::table.find(line))
            .set(order_lines::quantity_cancelled.eq(order_lines::quantity))
    };
    diesel::update(order_lines::table.find(sql.line))
        .set(order_lines::revoked_at.eq(Some(Utc::now())))
        .execute(&mut conn)
        .await
        .unwrap();
    assert_eq!(order_status(&app, sql.order).await, "completed");
    cancel(sql.line).execute(&mut conn).await.unwrap();
    assert_eq!(order_status(&app, sql.order).await, "completed");
    cancel(ws.line).execute(&mut conn).await.unwrap();
    assert_eq!(order_status(&app, sql.order).await, "cancelled");
    assert_eq!(order_total(&app, sql.order).await, 0);
    assert_eq!(orders_with_wrong_totals(&app).await, []);
}

/// The cell of the Software tab's "Cancellable until" column in the row of `line`.
fn cancellable_cell(tab: &str, line: LineId) -> String {
    let row = tab
        .split("<tr")
        .find(|r| r.contains(&format!("data-line=\"{line}\"")))
        .unwrap_or_else(|| panic!("no row for {line}"));
    let start = row.find("data-test=\"cancellable\">").expect("the column") + 24;
    row[start..].split("</td>").next().unwrap().to_string()
}

/// The Software tab reads a purchase's policy from its line (which keeps its product's): a
/// change of the product's policy in the catalog reaches the tab and the dialog alike.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_products_new_policy_reaches_the_software_tab_and_the_cancel_dialog_alike() {
    use cspdesk::db::schema::products;
    use cspdesk::i18n::Lang;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let bought = app.purchase(shop.customer, "ws2022-std").days_old(5).await;
    let tab_cell = async || {
        let tab = v.get(&format!("/customers/{}", shop.customer)).await.body;
        cancellable_cell(&tab, bought.line)
    };
    let set_policy = async |policy: &str, days: Option<i32>| {
        diesel::update(products::table.filter(products::sku.eq("ws2022-std")))
            .set((
                products::cancellation_policy.eq(policy),
                products::cancellation_window_days.eq(days),
            ))
            .execute(&mut app.conn().await)
            .await
            .unwrap();
    };
    set_policy("support_only", None).await;
    assert_eq!(tab_cell().await, "Support request only");
    let dialog = v.get(&bought.cancel_path()).await;
    assert!(dialog.contains("can only be cancelled through a customer support request"));
    let placed = placed_at(&app, bought.order).await;
    // A new window, then only its length changed: the line's end follows each time.
    for days in [10, 20] {
        set_policy("window", Some(days)).await;
        let until = placed + Duration::days(i64::from(days));
        assert_eq!(
            tab_cell().await,
            cspdesk::web::format::datetime_utc(&until, Lang::En)
        );
    }
}

/// A window ends whole 24-hour days after the purchase, as the cancellation rules count them,
/// whatever time zone the database server runs in: across a change to winter time, a window
/// counted in the server's calendar days would end an hour later than the rules allow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_ends_thirty_whole_days_after_the_purchase_whatever_the_servers_time_zone() {
    use cspdesk::i18n::Lang;
    use diesel_async::SimpleAsyncConnection;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    // Central Europe leaves summer time on 25 October 2026, inside this purchase's window.
    set_clock(&app, "2026-10-10T12:00:00Z".parse().unwrap());
    let bought = app.purchase(shop.customer, "ws2022-std").await;
    let until = placed_at(&app, bought.order).await + Duration::days(30);
    // The line's window worked out again by a session in that time zone.
    app.conn()
        .await
        .batch_execute(&format!(
            "BEGIN; SET LOCAL TIME ZONE 'Europe/Warsaw';
             UPDATE order_lines SET window_ends_at = NULL WHERE id = '{}'; COMMIT;",
            bought.line
        ))
        .await
        .unwrap();
    let kept: Option<DateTime<Utc>> = order_lines::table
        .find(bought.line)
        .select(order_lines::window_ends_at)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(kept, Some(until));
    let tab = v.get(&format!("/customers/{}", shop.customer)).await.body;
    assert_eq!(
        cancellable_cell(&tab, bought.line),
        cspdesk::web::format::datetime_utc(&until, Lang::En)
    );
}

/// Before opening the dialog, the Software tab says until when each purchase can be cancelled,
/// or why it cannot; the dialog's credit preview says how the credit was computed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_software_tab_says_until_when_each_purchase_can_be_cancelled_and_the_preview_how() {
    use cspdesk::i18n::Lang;
    use cspdesk::money::display;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let fresh = app.purchase(shop.customer, "ws2022-std").days_old(5).await;
    let old = app.purchase(shop.customer, "ws2022-std").days_old(88).await;
    let suse = app
        .purchase(shop.customer, "suse-sles-1y")
        .days_old(20)
        .await;
    let esu = app.purchase(shop.customer, "win7-esu-1y").days_old(3).await;
    let dc = app
        .purchase(shop.customer, "ws2022-dc-1y")
        .days_old(10)
        .await;
    let tab = v.get(&format!("/customers/{}", shop.customer)).await.body;
    assert!(tab.contains("<th scope=\"col\">Cancellable until</th>"));
    let until = placed_at(&app, fresh.order).await + Duration::days(30);
    assert_eq!(
        cancellable_cell(&tab, fresh.line),
        cspdesk::web::format::datetime_utc(&until, Lang::En)
    );
    assert_eq!(cancellable_cell(&tab, old.line), "Window passed");
    assert_eq!(cancellable_cell(&tab, suse.line), "Cannot be cancelled");
    assert_eq!(cancellable_cell(&tab, esu.line), "Support request only");
    // Every one keeps its Cancel link: the dialog offers the support request where it applies.
    for p in [fresh, old, suse, esu] {
        assert!(tab.contains(&p.cancel_path()));
    }
    // Cancelled: no window to speak of.
    assert_eq!(submit(&v, fresh, fresh.order).await.status, 303);
    let tab = v.get(&format!("/customers/{}", shop.customer)).await.body;
    assert_eq!(cancellable_cell(&tab, fresh.line), "");

    // How the credit is computed: the subscription's unused days, rounded down.
    let dialog = v.get(&dc.cancel_path()).await;
    let placed = placed_at(&app, dc.order).await;
    let term = (placed.checked_add_months(Months::new(12)).unwrap() - placed).num_days();
    let dc_paid = display(paid(&app, dc.line).await, Currency::Usd, Lang::En);
    let how = format!(
        "{dc_paid} paid × {} unused days ÷ {term} days of the term, rounded down",
        term - 10
    );
    assert!(dialog.contains(&how), "{how}: {}", dialog.body);
    // Perpetual software: everything paid.
    let perpetual = app.purchase(shop.customer, "ws2022-std").days_old(1).await;
    let dialog = v.get(&perpetual.cancel_path()).await;
    let all = display(paid(&app, perpetual.line).await, Currency::Usd, Lang::En);
    assert!(dialog.contains(&format!("Perpetual software: all {all} paid is credited.")));
    // The customer's own admin, who cannot cancel, has no such column.
    let customer_admin = app
        .user(shop.partner)
        .customer(shop.customer)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let own = app.signed_in(&customer_admin).await;
    assert!(
        !own.get("/your-products/software")
            .await
            .contains("Cancellable until")
    );
}
