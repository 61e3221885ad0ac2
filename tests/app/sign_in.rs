use chrono::Duration;
use cspdesk::db::schema::{user_roles, user_sessions, users};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use cspdesk::auth::Role;
use cspdesk::ids::UserId;

use crate::support::demo::{ADMIN, GLOBAL};
use crate::support::fixtures_people::{account, user_id};
use crate::support::{PASSWORD, TestApp};

/// A partner's Admin agent, who signs in with `PASSWORD`: their e-mail.
async fn agent(app: &TestApp) -> String {
    let partner = app.partner("Contoso").await;
    app.user(partner).roles(&[Role::AdminAgent]).await
}

/// The README's demo account signs in: this test is about the demo data.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_user_signs_in_sees_their_name_and_signs_out() {
    let app = TestApp::spawn().await;
    let v = app.signed_in(ADMIN).await;
    let home = v.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.contains("Avery Admin-Agent"));
    let out = v.post("/signout", &[]).await;
    assert_eq!(
        (out.status, out.location.as_deref()),
        (303, Some("/signin"))
    );
    assert_eq!(v.get("/").await.location.as_deref(), Some("/signin"));
}

/// The README's demo sign-ins: each account signs in with the demo password and has the one
/// role the README gives it. This test is about the demo data; the other tests build their own
/// users.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readmes_demo_accounts_sign_in_with_their_roles() {
    let app = TestApp::spawn().await;
    let fabrikam = "admin.agent@fabrikam-partner.test";
    for (email, role) in [
        (ADMIN, Role::AdminAgent),
        (GLOBAL, Role::GlobalAdmin),
        ("sales.agent@contoso-partner.test", Role::SalesAgent),
        ("helpdesk.agent@contoso-partner.test", Role::HelpdeskAgent),
        ("billing.admin@contoso-partner.test", Role::BillingAdmin),
        ("account.admin@contoso-partner.test", Role::AccountAdmin),
        ("referral.admin@contoso-partner.test", Role::ReferralAdmin),
        ("marketing.admin@contoso-partner.test", Role::MarketingAdmin),
        (fabrikam, Role::AdminAgent),
        ("support@cspdesk.test", Role::SupportEngineer),
        ("admin@northwind.test", Role::CustomerGlobalAdmin),
        ("user@northwind.test", Role::CustomerUser),
    ] {
        app.signed_in(email).await;
        let (_, id) = account(&app, email).await;
        let roles: Vec<String> = user_roles::table
            .filter(user_roles::user_id.eq(id))
            .select(user_roles::role)
            .load(&mut app.conn().await)
            .await
            .unwrap();
        assert_eq!(roles, [role.code()], "{email}");
    }
    // The integration admin, who makes the API tokens of the README's API story.
    let integration = "integration@contoso-partner.test";
    app.signed_in(integration).await;
    let (_, id) = account(&app, integration).await;
    let mut roles: Vec<String> = user_roles::table
        .filter(user_roles::user_id.eq(id))
        .select(user_roles::role)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    roles.sort();
    let mut want = [Role::AdminAgent.code(), Role::GlobalAdmin.code()];
    want.sort();
    assert_eq!(roles, want);
    assert_ne!(
        account(&app, ADMIN).await.0,
        account(&app, fabrikam).await.0,
        "Contoso and Fabrikam are two partners"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_cookie_is_worthless_after_sign_out() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.signed_in(&admin).await;
    let stolen = v.cookie_header();
    v.post("/signout", &[]).await;
    let replay = app
        .visitor()
        .get_with("/customers", ("cookie", &stolen))
        .await;
    assert_eq!(
        replay.status, 303,
        "a replayed cookie must not reach a page"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_email_and_a_wrong_password_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let wrong = app.visitor().sign_in(&admin, "not-the-password").await;
    let unknown = app.visitor().sign_in("nobody@example.test", PASSWORD).await;
    assert_eq!(wrong.status, 422);
    assert_eq!(unknown.status, 422);
    let message = "The email address or password is not correct.";
    assert!(wrong.contains(message) && unknown.contains(message));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_failures_lock_the_account_for_fifteen_minutes() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.visitor();
    for _ in 0..5 {
        assert_eq!(v.sign_in(&admin, "wrong").await.status, 422);
    }
    let locked = v.sign_in(&admin, PASSWORD).await;
    assert_eq!(
        locked.status, 429,
        "even the right password is refused while locked"
    );
    assert!(locked.contains("Too many failed sign-in attempts"));
    app.clock.advance(Duration::minutes(14));
    assert_eq!(v.sign_in(&admin, PASSWORD).await.status, 429);
    app.clock.advance(Duration::minutes(1));
    assert_eq!(v.sign_in(&admin, PASSWORD).await.status, 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_session_ends_after_thirty_minutes() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.signed_in(&admin).await;
    app.clock.advance(Duration::minutes(29));
    assert_eq!(v.get("/").await.status, 200);
    app.clock.advance(Duration::minutes(29));
    assert_eq!(
        v.get("/").await.status,
        200,
        "activity keeps the session alive"
    );
    app.clock.advance(Duration::minutes(30));
    assert_eq!(v.get("/").await.location.as_deref(), Some("/signin"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_session_still_ends_after_twelve_hours() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.signed_in(&admin).await;
    for _ in 0..28 {
        app.clock.advance(Duration::minutes(25));
        assert_eq!(v.get("/").await.status, 200);
    }
    app.clock.advance(Duration::minutes(25));
    assert_eq!(
        v.get("/").await.location.as_deref(),
        Some("/signin"),
        "11h40 + 25 min > 12 h"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_user_is_signed_out_on_the_next_request() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.signed_in(&admin).await;
    diesel::update(users::table.filter(users::email.eq(&admin)))
        .set(users::disabled_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(
        v.get("/customers").await.location.as_deref(),
        Some("/signin?next=%2Fcustomers")
    );
    assert_eq!(
        app.visitor().sign_in(&admin, PASSWORD).await.status,
        422,
        "and cannot sign in again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_role_takes_effect_on_the_next_request() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let email = app.user(partner).roles(&[Role::HelpdeskAgent]).await;
    let email = email.as_str();
    let v = app.signed_in(email).await;
    assert_eq!(v.get("/customers/new").await.status, 403);
    let id = user_id(&app, email).await;
    diesel::insert_into(user_roles::table)
        .values((
            user_roles::user_id.eq(id),
            user_roles::role.eq("admin_agent"),
        ))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(v.get("/customers/new").await.status, 200);
    diesel::delete(
        user_roles::table
            .filter(user_roles::user_id.eq(id))
            .filter(user_roles::role.eq("admin_agent")),
    )
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    assert_eq!(v.get("/customers/new").await.status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csrf_token_from_before_sign_in_is_refused_after_it() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.visitor();
    let before = v.csrf().await;
    assert_eq!(v.sign_in(&admin, PASSWORD).await.status, 303);
    let fields = [("csrf_token", before.as_str()), ("view", "current")];
    assert_eq!(v.post_raw("/preferences/view", &fields).await.status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_cookie_is_http_only_and_same_site() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let res = app.visitor().sign_in(&admin, PASSWORD).await;
    let cookie = res
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("cspdesk_session="))
        .expect("a session cookie is set");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_password_is_refused_without_hashing() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let huge = "x".repeat(5000);
    assert_eq!(app.visitor().sign_in(&admin, &huge).await.status, 422);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_from_a_deep_link_leads_back_to_it() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.visitor();
    let sent = v.get("/customers?q=adatum").await;
    assert_eq!(
        sent.location.as_deref(),
        Some("/signin?next=%2Fcustomers%3Fq%3Dadatum")
    );
    let form = v.get(sent.location.as_deref().unwrap()).await;
    assert!(form.contains("name=\"next\" value=\"/customers?q=adatum\""));
    let fields = [
        ("email", admin.as_str()),
        ("password", PASSWORD),
        ("next", "/customers?q=adatum"),
    ];
    let res = v.post("/signin", &fields).await;
    assert_eq!(res.location.as_deref(), Some("/customers?q=adatum"));
    let elsewhere = [
        ("email", admin.as_str()),
        ("password", PASSWORD),
        ("next", "https://evil.example/"),
    ];
    let res = app.visitor().post("/signin", &elsewhere).await;
    assert_eq!(
        res.location.as_deref(),
        Some("/"),
        "only local paths are followed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_cannot_get_past_five_failures() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let (v, admin) = (app.visitor(), admin.clone());
        tasks.push(tokio::spawn(async move {
            v.sign_in(&admin, "guess").await.status
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s == 422).count();
    assert_eq!(
        checked, 5,
        "exactly five guesses were checked: {statuses:?}"
    );
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 7);
    assert_eq!(app.visitor().sign_in(&admin, PASSWORD).await.status, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nul_bytes_and_control_characters_get_an_answer_not_an_error() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let admin = shop.agent;
    let anon = app.visitor();
    let token = anon.csrf().await;
    let nul = anon
        .post_raw(
            "/signin",
            &[
                ("csrf_token", &token),
                ("email", "a\0b@x.test"),
                ("password", "x"),
            ],
        )
        .await;
    assert_eq!(nul.status, 400);
    let v = app.signed_in(&admin).await;
    assert_eq!(v.get("/customers?q=%00").await.status, 200);
    let base = format!("/customers/{}", shop.customer);
    assert_eq!(
        v.get(&format!("{base}/add-products?q=%00%01")).await.status,
        200
    );
    // A tab inside "next" would let a browser read "/\t/evil" as "//evil": it is not followed.
    let other = app.visitor();
    let res = other
        .post(
            "/signin",
            &[
                ("email", admin.as_str()),
                ("password", PASSWORD),
                ("next", "/\t/evil.example"),
            ],
        )
        .await;
    assert_eq!(res.location.as_deref(), Some("/"));
}

async fn throttled(app: &TestApp) -> Vec<String> {
    use cspdesk::db::schema::sign_in_throttle;
    sign_in_throttle::table
        .order(sign_in_throttle::email)
        .select(sign_in_throttle::email)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lockout_records_of_unknown_emails_are_removed_once_their_window_and_lock_have_passed() {
    let app = TestApp::spawn().await;
    let admin = agent(&app).await;
    let v = app.visitor();
    for i in 1..=3 {
        let email = format!("nobody{i}@unknown.test");
        assert_eq!(v.sign_in(&email, "guess").await.status, 422);
    }
    app.clock.advance(Duration::minutes(10));
    for _ in 0..5 {
        assert_eq!(v.sign_in("locked@unknown.test", "guess").await.status, 422);
    }
    app.clock.advance(Duration::minutes(4));
    assert_eq!(v.sign_in("recent@unknown.test", "guess").await.status, 422);
    assert_eq!(
        throttled(&app).await.len(),
        5,
        "nothing has run its course yet"
    );

    // 16 minutes in: the first three windows have passed; the lock runs until minute 25.
    app.clock.advance(Duration::minutes(2));
    assert_eq!(v.sign_in("next@unknown.test", "guess").await.status, 422);
    assert_eq!(
        throttled(&app).await,
        [
            "locked@unknown.test",
            "next@unknown.test",
            "recent@unknown.test"
        ]
    );
    assert_eq!(
        v.sign_in("locked@unknown.test", "guess").await.status,
        429,
        "the live lockout still holds"
    );

    // 31 minutes in: the lock and the other windows have passed too.
    app.clock.advance(Duration::minutes(15));
    assert_eq!(v.sign_in("last@unknown.test", "guess").await.status, 422);
    assert_eq!(throttled(&app).await, ["last@unknown.test"]);
    // A known account's lockout works as before.
    for _ in 0..5 {
        assert_eq!(v.sign_in(&admin, "wrong").await.status, 422);
    }
    assert_eq!(v.sign_in(&admin, PASSWORD).await.status, 429);
}

/// The user's e-mail and id, with `roles`, at a partner with one customer and one purchase of
/// that customer: the purchase's page is one that reads with its session check (`Reader`).
async fn purchase_page_of(app: &TestApp, roles: &[Role]) -> (String, UserId, String) {
    let shop = app.shop().await;
    let email = app.user(shop.partner).roles(roles).await;
    let id = user_id(app, &email).await;
    let page = app
        .purchase(shop.customer, "ws2022-std")
        .days_old(5)
        .await
        .path();
    (email, id, page)
}

fn sign_in_back_to(page: &str) -> String {
    format!(
        "/signin?{}",
        serde_urlencoded::to_string([("next", page)]).unwrap()
    )
}

/// A page that sends its statements with the session's check, on the session's claims, shows
/// nothing once the session has ended elsewhere or the user was disabled: not even a 404 for a
/// purchase that does not exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_read_alongside_its_session_check_shows_nothing_to_an_ended_session() {
    let app = TestApp::spawn().await;
    let (email, id, page) = purchase_page_of(&app, &[Role::AdminAgent]).await;
    let v = app.signed_in(&email).await;
    for _ in 0..2 {
        let shown = v.get(&page).await;
        assert_eq!(shown.status, 200);
        assert!(shown.contains("Windows Server 2022 Standard"));
    }
    diesel::update(user_sessions::table.filter(user_sessions::user_id.eq(id)))
        .set(user_sessions::ended_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let out = v.get(&page).await;
    assert_eq!(out.location, Some(sign_in_back_to(&page)));
    assert!(!out.contains("Windows Server"), "{}", out.body);

    let w = app.signed_in(&email).await;
    assert_eq!(w.get(&page).await.status, 200);
    diesel::update(users::table.find(id))
        .set(users::disabled_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let missing = format!("{page}0");
    assert_eq!(
        w.get(&missing).await.location,
        Some(sign_in_back_to(&missing))
    );
    assert_eq!(w.get(&page).await.location, Some(sign_in_back_to(&page)));
}

/// On the same pages, a role taken away is refused on the very next request, and any other
/// change to the account has the page asked for again and then built from the account as it
/// is now.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_read_alongside_its_session_check_follows_the_accounts_roles() {
    let app = TestApp::spawn().await;
    let (email, id, page) = purchase_page_of(&app, &[Role::AdminAgent, Role::SalesAgent]).await;
    let v = app.signed_in(&email).await;
    assert_eq!(v.get(&page).await.status, 200);
    let take = |role: &'static str| {
        diesel::delete(
            user_roles::table
                .filter(user_roles::user_id.eq(id))
                .filter(user_roles::role.eq(role)),
        )
    };
    take("sales_agent")
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let again = v.get(&page).await;
    assert_eq!(
        (again.status, again.location.as_deref()),
        (303, Some(page.as_str()))
    );
    assert!(!again.contains("Windows Server"));
    let account = v.get("/account").await;
    assert!(account.contains("Admin agent") && !account.contains("Sales agent"));
    assert_eq!(v.get(&page).await.status, 200);
    take("admin_agent")
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let refused = v.get(&page).await;
    assert_eq!(refused.status, 403, "{:?}", refused.location);
    assert!(!refused.contains("Windows Server 2022 Standard"));
}

/// The home page reads its figures alongside the session's check as well: a role taken away
/// has it asked for again and built without what the role showed, and an ended session sees
/// none of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_reads_alongside_its_session_check() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let email = app
        .user(shop.partner)
        .roles(&[Role::BillingAdmin, Role::SalesAgent])
        .await;
    app.purchase(shop.customer, "ws2022-std").days_old(0).await;
    let id = user_id(&app, &email).await;
    let v = app.signed_in(&email).await;
    let home = v.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.contains("/billing/invoices/") && home.contains("data-test=\"overview\""));

    diesel::delete(
        user_roles::table
            .filter(user_roles::user_id.eq(id))
            .filter(user_roles::role.eq("billing_admin")),
    )
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    let again = v.get("/").await;
    assert_eq!((again.status, again.location.as_deref()), (303, Some("/")));
    assert!(!again.contains("/billing/invoices/"));
    let home = v.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.contains("data-test=\"figure-ending\"") && !home.contains("/billing/invoices/"));

    diesel::update(user_sessions::table.filter(user_sessions::user_id.eq(id)))
        .set(user_sessions::ended_at.eq(chrono::Utc::now()))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let out = v.get("/").await;
    assert_eq!(out.location.as_deref(), Some("/signin"));
    assert!(!out.contains("data-test=\"overview\""), "{}", out.body);
}

/// The live sessions' versions of the account `id` and those of its ended ones.
async fn session_versions(app: &TestApp, id: UserId) -> (Vec<i64>, Vec<i64>) {
    let rows: Vec<(i64, bool)> = user_sessions::table
        .filter(user_sessions::user_id.eq(id))
        .select((
            user_sessions::claims_version,
            user_sessions::ended_at.is_null(),
        ))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    let pick = |live: bool| -> Vec<i64> {
        rows.iter()
            .filter(|(_, l)| *l == live)
            .map(|(v, _)| *v)
            .collect()
    };
    (pick(true), pick(false))
}

/// The session's check reads the account only when it may have changed: any change to the
/// account or its roles, made anywhere (here straight in the database), moves the version of
/// its live sessions. A page on claims of an older version is asked for again and then shows
/// the account as it is; one whose account came back to what the claims say is shown at once,
/// and the next check is the short one again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_change_to_an_account_moves_its_live_sessions_versions() {
    let app = TestApp::spawn().await;
    let (email, id, page) = purchase_page_of(&app, &[Role::AdminAgent]).await;
    let ended = app.signed_in(&email).await;
    assert_eq!(ended.post("/signout", &[]).await.status, 303);
    let v = app.signed_in(&email).await;
    let usual = crate::support::ordering::queries_for(&app, &v, &page).await;
    assert_eq!(session_versions(&app, id).await, (vec![1], vec![1]));

    diesel::update(users::table.find(id))
        .set(users::display_name.eq("Renamed Person"))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(session_versions(&app, id).await, (vec![2], vec![1]));
    let again = v.get(&page).await;
    assert_eq!(
        (again.status, again.location.as_deref()),
        (303, Some(page.as_str()))
    );
    let shown = v.get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.contains("Renamed Person"), "{}", shown.body);

    let give = diesel::insert_into(user_roles::table).values((
        user_roles::user_id.eq(id),
        user_roles::role.eq("sales_agent"),
    ));
    give.execute(&mut app.conn().await).await.unwrap();
    diesel::delete(user_roles::table.filter(user_roles::role.eq("sales_agent")))
        .filter(user_roles::user_id.eq(id))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(session_versions(&app, id).await, (vec![4], vec![1]));
    let before = app.queries.get();
    assert_eq!(
        v.get(&page).await.status,
        200,
        "the account is as the claims say"
    );
    assert_eq!(
        app.queries.get() - before,
        usual + 1,
        "the account was read once"
    );
    assert_eq!(
        crate::support::ordering::queries_for(&app, &v, &page).await,
        usual
    );
}
