//! A cart becomes at most one order, however many Review pages, users or requests submit it.

use std::sync::Arc;

use cspdesk::auth::Role;
use cspdesk::db::schema::{activity, order_lines, orders};
use cspdesk::ids::CustomerId;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::TestApp;
use crate::support::ordering::{fill_cart, keys_of, order_count, review_pages, submit_all};

async fn order_lines_of(app: &TestApp, customer: CustomerId) -> i64 {
    order_lines::table
        .inner_join(orders::table)
        .filter(orders::customer_id.eq(customer))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

async fn placed_records(app: &TestApp, customer: CustomerId) -> i64 {
    activity::table
        .filter(activity::operation.eq("order_placed"))
        .filter(activity::customer_id.eq(customer))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_review_pages_of_one_cart_submitted_at_once_place_one_order() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    assert_eq!(fill_cart(&app, &v, &base).await.status, 200);
    let forms = review_pages(&v, &base, 10).await;
    let tokens: std::collections::HashSet<_> = forms.iter().map(|f| f.1.clone()).collect();
    assert_eq!(tokens.len(), 10, "each Review page has its own token");
    let v = Arc::new(v);
    let answers = submit_all(
        forms
            .into_iter()
            .map(|f| (v.clone(), base.clone(), f))
            .collect(),
    )
    .await;
    let locations: std::collections::HashSet<_> = answers
        .iter()
        .map(|a| {
            assert_eq!(a.status, 303, "{}", a.body);
            a.location.clone().unwrap()
        })
        .collect();
    assert_eq!(
        order_count(&app, shop.customer).await,
        1,
        "one cart, one order"
    );
    assert_eq!(
        order_lines_of(&app, shop.customer).await,
        2,
        "one set of lines"
    );
    assert_eq!(
        keys_of(&app, shop.customer).await.len(),
        2,
        "one set of keys"
    );
    assert_eq!(
        placed_records(&app, shop.customer).await,
        1,
        "one activity record"
    );
    assert_eq!(locations.len(), 1, "every submit leads to the one order");
    // The submits share one cookie, so the last answer's message is the one shown: either the
    // order was placed, or (more likely) it says the cart was already ordered.
    let order = v.get(locations.iter().next().unwrap()).await;
    assert!(
        order.contains("was placed.") || order.contains("This cart was already ordered as order"),
        "{}",
        order.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_review_page_submitted_later_is_told_the_cart_was_ordered() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let base = format!("/customers/{}", shop.customer);
    fill_cart(&app, &v, &base).await;
    let forms = review_pages(&v, &base, 2).await;
    let submit = |(csrf, token, seen): &(String, String, String)| {
        let fields = [
            ("csrf_token", csrf.clone()),
            ("order_token", token.clone()),
            ("seen", seen.clone()),
        ];
        let (v, path) = (v.clone(), format!("{base}/orders"));
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            v.post_raw(&path, &fields).await
        }
    };
    let first = submit(&forms[0]).await;
    let order = v.get(first.location.as_deref().unwrap()).await;
    let marker = "data-test=\"order-number\">";
    let at = order.body.find(marker).unwrap() + marker.len();
    let number = order.body[at..at + order.body[at..].find('<').unwrap()].to_string();
    let second = submit(&forms[1]).await;
    assert_eq!(second.status, 303);
    assert_eq!(second.location, first.location, "it links to the order");
    let page = v.get(second.location.as_deref().unwrap()).await;
    assert!(
        page.contains(&format!(
            "This cart was already ordered as order {number}, from another Review page"
        )),
        "{}",
        page.body
    );
    assert_eq!(order_count(&app, shop.customer).await, 1);
    assert_eq!(placed_records(&app, shop.customer).await, 1);
    // A Review page opened after the order starts a new cart, which orders normally.
    fill_cart(&app, &v, &base).await;
    let later = review_pages(&v, &base, 1).await;
    let third = submit(&later[0]).await;
    assert_ne!(third.location, first.location);
    assert_eq!(order_count(&app, shop.customer).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_users_carts_of_one_customer_stay_independent_under_parallel_submits() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let base = format!("/customers/{}", shop.customer);
    let mut forms = Vec::new();
    for email in [&shop.agent, &sales] {
        let v = app.signed_in(email).await;
        fill_cart(&app, &v, &base).await;
        let pages = review_pages(&v, &base, 5).await;
        let v = Arc::new(v);
        forms.extend(pages.into_iter().map(|f| (v.clone(), base.clone(), f)));
    }
    let answers = submit_all(forms).await;
    assert!(answers.iter().all(|a| a.status == 303));
    let locations: std::collections::HashSet<_> =
        answers.iter().map(|a| a.location.clone()).collect();
    assert_eq!(locations.len(), 2, "two carts, two orders");
    assert_eq!(order_count(&app, shop.customer).await, 2);
    assert_eq!(order_lines_of(&app, shop.customer).await, 4);
    assert_eq!(placed_records(&app, shop.customer).await, 2);
}
