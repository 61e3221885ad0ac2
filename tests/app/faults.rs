//! Faults a user or the database can cause: a lost database connection answers 503 and the
//! app recovers by itself; a client that never follows redirects cannot grow the session
//! cookie past what browsers keep.

use std::sync::Arc;

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::support::{TestApp, product_id};

/// Ends every session of the app's database but the caller's, as an administrator would.
async fn terminate_backends(url: &str) -> usize {
    let mut conn = AsyncPgConnection::establish(url).await.unwrap();
    diesel::sql_query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut conn)
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_while_the_database_drops_connections_get_200_or_503_and_then_200() {
    let app = TestApp::spawn().await;
    let agent = app.shop().await.agent;
    let v = Arc::new(app.signed_in(&agent).await);
    let pages = ["/customers", "/billing", "/support"];
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let mut clients = Vec::new();
    for n in 0..6 {
        let (v, running) = (v.clone(), running.clone());
        let page = pages[n % pages.len()];
        clients.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            while std::sync::atomic::AtomicBool::load(
                &running,
                std::sync::atomic::Ordering::Relaxed,
            ) {
                let res = v.get(page).await;
                seen.push((page, res));
            }
            seen
        }));
    }
    let url = app.database_url();
    let mut terminated = 0;
    for _ in 0..8 {
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
        terminated += terminate_backends(&url).await;
    }
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    assert!(terminated > 0, "connections were ended under the requests");
    let (mut ok, mut unavailable) = (0, 0);
    for c in clients {
        for (page, res) in c.await.unwrap() {
            match res.status {
                200 => ok += 1,
                503 => {
                    unavailable += 1;
                    assert_eq!(res.headers["retry-after"], "5");
                    assert!(res.headers.contains_key("content-security-policy"));
                    assert!(
                        res.headers["content-type"]
                            .to_str()
                            .unwrap()
                            .starts_with("text/html")
                    );
                    assert!(res.contains("Temporarily unavailable"), "{}", res.body);
                }
                other => panic!("{page} answered {other}: {}", res.body),
            }
        }
    }
    assert!(ok > 0, "{ok} pages, {unavailable} unavailable");
    // The pool drops the dead connections and opens new ones by itself, once the driver has
    // seen them closed (a moment after the server ended them).
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for page in pages.iter().cycle().take(12) {
        let res = v.get(page).await;
        assert_eq!(res.status, 200, "{page} after the database came back");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_form_posted_58_times_keeps_the_cookie_small_and_the_newest_messages() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    let product = product_id(&app, "ws2022-std").await;
    let csrf = v.csrf().await;
    for n in 0..58 {
        let quantity = format!("-{n}");
        let res = v
            .post_raw(
                &format!("{base}/cart"),
                &[
                    ("csrf_token", &csrf),
                    ("product_id", &product),
                    ("quantity", &quantity),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "post {n}: {}", res.body);
        let cookie: usize = res
            .headers
            .get_all("set-cookie")
            .iter()
            .map(|c| c.len())
            .sum();
        assert!(cookie < 4096, "post {n} set a cookie of {cookie} bytes");
    }
    let page = v.get(&format!("{base}/add-products")).await;
    assert_eq!(page.status, 200);
    let shown = page.body.matches("class=\"flash flash-error\"").count();
    assert!((1..=3).contains(&shown), "{shown} messages shown");
    // Still signed in, and the next form still works.
    let added = v
        .post(
            &format!("{base}/cart"),
            &[("product_id", &product), ("quantity", "1")],
        )
        .await;
    assert_eq!(added.status, 303);
    assert!(
        v.get(&format!("{base}/review"))
            .await
            .contains("Windows Server 2022")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_form_gets_400_with_its_reason_on_the_page_in_the_readers_language() {
    let app = TestApp::spawn().await;
    let v = app.visitor();
    let res = v.post("/preferences/language", &[("lang", "xx")]).await;
    assert_eq!(res.status, 400);
    assert!(res.headers.contains_key("content-security-policy"));
    assert!(
        res.contains("The form arrived incomplete or garbled, so nothing was saved."),
        "{}",
        res.body
    );
    let res = v
        .post(
            "/preferences/language",
            &[("lang", "tr"), ("next", "/signin")],
        )
        .await;
    assert_eq!(res.status, 303);
    let res = v.post("/preferences/language", &[("nonsense", "1")]).await;
    assert_eq!(res.status, 400);
    assert!(res.contains("Form eksik veya bozuk ulaştı"), "{}", res.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_form_whose_token_is_not_its_first_part_is_refused_before_any_file_is_kept() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let v = app.signed_in(&shop.agent).await;
    let token = v.csrf().await;
    let file = || reqwest::multipart::Part::bytes(b"plain text".to_vec()).file_name("note.txt");
    let late_token = reqwest::multipart::Form::new()
        .text("title", "Refund")
        .text("csrf_token", token.clone())
        .part("files", file());
    assert_eq!(
        v.try_post_form("/support/requests", late_token).await,
        Some(403)
    );
    let no_token = reqwest::multipart::Form::new().part("files", file());
    assert_eq!(
        v.try_post_form("/support/requests", no_token).await,
        Some(403)
    );
    assert!(app.attachment_names().is_empty(), "no file was written");
    // The KMS move form takes the same check, multipart or plain.
    let path = format!("{}/kms-migration", ws.path());
    let wrong = reqwest::multipart::Form::new()
        .text("csrf_token", "0".repeat(64))
        .text("activated_on", "2026-01-01");
    assert_eq!(v.try_post_form(&path, wrong).await, Some(403));
    let plain = v
        .post_raw(
            &path,
            &[("csrf_token", "nope"), ("activated_on", "2026-01-01")],
        )
        .await;
    assert_eq!(plain.status, 403);
    let right = v.post(&path, &[("activated_on", "2026-01-01")]).await;
    assert_eq!(right.status, 200, "{}", right.body);
}
