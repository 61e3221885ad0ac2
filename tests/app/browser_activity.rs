//! Account settings in Chromium, in both views: the Global admin's activity log (the key view
//! and the link download of the Software page), its CSV, a customer's user found by typing,
//! adding an Admin agent who signs in and gets a key, and disabling a user who is then signed
//! out; a Sales agent has neither.

use chrono::Duration;
use cspdesk::auth::Role;
use cspdesk::clock::Clock;
use fantoccini::Locator;

use crate::support::TestApp;
use crate::support::browser::Browser;
use crate::support::browser::signed_in;
use crate::support::fixtures_people::account;
use crate::support::software::{copy_link, stored_key, variant_id};

/// Gear icon › Account settings, then one of its tabs.
async fn account_tab(b: &Browser, href: &str) {
    b.click("summary[data-test=gear]").await;
    b.click_to_new_page(".gear-panel a[href='/account']").await;
    b.wait_for("ul[data-test=my-roles]").await;
    if href != "/account" {
        b.click_to_new_page(&format!("nav[data-test=account-tabs] a[href='{href}']"))
            .await;
    }
}

async fn set_value(b: &Browser, css: &str, value: &str) {
    b.client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1]",
            vec![css.into(), value.into()],
        )
        .await
        .expect("set a value");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_a_global_admin_reads_the_log_exports_it_and_adds_an_admin_agent() {
    story(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_a_global_admin_reads_the_log_exports_it_and_adds_an_admin_agent() {
    story(true).await;
}

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let admin = app.user(partner).roles(&[Role::AdminAgent]).await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let customer = app.customer(partner).named("Adatum Corporation").await;
    let line = app.purchase(customer, "ws2022-std").days_old(88).await.line;
    // What the Software page's story leaves behind: a key view, a link, a download by link.
    let purchase = format!("/customers/{customer}/software/{line}");
    let agent = app.signed_in(&admin).await;
    assert_eq!(agent.get(&format!("{purchase}/key")).await.status, 200);
    let link = copy_link(&agent, &purchase, &variant_id(&app, line).await.to_string()).await;
    assert_eq!(app.visitor().get(&link).await.status, 200);
    // The customer's own admin views the key too: not staff, found by typing.
    let own_admin = app
        .user(partner)
        .customer(customer)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let own = app.signed_in(&own_admin).await;
    let own_key = format!("/your-products/software/{line}/key");
    assert_eq!(own.get(&own_key).await.status, 200);

    let b = signed_in(&app, &global, current_view).await;
    account_tab(&b, "/account/activity").await;
    b.wait_for("form[data-test=activity-filter]").await;
    let today = app.clock.now().date_naive();
    set_value(&b, "#from", &(today - Duration::days(6)).to_string()).await;
    set_value(&b, "#to", &today.to_string()).await;
    b.click_to_new_page("button[data-test=activity-show]").await;
    b.wait_for("table[data-test=activity]").await;
    let table = b.text("table[data-test=activity]").await;
    for expected in [
        "Key viewed",
        "Link created",
        "Downloaded by link",
        admin.as_str(),
        "Download link, from 127.0.0.1",
        "Adatum Corporation",
        "Windows Server 2022 Standard",
    ] {
        assert!(table.contains(expected), "{expected} in {table}");
    }
    let range = b.text("p[data-test=activity-range]").await;
    assert!(
        range.contains(&today.format("%B %-d, %Y").to_string()),
        "{range}"
    );

    // The export, fetched by the page itself with its session.
    let href = b
        .client
        .find(Locator::Css("a[data-test=activity-export]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .expect("an export link");
    let csv = b
        .client
        .execute(
            "return fetch(arguments[0]).then(r => r.text())",
            vec![href.into()],
        )
        .await
        .expect("the CSV");
    let csv = csv.as_str().unwrap_or_default();
    assert!(csv.starts_with("Time (UTC),User,Customer,Tenant ID"));
    assert_eq!(csv.lines().count(), 5, "the header and four records: {csv}");
    assert!(csv.contains("Key viewed") && csv.contains("Downloaded by link"));

    // The staff list does not hold the customer's admin; typing their address finds them.
    let staff = b.texts("select#user option").await.join(" ");
    assert!(!staff.contains(own_admin.as_str()), "{staff}");
    b.fill("#who", &own_admin.to_uppercase()).await;
    b.click_to_new_page("button[data-test=activity-show]").await;
    let rows = b.texts("tr[data-test=activity-row]").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].contains(own_admin.as_str()) && rows[0].contains("Key viewed"),
        "{rows:?}"
    );

    // A new Admin agent, with a set-password link.
    b.click_to_new_page("nav[data-test=account-tabs] a[href='/account/users']")
        .await;
    b.click_to_new_page("a[data-test=add-user]").await;
    b.fill("#name", "Dana Admin-Agent").await;
    b.fill("#email", "dana@contoso.example").await;
    b.click("input[name=roles][value=admin_agent]").await;
    b.click("input[name=credential][value=link]").await;
    b.click_to_new_page("button[data-test=add-user-submit]")
        .await;
    b.wait_for("code[data-test=set-password-link]").await;
    let link = b.text("code[data-test=set-password-link]").await;
    let path = link[link.find("/set-password/").unwrap()..].to_string();
    b.assert_console_clean().await;
    b.close().await;

    // Dana opens the link in her own browser, chooses a password, signs in, gets the key.
    let dana = Browser::open(&app.base).await;
    dana.goto(&path).await;
    dana.fill("#password", "dana's own password").await;
    dana.fill("#confirm", "dana's own password").await;
    dana.click_to_new_page("button[data-test=password-submit]")
        .await;
    dana.wait_for("#email").await;
    dana.fill("#email", "dana@contoso.example").await;
    dana.fill("#password", "dana's own password").await;
    dana.click_to_new_page("form.stacked button[type=submit]")
        .await;
    dana.wait_for("summary[data-test=gear]").await;
    dana.goto(&format!("{purchase}/key")).await;
    let key = stored_key(&app, line).await;
    dana.wait_for("main").await;
    assert!(dana.text("main").await.contains(&key));
    dana.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_both_views_a_sales_agent_has_no_activity_log_and_gets_403_by_address() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let sales = app.user(partner).roles(&[Role::SalesAgent]).await;
    for current_view in [false, true] {
        let b = signed_in(&app, &sales, current_view).await;
        account_tab(&b, "/account").await;
        assert!(!b.exists("a[href='/account/activity']").await);
        assert!(!b.exists("a[href='/account/users']").await);
        b.goto("/account/activity").await;
        b.wait_for("section.error-page[data-status='403']").await;
        b.assert_console_clean_but(Some(403)).await;
        b.quit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_both_views_a_global_admin_disables_a_user_who_is_then_signed_out() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let helpdesk = app.user(partner).roles(&[Role::HelpdeskAgent]).await;
    let billing = app.user(partner).roles(&[Role::BillingAdmin]).await;
    for (current_view, email) in [(false, &helpdesk), (true, &billing)] {
        let user = signed_in(&app, email, current_view).await;
        let admin = signed_in(&app, &global, current_view).await;
        account_tab(&admin, "/account/users").await;
        admin
            .click_to_new_page(&format!("tr[data-email='{email}'] a"))
            .await;
        // Disabling asks first, naming who is signed out; going back changes nothing.
        admin.click("button[data-test=disable-user]").await;
        admin
            .wait_for("dialog[open] [data-test=confirm-says]")
            .await;
        let says = admin.text("dialog[open] [data-test=confirm-panel]").await;
        assert!(
            says.contains(email.as_str()) && says.contains("signed out at once"),
            "{says}"
        );
        admin.click("dialog[open] a[data-test=confirm-back]").await;
        assert!(!admin.exists("dialog[open]").await);
        assert_eq!(admin.text("dd[data-test=member-status]").await, "Active");
        disable_confirmed(&admin).await;
        admin.wait_for("p.flash-success").await;
        assert_eq!(admin.text("dd[data-test=member-status]").await, "Disabled");
        // The user's very next click leads to the sign-in page.
        user.click("summary[data-test=gear]").await;
        user.click_to_new_page(".gear-panel a[href='/account']")
            .await;
        user.wait_for("#email").await;
        assert!(user.path().await.starts_with("/signin"));
        user.close().await;
        admin.close().await;
    }
}

async fn choose(b: &Browser, select: &str, value: &str) {
    b.client
        .find(Locator::Css(select))
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{select} › {value}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_user_changes_one_time_passwords_and_the_log_filters_work() {
    user_controls(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_user_changes_one_time_passwords_and_the_log_filters_work() {
    user_controls(true).await;
}

/// Every control of a user's page, the one-time password's first sign-in, changing one's own
/// password, and the log's operation and user filters and its pages.
async fn user_controls(current_view: bool) {
    let app = TestApp::spawn().await;
    let contoso = app.partner("Contoso").await;
    let global = app.user(contoso).roles(&[Role::GlobalAdmin]).await;
    let sales = app.user(contoso).roles(&[Role::SalesAgent]).await;
    let sales = sales.as_str();
    let admin = signed_in(&app, &global, current_view).await;
    account_tab(&admin, "/account/users").await;
    admin
        .click_to_new_page(&format!("tr[data-email='{sales}'] a"))
        .await;
    admin.click("input[name=roles][value=admin_agent]").await;
    admin
        .click_to_new_page("button[data-test=save-roles]")
        .await;
    admin.wait_for("p.flash-success").await;
    assert_eq!(
        admin.text("dd[data-test=member-roles]").await,
        "Admin agent, Sales agent"
    );
    disable_confirmed(&admin).await;
    admin
        .click_to_new_page("button[data-test=enable-user]")
        .await;
    assert_eq!(admin.text("dd[data-test=member-status]").await, "Active");
    admin.click("input[name=credential][value=password]").await;
    admin
        .click_to_new_page("button[data-test=issue-credential]")
        .await;
    let one_time = admin.text("code[data-test=one-time-password]").await;

    // The one-time password leads straight to choosing a new one, then to the dashboard.
    let sam = Browser::open(&app.base).await;
    sam.goto("/signin").await;
    sam.fill("#email", sales).await;
    sam.fill("#password", &one_time).await;
    sam.click_to_new_page("form.stacked button[type=submit]")
        .await;
    sam.wait_for("form[data-test=password-form]").await;
    assert!(!sam.exists("#current").await);
    sam.fill("#password", "sam's first password").await;
    sam.fill("#confirm", "sam's first password").await;
    sam.click_to_new_page("button[data-test=password-submit]")
        .await;
    sam.wait_for("p.flash-success").await;
    // Later, from My profile, with the current password.
    account_tab(&sam, "/account").await;
    sam.click_to_new_page("a[data-test=change-password]").await;
    sam.fill("#current", "sam's first password").await;
    sam.fill("#password", "sam's second password").await;
    sam.fill("#confirm", "sam's second password").await;
    sam.click_to_new_page("button[data-test=password-submit]")
        .await;
    sam.wait_for("p.flash-success").await;
    sam.close().await;

    // 60 more sign-ins of Sam, so the log has a second page.
    let (partner, sam_id) = account(&app, sales).await;
    let now = app.clock.now();
    let mut conn = app.conn().await;
    for i in 0..60 {
        use cspdesk::db::schema::activity;
        use diesel::ExpressionMethods;
        use diesel_async::RunQueryDsl;
        diesel::insert_into(activity::table)
            .values((
                activity::partner_id.eq(partner),
                activity::at.eq(now - Duration::minutes(i + 1)),
                activity::actor_user_id.eq(sam_id),
                activity::actor.eq(sales),
                activity::operation.eq("signed_in"),
            ))
            .execute(&mut conn)
            .await
            .unwrap();
    }
    drop(conn);
    admin
        .click_to_new_page("nav[data-test=account-tabs] a[href='/account/activity']")
        .await;
    choose(&admin, "#op", "user_roles_changed").await;
    admin
        .click_to_new_page("button[data-test=activity-show]")
        .await;
    let roles = admin.text("table[data-test=activity]").await;
    assert!(
        roles.contains("Roles changed") && roles.contains(sales),
        "{roles}"
    );
    choose(&admin, "#op", "signed_in").await;
    choose(&admin, "#user", &sam_id.to_string()).await;
    admin
        .click_to_new_page("button[data-test=activity-show]")
        .await;
    let first = admin.text("table[data-test=activity]").await;
    assert!(!first.contains(&global), "only Sam's sign-ins");
    admin.click_to_new_page("a[data-test=activity-older]").await;
    assert!(admin.exists("tr[data-test=activity-row]").await);
    admin
        .click_to_new_page("a[data-test=activity-newest]")
        .await;
    assert_eq!(admin.text("table[data-test=activity]").await, first);
    admin.close().await;
}

/// Disable user, confirmed in its dialog.
async fn disable_confirmed(admin: &Browser) {
    admin.click("button[data-test=disable-user]").await;
    admin
        .wait_for("dialog[open] button[data-test=confirm]")
        .await;
    admin
        .click_to_new_page("dialog[open] button[data-test=confirm]")
        .await;
}
