//! Every page the benchmark measures sends as many statements to the database on ten times the
//! data as on a tenth of it: a page that starts reading row by row (one statement per order,
//! per customer, per record) fails here, deterministically, before any benchmark would show it.

use cspdesk::seed::bench::Size;

use crate::support::TestApp;
use crate::support::ordering::queries_for;
use crate::support::pages::{People, pages, seed};

/// Enough of everything for two pages of each list on the smaller set.
pub const SMALL: Size = Size {
    customers: 30,
    big_orders: 60,
    orders: 300,
    activity_per_partner: 300,
    support_requests: 90,
    api_tokens: 30,
    tenant_access: 30,
};

const LARGE: Size = Size {
    customers: 300,
    big_orders: 600,
    orders: 3_000,
    activity_per_partner: 3_000,
    support_requests: 900,
    api_tokens: 300,
    tenant_access: 300,
};

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
    let tenant = seed(&app, size, now).await;
    let people = People::sign_in(&app).await;
    let mut counted = Counted::new();
    for (name, who, path) in pages(&people, &tenant.to_string(), now).await {
        counted.push((name, queries_for(&app, people.get(who), &path).await));
    }
    counted
}
