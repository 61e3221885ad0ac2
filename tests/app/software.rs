//! The Software page (partner side): purchases, keys, downloads and download links.

use cspdesk::auth::Role;
use cspdesk::db::schema::{activity, download_links, order_lines, orders};
use cspdesk::ids::{CustomerId, LineId};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::support::fixtures::four_purchases;
use crate::support::software::{copy_link, stored_key, variant_id};
use crate::support::{Purchase, Shop, TestApp};

/// A shop whose customer bought 5 Windows Server 2022 Standard 88 days ago: the purchase
/// these tests open.
async fn ws_bought(app: &TestApp) -> (Shop, Purchase) {
    let shop = app.shop().await;
    let ws = app
        .purchase(shop.customer, "ws2022-std")
        .quantity(5)
        .days_old(88)
        .await;
    (shop, ws)
}

const CHOICE: &str = "version=Windows+Server+2022&language=tr-TR&file_type=x64_iso";

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn operations(app: &TestApp, customer: CustomerId) -> Vec<(String, String)> {
    activity::table
        .filter(activity::customer_id.eq(customer))
        .filter(activity::operation.ne_all(["order_placed", "signed_in"]))
        .order(activity::id)
        .select((activity::actor, activity::operation))
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_software_tab_lists_purchases_and_only_admin_agents_open_them() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = four_purchases(&app, shop.customer).await;
    let (adatum, line) = (ws.customer, ws.line);
    let admin = app.signed_in(&shop.agent).await;
    let list = admin.get(&format!("/customers/{adatum}")).await;
    assert_eq!(list.status, 200);
    assert_eq!(list.body.matches("data-test=\"purchase-row\"").count(), 4);
    assert!(list.contains(&format!("/customers/{adatum}/software/{line}")));
    assert!(list.contains("Need a KMS key?"));

    let helpdesk = app.user(shop.partner).roles(&[Role::HelpdeskAgent]).await;
    let helpdesk = app.signed_in(&helpdesk).await;
    let list = helpdesk.get(&format!("/customers/{adatum}")).await;
    assert_eq!(list.body.matches("data-test=\"purchase-row\"").count(), 4);
    assert!(!list.contains("data-test=\"open-purchase\""));
    let purchase = format!("/customers/{adatum}/software/{line}");
    for path in [purchase.clone(), format!("{purchase}/key")] {
        assert_eq!(helpdesk.get(&path).await.status, 403, "{path}");
    }
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let global = app.signed_in(&global).await;
    assert_eq!(global.get(&format!("{purchase}/key")).await.status, 403);

    // Signed out, a key address leads to sign-in and back.
    let anonymous = app.visitor().get(&format!("{purchase}/key")).await;
    assert_eq!(anonymous.status, 303);
    assert!(anonymous.location.unwrap().starts_with("/signin?next="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_agent_gets_the_key_in_a_no_store_page_and_the_view_is_recorded() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let v = app.signed_in(&shop.agent).await;
    let purchase = format!("/customers/{adatum}/software/{line}");
    let chosen = v.get(&format!("{purchase}?{CHOICE}")).await;
    assert_eq!(chosen.status, 200);
    assert!(chosen.contains("windows_server_2022_tr-TR_x64_iso.iso"));
    let key = v.get(&format!("{purchase}/key")).await;
    assert_eq!(key.status, 200);
    assert_eq!(key.headers["cache-control"], "no-store");
    let grouped = stored_key(&app, line).await;
    assert!(
        key.contains(&grouped),
        "the 32-character key, in groups of 4"
    );
    assert_eq!(
        operations(&app, adatum).await,
        vec![(shop.agent.clone(), "key_viewed".to_string())]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_is_streamed_with_its_name_length_and_checksum() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await;
    let v = app.signed_in(&shop.agent).await;
    let purchase = format!("/customers/{adatum}/software/{line}");
    let page = v.get(&format!("{purchase}?{CHOICE}")).await;
    let file = v
        .get(&format!("{purchase}/variants/{variant}/download"))
        .await;
    assert_eq!(file.status, 200);
    assert_eq!(
        file.headers["content-disposition"],
        "attachment; filename=\"windows_server_2022_tr-TR_x64_iso.iso\""
    );
    assert_eq!(file.headers["content-length"], "8192");
    let sha = hex_sha256(file.body.as_bytes());
    assert_eq!(file.headers["x-checksum-sha256"], sha.as_str());
    assert!(page.contains(&sha), "the page shows the same checksum");
    assert!(file.body.starts_with("CSP Desk demo placeholder"));
    let recorded: Vec<(String, serde_json::Value)> = activity::table
        .filter(activity::operation.eq("downloaded"))
        .select((activity::actor, activity::details))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].0, shop.agent);
    assert_eq!(recorded[0].1["ip"], "127.0.0.1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_choices_get_a_message_or_a_404() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let v = app.signed_in(&shop.agent).await;
    let purchase = format!("/customers/{adatum}/software/{line}");
    let bad = v
        .get(&format!(
            "{purchase}?version=Windows+Server+2022&language=xx-XX&file_type=x64_iso"
        ))
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.contains("That combination of version, language and file type is not offered"));
    // A variant of another product, and nonsense.
    let woodgrove = app.customer(shop.partner).await;
    let other_line = app
        .purchase(woodgrove, "sql2022-ent")
        .days_old(45)
        .await
        .line;
    let foreign = variant_id(&app, other_line).await;
    for variant in [foreign.to_string(), "nonsense".to_string()] {
        let res = v
            .get(&format!("{purchase}/variants/{variant}/download"))
            .await;
        assert_eq!(res.status, 404, "{variant}");
        let res = v
            .post(&format!("{purchase}/variants/{variant}/links"), &[])
            .await;
        assert_eq!(res.status, 404, "{variant}");
    }
    // Another partner's admin agent finds nothing.
    let fabrikam = app.partner("Fabrikam").await;
    let fabrikam = app.user(fabrikam).roles(&[Role::AdminAgent]).await;
    let fabrikam = app.signed_in(&fabrikam).await;
    assert_eq!(fabrikam.get(&format!("{purchase}/key")).await.status, 404);
    let count: i64 = download_links::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copied_link_works_without_signing_in_and_only_its_hash_is_stored() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await;
    let v = app.signed_in(&shop.agent).await;
    let purchase = format!("/customers/{adatum}/software/{line}");
    let link = copy_link(&v, &purchase, &variant.to_string()).await;
    let token = link.trim_start_matches("/dl/");
    assert!(token.len() >= 43, "at least 128 bits: {token}");

    let stored: Vec<Vec<u8>> = download_links::table
        .select(download_links::token_hash)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(stored, vec![Sha256::digest(token.as_bytes()).to_vec()]);
    let in_clear: i64 = diesel::sql_query(
        "SELECT count(*) AS n FROM download_links l, activity a
          WHERE position($1 in l::text) > 0 OR position($1 in a::text) > 0",
    )
    .bind::<diesel::sql_types::Text, _>(token)
    .get_result::<Count>(&mut app.conn().await)
    .await
    .unwrap()
    .n;
    assert_eq!(in_clear, 0, "the token is nowhere in the database");

    let stranger = app.visitor();
    let file = stranger.get(&link).await;
    assert_eq!(file.status, 200);
    assert!(file.body.starts_with("CSP Desk demo placeholder"));
    let page = v.get(&purchase).await;
    assert!(page.contains("49 of 50 downloads left"));
    let ops = operations(&app, adatum).await;
    assert_eq!(
        ops,
        vec![
            (shop.agent.clone(), "link_created".to_string()),
            ("download link".to_string(), "link_used".to_string())
        ]
    );
    assert_eq!(stranger.get("/dl/unknown").await.status, 404);
    assert_eq!(
        stranger
            .get(&format!("/dl/{}", "B".repeat(43)))
            .await
            .status,
        404
    );
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_expires_at_exactly_fourteen_days_and_a_new_one_has_its_own_limits() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await.to_string();
    let v = app.signed_in(&shop.agent).await;
    let purchase = format!("/customers/{adatum}/software/{line}");
    let first = copy_link(&v, &purchase, &variant).await;
    let stranger = app.visitor();
    assert_eq!(stranger.get(&first).await.status, 200);

    app.clock
        .advance(chrono::Duration::days(14) - chrono::Duration::seconds(1));
    assert_eq!(stranger.get(&first).await.status, 200, "one second before");
    // "Get keys and downloads" again: a fresh link while the first runs out.
    let v = app.signed_in(&shop.agent).await;
    let second = copy_link(&v, &purchase, &variant).await;
    app.clock.advance(chrono::Duration::seconds(1));
    let gone = stranger.get(&first).await;
    assert_eq!(gone.status, 410);
    assert!(gone.contains("The link has expired"));
    assert!(gone.contains("Ask your partner for a new link"));
    assert_eq!(stranger.get(&second).await.status, 200);
    let page = v.get(&purchase).await;
    assert!(
        page.contains("49 of 50 downloads left"),
        "the new link's own count"
    );
    assert!(page.contains("Expired "), "the old one, listed as expired");
    let refused: serde_json::Value = activity::table
        .filter(activity::operation.eq("link_refused"))
        .select(activity::details)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(refused["reason"], "expired");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_downloads_of_a_fresh_link_give_exactly_fifty_files() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await.to_string();
    let v = app.signed_in(&shop.agent).await;
    let link = copy_link(
        &v,
        &format!("/customers/{adatum}/software/{line}"),
        &variant,
    )
    .await;
    let stranger = app.visitor();
    let requests = (0..200).map(|_| stranger.get(&link));
    let statuses: Vec<u16> = futures_util::future::join_all(requests)
        .await
        .into_iter()
        .map(|r| r.status)
        .collect();
    let count = |status: u16| statuses.iter().filter(|s| **s == status).count();
    assert_eq!(count(200), 50, "{statuses:?}");
    // On a loaded machine a request can wait longer for a database connection than the pool
    // allows and answer 503 (try again) having taken nothing; every other one is refused.
    assert_eq!(count(410) + count(503), 150, "{statuses:?}");
    let used = stranger.get(&link).await;
    assert!(used.contains("The link has been used for all of its 50 downloads."));
    let downloads: i32 = download_links::table
        .select(download_links::downloads)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(downloads, 50);
    let used: i64 = activity::table
        .filter(activity::operation.eq("link_used"))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(used, 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_withdrawn_link_answers_410_and_says_why() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await.to_string();
    let v = app.signed_in(&shop.agent).await;
    let link = copy_link(
        &v,
        &format!("/customers/{adatum}/software/{line}"),
        &variant,
    )
    .await;
    diesel::update(download_links::table)
        .set(download_links::revoked_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let gone = app.visitor().get(&link).await;
    assert_eq!(gone.status, 410);
    assert!(gone.contains("The link was withdrawn because the purchase was cancelled."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_registered_file_replaces_the_placeholder() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await;
    let dir = std::env::temp_dir().join(format!("cspdesk-add-{}", Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("real.iso");
    std::fs::write(&file, b"a real installation image").unwrap();
    let store = cspdesk::storage::LocalDir::new(crate::support::db::artifacts_dir());
    cspdesk::cli::artifacts_add(
        &app.pool,
        &store,
        app.clock.as_ref(),
        &variant.to_string(),
        &file,
    )
    .await
    .expect("registered");
    let v = app.signed_in(&shop.agent).await;
    let got = v
        .get(&format!(
            "/customers/{adatum}/software/{line}/variants/{variant}/download"
        ))
        .await;
    assert_eq!(got.body, "a real installation image");
    let missing = cspdesk::cli::artifacts_add(
        &app.pool,
        &store,
        app.clock.as_ref(),
        &Uuid::new_v4().to_string(),
        &file,
    )
    .await;
    assert!(missing.is_err(), "an unknown variant is refused");
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kms_move_page_gives_deadlines_commands_and_a_script_and_lists_bad_rows() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let v = app.signed_in(&shop.agent).await;
    let page = format!("/customers/{adatum}/software/{line}/kms-migration");
    let purchase = v.get(&format!("/customers/{adatum}/software/{line}")).await;
    assert!(purchase.contains(&page), "reached from the purchase");
    assert_eq!(v.get(&page).await.status, 200);
    assert!(
        operations(&app, adatum).await.is_empty(),
        "the form shows no key"
    );

    let today = cspdesk::clock::Clock::now(app.clock.as_ref()).date_naive();
    let activated = today - chrono::Duration::days(100);
    let one_date = v
        .post(&page, &[("activated_on", &activated.to_string())])
        .await;
    assert_eq!(one_date.status, 200);
    assert!(one_date.contains("80 days"), "180 - 100 days left");
    let grouped = stored_key(&app, line).await;
    assert!(one_date.contains(&format!("slmgr.vbs /ipk {grouped}")));
    assert!(one_date.contains("slmgr.vbs /ato"));

    let csv = format!(
        "device,activated\nSRV-01,{activated}\nSRV-02,not-a-date\nSRV-03,{}\n",
        today - chrono::Duration::days(200)
    );
    let listed = v
        .post_multipart(&page, &[], ("devices", "devices.csv", csv.into_bytes()))
        .await;
    assert_eq!(listed.status, 200);
    assert!(listed.contains("Line 3: the date is not in the form YYYY-MM-DD."));
    assert!(listed.contains("SRV-01") && listed.contains("SRV-03"));
    let passed = (today - chrono::Duration::days(20)).format("%B %-d, %Y UTC");
    assert!(
        listed.contains(&format!("overdue since {passed}")),
        "SRV-03 is past its deadline: {}",
        listed.body
    );
    assert!(!listed.contains("-20 days"));

    let script = v.get(&format!("{page}/script")).await;
    assert_eq!(script.status, 200);
    assert!(
        script.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains(".cmd")
    );
    assert!(script.contains(&format!("slmgr.vbs /ipk {grouped}")));
    let viewed = operations(&app, adatum)
        .await
        .iter()
        .filter(|(_, op)| op == "key_viewed")
        .count();
    assert_eq!(
        viewed, 3,
        "each page and script that shows the key is recorded"
    );

    let nothing = v.post(&page, &[]).await;
    assert_eq!(nothing.status, 422);
    assert!(nothing.contains("Enter a date or choose a device list."));
    let huge = vec![b'a'; 2 * 1024 * 1024];
    let too_big = v
        .post_multipart(&page, &[], ("devices", "big.csv", huge))
        .await;
    assert_eq!(too_big.status, 413);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kms_date_before_2000_or_after_today_is_refused_at_its_field_and_kept_in_the_form() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    // The app's clock, not the machine's, says what today is.
    app.clock.advance(chrono::Duration::days(40));
    let v = app.signed_in(&shop.agent).await;
    let page = format!("/customers/{adatum}/software/{line}/kms-migration");
    let today = cspdesk::clock::Clock::now(app.clock.as_ref()).date_naive();
    let tomorrow = (today + chrono::Duration::days(1)).to_string();
    let cases = [
        ("-99999-01-01", "Enter a date on or after 2000-01-01."),
        ("1999-12-31", "Enter a date on or after 2000-01-01."),
        (
            tomorrow.as_str(),
            "The last activation cannot be in the future.",
        ),
        (
            "+262142-01-01",
            "The last activation cannot be in the future.",
        ),
        ("2026-02-30", "Enter the date in the form YYYY-MM-DD."),
    ];
    for (typed, message) in cases {
        let refused = v.post(&page, &[("activated_on", typed)]).await;
        assert_eq!(refused.status, 422, "{typed}");
        assert!(
            refused.contains(&format!(
                "<p class=\"field-error\" id=\"activated_on-error\" data-test=\"kms-date-error\">{message}"
            )),
            "{typed}: {}",
            refused.body
        );
        assert!(refused.contains(&format!("value=\"{typed}\"")), "{typed}");
        assert!(refused.contains("aria-invalid=\"true\""));
        assert!(!refused.contains("data-test=\"kms-plan\""), "{typed}");
    }
    assert!(
        operations(&app, adatum).await.is_empty(),
        "no key was shown"
    );

    // The first and last days taken: 2000-01-01, long overdue, and today, 180 days left.
    let first = v.post(&page, &[("activated_on", "2000-01-01")]).await;
    assert_eq!(first.status, 200);
    assert!(
        first.contains("overdue since June 29, 2000 UTC"),
        "{}",
        first.body
    );
    let latest = v.post(&page, &[("activated_on", &today.to_string())]).await;
    assert_eq!(latest.status, 200);
    assert!(latest.contains("180 days"));

    // Each row of a device list is checked the same way, with its line.
    let csv = format!(
        "SRV-01,-99999-01-01\nSRV-02,{tomorrow}\nSRV-03,1999-12-31\nSRV-04,{}\n",
        today - chrono::Duration::days(181)
    );
    let listed = v
        .post_multipart(&page, &[], ("devices", "devices.csv", csv.into_bytes()))
        .await;
    assert_eq!(listed.status, 200);
    assert!(listed.contains("Line 1: the date is before 2000-01-01."));
    assert!(listed.contains("Line 2: the date is in the future."));
    assert!(listed.contains("Line 3: the date is before 2000-01-01."));
    let deadline = (today - chrono::Duration::days(1)).format("%B %-d, %Y UTC");
    assert!(listed.contains(&format!("overdue since {deadline}")));
    assert!(!listed.contains("-1 days") && !listed.contains("-1 day"));

    // In Turkish too.
    let tr = app.signed_in(&shop.agent).await;
    let chosen = tr.post("/preferences/language", &[("lang", "tr")]).await;
    assert_eq!(chosen.status, 303);
    let refused = tr.post(&page, &[("activated_on", "-99999-01-01")]).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.contains("2000-01-01 veya daha sonraki bir tarih girin."),
        "{}",
        refused.body
    );
    let overdue = tr.post(&page, &[("activated_on", "2000-01-01")]).await;
    assert!(
        overdue.contains("29 Haziran 2000 UTC tarihinden beri süresi geçmiş"),
        "{}",
        overdue.body
    );
}

/// The "Done when", end to end: the Windows Server purchase made through the buying
/// flow, its key, a download, a link used signed out, the records of it all, and the
/// customer's own view of the same key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purchase_made_today_gives_its_key_downloads_and_link_and_the_customer_sees_the_key() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let agent = app.signed_in(&shop.agent).await;
    let northwind = shop.customer;
    let base = format!("/customers/{northwind}");
    let review = crate::support::ordering::fill_cart(&app, &agent, &base).await;
    let (token, seen) = crate::support::ordering::place_fields(&review.body);
    let placed = agent
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    assert_eq!(placed.status, 303);
    let line: LineId = order_lines::table
        .inner_join(orders::table)
        .filter(orders::customer_id.eq(northwind))
        .filter(order_lines::product_name.eq("Windows Server 2022 Standard"))
        .select(order_lines::id)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    let list = agent.get(&base).await;
    assert_eq!(list.body.matches("data-test=\"purchase-row\"").count(), 2);

    let purchase = format!("{base}/software/{line}");
    let key_page = agent.get(&format!("{purchase}/key")).await;
    let grouped = stored_key(&app, line).await;
    assert!(key_page.contains(&grouped));
    let variant = variant_id(&app, line).await.to_string();
    let file = agent
        .get(&format!("{purchase}/variants/{variant}/download"))
        .await;
    assert_eq!(file.status, 200);
    let link = copy_link(&agent, &purchase, &variant).await;
    assert_eq!(app.visitor().get(&link).await.status, 200);
    let ops: Vec<String> = operations(&app, northwind)
        .await
        .into_iter()
        .map(|(_, op)| op)
        .collect();
    assert_eq!(
        ops,
        ["key_viewed", "downloaded", "link_created", "link_used"]
    );

    let admin = app
        .user(shop.partner)
        .customer(northwind)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let admin = app.signed_in(&admin).await;
    let own = admin
        .get(&format!("/your-products/software/{line}/key"))
        .await;
    assert_eq!(own.status, 200);
    assert!(own.contains(&grouped), "the same key");
    let user = app
        .user(shop.partner)
        .customer(northwind)
        .roles(&[Role::CustomerUser])
        .await;
    let user = app.signed_in(&user).await;
    let denied = user
        .get(&format!("/your-products/software/{line}/key"))
        .await;
    assert_eq!(denied.status, 403);
    assert!(!denied.contains(&grouped));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_purchase_stays_listed_as_cancelled_with_no_key_and_its_links_stop() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = four_purchases(&app, shop.customer).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await.to_string();
    let v = app.signed_in(&shop.agent).await;
    let purchase = format!("/customers/{adatum}/software/{line}");
    let link = copy_link(&v, &purchase, &variant).await;
    // As the cancellation will leave it (its own issue revokes the key and links too).
    diesel::update(order_lines::table.find(line))
        .set(order_lines::quantity_cancelled.eq(order_lines::quantity))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let list = v.get(&format!("/customers/{adatum}")).await;
    assert_eq!(list.body.matches("data-test=\"purchase-row\"").count(), 4);
    assert!(list.contains("<tr class=\"inactive\" data-test=\"purchase-row\">"));
    assert!(list.contains("Cancelled"));
    assert!(
        !list.contains(&format!("href=\"{purchase}\"")),
        "no way to its key"
    );
    assert_eq!(v.get(&format!("{purchase}/key")).await.status, 410);
    assert_eq!(
        v.get(&format!("{purchase}/variants/{variant}/download"))
            .await
            .status,
        410
    );
    let gone = app.visitor().get(&link).await;
    assert_eq!(gone.status, 410);
    assert!(gone.contains("The link was withdrawn because the purchase was cancelled."));
    let used: i32 = download_links::table
        .select(download_links::downloads)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(used, 0, "nothing counted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_file_costs_no_download_from_a_link() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let (adatum, line) = (ws.customer, ws.line);
    let variant = variant_id(&app, line).await;
    let v = app.signed_in(&shop.agent).await;
    let link = copy_link(
        &v,
        &format!("/customers/{adatum}/software/{line}"),
        &variant.to_string(),
    )
    .await;
    // The registered file's checksum names nothing in the store.
    diesel::update(
        cspdesk::db::schema::artifacts::table
            .filter(cspdesk::db::schema::artifacts::variant_id.eq(variant)),
    )
    .set(cspdesk::db::schema::artifacts::sha256.eq("0".repeat(64)))
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    assert_eq!(app.visitor().get(&link).await.status, 404);
    let used: i32 = download_links::table
        .select(download_links::downloads)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(used, 0);
    assert!(
        !operations(&app, adatum)
            .await
            .iter()
            .any(|(_, op)| op == "link_used"),
        "nothing recorded"
    );
}

/// The Software tab of a customer with many purchases reads its page, not every purchase: the
/// same statements as for a customer with four and on every later page, a count the database
/// keeps as lines are added (however they are added), and the newest purchases first, each
/// exactly once, across orders placed at the same instant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_software_tab_pages_many_purchases_with_the_statements_of_a_few() {
    use crate::support::ordering::{keyset_pages, queries_for};
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let few = app.customer(shop.partner).await;
    four_purchases(&app, few).await;
    // 30 orders of two software lines and an Azure reservation each, inserted in bulk: the
    // reservations are not software and are not counted.
    diesel::sql_query(
        "WITH o AS (
            INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency,
                                idempotency_token)
            SELECT gen_random_uuid(), c.partner_id, c.id, u.id,
                   now() - make_interval(mins => g % 3), 'USD', gen_random_uuid()
              FROM customers c, users u, generate_series(1, 30) g
             WHERE c.id = $1 AND u.email = $2
            RETURNING id, partner_id)
         INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id, product_name,
                                  family, licence_kind, term_months, quantity, unit_price_minor,
                                  currency, tax_included, tax_rate_bp)
         SELECT gen_random_uuid(), o.id, o.partner_id, n, p.id, p.name, p.family,
                p.licence_kind, p.term_months, 1, 100, 'USD', false, 0
           FROM o, generate_series(0, 2) n, products p
          WHERE p.sku = CASE n WHEN 0 THEN 'ws2022-std' WHEN 1 THEN 'sql2022-std'
                               ELSE 'azure-ri-d2sv5-1y' END",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.customer)
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    let kept = cspdesk::customers::queries::counts(&*app.conn().await, shop.customer)
        .await
        .unwrap()
        .software_lines;
    assert_eq!(kept, 60);
    // Order history's totals are kept the same way, for lines added in bulk too.
    assert_eq!(
        crate::support::ordering::orders_with_wrong_totals(&app).await,
        []
    );

    let v = app.signed_in(&shop.agent).await;
    let long = format!("/customers/{}", shop.customer);
    let statements = queries_for(&app, &v, &long).await;
    assert_eq!(
        statements, 2,
        "the session, then the page with its customer"
    );
    assert_eq!(
        statements,
        queries_for(&app, &v, &format!("/customers/{few}")).await,
        "60 purchases and 4 take the same statements"
    );
    let pages = keyset_pages(&app, &v, &long).await;
    assert_eq!(pages.len(), 3);
    assert!(pages[0].contains("60 purchases"));
    let rows = |body: &str| body.matches("data-test=\"purchase-row\"").count();
    let counts: Vec<usize> = pages.iter().map(|p| rows(&p.body)).collect();
    assert_eq!(counts, [25, 25, 10]);
    // Newest first, ties broken by order and line: the pages together list every purchase
    // once, in the database's order.
    let ids: Vec<LineId> = order_lines::table
        .inner_join(orders::table)
        .filter(orders::customer_id.eq(shop.customer))
        .filter(order_lines::family.ne("azure_reservation"))
        .order((
            orders::placed_at.desc(),
            orders::id.desc(),
            order_lines::line_number,
        ))
        .select(order_lines::id)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(ids.len(), 60);
    let shown: Vec<LineId> = pages
        .iter()
        .flat_map(|p| {
            p.body
                .split("data-line=\"")
                .skip(1)
                .map(|rest| rest[..36].parse().unwrap())
                .collect::<Vec<LineId>>()
        })
        .collect();
    assert_eq!(shown, ids);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_view_is_recorded_exactly_when_a_key_is_shown() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let v = app.signed_in(&shop.agent).await;
    let key_page = format!("/customers/{}/software/{}/key", ws.customer, ws.line);
    let views = async || -> i64 {
        activity::table
            .filter(activity::operation.eq("key_viewed"))
            .filter(activity::customer_id.eq(ws.customer))
            .count()
            .get_result(&mut app.conn().await)
            .await
            .unwrap()
    };
    let shown = v.get(&key_page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.contains(&stored_key(&app, ws.line).await));
    assert_eq!(views().await, 1);
    // The key is revoked while the purchase stands: no key, and nothing recorded.
    diesel::sql_query("UPDATE product_keys SET revoked_at = now() WHERE order_line_id = $1")
        .bind::<diesel::sql_types::Uuid, _>(ws.line)
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(v.get(&key_page).await.status, 410);
    assert_eq!(views().await, 1);
}

/// Key views that arrive together share their writes (`activity::batch`): each one shown is
/// still recorded once, with its own time and actor, from two users at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_key_views_at_once_leave_forty_records() {
    let app = TestApp::spawn().await;
    let (shop, ws) = ws_bought(&app).await;
    let agent = app.signed_in(&shop.agent).await;
    let second = app.user(shop.partner).roles(&[Role::AdminAgent]).await;
    let admin = app.signed_in(&second).await;
    let key_page = format!("/customers/{}/software/{}/key", ws.customer, ws.line);
    let requests = (0..40).map(|i| if i % 2 == 0 { &agent } else { &admin }.get(&key_page));
    let statuses: Vec<u16> = futures_util::future::join_all(requests)
        .await
        .into_iter()
        .map(|r| r.status)
        .collect();
    let shown = statuses.iter().filter(|s| **s == 200).count();
    // A request that waited longer than the pool allows answers 503 having shown nothing.
    assert_eq!(
        shown + statuses.iter().filter(|s| **s == 503).count(),
        40,
        "{statuses:?}"
    );
    assert!(shown >= 20, "{statuses:?}");
    let by_actor: Vec<(String, i64)> = activity::table
        .filter(activity::operation.eq("key_viewed"))
        .filter(activity::customer_id.eq(ws.customer))
        .group_by(activity::actor)
        .select((activity::actor, diesel::dsl::count_star()))
        .order_by(activity::actor)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    let total: i64 = by_actor.iter().map(|(_, n)| n).sum();
    assert_eq!(total, shown as i64, "{by_actor:?}");
    assert_eq!(by_actor.len(), 2, "both users' views: {by_actor:?}");
}
