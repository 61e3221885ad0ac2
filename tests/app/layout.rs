use cspdesk::auth::Role;

use crate::support::TestApp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_view_choice_is_kept_per_user() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let admin = app.user(partner).roles(&[Role::AdminAgent]).await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let v = app.signed_in(&admin).await;
    let home = v.get("/").await;
    assert!(home.contains("data-test=\"tiles\"") && !home.contains("class=\"side-nav\""));
    for tile in ["Customers", "Billing", "Support", "Account settings"] {
        assert!(home.contains(tile), "tile {tile}");
    }
    assert_eq!(
        v.post(
            "/preferences/view",
            &[("view", "current"), ("next", "/customers")]
        )
        .await
        .location
        .as_deref(),
        Some("/customers")
    );
    let list = v.get("/customers").await;
    assert!(
        list.contains("class=\"side-nav\"") && list.contains("aria-current=\"page\">Customers")
    );
    // The choice belongs to the user, not the browser.
    let again = app.signed_in(&admin).await.get("/").await;
    assert!(again.contains("class=\"side-nav\"") && !again.contains("data-test=\"tiles\""));
    assert!(
        !app.signed_in(&global)
            .await
            .get("/")
            .await
            .contains("class=\"side-nav\"")
    );
    assert_eq!(
        v.post("/preferences/view", &[("view", "sideways")])
            .await
            .status,
        400
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tiles_follow_the_roles() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let sales = app.user(partner).roles(&[Role::SalesAgent]).await;
    let billing = app.user(partner).roles(&[Role::BillingAdmin]).await;
    let northwind = app.customer(partner).await;
    let customer_admin = app
        .user(partner)
        .customer(northwind)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let sales = app.signed_in(&sales).await.get("/").await;
    assert!(sales.contains("href=\"/customers\"") && !sales.contains("href=\"/billing\""));
    let billing = app.signed_in(&billing).await.get("/").await;
    assert!(billing.contains("href=\"/billing\"") && !billing.contains("href=\"/customers\""));
    let customer = app.signed_in(&customer_admin).await.get("/").await;
    assert!(!customer.contains("href=\"/customers\"") && customer.contains("href=\"/account\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_comes_from_the_choice_then_the_browser_then_english() {
    let app = TestApp::spawn().await;
    let anon = app.visitor();
    assert!(anon.get("/signin").await.contains("<h1>Sign in</h1>"));
    let turkish = anon
        .get_with("/signin", ("accept-language", "tr-TR,tr;q=0.9,en;q=0.5"))
        .await;
    assert!(turkish.contains("<h1>Oturum aç</h1>") && turkish.contains("lang=\"tr\""));
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    assert_eq!(
        v.post(
            "/preferences/language",
            &[("lang", "tr"), ("next", "/customers")]
        )
        .await
        .status,
        303
    );
    let list = v.get("/customers").await;
    assert!(list.contains("<h1>Müşteriler</h1>") && list.contains("Müşteri ekle"));
    // Saved on the user: a new browser that prefers English still gets Turkish after sign-in.
    let other = app.signed_in(&shop.agent).await;
    let page = other
        .get_with("/customers", ("accept-language", "en"))
        .await;
    assert!(page.contains("<h1>Müşteriler</h1>"));
    let detail = other.get(&format!("/customers/{}", shop.customer)).await;
    assert!(
        detail.contains("Ürün ekle")
            && detail.contains("Yazılım")
            && detail.contains("Sipariş geçmişi")
    );
    assert_eq!(
        v.post("/preferences/language", &[("lang", "xx")])
            .await
            .status,
        400
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_profile_lists_my_roles() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let billing = app.user(partner).roles(&[Role::BillingAdmin]).await;
    let page = app.signed_in(&billing).await.get("/account").await;
    assert!(page.contains("My profile") && page.contains("Billing admin"));
    assert!(!page.contains("Admin agent"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_address_is_a_localized_404_page() {
    let app = TestApp::spawn().await;
    let res = app
        .visitor()
        .get_with("/nowhere", ("accept-language", "tr"))
        .await;
    assert_eq!(res.status, 404);
    assert!(res.contains("Bulunamadı"));
    assert!(
        res.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let res = app.visitor().get("/signin").await;
    assert_eq!(res.headers["x-content-type-options"], "nosniff");
    assert_eq!(res.headers["x-frame-options"], "DENY");
    assert!(
        res.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    let css = app.visitor().get("/static/app.css").await;
    assert_eq!(css.status, 200);
    assert!(
        css.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_is_200_with_a_database_and_503_without() {
    let app = TestApp::spawn().await;
    let ok = app.visitor().get("/healthz").await;
    assert_eq!((ok.status, ok.body.as_str()), (200, "ok"));

    // The same app pointed at a port where no database listens.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://nobody:nothing@127.0.0.1:{closed}/none");
    let settings = cspdesk::config::Settings {
        database_url: Some(url.clone()),
        addr: "127.0.0.1:0".parse().unwrap(),
        data_dir: std::env::temp_dir(),
        artifacts_dir: std::env::temp_dir(),
        session_key: actix_web::cookie::Key::from(&[7u8; 64]),
        public_url: "http://127.0.0.1/".parse().unwrap(),
        client_requests_per_minute: 100_000,
        trusted_proxies: Vec::new(),
        db_connections: 8,
        api_requests_per_minute: 600,
    };
    let pools = cspdesk::db::WorkerPools {
        url: url.clone(),
        max_size: 1,
        queries: Default::default(),
    };
    let clock = std::sync::Arc::new(cspdesk::clock::SystemClock);
    let broken = cspdesk::App::build(settings, pools, clock, Some(1)).unwrap();
    let base = format!("http://{}", broken.addr());
    let handle = broken.handle();
    tokio::spawn(broken.run());
    let res = reqwest::get(format!("{base}/healthz")).await.unwrap();
    assert_eq!(res.status().as_u16(), 503);
    drop(handle.stop(false));
}

/// A page view that changes nothing in the session sends no new session cookie: sealing it
/// again on every page was work for nothing. A flash message, once shown, is removed, and that
/// does send one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_changes_nothing_in_the_session_sends_no_cookie() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    // The first page after signing in stores the new session's form token.
    assert_eq!(v.get("/").await.status, 200);
    for path in ["/", "/customers", &format!("/customers/{}", shop.customer)] {
        let page = v.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.headers.get("set-cookie").is_none(),
            "{path}: {:?}",
            page.headers.get("set-cookie")
        );
    }
    let added = v
        .post(
            "/customers",
            &[
                ("company_name", "Flash Test"),
                ("primary_domain", "flash-test.example"),
                ("market", "US"),
                ("currency", "USD"),
            ],
        )
        .await;
    let shown = v.get(&added.location.unwrap()).await;
    assert!(shown.contains("Flash Test was added."));
    assert!(
        shown.headers.get("set-cookie").is_some(),
        "the flash is removed"
    );
    assert!(!v.get("/customers").await.contains("was added."));
}
