//! A customer's software through the API: purchases with their variants, the key (recorded
//! before it is returned, done by the token), a download link that downloads, and the
//! dashboard's refusals (cancelled, another partner's, a plan without keys).

use cspdesk::db::schema::activity;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde_json::json;

use crate::support::TestApp;
use crate::support::api::token;
use crate::support::fixtures_people::other_shop;
use crate::support::software::{filed_variant, stored_key};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_program_lists_software_reads_a_key_and_makes_a_link_that_downloads() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let api = token(&app, shop.partner, &["software:keys"]).await;
    let base = format!("/v1/customers/{}/software", shop.customer);

    let list = api.get(&base).await;
    assert_eq!(list.status, 200, "{:?}", list.json);
    let item = &list.json["items"][0];
    assert_eq!(item["id"], ws.line.to_string());
    assert_eq!(
        (item["status"].as_str(), item["hasKeys"].as_bool()),
        (Some("active"), Some(true))
    );
    let variant = filed_variant(&app, ws.line).await.to_string();
    let listed = item["variants"].as_array().unwrap();
    assert!(
        listed
            .iter()
            .any(|v| v["id"] == variant.as_str() && v["available"] == true)
    );

    let key = api
        .post(&format!("{base}/{}/key", ws.line), &json!({}))
        .await;
    assert_eq!(key.status, 200, "{:?}", key.json);
    assert_eq!(key.json["productKey"], stored_key(&app, ws.line).await);
    assert_eq!(key.headers["cache-control"], "no-store");

    let link = api
        .post(
            &format!("{base}/{}/variants/{variant}/links", ws.line),
            &json!({}),
        )
        .await;
    assert_eq!(link.status, 201, "{:?}", link.json);
    let uri = link.json["uri"].as_str().unwrap();
    let path = &uri[uri.find("/dl/").expect("a download link")..];
    let file = reqwest::get(format!("{}{path}", app.base)).await.unwrap();
    assert_eq!(file.status(), 200);
    assert!(!file.bytes().await.unwrap().is_empty());

    // Both on the activity log, done by the token.
    let done: Vec<(String, String)> = activity::table
        .filter(activity::partner_id.eq(shop.partner))
        .filter(activity::operation.eq_any(["key_viewed", "link_created"]))
        .select((activity::operation, activity::actor))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(done.len(), 2, "{done:?}");
    assert!(
        done.iter().all(|(_, actor)| actor.starts_with("Program ")),
        "{done:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_purchase_another_partners_and_a_plan_give_no_key_or_link() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let api = token(&app, shop.partner, &["software:keys", "orders:write"]).await;
    let base = format!("/v1/customers/{}/software", shop.customer);
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let variant = filed_variant(&app, ws.line).await;
    let cancel = json!({ "status": "cancelled" });
    let orders = format!("/v1/customers/{}/orders/{}", shop.customer, ws.order);
    assert_eq!(api.patch(&orders, &cancel).await.status, 200);
    let key = api
        .post(&format!("{base}/{}/key", ws.line), &json!({}))
        .await;
    assert_eq!(key.status, 400, "{:?}", key.json);
    assert!(
        key.json["description"]
            .as_str()
            .unwrap()
            .contains("cancelled")
    );
    let link_path = format!("{base}/{}/variants/{variant}/links", ws.line);
    assert_eq!(api.post(&link_path, &json!({})).await.status, 400);

    let theirs = other_shop(&app).await.customer;
    let their = app.purchase(theirs, "ws2022-std").await;
    let path = format!("/v1/customers/{theirs}/software/{}/key", their.line);
    let r = api.post(&path, &json!({})).await;
    assert_eq!((r.status, r.code()), (404, 20000));
    // Their purchase under our customer's address: not found either.
    let r = api
        .post(&format!("{base}/{}/key", their.line), &json!({}))
        .await;
    assert_eq!((r.status, r.code()), (404, 20000));
    let plan = app.purchase(shop.customer, "suse-sles-1y").await;
    let r = api
        .post(&format!("{base}/{}/key", plan.line), &json!({}))
        .await;
    assert_eq!((r.status, r.code()), (404, 20000));
    let viewed: i64 = activity::table
        .filter(activity::partner_id.eq(shop.partner))
        .filter(activity::operation.eq("key_viewed"))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(viewed, 0);
}

/// The variants the API keeps in memory follow the catalog: a file removed or registered (by
/// another process, as `cspdesk artifacts` does) shows on the next request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_registered_or_removed_shows_on_the_next_list() {
    use cspdesk::db::schema::artifacts;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let api = token(&app, shop.partner, &["software:keys"]).await;
    let base = format!("/v1/customers/{}/software", shop.customer);
    let variant = filed_variant(&app, ws.line).await;
    let available = async || {
        let list = api.get(&base).await;
        assert_eq!(list.status, 200, "{:?}", list.json);
        let listed = list.json["items"][0]["variants"]
            .as_array()
            .unwrap()
            .clone();
        let found = listed
            .iter()
            .find(|v| v["id"] == variant.to_string().as_str());
        found.expect("the variant is listed")["available"].as_bool()
    };
    assert_eq!(available().await, Some(true));
    let file: (String, i64, chrono::DateTime<chrono::Utc>) = artifacts::table
        .find(variant)
        .select((
            artifacts::sha256,
            artifacts::size_bytes,
            artifacts::registered_at,
        ))
        .first(&mut app.conn().await)
        .await
        .unwrap();
    diesel::delete(artifacts::table.find(variant))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(available().await, Some(false));
    diesel::insert_into(artifacts::table)
        .values((
            artifacts::variant_id.eq(variant),
            artifacts::sha256.eq(&file.0),
            artifacts::size_bytes.eq(file.1),
            artifacts::registered_at.eq(file.2),
        ))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(available().await, Some(true));
}

/// Every view of a key (the dashboard's key page and KMS script, the customer's own key page
/// and the API) is recorded with the customer and product as they are called when it is
/// viewed: the product's name in the catalog, not the one it was sold under.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_of_a_key_names_the_customer_and_product_as_they_are_called_then() {
    use cspdesk::auth::Role;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    for sql in [
        "UPDATE products SET name = name || ' (2027)' WHERE sku = 'ws2022-std'",
        "UPDATE customers SET company_name = 'Northwind Traders Ltd'",
    ] {
        diesel::sql_query(sql)
            .execute(&mut app.conn().await)
            .await
            .unwrap();
    }
    let agent = app.signed_in(&shop.agent).await;
    let script = format!("{}/kms-migration/script", ws.path());
    for path in [ws.key_path(), script] {
        let viewed = agent.get(&path).await;
        assert_eq!(viewed.status, 200, "{path}: {}", viewed.body);
    }
    let admin = app
        .user(shop.partner)
        .customer(shop.customer)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let own = format!("/your-products/software/{}/key", ws.line);
    assert_eq!(app.signed_in(&admin).await.get(&own).await.status, 200);
    let api = token(&app, shop.partner, &["software:keys"]).await;
    let base = format!("/v1/customers/{}/software", shop.customer);
    let key = api
        .post(&format!("{base}/{}/key", ws.line), &json!({}))
        .await;
    assert_eq!(key.status, 200, "{:?}", key.json);

    let named = crate::support::ordering::record_names(&app, "key_viewed", ws.order).await;
    let number = crate::support::ordering::order_number(&app, ws.order).await;
    let now = (
        Some("Northwind Traders Ltd".to_string()),
        Some("Windows Server 2022 Standard (2027)".to_string()),
        number.parse().ok(),
    );
    assert_eq!(named, vec![now; 4]);
}
