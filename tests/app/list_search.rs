//! Sorting and searching the long lists: the Software tab (partner's and the customer's own) by
//! product, and support requests (the partner's list and the support console) by number,
//! title or customer. Every variant turns its pages by keyset, reading as much on a later page
//! as on the first.

use cspdesk::auth::Role;
use cspdesk::ids::LineId;

use crate::support::ordering::{keyset_pages, order_number};
use crate::support::requests::file_request;
use crate::support::{Resp, TestApp};

/// The purchases a Software list shows, in its order (each once, though a row links twice).
fn purchases(pages: &[Resp], base: &str) -> Vec<LineId> {
    let mut lines: Vec<LineId> = Vec::new();
    for page in pages {
        for rest in page.body.split(&format!("href=\"{base}/")).skip(1) {
            let Some(line) = rest.get(..36).and_then(LineId::parse) else {
                continue;
            };
            if lines.last() != Some(&line) {
                lines.push(line);
            }
        }
    }
    lines
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_software_tab_sorts_either_way_and_finds_purchases_by_product() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    // 60 purchases, one a day, newest first; every third one is SQL Server.
    let (mut newest_first, mut sql) = (Vec::new(), Vec::new());
    for i in 0..60 {
        let sku = if i % 3 == 0 {
            "sql2022-std"
        } else {
            "ws2022-std"
        };
        let p = app.purchase(shop.customer, sku).days_old(i + 1).await;
        newest_first.push(p.line);
        if i % 3 == 0 {
            sql.push(p.line);
        }
    }
    let tab = format!("/customers/{}", shop.customer);
    let base = format!("{tab}/software");

    let newest = keyset_pages(&app, &v, &tab).await;
    assert_eq!(newest.len(), 3);
    assert_eq!(purchases(&newest, &base), newest_first);
    assert!(newest[0].contains("aria-sort=\"descending\""));
    assert!(newest[0].contains(&format!(
        "href=\"{tab}?sort=oldest\" data-test=\"sort-software-find\""
    )));
    let oldest = keyset_pages(&app, &v, &format!("{tab}?sort=oldest")).await;
    let reversed = |l: &[LineId]| l.iter().rev().copied().collect::<Vec<_>>();
    assert_eq!(purchases(&oldest, &base), reversed(&newest_first));

    // By part of a product's name, in either order, over pages that keep the search.
    let found = keyset_pages(&app, &v, &format!("{tab}?q=sql+server")).await;
    assert_eq!(purchases(&found, &base), sql);
    assert!(found[0].contains("Purchases matching “sql server”"));
    assert!(found[0].contains("value=\"sql server\""));
    let found = keyset_pages(&app, &v, &format!("{tab}?q=SQL&sort=oldest")).await;
    assert_eq!(purchases(&found, &base), reversed(&sql));
    assert!(found[0].contains(&format!(
        "href=\"{tab}?sort=oldest\" data-test=\"software-find-clear\""
    )));
    for nothing in ["Exchange", "%", "_"] {
        let none = v.get(&format!("{tab}?q={nothing}")).await;
        assert_eq!(none.status, 200);
        assert!(
            none.contains("No purchase of a product by that name."),
            "{nothing}"
        );
    }

    // By product, A to Z then Z to A by the same header, newest first within a product; each
    // order's pages cross from one product to the next without a gap or a repeat.
    let windows: Vec<LineId> = newest_first
        .iter()
        .filter(|l| !sql.contains(l))
        .copied()
        .collect();
    let a_to_z = keyset_pages(&app, &v, &format!("{tab}?sort=product")).await;
    assert_eq!(a_to_z.len(), 3);
    assert_eq!(
        purchases(&a_to_z, &base),
        [sql.clone(), windows.clone()].concat()
    );
    assert!(a_to_z[0].contains(&format!(
        "aria-sort=\"ascending\"><a href=\"{tab}?sort=product_desc\" data-test=\"sort-product\""
    )));
    let z_to_a = keyset_pages(&app, &v, &format!("{tab}?sort=product_desc")).await;
    assert_eq!(
        purchases(&z_to_a, &base),
        [windows.clone(), sql.clone()].concat()
    );
    let found = keyset_pages(&app, &v, &format!("{tab}?sort=product_desc&q=server")).await;
    assert_eq!(purchases(&found, &base), [windows, sql.clone()].concat());
    assert!(found[0].contains("<input type=\"hidden\" name=\"sort\" value=\"product_desc\">"));

    // The customer's own admin searches their own Software list the same way.
    let own = app
        .user(shop.partner)
        .customer(shop.customer)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let own = app.signed_in(&own).await;
    let found = keyset_pages(&app, &own, "/your-products/software?q=SQL").await;
    assert_eq!(purchases(&found, "/your-products/software"), sql);
    let own_list = "/your-products/software?sort=product";
    let by_product = keyset_pages(&app, &own, own_list).await;
    assert_eq!(
        purchases(&by_product, "/your-products/software")[..20],
        sql[..]
    );
}

/// The request numbers a list shows, in its order.
fn numbers(pages: &[Resp], row: &str) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| {
            p.body
                .split(&format!("data-test=\"{row}\""))
                .skip(1)
                .map(|r| {
                    let link = &r[r.find("<a href=\"").unwrap()..];
                    let text = &link[link.find("\">").unwrap() + 2..];
                    text[..text.find('<').unwrap()].to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_requests_sort_and_are_found_by_number_title_or_customer() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let v = app.signed_in(&shop.agent).await;
    let fabrikam = app.customer(shop.partner).named("Fabrikam Stores").await;
    let northwind = app.purchase(shop.customer, "ws2022-std").await;
    let fabrikam_order = app.purchase(fabrikam, "ws2022-std").await;
    let (tenant, other) = (shop.customer.to_string(), fabrikam.to_string());
    let (order, other_order) = (
        order_number(&app, northwind.order).await,
        order_number(&app, fabrikam_order.order).await,
    );
    // 30 about Northwind's key, then 3 about Fabrikam's ISO.
    for i in 0..30 {
        app.clock.advance(chrono::Duration::minutes(1));
        file_request(&v, &tenant, &order, &format!("Key {i} does not activate")).await;
    }
    for i in 0..3 {
        app.clock.advance(chrono::Duration::minutes(1));
        file_request(&v, &other, &other_order, &format!("ISO {i} is corrupt")).await;
    }
    let all = keyset_pages(&app, &v, "/support").await;
    let newest_first = numbers(&all, "support-row");
    assert_eq!(newest_first.len(), 33);
    let oldest = keyset_pages(&app, &v, "/support?sort=oldest").await;
    let mut oldest_first = newest_first.clone();
    oldest_first.reverse();
    assert_eq!(numbers(&oldest, "support-row"), oldest_first);
    assert!(oldest[0].contains("aria-sort=\"ascending\""));

    // By number, by part of a title (over two pages), by part of a customer's name.
    let one = &newest_first[7];
    let found = v.get(&format!("/support?q={one}")).await;
    assert_eq!(numbers(&[found], "support-row"), vec![one.to_string()]);
    let keys = keyset_pages(&app, &v, "/support?q=does+not+ACTIVATE").await;
    assert_eq!(keys.len(), 2);
    assert_eq!(numbers(&keys, "support-row"), newest_first[3..].to_vec());
    let by_customer = v.get("/support?q=fabrikam&sort=oldest").await;
    let mut fabrikam_first = newest_first[..3].to_vec();
    fabrikam_first.reverse();
    assert_eq!(numbers(&[by_customer], "support-row"), fabrikam_first);
    let none = v.get("/support?q=printer").await;
    assert!(none.contains("No request has that number, title or customer."));
    // The waiting filter keeps the search, and the search keeps the filter.
    let waiting = v.get("/support?status=waiting_for_partner&q=key").await;
    assert_eq!(waiting.status, 200);
    assert!(waiting.contains("name=\"status\" value=\"waiting_for_partner\""));
    // Another partner finds none of them.
    let rival = crate::support::fixtures_people::other_shop(&app).await;
    let rival = app.signed_in(&rival.agent).await;
    assert!(
        numbers(
            &[rival.get(&format!("/support?q={one}")).await],
            "support-row"
        )
        .is_empty()
    );

    // Support finds them in the console the same ways.
    let support = app.support_engineer().await;
    let support = app.signed_in(&support).await;
    let found = support.get(&format!("/console?status=all&q={one}")).await;
    assert_eq!(found.status, 200);
    assert_eq!(numbers(&[found], "queue-row"), vec![one.to_string()]);
    let by_title = keyset_pages(&app, &support, "/console?status=all&sort=newest&q=activate").await;
    assert_eq!(numbers(&by_title, "queue-row"), newest_first[3..].to_vec());
    let by_customer = support.get("/console?q=Fabrikam+Stores").await;
    assert_eq!(numbers(&[by_customer], "queue-row"), fabrikam_first);
}
