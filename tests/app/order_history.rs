//! Order history sorts by its date either way, page by page through the same orders, and finds
//! an order by its number or by a product in it; every variant reads a page the same way.

use cspdesk::ids::OrderId;

use crate::support::ordering::{fill_cart, keyset_pages, order_number, place_fields, queries_for};
use crate::support::{Resp, TestApp};

/// The orders a page lists, in its order.
fn listed(page: &Resp, list: &str) -> Vec<OrderId> {
    page.body
        .split(&format!("href=\"{list}/"))
        .skip(1)
        .filter_map(|rest| OrderId::parse(rest.split('"').next()?))
        .collect()
}

fn all_listed(pages: &[Resp], list: &str) -> Vec<OrderId> {
    pages.iter().flat_map(|p| listed(p, list)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_history_sorts_either_way_and_finds_an_order_by_number_or_product() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    // 60 orders, one a day, newest first; every third one is SQL Server.
    let mut newest_first = Vec::new();
    let mut sql = Vec::new();
    for i in 0..60 {
        let sku = if i % 3 == 0 {
            "sql2022-std"
        } else {
            "ws2022-std"
        };
        let p = app.purchase(shop.customer, sku).days_old(i + 1).await;
        newest_first.push(p.order);
        if i % 3 == 0 {
            sql.push(p.order);
        }
    }
    let list = format!("/customers/{}/orders", shop.customer);

    let newest = keyset_pages(&app, &v, &list).await;
    assert_eq!(newest.len(), 3);
    assert_eq!(all_listed(&newest, &list), newest_first);
    assert!(newest[0].contains("aria-sort=\"descending\""));
    assert!(newest[0].contains(&format!(
        "href=\"{list}?sort=oldest\" data-test=\"sort-placed\""
    )));
    let oldest = keyset_pages(&app, &v, &format!("{list}?sort=oldest")).await;
    let mut oldest_first = newest_first.clone();
    oldest_first.reverse();
    assert_eq!(all_listed(&oldest, &list), oldest_first);
    assert!(oldest[0].contains("aria-sort=\"ascending\""));
    assert!(
        oldest[1].contains("sort=oldest&#38;after="),
        "the next page keeps the order"
    );

    // By number: that order alone.
    let wanted = newest_first[41];
    let number = order_number(&app, wanted).await;
    let found = v.get(&format!("{list}?q={number}")).await;
    assert_eq!(listed(&found, &list), vec![wanted]);
    assert!(found.contains(&format!("Orders matching “{number}”")));
    // By part of a product's name, in either order, over pages that continue the search.
    let by_product = keyset_pages(&app, &v, &format!("{list}?q=sql+server")).await;
    assert_eq!(all_listed(&by_product, &list), sql);
    let by_product_oldest =
        keyset_pages(&app, &v, &format!("{list}?q=SQL+Server&sort=oldest")).await;
    let mut sql_oldest = sql.clone();
    sql_oldest.reverse();
    assert_eq!(all_listed(&by_product_oldest, &list), sql_oldest);
    // Nothing found says so; wildcards are text.
    for nothing in ["Exchange", "%", "_"] {
        let none = v.get(&format!("{list}?q={nothing}")).await;
        assert_eq!(none.status, 200);
        assert!(none.contains("No order has that number or a product by that name."));
    }
    // An order with two lines that match (Windows Server and SQL Server) is listed once, as
    // is every other order, over pages.
    let base = format!("/customers/{}", shop.customer);
    let (token, seen) = place_fields(&fill_cart(&app, &v, &base).await.body);
    let placed = v
        .post(
            &format!("{base}/orders"),
            &[("order_token", &token), ("seen", &seen)],
        )
        .await;
    let both = OrderId::parse(placed.location.unwrap().rsplit('/').next().unwrap()).unwrap();
    let every = keyset_pages(&app, &v, &format!("{list}?q=server")).await;
    let mut all = vec![both];
    all.extend(newest_first.iter().copied());
    assert_eq!(all_listed(&every, &list), all);
    // A search reads as much as the plain list.
    let plain = queries_for(&app, &v, &list).await;
    assert_eq!(queries_for(&app, &v, &format!("{list}?q=sql")).await, plain);
    assert_eq!(
        queries_for(&app, &v, &format!("{list}?q={number}")).await,
        plain
    );
}
