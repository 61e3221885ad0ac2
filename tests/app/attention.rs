//! The home page's "Needs attention" figures for partner staff, the lists they lead to, and who
//! sees which.

use chrono::Duration;
use cspdesk::auth::Role;
use cspdesk::clock::Clock;

use crate::support::TestApp;
use crate::support::fixtures_people::other_shop;
use crate::support::ordering::order_number;
use crate::support::requests::file_request;
use crate::support::software::make_link;

/// The number a figure shows.
fn figure(page: &str, test: &str) -> String {
    let start = page
        .find(&format!("data-test=\"{test}\""))
        .unwrap_or_else(|| panic!("no {test}"));
    let rest = &page[start..];
    let count = rest.find("figure-count\">").unwrap() + "figure-count\">".len();
    rest[count..].split('<').next().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_says_what_needs_attention_and_each_figure_leads_to_its_list() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    // A link made 13 days ago expires tomorrow; one made today does not count.
    let linked = app.purchase(shop.customer, "ws2022-std").days_old(40).await;
    make_link(&app, &agent, linked).await;
    app.clock.advance(Duration::days(13));
    // A session does not last 13 days: sign in again.
    let agent = app.signed_in(&shop.agent).await;
    make_link(&app, &agent, linked).await;
    // Windows: ends in 2 days (counted), in 20 days, passed, never, one already cancelled, and
    // a reservation (cancelled from its own page, not the Software tab).
    let ending = app.purchase(shop.customer, "ws2022-std").days_old(28).await;
    app.purchase(shop.customer, "azure-ri-d2sv5-1y")
        .days_old(28)
        .await;
    app.purchase(shop.customer, "ws2022-std").days_old(10).await;
    app.purchase(shop.customer, "suse-sles-1y")
        .days_old(28)
        .await;
    let cancelled = app
        .purchase(shop.customer, "sql2022-std")
        .days_old(28)
        .await;
    crate::support::ordering::cancel(&agent, cancelled).await;
    // Two requests filed; support asks the partner about one.
    let number = order_number(&app, linked.order).await;
    let tenant = shop.customer.to_string();
    for title in ["Waiting on us", "Still with support"] {
        file_request(&agent, &tenant, &number, title).await;
    }
    crate::support::requests::wait_on_partner(&app, "Waiting on us").await;

    let home = agent.get("/").await;
    assert_eq!(home.status, 200, "{}", home.body);
    let home = home.body;
    assert_eq!(figure(&home, "figure-waiting"), "1");
    assert_eq!(figure(&home, "figure-ending"), "1");
    assert_eq!(figure(&home, "figure-expiring"), "1");
    for (test, href) in [
        ("figure-waiting", "/support?status=waiting_for_partner"),
        ("figure-ending", "/attention#ending"),
        ("figure-expiring", "/attention#expiring"),
    ] {
        assert!(
            home.contains(&format!("href=\"{href}\" data-test=\"{test}\"")),
            "{test}"
        );
    }
    let month = app.clock.now().format("%Y-%m").to_string();
    assert!(home.contains(&format!("href=\"/billing/invoices/{month}/USD\"")));
    assert!(home.contains("USD: $"));

    let waiting = agent.get("/support?status=waiting_for_partner").await;
    assert!(waiting.contains("Waiting on us") && !waiting.contains("Still with support"));
    let all = agent.get("/support").await;
    assert!(all.contains("Waiting on us") && all.contains("Still with support"));

    let page = agent.get("/attention").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.body.matches("data-test=\"ending-row\"").count(), 1);
    let ending_number = order_number(&app, ending.order).await;
    assert!(page.contains(&format!("<td>{ending_number}</td>")));
    assert!(page.contains(&format!("{}/cancel", ending.path())));
    assert_eq!(page.body.matches("data-test=\"expiring-row\"").count(), 1);
    assert!(page.contains(&format!("href=\"{}\"", linked.path())));

    // A Sales agent sees what it may follow: no links, no billing, nothing to cancel.
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let sales = app.signed_in(&sales).await;
    let home = sales.get("/").await.body;
    assert_eq!(figure(&home, "figure-ending"), "1");
    assert!(!home.contains("figure-expiring") && !home.contains("/billing/invoices/"));
    let page = sales.get("/attention").await;
    assert!(!page.contains("data-test=\"expiring\"") && !page.contains("/cancel\""));
    // The customer's own admin and another partner see none of it.
    let customer_admin = app
        .user(shop.partner)
        .customer(shop.customer)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let own = app.signed_in(&customer_admin).await;
    assert!(!own.get("/").await.contains("data-test=\"overview\""));
    assert_eq!(own.get("/attention").await.status, 403);
    let rival = other_shop(&app).await;
    let rival = app.signed_in(&rival.agent).await;
    let home = rival.get("/").await.body;
    assert_eq!(figure(&home, "figure-ending"), "0");
    assert_eq!(figure(&home, "figure-waiting"), "0");
    assert_eq!(
        rival.get("/attention").await.body.matches("-row\"").count(),
        0
    );
}

/// The rows of one of the page's lists, as (first cell, order number) pairs.
fn listed(body: &str, test: &str) -> Vec<String> {
    body.match_indices(&format!("data-test=\"{test}\""))
        .map(|(at, _)| {
            let row = &body[at..];
            row[..row.find("</tr>").unwrap()].to_string()
        })
        .collect()
}

/// Each list shows 25 rows at a time, soonest first, and continues by its own cursor without
/// skipping or repeating a row, even when many windows end at the same instant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_list_turns_its_pages_soonest_first_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    let linked = app.purchase(shop.customer, "ws2022-std").days_old(40).await;
    for _ in 0..26 {
        make_link(&app, &agent, linked).await;
    }
    app.clock.advance(Duration::days(13));
    let agent = app.signed_in(&shop.agent).await;
    let mut numbers = Vec::new();
    for i in 0..27 {
        // Three at each instant: the ties are ordered by the line.
        let at = app.clock.now() - Duration::days(29) + Duration::hours(i / 3);
        let bought = app
            .purchase(shop.customer, "ws2022-std")
            .placed_at(at)
            .await;
        numbers.push(order_number(&app, bought.order).await);
    }
    assert_eq!(figure(&agent.get("/").await.body, "figure-expiring"), "26");

    let first = agent.get("/attention").await;
    assert_eq!(first.status, 200);
    let rows = listed(&first.body, "ending-row");
    assert_eq!(rows.len(), 25);
    assert!(!first.contains("data-test=\"ending-soonest\""));
    assert_eq!(listed(&first.body, "expiring-row").len(), 25);
    let later = crate::support::html::unescape(&link(&first.body, "ending-later"));
    assert!(later.starts_with("/attention?ending_after="), "{later}");
    let second = agent.get(&later).await;
    assert_eq!(second.status, 200);
    let rest = listed(&second.body, "ending-row");
    assert_eq!(rest.len(), 2);
    assert!(!second.contains("data-test=\"ending-later\""));
    assert_eq!(link(&second.body, "ending-soonest"), "/attention#ending");
    // Every purchase once, soonest first (the three of an instant in any order).
    let shown: Vec<&String> = rows.iter().chain(&rest).collect();
    for (instant, three) in numbers.chunks(3).zip(shown.chunks(3)) {
        for n in instant {
            let cell = format!("<td>{n}</td>");
            assert_eq!(three.iter().filter(|r| r.contains(&cell)).count(), 1, "{n}");
        }
    }
    // The other list starts at its soonest on a page of the first, and goes on by itself.
    assert_eq!(listed(&second.body, "expiring-row").len(), 25);
    let later = crate::support::html::unescape(&link(&first.body, "expiring-later"));
    let last = agent.get(&later).await;
    assert_eq!(listed(&last.body, "expiring-row").len(), 1);
    assert_eq!(listed(&last.body, "ending-row").len(), 25);
}

/// The address a link with this `data-test` goes to.
fn link(body: &str, test: &str) -> String {
    let at = body
        .find(&format!("data-test=\"{test}\""))
        .unwrap_or_else(|| panic!("no {test}"));
    let before = &body[..at];
    let href = &before[before.rfind("href=\"").unwrap() + 6..];
    href[..href.find('"').unwrap()].to_string()
}

/// An expiring link names its customer and product, kept on the link when it is made; a link
/// made before they were kept gets them from the migration that keeps them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expiring_link_names_its_customer_and_product_made_before_or_after_they_were_kept() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    let linked = app.purchase(shop.customer, "ws2022-std").days_old(40).await;
    make_link(&app, &agent, linked).await;
    let conn = crate::support::db::before_migration(&app.database_url(), "20261220000046").await;
    drop(crate::support::db::migrated(conn));
    make_link(&app, &agent, linked).await;
    app.clock.advance(Duration::days(13));
    let agent = app.signed_in(&shop.agent).await;

    use cspdesk::db::schema::{customers, order_lines};
    let mut conn = app.conn().await;
    let customer: String = customers::table
        .find(shop.customer)
        .select(customers::company_name)
        .first(&mut conn)
        .await
        .unwrap();
    let product: String = order_lines::table
        .find(linked.line)
        .select(order_lines::product_name)
        .first(&mut conn)
        .await
        .unwrap();
    let page = agent.get("/attention").await;
    let rows = listed(&page.body, "expiring-row");
    assert_eq!(rows.len(), 2, "{}", page.body);
    for row in rows {
        let row = crate::support::html::unescape(&row);
        assert!(row.contains(&customer) && row.contains(&product), "{row}");
    }
}
