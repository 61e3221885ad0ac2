//! Sorting and searching lists in a real Chromium, in both views: Customers by domain either
//! way, the Software tab by date either way and by product, Order history by date and by order
//! number, My support requests by title, User management by name, and the support console by
//! customer, each by clicking its header or typing in its search box.
//! The Workspaces view's run is on a phone's screen (390×844), the Current view's at the
//! desktop size.

use cspdesk::auth::Role;

use crate::support::TestApp;
use crate::support::browser::{assert_fits, open_customer, open_workspace, story_browser};
use crate::support::ordering::order_number;
use crate::support::requests::file_request;

async fn story(current_view: bool) {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let oldest = app.purchase(shop.customer, "ws2022-std").days_old(5).await;
    let sql = app.purchase(shop.customer, "sql2022-std").days_old(3).await;
    let newest = app.purchase(shop.customer, "ws2022-std").days_old(1).await;
    let b = story_browser(&app, &shop.agent, current_view).await;

    // Customers: by domain by its header, then Z to A by the same header again.
    let tag = &shop.partner.to_string()[..8];
    for (name, domain) in [("Adatum", "adatum"), ("Tailspin", "a-tailspin")] {
        let domain = format!("{domain}-{tag}.test");
        app.customer(shop.partner).named(name).domain(&domain).await;
    }
    open_workspace(&b, current_view, "/customers").await;
    let names = "table[data-test=customers] tbody td:first-child";
    let by_name = b.texts(names).await;
    assert_eq!(by_name[..2], ["Adatum", "Northwind"]);
    b.click_to_new_page("a[data-test=sort-domain]").await;
    assert_eq!(b.texts(names).await[..2], ["Tailspin", "Adatum"]);
    b.click_to_new_page("a[data-test=sort-domain]").await;
    assert_eq!(b.path().await, "/customers?sort=domain_desc");
    assert_eq!(b.texts(names).await.last().unwrap(), "Tailspin");

    // The Software tab: newest first, then oldest first by its header, then only SQL Server.
    open_customer(&b, current_view, "Northwind").await;
    let lines = "tr[data-test=purchase-row] td[data-line]";
    let ids =
        |p: &[crate::support::Purchase]| p.iter().map(|p| p.line.to_string()).collect::<Vec<_>>();
    assert_eq!(
        b.attributes(lines, "data-line").await,
        ids(&[newest, sql, oldest])
    );
    b.click_to_new_page("a[data-test=sort-software-find]").await;
    assert_eq!(
        b.attributes(lines, "data-line").await,
        ids(&[oldest, sql, newest])
    );
    b.fill("#software-find-q", "sql server").await;
    b.click_to_new_page("form[data-test=software-find] button[type=submit]")
        .await;
    assert_eq!(b.attributes(lines, "data-line").await, ids(&[sql]));
    let path = b.path().await;
    assert!(
        path.contains("sort=oldest") && path.contains("q=sql+server"),
        "{path}"
    );
    b.click_to_new_page("a[data-test=software-find-clear]")
        .await;
    assert_eq!(b.attributes(lines, "data-line").await.len(), 3);
    // By product: SQL Server before Windows Server, newest first within a product.
    b.click_to_new_page("a[data-test=sort-product]").await;
    assert_eq!(
        b.attributes(lines, "data-line").await,
        ids(&[sql, newest, oldest])
    );

    // Order history: oldest first by its header, then one order found by its number.
    b.goto(&format!("/customers/{}/orders", shop.customer))
        .await;
    let numbers = "table[data-test=order-history] tbody tr td:first-child a";
    let n = |p: crate::support::Purchase| {
        let app = &app;
        async move { order_number(app, p.order).await }
    };
    let (first, middle, last) = (n(oldest).await, n(sql).await, n(newest).await);
    assert_eq!(
        b.texts(numbers).await,
        [last.clone(), middle.clone(), first.clone()]
    );
    b.click_to_new_page("a[data-test=sort-placed]").await;
    assert_eq!(
        b.texts(numbers).await,
        [first.clone(), middle.clone(), last.clone()]
    );
    b.fill("#order-search", &middle).await;
    b.click_to_new_page("form[data-test=order-search] button[type=submit]")
        .await;
    assert_eq!(b.texts(numbers).await, vec![middle.to_string()]);
    assert_fits(&b).await;

    // My support requests: found by part of a title.
    let v = app.signed_in(&shop.agent).await;
    let tenant = shop.customer.to_string();
    for title in ["The key does not activate", "The ISO is corrupt"] {
        file_request(&v, &tenant, &first, title).await;
    }
    b.goto("/support").await;
    let rows = "tr[data-test=support-row]";
    assert_eq!(b.texts(rows).await.len(), 2);
    b.fill("#support-find-q", "iso").await;
    b.click_to_new_page("form[data-test=support-find] button[type=submit]")
        .await;
    let found = b.texts(rows).await;
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("The ISO is corrupt"), "{found:?}");
    b.assert_console_clean().await;
    b.quit().await;

    // User management, as a Global admin: by name by its header, then found by typing.
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let b = story_browser(&app, &global, current_view).await;
    b.goto("/account/users").await;
    let emails = "tr[data-test=user-row]";
    let by_email = b.attributes(emails, "data-email").await;
    let mut sorted = by_email.clone();
    sorted.sort();
    assert_eq!(by_email, sorted);
    b.click_to_new_page("a[data-test=sort-name]").await;
    assert!(b.path().await.contains("sort=name"));
    let tag = shop.agent.trim_start_matches("user-").split('@').next();
    b.fill("#users-find-q", tag.unwrap()).await;
    b.click_to_new_page("form[data-test=users-find] button[type=submit]")
        .await;
    assert_eq!(
        b.attributes(emails, "data-email").await,
        vec![shop.agent.to_string()]
    );
    b.quit().await;

    // The support console, as support: a request found by its customer's name.
    let support = app.support_engineer().await;
    let b = story_browser(&app, &support, current_view).await;
    b.goto("/console?status=all").await;
    assert_eq!(b.count("tr[data-test=queue-row]").await, 2);
    b.fill("#q", "northwind").await;
    b.click_to_new_page("form[data-test=queue-filter] button[type=submit]")
        .await;
    assert_eq!(b.count("tr[data-test=queue-row]").await, 2);
    b.fill("#q", "no such customer").await;
    b.click_to_new_page("form[data-test=queue-filter] button[type=submit]")
        .await;
    assert!(b.exists("p[data-test=queue-empty]").await);
    b.assert_console_clean().await;
    b.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_in_workspaces_view_lists_sort_by_their_header_and_find_by_typing() {
    story(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_lists_sort_by_their_header_and_find_by_typing() {
    story(true).await;
}
