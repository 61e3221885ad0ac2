//! Every page the benchmark measures sends as many statements to the database on ten times the
//! data as on a tenth of it: a page that starts reading row by row (one statement per order,
//! per customer, per record) fails here, deterministically, before any benchmark would show it.

use cspdesk::seed::bench::Size;

use crate::support::ordering::{older_link, queries_for};
use crate::support::{TestApp, Visitor, demo};

/// Enough of everything for two pages of each list on the smaller set.
const SMALL: Size = Size {
    customers: 30,
    big_orders: 60,
    orders: 300,
    activity_per_partner: 300,
    support_requests: 90,
};

const LARGE: Size = Size {
    customers: 300,
    big_orders: 600,
    orders: 3_000,
    activity_per_partner: 3_000,
    support_requests: 900,
};

/// The signed-in visitors the benchmark uses: the Admin agent, the Global admin, a customer's
/// admin and the support engineer.
struct People {
    agent: Visitor,
    admin: Visitor,
    tenant: Visitor,
    support: Visitor,
}

/// A page as the benchmark names it, and the statements it took.
type Counted = Vec<(&'static str, u64)>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_sends_the_same_statements_on_ten_times_the_data() {
    let small = counted(SMALL).await;
    let large = counted(LARGE).await;
    let differ: Vec<String> = small
        .iter()
        .zip(&large)
        .filter(|(s, l)| s != l)
        .map(|((name, s), (_, l))| format!("{name}: {s} statements, {l} on ten times the data"))
        .collect();
    assert_eq!(small.len(), large.len());
    assert!(differ.is_empty(), "{differ:#?}");
    assert!(small.len() >= 35, "{small:?}");
}

/// Seeds `size` and counts the statements of every page the benchmark measures.
async fn counted(size: Size) -> Counted {
    let app = TestApp::spawn().await;
    let now = cspdesk::clock::Clock::now(app.clock.as_ref());
    let mut conn = app.conn().await;
    let tenant = cspdesk::seed::bench::insert(&mut conn, now, size)
        .await
        .expect("bench data");
    cspdesk::seed::bench_activity::insert(&mut conn, now, size.activity_per_partner)
        .await
        .expect("bench activity");
    drop(conn);
    let people = People {
        agent: app.signed_in(demo::ADMIN).await,
        admin: app.signed_in(demo::GLOBAL).await,
        tenant: app.signed_in("admin@adatum.test").await,
        support: app.signed_in("support@cspdesk.test").await,
    };
    let mut counted = Counted::new();
    for (name, who, path) in pages(&people, &tenant.to_string(), now).await {
        counted.push((name, queries_for(&app, who, &path).await));
    }
    counted
}

/// The benchmark's pages (`setup/bench`), found by following the pages' own links.
async fn pages<'a>(
    p: &'a People,
    tenant: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<(&'static str, &'a Visitor, String)> {
    let customer = format!("/customers/{tenant}");
    let bought = first_link(&p.agent, &customer, &format!("{customer}/software/")).await;
    let order = first_link(
        &p.agent,
        &format!("{customer}/orders"),
        &format!("{customer}/orders/"),
    )
    .await;
    let month = last_month(now);
    let invoice = format!("/billing/invoices/{month}/USD");
    let request = first_link(&p.agent, "/support", "/support/requests/").await;
    let user = first_link(&p.admin, "/account/users", "/account/users/").await;
    let own = first_link(
        &p.tenant,
        "/your-products/software",
        "/your-products/software/",
    )
    .await;
    let queued = first_link(&p.support, "/console", "/console/requests/").await;
    let log = "/account/activity";
    vec![
        ("Home", &p.agent, "/".to_string()),
        ("Software tab, first page", &p.agent, customer.clone()),
        (
            "Software tab, second page",
            &p.agent,
            older(&p.agent, &customer).await,
        ),
        ("A purchase", &p.agent, bought.clone()),
        ("A purchase: Get key", &p.agent, format!("{bought}/key")),
        (
            "A purchase: the Cancel dialog",
            &p.agent,
            format!("{bought}/cancel"),
        ),
        ("Order history", &p.agent, format!("{customer}/orders")),
        (
            "Order history, second page",
            &p.agent,
            older(&p.agent, &format!("{customer}/orders")).await,
        ),
        ("An order", &p.agent, order),
        ("Add products", &p.agent, format!("{customer}/add-products")),
        ("Review", &p.agent, format!("{customer}/review")),
        ("Customers", &p.agent, "/customers".to_string()),
        (
            "Customers, second page",
            &p.agent,
            older(&p.agent, "/customers").await,
        ),
        (
            "Customers, search",
            &p.agent,
            "/customers?q=bench-0000".to_string(),
        ),
        ("Add customer", &p.agent, "/customers/new".to_string()),
        ("Billing", &p.agent, "/billing".to_string()),
        ("An invoice", &p.agent, invoice.clone()),
        (
            "An invoice, second page",
            &p.agent,
            older(&p.agent, &invoice).await,
        ),
        ("Support requests", &p.agent, "/support".to_string()),
        (
            "Support requests, second page",
            &p.agent,
            older(&p.agent, "/support").await,
        ),
        ("A support request", &p.agent, request),
        (
            "New support request",
            &p.agent,
            "/support/requests/new".to_string(),
        ),
        ("Account settings", &p.agent, "/account".to_string()),
        ("Change password", &p.agent, "/account/password".to_string()),
        ("Activity log", &p.admin, log.to_string()),
        (
            "Activity log, second page",
            &p.admin,
            older(&p.admin, log).await,
        ),
        (
            "Activity log, downloads by link",
            &p.admin,
            format!("{log}?op=link_used&user=link"),
        ),
        ("User management", &p.admin, "/account/users".to_string()),
        ("A user", &p.admin, user),
        ("Add user", &p.admin, "/account/users/new".to_string()),
        (
            "Your products: Software",
            &p.tenant,
            "/your-products/software".to_string(),
        ),
        (
            "Your products: who accessed keys and files",
            &p.tenant,
            "/your-products/access".to_string(),
        ),
        ("Your products: a purchase", &p.tenant, own.clone()),
        ("Your products: Get key", &p.tenant, format!("{own}/key")),
        ("Support console", &p.support, "/console".to_string()),
        (
            "Support console, second page",
            &p.support,
            older(&p.support, "/console").await,
        ),
        ("Support console: a request", &p.support, queued),
    ]
}

/// The first link on `page` to `prefix` followed by an id, and nothing more.
async fn first_link(v: &Visitor, page: &str, prefix: &str) -> String {
    let body = v.get(page).await.body;
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| {
            href.strip_prefix(prefix)
                .is_some_and(|id| uuid::Uuid::parse_str(id).is_ok())
        })
        .unwrap_or_else(|| panic!("{page} links to nothing under {prefix}"))
        .to_string()
}

/// The address of the "Older" link of the list at `page`.
async fn older(v: &Visitor, page: &str) -> String {
    let resp = v.get(page).await;
    assert_eq!(resp.status, 200, "{page}: {resp:?}");
    older_link(&resp.body).unwrap_or_else(|| panic!("{page} has no second page"))
}

fn last_month(now: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Months};
    let first = now.date_naive().with_day(1).unwrap();
    (first - Months::new(1)).format("%Y-%m").to_string()
}
