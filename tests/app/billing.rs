//! Billing: monthly invoices with their order lines and cancellation credits, open and issued
//! months, and the CSV (streamed in batches, equal to the page).

use chrono::{DateTime, Duration, Utc};
use cspdesk::auth::Role;
use cspdesk::billing::rules::Month;
use cspdesk::clock::Clock;
use cspdesk::db::schema::{credits, customers, order_lines, orders};
use cspdesk::ids::{OrderId, PartnerId};
use cspdesk::money::Currency;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::build::placed_at;
use crate::support::fixtures::turkish_shop;
use crate::support::fixtures_orders::{monthly_invoices, partner_with_agent};
use crate::support::{Shop, TestApp};

/// What the partner was charged in `month` in `currency`, read straight from the tables.
async fn charged(app: &TestApp, partner: PartnerId, month: Month, currency: &str) -> (i64, i64) {
    let rows: Vec<(i64, i32)> = order_lines::table
        .inner_join(orders::table.inner_join(customers::table))
        .filter(orders::partner_id.eq(partner))
        .filter(orders::currency.eq(currency))
        .filter(orders::placed_at.ge(month.start()))
        .filter(orders::placed_at.lt(month.end()))
        .select((order_lines::unit_price_minor, order_lines::quantity))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    let total = rows.iter().map(|(u, q)| u * i64::from(*q)).sum();
    (rows.len() as i64, total)
}

/// A shop whose customer is Fourth Coffee, in Hungary, billed in forints.
async fn hungarian_shop(app: &TestApp) -> Shop {
    let shop = app.shop().await;
    let customer = app
        .customer(shop.partner)
        .named("Fourth Coffee")
        .market("HU", Currency::Huf)
        .await;
    Shop { customer, ..shop }
}

/// Another partner, with an Admin agent and a customer but no orders; the agent's e-mail.
async fn fabrikam(app: &TestApp) -> String {
    let (partner, agent) = partner_with_agent(app, "Fabrikam").await;
    app.customer(partner).named("Lamna Healthcare").await;
    agent
}

fn shown(minor: i64, currency: &str) -> String {
    let currency = cspdesk::money::Currency::from_code(currency).unwrap();
    cspdesk::money::display(minor, currency, cspdesk::i18n::Lang::En)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_is_a_credit_line_on_this_months_open_invoice_and_in_its_csv() {
    let app = TestApp::spawn().await;
    // A 2-day-old order of 2 SQL Server 2022 Standard and a Windows Server 2022 Standard.
    let shop = hungarian_shop(&app).await;
    let order = app
        .order(shop.customer)
        .line("sql2022-std", 2)
        .line("ws2022-std", 1)
        .days_old(2)
        .await;
    let b = order.purchases[1];
    let currency: String = customers::table
        .find(b.customer)
        .select(customers::currency)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(currency, "HUF", "Fourth Coffee bills in forints");
    let v = app.signed_in(&shop.agent).await;
    let done = v
        .post(
            &b.cancel_path(),
            &[("order", &b.order.to_string()), ("acknowledge", "yes")],
        )
        .await;
    assert_eq!(done.status, 303);
    let credit: i64 = credits::table
        .select(credits::amount_minor)
        .first(&mut app.conn().await)
        .await
        .unwrap();

    let month = Month::of(app.clock.now());
    let billing = app.user(shop.partner).roles(&[Role::BillingAdmin]).await;
    let billing = app.signed_in(&billing).await;
    let list = billing.get("/billing").await;
    assert_eq!(list.status, 200);
    let label = month.label(cspdesk::i18n::Lang::En);
    assert!(list.contains(&label), "{}", list.body);
    assert!(list.contains("<span class=\"tag\">open</span>"));

    let href = format!("/billing/invoices/{}/HUF", month.code());
    assert!(list.contains(&href));
    let page = billing.get(&href).await;
    assert_eq!(page.status, 200);
    let (lines, charges) = charged(&app, shop.partner, month, "HUF").await;
    assert!(page.contains(&format!(
        "data-test=\"invoice-charges\">{}<",
        shown(charges, "HUF")
    )));
    assert!(page.contains(&format!(
        "data-test=\"invoice-credits\">{}<",
        shown(-credit, "HUF")
    )));
    assert!(page.contains(&format!(
        "data-test=\"invoice-net\"><strong>{}<",
        shown(charges - credit, "HUF")
    )));
    assert_eq!(page.body.matches("data-test=\"credit-line\"").count(), 1);
    assert_eq!(
        page.body.matches("data-test=\"charge-line\"").count() as i64,
        lines
    );
    assert!(page.contains("Credit: cancellation"));
    assert!(page.contains("Fourth Coffee"));

    let csv = billing.get(&format!("{href}/csv")).await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"invoice-")
    );
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "Date (UTC)");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len() as i64, lines + 1);
    let credit_row = rows
        .iter()
        .find(|r| &r[1] == "Credit: cancellation")
        .expect("the credit is in the CSV");
    assert_eq!(&credit_row[3], b.customer.to_string());
    assert_eq!(
        &credit_row[7],
        cspdesk::billing::export::plain_amount(-credit, cspdesk::money::Currency::Huf)
    );
    let sum: i64 = rows
        .iter()
        .map(|r| r[7].replace('.', "").parse::<i64>().unwrap())
        .sum();
    assert_eq!(
        sum,
        charges - credit,
        "the CSV adds up to the invoice total"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_months_are_issued_and_partners_see_only_their_own() {
    let app = TestApp::spawn().await;
    // The month of Fourth Coffee's 2-day-old order, seen from over a month later.
    let shop = hungarian_shop(&app).await;
    let b = app.purchase(shop.customer, "ws2022-std").days_old(2).await;
    let placed = placed_at(&app, b.order).await;
    let month = Month::of(placed);
    app.clock.advance(Duration::days(35));
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let v = app.signed_in(&global).await;
    let page = v
        .get(&format!("/billing/invoices/{}/HUF", month.code()))
        .await;
    assert_eq!(page.status, 200);
    assert!(page.contains("data-test=\"invoice-status\">issued<"));
    let list = v.get("/billing").await;
    assert!(list.contains(&format!("{}</a>", month.label(cspdesk::i18n::Lang::En))));
    assert!(list.contains("<td>issued</td>"), "{}", list.body);
    assert!(page.contains("Fourth Coffee"));

    // The new month, with nothing in it yet, is open in Contoso's currencies: listed once all
    // currencies are asked for.
    let now = Month::of(app.clock.now()).label(cspdesk::i18n::Lang::En);
    let open = format!("{now}</a></td>\n    <td>HUF</td>\n    <td><span class=\"tag\">open");
    assert!(!list.contains(&open), "{}", list.body);
    let all = v.get("/billing?all=1").await;
    assert!(all.contains(&open), "{}", all.body);

    // Another partner's list and invoice have none of Contoso's.
    let fabrikam = app.signed_in(&fabrikam(&app).await).await;
    let theirs = fabrikam.get("/billing").await;
    assert!(theirs.contains("data-test=\"billing-empty\""));
    assert!(!theirs.contains("HUF"));
    let theirs = fabrikam
        .get(&format!("/billing/invoices/{}/HUF", month.code()))
        .await;
    assert_eq!(theirs.status, 200);
    assert!(!theirs.contains("Fourth Coffee"));
    assert!(!theirs.contains("data-test=\"charge-line\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invoice_addresses_that_name_no_invoice_are_not_found() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let next = Month::of(app.clock.now()).next();
    for path in [
        "/billing/invoices/2026-13/USD".to_string(),
        "/billing/invoices/2026-1/USD".to_string(),
        "/billing/invoices/2026-11/XYZ".to_string(),
        "/billing/invoices/2026-11/usd".to_string(),
        format!("/billing/invoices/{}/USD", next.code()),
        format!("/billing/invoices/{}/USD/csv", next.code()),
        "/billing/invoices/%00/USD".to_string(),
    ] {
        assert_eq!(v.get(&path).await.status, 404, "{path}");
    }
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let sales = app.signed_in(&sales).await;
    assert_eq!(sales.get("/billing").await.status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_month_streams_every_line_once_in_batches_with_equal_timestamps() {
    let app = TestApp::spawn().await;
    let shop = turkish_shop(&app).await;
    // 700 orders of 2 lines, all placed at the same instant of March 2025.
    diesel::sql_query(
        "WITH o AS (
             INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency,
                                 idempotency_token)
             SELECT gen_random_uuid(), c.partner_id, c.id, u.id, '2025-03-15T12:00:00Z',
                    c.currency, gen_random_uuid()
             FROM customers c, users u, generate_series(1, 700)
             WHERE c.id = $2 AND u.email = $1
             RETURNING id, partner_id, currency)
         INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id,
                                  product_name, family, licence_kind, term_months, quantity,
                                  unit_price_minor, currency, tax_included, tax_rate_bp)
         SELECT gen_random_uuid(), o.id, o.partner_id, n, p.id, p.name, p.family,
                p.licence_kind, p.term_months, 1, 1000 + n, o.currency, false, 0
         FROM o, products p, generate_series(0, 1) AS n
         WHERE p.sku = 'ws2022-std'",
    )
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .bind::<diesel::sql_types::Uuid, _>(shop.customer)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    // Placing them one by one would have charged each on the month's invoice.
    charge_on_invoices(&app, shop.customer).await;
    let v = app.signed_in(&shop.agent).await;
    let page = v.get("/billing/invoices/2025-03/TRY").await;
    assert_eq!(page.status, 200);
    assert!(page.contains(&format!(
        "data-test=\"invoice-charges\">{}<",
        shown(700 * 2001, "TRY")
    )));
    assert!(page.contains("1,400 lines"));
    // Pages of 50 by keyset through lines of one instant: each line once, every page with the
    // statements of the first.
    let pages =
        crate::support::ordering::keyset_pages(&app, &v, "/billing/invoices/2025-03/TRY").await;
    let counts: Vec<usize> = pages
        .iter()
        .map(|p| p.body.matches("data-test=\"charge-line\"").count())
        .collect();
    assert_eq!(counts, vec![50; 28]);
    let csv = v.get("/billing/invoices/2025-03/TRY/csv").await;
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.body.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 1400);
    let sum: i64 = rows
        .iter()
        .map(|r| r[7].replace('.', "").parse::<i64>().unwrap())
        .sum();
    assert_eq!(sum, 700 * 2001);
    assert_eq!(rows.iter().filter(|r| &r[7] == "10.01").count(), 700);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_credit_goes_on_the_invoice_of_the_month_it_is_given_not_the_orders() {
    let app = TestApp::spawn().await;
    // A one-year Datacenter subscription, bought on the last day of last month and cancelled
    // 25 hours later, in this month.
    let shop = turkish_shop(&app).await;
    let this_month = Month::of(app.clock.now());
    let placed = this_month.start() - Duration::hours(1);
    let b = app
        .purchase(shop.customer, "ws2022-dc-1y")
        .quantity(4)
        .placed_at(placed)
        .await;
    let now = this_month.start() + Duration::hours(24);
    app.clock.advance(now - app.clock.now());
    let v = app.signed_in(&shop.agent).await;
    let done = v
        .post(
            &b.cancel_path(),
            &[("order", &b.order.to_string()), ("acknowledge", "yes")],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let (unit, quantity): (i64, i32) = order_lines::table
        .find(b.line)
        .select((order_lines::unit_price_minor, order_lines::quantity))
        .first(&mut app.conn().await)
        .await
        .unwrap();
    let paid = unit * i64::from(quantity);
    let term = (placed.checked_add_months(chrono::Months::new(12)).unwrap() - placed).num_days();
    // One whole day used.
    let prorated = paid * (term - 1) / term;
    assert!(prorated < paid);

    let current = v
        .get(&format!("/billing/invoices/{}/TRY", this_month.code()))
        .await;
    let credit = format!(">{}</td>", shown(-prorated, "TRY"));
    assert!(current.contains(&credit), "{}", current.body);
    assert!(current.contains("data-test=\"credit-line\""));
    let last_month = Month::of(placed);
    let previous = v
        .get(&format!("/billing/invoices/{}/TRY", last_month.code()))
        .await;
    assert!(!previous.contains("data-test=\"credit-line\""));
    assert!(previous.contains(&format!(">{}</td>", shown(paid, "TRY"))));
}

/// Charges the customer's orders, inserted in bulk, on their invoices: each line at its price
/// times its quantity, as placing an order charges it.
async fn charge_on_invoices(app: &TestApp, customer: cspdesk::ids::CustomerId) {
    use cspdesk::db::schema::orders;
    let mut conn = app.conn().await;
    let placed: Vec<(OrderId, PartnerId, Currency, DateTime<Utc>)> = orders::table
        .filter(orders::customer_id.eq(customer))
        .select((
            orders::id,
            orders::partner_id,
            orders::currency,
            orders::placed_at,
        ))
        .load(&mut conn)
        .await
        .unwrap();
    for (order, partner, currency, at) in placed {
        let invoice = cspdesk::billing::ledger::open_invoice(&conn, partner, currency, at)
            .await
            .unwrap();
        diesel::sql_query(
            "INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer,
                                        customer_id, product, quantity, amount_minor,
                                        tax_included, tax_rate_bp)
             SELECT $1, 'charge', o.placed_at, l.id, o.number, c.company_name, c.id,
                    l.product_name, l.quantity, l.unit_price_minor * l.quantity,
                    l.tax_included, l.tax_rate_bp
               FROM order_lines l
               JOIN orders o ON o.id = l.order_id
               JOIN customers c ON c.id = o.customer_id
              WHERE o.id = $2",
        )
        .bind::<diesel::sql_types::Uuid, _>(invoice)
        .bind::<diesel::sql_types::Uuid, _>(order)
        .execute(&mut conn)
        .await
        .unwrap();
    }
}

/// Billing draws the last 12 months' charges and credits per currency (two bars a month, the
/// figures also in a table), hides open invoices with nothing in them behind "Show all
/// currencies", and narrows the list by currency and year.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn billing_charts_twelve_months_hides_empty_open_invoices_and_filters() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    let now = app.clock.now();
    // USD: this month, and a purchase cancelled within its window (a credit this month).
    app.purchase(shop.customer, "ws2022-std").days_old(1).await;
    let cancelled = app.purchase(shop.customer, "sql2022-std").days_old(2).await;
    crate::support::ordering::cancel(&agent, cancelled).await;
    // HUF: only before this month, so its open invoice is empty.
    let hungarian = app.customer(shop.partner).market("HU", Currency::Huf).await;
    app.purchase(hungarian, "ws2022-std")
        .placed_at(Month::of(now).start() - Duration::days(3))
        .await;

    let page = agent.get("/billing").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.body.matches("data-test=\"chart\"").count(),
        2,
        "USD and HUF"
    );
    assert_eq!(page.body.matches("class=\"bar-charges\"").count(), 24);
    assert_eq!(page.body.matches("class=\"bar-credits\"").count(), 24);
    // The tallest bar is the plot's full height; the table repeats every figure.
    assert!(page.contains("height=\"120\""));
    let month = Month::of(now).label(cspdesk::i18n::Lang::En);
    assert!(page.contains(&format!("<th scope=\"row\">{month}</th>")));
    assert!(page.contains("Charges and credits in USD, last 12 months"));

    let open_huf = format!("/billing/invoices/{}/HUF\"", Month::of(now).code());
    assert!(
        !page.contains(&open_huf),
        "the empty open HUF invoice is hidden"
    );
    assert!(page.contains("href=\"/billing?all=1\""));
    let all = agent.get("/billing?all=1").await;
    assert!(all.contains(&open_huf));

    let usd = agent.get("/billing?currency=USD").await;
    assert!(usd.contains("/USD\"") && !usd.contains("/HUF\""));
    assert_eq!(usd.body.matches("data-test=\"chart\"").count(), 1);
    let year = now.format("%Y").to_string();
    let this_year = agent.get(&format!("/billing?year={year}")).await;
    assert!(this_year.contains(&format!("<option value=\"{year}\" selected>")));
    let nonsense = agent.get("/billing?currency=XYZ&year=abc").await;
    assert_eq!(nonsense.status, 200);
    assert!(nonsense.contains("/USD\""));
}

/// The invoices a list page shows, in order, as (month, currency) from their links.
fn listed_invoices(body: &str) -> Vec<String> {
    body.match_indices("<tr data-test=\"invoice-row\">")
        .map(|(at, _)| {
            let row = &body[at..];
            let href = &row[row.find("href=\"/billing/invoices/").unwrap() + 24..];
            href[..href.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The "Older" link under the list, if there is one.
fn older_link(body: &str) -> Option<String> {
    let at = body.find("data-test=\"pager-older\"")?;
    let before = &body[..at];
    let href = &before[before.rfind("href=\"").unwrap() + 6..];
    Some(crate::support::html::unescape(
        &href[..href.find('"').unwrap()],
    ))
}

/// The list shows 24 invoices at a time, newest month first and by currency within a month,
/// and continues by its "Older" link without a gap or a repeat, keeping the currency or year
/// it is narrowed to.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_invoice_list_turns_its_pages_newest_first_keeping_its_filter() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let hungarian = app.customer(shop.partner).market("HU", Currency::Huf).await;
    let made = monthly_invoices(&app, &shop, Some(hungarian), 20).await;
    let mut expected: Vec<String> = made
        .iter()
        .map(|(m, c)| format!("{}/{c}", m.code()))
        .collect();
    // Within a month, HUF before USD.
    expected.sort_by(|a, b| b[..7].cmp(&a[..7]).then(a.cmp(b)));
    let agent = app.signed_in(&shop.agent).await;

    let first = agent.get("/billing").await;
    assert_eq!(first.status, 200);
    let mut shown = listed_invoices(&first.body);
    assert_eq!(shown.len(), 24);
    let older = older_link(&first.body).expect("an Older link");
    assert!(older.starts_with("/billing?after="), "{older}");
    let second = agent.get(&older).await;
    assert_eq!(second.status, 200);
    shown.extend(listed_invoices(&second.body));
    assert!(older_link(&second.body).is_none());
    assert!(second.contains("data-test=\"pager-newest\""));
    assert_eq!(shown, expected);

    // Narrowed to HUF: its ten invoices on one page; to a year: that year's only.
    let huf = agent.get("/billing?currency=HUF").await;
    let only: Vec<String> = expected
        .iter()
        .filter(|e| e.ends_with("HUF"))
        .cloned()
        .collect();
    assert_eq!(listed_invoices(&huf.body), only);
    assert!(older_link(&huf.body).is_none());
    let year = expected[23][..4].to_string();
    let of_year = agent.get(&format!("/billing?year={year}")).await;
    let in_year: Vec<String> = expected
        .iter()
        .filter(|e| e.starts_with(&year))
        .cloned()
        .collect();
    assert_eq!(listed_invoices(&of_year.body), in_year);
    // The pages of a filtered list keep its filter: with all currencies asked for, this
    // month's two open invoices head the first page, and the next page is the same as before.
    let all = agent.get("/billing?all=1").await;
    let rows = listed_invoices(&all.body);
    let this_month = Month::of(app.clock.now()).code();
    assert_eq!(
        rows[..2],
        [format!("{this_month}/HUF"), format!("{this_month}/USD")]
    );
    assert_eq!(rows[2..], expected[..24]);
    let older = older_link(&all.body).expect("an Older link");
    assert!(older.starts_with("/billing?all=1&after="), "{older}");
    assert_eq!(
        listed_invoices(&agent.get(&older).await.body),
        expected[24..]
    );
    // Nonsense in the cursor is the list's start; a cursor past its end shows nothing, with
    // the way back; a year no invoice can have shows nothing either.
    let nonsense = agent.get("/billing?after=nonsense").await;
    assert_eq!(listed_invoices(&nonsense.body), expected[..24]);
    let past = agent.get("/billing?after=2000-01.USD").await;
    assert_eq!(past.status, 200);
    assert!(listed_invoices(&past.body).is_empty());
    assert!(past.contains("data-test=\"pager-newest\""));
    let none = agent.get("/billing?year=1999").await;
    assert_eq!(none.status, 200);
    assert!(listed_invoices(&none.body).is_empty() && older_link(&none.body).is_none());
}

/// The options of a filter's `<select>`, in order, without the "any" one.
fn options(body: &str, id: &str) -> Vec<String> {
    let start = body.find(&format!("id=\"{id}\"")).expect("the filter");
    let select = &body[start..start + body[start..].find("</select>").unwrap()];
    select
        .match_indices("<option value=\"")
        .map(|(at, m)| {
            let value = &select[at + m.len()..];
            value[..value.find('"').unwrap()].to_string()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

/// The filter offers every currency the partner was ever billed in and every year since its
/// first invoice: kept by the database for invoices made before that was kept (the migration
/// fills them in), after it, and of an earlier month than any before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_filter_offers_every_currency_and_year_billed_however_long_ago() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let hungarian = app.customer(shop.partner).market("HU", Currency::Huf).await;
    let now = Month::of(app.clock.now());
    let ago = |months: usize| (0..months).fold(now, |m, _| m.previous());
    let on = |m: Month| m.start() + Duration::days(1);
    app.purchase(shop.customer, "ws2022-std")
        .placed_at(on(ago(3)))
        .await;
    let conn = crate::support::db::before_migration(&app.database_url(), "20261221000048").await;
    app.purchase(hungarian, "ws2022-std")
        .placed_at(on(ago(14)))
        .await;
    drop(crate::support::db::migrated(conn));
    app.purchase(shop.customer, "ws2022-std")
        .placed_at(on(ago(30)))
        .await;

    let agent = app.signed_in(&shop.agent).await;
    let page = agent.get("/billing").await;
    assert_eq!(page.status, 200);
    assert_eq!(options(&page.body, "filter-currency"), ["HUF", "USD"]);
    let years: Vec<String> = (ago(30).year()..=now.year())
        .rev()
        .map(|y| y.to_string())
        .collect();
    assert_eq!(options(&page.body, "filter-year"), years);
    // The oldest invoice is on the list, reached through the filter for its year.
    let oldest = format!("{}/USD", ago(30).code());
    let of_year = agent
        .get(&format!("/billing?year={}", ago(30).year()))
        .await;
    assert!(listed_invoices(&of_year.body).contains(&oldest));
    // Another partner's currencies are not offered.
    let other = app.shop().await;
    let theirs = app.signed_in(&other.agent).await.get("/billing").await;
    assert!(options(&theirs.body, "filter-currency").is_empty());
}
