//! Anonymous download requests cannot flood the activity log or the server: refusals of one
//! link are recorded once an hour with a count, and each client address has a rate limit.

use cspdesk::db::schema::activity;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::software::{copy_link, variant_id};
use crate::support::{Shop, TestApp};

/// A fresh link to a Windows Server purchase bought 88 days ago, made by the shop's Admin
/// agent: the shop, the purchase's page and the link.
async fn a_link(app: &TestApp) -> (Shop, String, String) {
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").days_old(88).await;
    let variant = variant_id(app, ws.line).await.to_string();
    let v = app.signed_in(&shop.agent).await;
    let link = copy_link(&v, &ws.path(), &variant).await;
    (shop, ws.path(), link)
}

async fn refusal_records(app: &TestApp) -> Vec<serde_json::Value> {
    activity::table
        .filter(activity::operation.eq("link_refused"))
        .order(activity::id)
        .select(activity::details)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_of_a_spent_link_are_recorded_once_an_hour_and_the_rest_counted() {
    let app = TestApp::spawn().await;
    let (shop, _, link) = a_link(&app).await;
    app.clock.advance(chrono::Duration::days(15));
    let stranger = app.visitor();
    let requests = (0..150).map(|_| stranger.get(&link));
    for res in futures_util::future::join_all(requests).await {
        assert_eq!(res.status, 410);
        assert!(res.contains("The link has expired"));
    }
    let records = refusal_records(&app).await;
    assert_eq!(records.len(), 1, "one record for the hour, not 150");
    assert_eq!(records[0]["reason"], "expired");
    assert!(records[0].get("unrecorded_before").is_none());
    // Within the hour: still counted, not recorded.
    app.clock
        .advance(chrono::Duration::minutes(59) + chrono::Duration::seconds(59));
    assert_eq!(stranger.get(&link).await.status, 410);
    assert_eq!(refusal_records(&app).await.len(), 1);
    // The next hour's first refusal is recorded with the count of the hour before.
    app.clock.advance(chrono::Duration::seconds(1));
    assert_eq!(stranger.get(&link).await.status, 410);
    let records = refusal_records(&app).await;
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["unrecorded_before"], 150);
    // The activity log says so.
    let global = app
        .user(shop.partner)
        .roles(&[cspdesk::auth::Role::GlobalAdmin])
        .await;
    let log = app
        .signed_in(&global)
        .await
        .get("/account/activity?op=link_refused")
        .await;
    assert_eq!(log.status, 200);
    assert!(
        log.contains(
            "150 more refusals of this link since its previous record were counted, not recorded"
        ),
        "{}",
        log.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_over_the_download_rate_gets_429_and_its_requests_count_nothing() {
    let app = TestApp::spawn_with(|s| s.client_requests_per_minute = 5).await;
    let (shop, purchase, link) = a_link(&app).await;
    let stranger = app.visitor();
    let unknown = format!("/dl/{}", "A".repeat(43));
    for _ in 0..3 {
        assert_eq!(stranger.get(&unknown).await.status, 404);
    }
    assert_eq!(stranger.get(&link).await.status, 200);
    assert_eq!(stranger.get(&link).await.status, 200);
    let refused = stranger.get(&link).await;
    assert_eq!(refused.status, 429);
    let wait: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(refused.headers.contains_key("content-security-policy"));
    assert!(refused.contains("Too many requests"));
    assert_eq!(stranger.get(&unknown).await.status, 429, "guessing too");
    // Nothing was counted against the link: two downloads, not three.
    let v = app.signed_in(&shop.agent).await;
    assert!(v.get(&purchase).await.contains("48 of 50 downloads left"));
    // The next minute the client may try again.
    app.clock.advance(chrono::Duration::seconds(61));
    assert_eq!(stranger.get(&link).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_the_forwarded_address_is_recorded_and_limited() {
    let app = TestApp::spawn_with(|s| {
        s.client_requests_per_minute = 2;
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    })
    .await;
    let (_, _, link) = a_link(&app).await;
    let stranger = app.visitor();
    let from = |ip: &'static str| stranger.get_with(&link, ("X-Forwarded-For", ip));
    assert_eq!(from("203.0.113.7").await.status, 200);
    assert_eq!(from("203.0.113.7").await.status, 200);
    assert_eq!(from("203.0.113.7").await.status, 429);
    // Another client behind the same proxy has its own count; a forged left entry is ignored.
    assert_eq!(from("203.0.113.7, 198.51.100.4").await.status, 200);
    let ips: Vec<serde_json::Value> = activity::table
        .filter(activity::operation.eq("link_used"))
        .order(activity::id)
        .select(activity::details)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    let ips: Vec<&str> = ips.iter().map(|d| d["ip"].as_str().unwrap()).collect();
    assert_eq!(ips, ["203.0.113.7", "203.0.113.7", "198.51.100.4"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_trusted_proxy_a_forwarded_address_is_ignored() {
    let app = TestApp::spawn_with(|s| s.client_requests_per_minute = 2).await;
    let (_, _, link) = a_link(&app).await;
    let stranger = app.visitor();
    for (n, ip) in ["203.0.113.7", "203.0.113.8", "203.0.113.9"]
        .iter()
        .enumerate()
    {
        let res = stranger.get_with(&link, ("X-Forwarded-For", ip)).await;
        assert_eq!(res.status, if n < 2 { 200 } else { 429 }, "{ip}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_attempts_from_one_address_are_limited_before_anything_is_written() {
    use cspdesk::db::schema::sign_in_throttle;
    let app = TestApp::spawn_with(|s| s.client_requests_per_minute = 3).await;
    // The Admin agent's sign-in is the first of three this minute.
    let (_, _, link) = a_link(&app).await;
    let v = app.visitor();
    for n in 0..2 {
        let email = format!("nobody{n}@example.test");
        assert_eq!(v.sign_in(&email, "guess").await.status, 422);
    }
    let refused = v.sign_in("nobody9@example.test", "guess").await;
    assert_eq!(refused.status, 429);
    assert!(refused.headers.contains_key("retry-after"));
    assert!(refused.contains("Too many requests"));
    let rows: i64 = sign_in_throttle::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(rows, 2, "the refused attempt wrote no lockout row");
    // Download links have their own count, in the same minute.
    assert_eq!(app.visitor().get(&link).await.status, 200);
}
