//! Invoices are documents: charges and credits are written onto the open invoice when they
//! happen, a month's invoices are issued once it has ended — each once, numbered without
//! gaps, by whichever request or process comes first — and an issued invoice never changes.

use chrono::{DateTime, Duration, Utc};
use cspdesk::billing::rules::Month;
use cspdesk::clock::Clock;
use cspdesk::db::schema::invoices;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::support::TestApp;
use crate::support::process::{Served, shared_session_key};
use crate::support::{PASSWORD, Shop};

/// The partner's invoices: (month's first day, currency, charges, credits, number). An open
/// invoice's totals are its row's and its tallies'; an issued one's, its row's alone.
async fn invoices_of(app: &TestApp, shop: &Shop) -> Vec<(String, String, i64, i64, Option<i64>)> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        month: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        currency: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        charges: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        credits: i64,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        number: Option<i64>,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT i.month::text AS month, i.currency::text AS currency,
                i.charges_minor + CASE WHEN i.issued_at IS NULL
                    THEN (SELECT coalesce(sum(charges_minor), 0) FROM invoice_tallies
                           WHERE invoice_id = i.id) ELSE 0 END::bigint AS charges,
                i.credits_minor + CASE WHEN i.issued_at IS NULL
                    THEN (SELECT coalesce(sum(credits_minor), 0) FROM invoice_tallies
                           WHERE invoice_id = i.id) ELSE 0 END::bigint AS credits,
                i.number
           FROM invoices i WHERE i.partner_id = $1 ORDER BY i.month",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.partner)
    .load(&mut app.conn().await)
    .await
    .unwrap();
    rows.into_iter()
        .map(|r| (r.month, r.currency, r.charges, r.credits, r.number))
        .collect()
}

/// A purchase of a Windows Server 2022 Standard placed on the last day of last month, so its
/// invoice is due; the shop and when it was placed.
async fn bought_last_month(app: &TestApp) -> (Shop, DateTime<Utc>) {
    let shop = app.shop().await;
    let at = Month::of(app.clock.now()).start() - Duration::hours(12);
    app.purchase(shop.customer, "ws2022-std")
        .placed_at(at)
        .await;
    (shop, at)
}

async fn sql_error(app: &TestApp, sql: &str, id: Uuid) -> String {
    diesel::sql_query(sql)
        .bind::<diesel::sql_types::Uuid, _>(id)
        .execute(&mut app.conn().await)
        .await
        .expect_err(sql)
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_month_is_issued_with_a_number_and_a_date_and_then_never_changes() {
    let app = TestApp::spawn().await;
    let (shop, placed) = bought_last_month(&app).await;
    let before = invoices_of(&app, &shop).await;
    assert_eq!(before.len(), 1, "the order opened last month's invoice");
    assert_eq!(
        before[0].2, 106_900,
        "and was charged on it as it was placed"
    );
    assert_eq!(before[0].4, None, "not issued while nobody asked");

    let v = app.signed_in(&shop.agent).await;
    let list = v.get("/billing").await;
    assert_eq!(list.status, 200);
    let after = invoices_of(&app, &shop).await;
    let number = after[0]
        .4
        .expect("issued by the first Billing request after the month");
    assert_eq!(&after[0].0[..7], Month::of(placed).code());
    assert!(list.contains(&format!("data-test=\"invoice-number\">CD-{number:06}<")));
    let month = Month::of(placed).code();
    let page = v.get(&format!("/billing/invoices/{month}/USD")).await;
    assert!(page.contains(&format!("data-test=\"invoice-number\">CD-{number:06}<")));
    let today = app.clock.now().format("%B %-d, %Y UTC").to_string();
    assert!(page.contains(&format!("data-test=\"invoice-issued-on\">{today}")));
    assert!(page.contains("data-test=\"invoice-status\">issued<"));

    // Asking again changes nothing: the same number, no new one taken.
    v.get("/billing").await;
    assert_eq!(invoices_of(&app, &shop).await, after);

    // The database refuses every change to the issued invoice and its lines.
    let id: Uuid = invoices::table
        .filter(invoices::partner_id.eq(shop.partner))
        .select(invoices::id)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    for sql in [
        "UPDATE invoices SET charges_minor = 0 WHERE id = $1",
        "UPDATE invoices SET number = NULL, issued_at = NULL WHERE id = $1",
        "DELETE FROM invoices WHERE id = $1",
        "UPDATE invoice_lines SET amount_minor = 0 WHERE invoice_id = $1",
        "DELETE FROM invoice_lines WHERE invoice_id = $1",
        "UPDATE invoice_tallies SET charges_minor = 0 WHERE invoice_id = $1",
        "DELETE FROM invoice_tallies WHERE invoice_id = $1",
        "INSERT INTO invoice_lines SELECT invoice_id, kind, at, gen_random_uuid(), order_number,
             customer, customer_id, product, quantity, amount_minor, tax_included, tax_rate_bp
         FROM invoice_lines WHERE invoice_id = $1",
    ] {
        let error = sql_error(&app, sql, id).await;
        assert!(error.contains("cannot"), "{sql}: {error}");
    }
    assert_eq!(invoices_of(&app, &shop).await, after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_placed_in_a_month_already_issued_goes_on_the_next_invoice_not_on_none() {
    let app = TestApp::spawn().await;
    let (shop, placed) = bought_last_month(&app).await;
    let v = app.signed_in(&shop.agent).await;
    v.get("/billing").await;
    // Another process's clock was a moment behind: its order is stamped last month, which this
    // process has already issued.
    app.purchase(shop.customer, "ws2022-std")
        .quantity(2)
        .placed_at(placed + Duration::hours(1))
        .await;
    let rows = invoices_of(&app, &shop).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].2, 106_900, "the issued invoice did not change");
    assert!(rows[0].4.is_some());
    assert_eq!(
        (&rows[1].0[..7], rows[1].2, rows[1].4),
        (
            Month::of(app.clock.now()).code().as_str(),
            2 * 106_900,
            None
        ),
        "the late order is on this month's open invoice"
    );
    let page = v
        .get(&format!(
            "/billing/invoices/{}/USD",
            Month::of(app.clock.now()).code()
        ))
        .await;
    assert_eq!(page.body.matches("data-test=\"charge-line\"").count(), 1);
}

/// Every due invoice of the database, issued by 8 issuers at once on their own connections —
/// what several app processes' periodic tasks do — gets exactly one number, and the numbers
/// have no gaps.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_issuers_number_each_due_invoice_once_without_gaps() {
    let app = TestApp::spawn().await;
    for _ in 0..4 {
        bought_last_month(&app).await;
    }
    let now = app.clock.now();
    let due: i64 = invoices::table
        .filter(invoices::issued_at.is_null())
        .filter(invoices::month.lt(Month::of(now).first_day()))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert!(due >= 4);
    let issuers = (0..8).map(|_| {
        let pool = app.pool.clone();
        tokio::spawn(async move {
            let mut conn = pool.get().await.unwrap();
            cspdesk::billing::issue::due(&mut conn, None, now)
                .await
                .unwrap()
        })
    });
    let issued: usize = futures_util::future::join_all(issuers)
        .await
        .into_iter()
        .map(Result::unwrap)
        .sum();
    assert_eq!(
        issued as i64, due,
        "each invoice issued by exactly one issuer"
    );
    let mut numbers: Vec<i64> = invoices::table
        .filter(invoices::number.is_not_null())
        .select(invoices::number.assume_not_null())
        .load(&mut app.conn().await)
        .await
        .unwrap();
    numbers.sort();
    assert_eq!(numbers, (1..=due).collect::<Vec<_>>());
}

/// Two app processes on one database, each asked for Billing at once: the partner's ended
/// months are issued once, whichever process (or its periodic task) gets there first.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_opening_billing_at_once_issue_each_invoice_once() {
    let app = TestApp::spawn().await;
    let (shop, _) = bought_last_month(&app).await;
    // A second currency: a customer in Turkey, billed in lira, bought from the same partner.
    let turkish = app
        .customer(shop.partner)
        .market("TR", cspdesk::money::Currency::Try)
        .await;
    let at = Month::of(app.clock.now()).start() - Duration::hours(2);
    app.purchase(turkish, "ws2022-std").placed_at(at).await;
    let key = shared_session_key();
    let url = app.database_url();
    let (a, b) = (Served::start(&url, &key), Served::start(&url, &key));
    let on_a = app.visitor().at(&a.base);
    assert_eq!(on_a.sign_in(&shop.agent, PASSWORD).await.status, 303);
    let on_b = on_a.at(&b.base);
    let requests = (0..12).map(|n| {
        let v = if n % 2 == 0 {
            on_a.clone()
        } else {
            on_b.clone()
        };
        async move { v.get("/billing").await.status }
    });
    let statuses = futures_util::future::join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let rows = invoices_of(&app, &shop).await;
    assert_eq!(rows.iter().filter(|r| r.4.is_some()).count(), 2, "{rows:?}");
    // Each process also issues every partner's due invoices as it starts: still one number
    // per invoice, and no gaps.
    let mut numbers: Vec<i64> = invoices::table
        .filter(invoices::number.is_not_null())
        .select(invoices::number.assume_not_null())
        .load(&mut app.conn().await)
        .await
        .unwrap();
    numbers.sort();
    let issued = numbers.len() as i64;
    assert_eq!(numbers, (1..=issued).collect::<Vec<_>>());
    assert!(a.errors().is_empty() && b.errors().is_empty());
}

/// (partner, month, currency) → (charges, credits), computed from orders and credits as the
/// Billing pages did before invoices were stored.
type Computed = std::collections::BTreeMap<(Uuid, String, String), (i64, i64)>;

#[derive(diesel::QueryableByName)]
struct ComputedRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    partner_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    month: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    currency: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    charges: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    credits: i64,
}

async fn computed_from_orders(conn: &mut diesel_async::AsyncPgConnection) -> Computed {
    let rows: Vec<ComputedRow> = diesel::sql_query(
        "SELECT partner_id, to_char(month, 'YYYY-MM-DD') AS month, currency,
                sum(charges)::bigint AS charges, sum(credits)::bigint AS credits
         FROM (
             SELECT o.partner_id, date_trunc('month', o.placed_at AT TIME ZONE 'UTC') AS month,
                    o.currency::text AS currency,
                    l.unit_price_minor * l.quantity AS charges, 0::bigint AS credits
             FROM orders o JOIN order_lines l ON l.order_id = o.id
             UNION ALL
             SELECT c.partner_id, date_trunc('month', c.created_at AT TIME ZONE 'UTC'),
                    c.currency::text, 0, c.amount_minor
             FROM credits c
         ) AS items
         GROUP BY 1, 2, 3",
    )
    .load(conn)
    .await
    .unwrap();
    rows.into_iter()
        .map(|r| ((r.partner_id, r.month, r.currency), (r.charges, r.credits)))
        .collect()
}

/// The data of a database from before invoices were stored becomes invoices with the totals
/// the Billing pages showed for it; ended months are issued, numbered in month order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn existing_orders_and_credits_become_invoices_with_the_totals_they_showed() {
    let app = TestApp::spawn().await;
    // Orders in three months and a credit, then the database as it was before invoices.
    let shop = app.shop().await;
    let now = app.clock.now();
    for days in [70, 40, 3] {
        app.purchase(shop.customer, "sql2022-std-3y")
            .quantity(2)
            .days_old(days)
            .await;
    }
    // Back to just before the invoices migration, undoing the ones after it.
    let mut conn =
        crate::support::db::before_migration(&app.database_url(), "20261202000001").await;
    diesel::sql_query(
        "INSERT INTO credits (id, partner_id, customer_id, order_id, order_line_id, reason,
                              quantity, amount_minor, currency, created_by, created_at)
         SELECT gen_random_uuid(), o.partner_id, o.customer_id, o.id, l.id, 'cancellation', 1, 5000,
                o.currency, o.placed_by, o.placed_at + interval '1 day'
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.partner_id = $1",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.partner)
    .execute(&mut conn)
    .await
    .unwrap();
    let before = computed_from_orders(&mut conn).await;
    assert!(before.len() >= 3);

    let mut conn = crate::support::db::migrated(conn);
    let rows: Vec<(Uuid, chrono::NaiveDate, String, i64, i64, Option<i64>)> = invoices::table
        .select((
            invoices::partner_id,
            invoices::month,
            invoices::currency,
            invoices::charges_minor,
            invoices::credits_minor,
            invoices::number,
        ))
        .order((invoices::month, invoices::partner_id, invoices::currency))
        .load(&mut conn)
        .await
        .unwrap();
    let after: Computed = rows
        .iter()
        .map(|r| ((r.0, r.1.to_string(), r.2.clone()), (r.3, r.4)))
        .collect();
    assert_eq!(after, before);
    let current = Month::of(now).first_day();
    let mut expected_number = 0;
    for r in &rows {
        if r.1 < current {
            expected_number += 1;
            assert_eq!(
                r.5,
                Some(expected_number),
                "ended months issued in order: {r:?}"
            );
        } else {
            assert_eq!(r.5, None, "this month stays open: {r:?}");
        }
    }
    let v = app.signed_in(&shop.agent).await;
    let list = v.get("/billing").await;
    assert_eq!(list.status, 200);
}

/// The figure the invoice page shows in the element `data-test="{test}"`.
fn figure(page: &str, test: &str) -> String {
    let marker = format!("data-test=\"{test}\">");
    let at = page.find(&marker).unwrap_or_else(|| panic!("no {test}")) + marker.len();
    let rest = page[at..].trim_start_matches("<strong>");
    crate::support::html::unescape(&rest[..rest.find('<').unwrap()])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_downloads_as_a_pdf_in_the_readers_language_with_its_lines_and_totals() {
    let app = TestApp::spawn().await;
    let shop = crate::support::fixtures::turkish_shop(&app).await;
    let month = Month::of(app.clock.now());
    let order = app
        .order(shop.customer)
        .line("sql2022-std", 2)
        .line("ws2022-std", 1)
        .placed_at(month.start())
        .await;
    let cancelled = order.purchases[1];
    let v = app.signed_in(&shop.agent).await;
    crate::support::ordering::cancel(&v, cancelled).await;
    assert_eq!(
        v.post("/preferences/language", &[("lang", "tr")])
            .await
            .status,
        303
    );
    let href = format!("/billing/invoices/{}/TRY", month.code());
    let page = v.get(&href).await;
    assert!(page.contains(&format!(
        "href=\"{href}/pdf\" data-test=\"invoice-pdf\">PDF indir<"
    )));

    let (status, headers, pdf) = v.get_bytes(&format!("{href}/pdf")).await;
    assert_eq!(status, 200);
    assert_eq!(headers["content-type"], "application/pdf");
    let file = format!("attachment; filename=\"invoice-{}-TRY.pdf\"", month.code());
    assert_eq!(headers["content-disposition"], file.as_str());
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert_eq!(crate::support::pdf::pages(&pdf), 1);
    let text = crate::support::pdf::text(&pdf);
    let title = month.label(cspdesk::i18n::Lang::Tr);
    assert!(text.contains(&format!("Fatura {title} · TRY")), "{text}");
    assert!(text.contains("Contoso"), "the partner: {text}");
    for test in [
        "invoice-charges",
        "invoice-credits",
        "invoice-net",
        "invoice-status",
    ] {
        // The status without the page's hint after it.
        let shown = figure(&page.body, test);
        let shown = shown.split(" · ").next().unwrap();
        assert!(text.contains(shown), "{test} {shown:?} in {text}");
    }
    for shown in [
        "Sipariş",
        "Kredi: iptal",
        "Adatum Corporation",
        "SQL Server 2022 Standard",
    ] {
        assert!(text.contains(shown), "{shown:?} in {text}");
    }
    let rows = crate::support::html::rows(&page.body);
    for row in rows.iter().filter(|r| r.len() == 8) {
        assert!(text.contains(&row[6]), "the amount {:?} in {text}", row[6]);
        assert!(text.contains(&row[7]), "the tax {:?} in {text}", row[7]);
    }
    assert!(text.contains("Sayfa 1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_issued_invoice_pdf_has_its_number_and_a_big_month_runs_to_many_pages() {
    let app = TestApp::spawn().await;
    let (shop, placed) = bought_last_month(&app).await;
    // 120 more orders on the same day: more lines than one page holds.
    let at = placed - Duration::hours(1);
    for _ in 0..120 {
        app.purchase(shop.customer, "ws2022-std")
            .placed_at(at)
            .await;
    }
    let v = app.signed_in(&shop.agent).await;
    let href = format!("/billing/invoices/{}/USD", Month::of(placed).code());
    let page = v.get(&href).await;
    let number = figure(&page.body, "invoice-number");
    assert!(number.starts_with("CD-"));
    let (status, headers, pdf) = v.get_bytes(&format!("{href}/pdf")).await;
    assert_eq!(status, 200);
    assert!(
        headers.get("content-length").is_none(),
        "sent as it is written, not built first"
    );
    let text = crate::support::pdf::text(&pdf);
    assert!(text.contains(&number), "{text}");
    assert!(text.contains(&figure(&page.body, "invoice-issued-on")));
    let pages = crate::support::pdf::pages(&pdf);
    assert!(pages >= 2, "{pages} pages");
    assert!(text.contains(&format!("Page {pages}")));
    assert_eq!(text.matches("Windows Server 2022 Standard").count(), 121);
}

/// Billing and an invoice page send the same statements whether the partner has one small
/// invoice or a big month and several months: nothing is read per order or per line.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn billing_pages_send_the_same_statements_whatever_the_partners_size() {
    use crate::support::ordering::queries_for;
    let app = TestApp::spawn().await;
    let month = Month::of(app.clock.now());
    let small = app.shop().await;
    app.purchase(small.customer, "ws2022-std")
        .placed_at(month.start())
        .await;
    let (big, placed) = bought_last_month(&app).await;
    for _ in 0..40 {
        app.purchase(big.customer, "ws2022-std")
            .placed_at(month.start())
            .await;
    }
    let turkish = app
        .customer(big.partner)
        .market("TR", cspdesk::money::Currency::Try)
        .await;
    app.purchase(turkish, "ws2022-std").placed_at(placed).await;
    let (on_small, on_big) = (
        app.signed_in(&small.agent).await,
        app.signed_in(&big.agent).await,
    );
    let invoice = format!("/billing/invoices/{}/USD", month.code());
    for path in ["/billing", invoice.as_str()] {
        let few = queries_for(&app, &on_small, path).await;
        let many = queries_for(&app, &on_big, path).await;
        assert_eq!(few, many, "{path}");
        assert!((1..=8).contains(&many), "{path}: {many} statements");
    }
    // Nothing is left to issue this month: the list reads the session, then the chart's
    // months, a page of invoices and how far they reach in one statement.
    assert_eq!(queries_for(&app, &on_big, "/billing").await, 2);
    // Once the month has ended, the next view issues its invoices.
    let open: Vec<Option<i64>> = invoices_of(&app, &big).await.iter().map(|i| i.4).collect();
    assert!(
        open.iter().any(Option::is_none),
        "this month's invoice is open"
    );
    app.clock.advance(Duration::days(32));
    let on_big = app.signed_in(&big.agent).await;
    assert_eq!(on_big.get("/billing").await.status, 200);
    let numbers: Vec<Option<i64>> = invoices_of(&app, &big).await.iter().map(|i| i.4).collect();
    assert!(numbers.iter().all(Option::is_some), "{numbers:?}");
}

/// The lines of the partner's invoice of this month in USD: (charges, credits as a positive
/// sum, lines), added up from the lines themselves.
async fn summed_lines(app: &TestApp, shop: &Shop, month: &str) -> (i64, i64, i64) {
    #[derive(diesel::QueryableByName)]
    struct Sums {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        charges: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        credits: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        lines: i64,
    }
    let s: Sums = diesel::sql_query(
        "SELECT coalesce(sum(l.amount_minor) FILTER (WHERE l.kind = 'charge'), 0)::bigint AS charges,
                coalesce(-sum(l.amount_minor) FILTER (WHERE l.kind <> 'charge'), 0)::bigint AS credits,
                count(*) AS lines
           FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
          WHERE i.partner_id = $1 AND i.currency = 'USD' AND i.month::text = $2",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.partner)
    .bind::<diesel::sql_types::Text, _>(month)
    .get_result(&mut app.conn().await)
    .await
    .unwrap();
    (s.charges, s.credits, s.lines)
}

/// Orders and cancellations of one partner no longer wait for each other on the open invoice:
/// each adds to a tally of its own connection. Placed and cancelled all at once from many
/// connections, the invoice's totals are still exactly its lines, while open and once issued.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simultaneous_orders_and_credits_add_up_to_exactly_the_invoices_lines() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = crate::support::api::token(&app, shop.partner, &["orders:write"]).await;
    let path = format!("/v1/customers/{}/orders", shop.customer);
    let body = serde_json::json!({ "lineItems": [
        { "lineItemNumber": 0, "offerId": "ws2022-std:0001:0001", "quantity": 1 },
        { "lineItemNumber": 1, "offerId": "sql2022-std:0001:0001", "quantity": 2 },
    ]});
    let placed = futures_util::future::join_all((0..16).map(|_| api.post(&path, &body))).await;
    let ids: Vec<String> = placed
        .iter()
        .map(|p| {
            assert_eq!(p.status, 201, "{:?}", p.json);
            p.json["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let cancel = serde_json::json!({ "status": "cancelled" });
    let paths: Vec<String> = ids[..8].iter().map(|id| format!("{path}/{id}")).collect();
    let cancelled =
        futures_util::future::join_all(paths.iter().map(|p| api.patch(p, &cancel))).await;
    assert!(cancelled.iter().all(|c| c.status == 200));
    // Both products of each order were cancelled in one request: the order is cancelled, every
    // line at quantity 0.
    for c in &cancelled {
        assert_eq!(c.json["status"], "cancelled", "{:?}", c.json);
        let lines = c.json["lineItems"].as_array().unwrap();
        assert!(
            lines.len() == 2 && lines.iter().all(|l| l["quantity"] == 0),
            "{lines:?}"
        );
    }

    let month = Month::of(app.clock.now()).first_day().to_string();
    let (charges, credits, lines) = summed_lines(&app, &shop, &month).await;
    assert_eq!(
        lines,
        16 * 2 + 8 * 2,
        "a charge per line, a credit per cancelled line"
    );
    assert!(credits > 0 && charges > credits);
    let open = invoices_of(&app, &shop).await;
    let row = open.iter().find(|i| i.0 == month && i.1 == "USD").unwrap();
    assert_eq!((row.2, row.3, row.4), (charges, credits, None));

    // Issued: its row alone now holds the same totals, and they stay.
    app.clock.advance(Duration::days(32));
    let v = app.signed_in(&shop.agent).await;
    assert_eq!(v.get("/billing").await.status, 200);
    let issued = invoices_of(&app, &shop).await;
    let row = issued
        .iter()
        .find(|i| i.0 == month && i.1 == "USD")
        .unwrap();
    assert_eq!((row.2, row.3), (charges, credits));
    assert!(row.4.is_some(), "issued");
}

/// Every language's PDF carries its own words, Chinese and Korean included (the fallback
/// font draws what DejaVu Sans lacks), and its money as the language writes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invoice_pdf_is_readable_in_every_language() {
    use cspdesk::i18n::Lang;
    let app = TestApp::spawn().await;
    let shop = crate::support::fixtures::turkish_shop(&app).await;
    let month = Month::of(app.clock.now());
    app.order(shop.customer)
        .line("sql2022-std", 2)
        .placed_at(month.start())
        .await;
    let v = app.signed_in(&shop.agent).await;
    let href = format!("/billing/invoices/{}/TRY", month.code());
    let plain = |s: &str| s.replace(['\u{a0}', '\u{202f}'], " ");
    for lang in Lang::OFFERED {
        let chosen = v
            .post("/preferences/language", &[("lang", lang.code())])
            .await;
        assert_eq!(chosen.status, 303);
        let page = v.get(&href).await;
        let charges = figure(&page.body, "invoice-charges");
        let (status, _, pdf) = v.get_bytes(&format!("{href}/pdf")).await;
        assert_eq!(status, 200);
        let text = plain(&crate::support::pdf::text(&pdf));
        for want in [
            lang.t("invoice-charges"),
            lang.t("invoice-net"),
            month.label(*lang),
            charges,
        ] {
            assert!(
                text.contains(&plain(&want)),
                "{}: {want:?} in {text}",
                lang.code()
            );
        }
    }
}
