//! "Revoke" on a download link: the link stops at once (410), the revocation is on the activity
//! log once however often it is sent, and another partner's or another customer's link is not
//! found.

use cspdesk::db::schema::{activity, download_links};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::support::TestApp;
use crate::support::software::make_link;

async fn link_ids(app: &TestApp) -> Vec<Uuid> {
    download_links::table
        .select(download_links::id)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

async fn revocations(app: &TestApp) -> Vec<serde_json::Value> {
    activity::table
        .filter(activity::operation.eq("link_revoked"))
        .select(activity::details)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_link_answers_410_at_once_and_the_log_says_who_revoked_it() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let agent = app.signed_in(&shop.agent).await;
    let link = make_link(&app, &agent, ws).await;
    let stranger = app.visitor();
    assert_eq!(stranger.get(&link).await.status, 200);
    let id = link_ids(&app).await[0];
    let revoke = format!("{}/links/{id}/revoke", ws.path());
    let page = agent.get(&ws.path()).await;
    assert!(
        page.contains(&format!("action=\"{revoke}\"")),
        "Revoke is offered"
    );

    // Without the form's token nothing happens.
    assert_eq!(agent.post_raw(&revoke, &[]).await.status, 403);
    assert_eq!(stranger.get(&link).await.status, 200);

    let done = agent.post(&revoke, &[]).await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location.as_deref(), Some(ws.path().as_str()));
    let gone = stranger.get(&link).await;
    assert_eq!(gone.status, 410);
    let after = agent.get(&ws.path()).await;
    assert!(after.contains("The link was revoked") && after.contains("Withdrawn"));
    assert!(!after.contains(&format!("action=\"{revoke}\"")));

    // Once on the log, with who did it, however often it is sent.
    assert_eq!(agent.post(&revoke, &[]).await.status, 303);
    let records = revocations(&app).await;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["link_id"], id.to_string());
    let actor: String = activity::table
        .filter(activity::operation.eq("link_revoked"))
        .select(activity::actor)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(actor, shop.agent);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_partners_or_customers_link_is_not_found() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let ws = app.purchase(shop.customer, "ws2022-std").await;
    let agent = app.signed_in(&shop.agent).await;
    let link = make_link(&app, &agent, ws).await;
    let id = link_ids(&app).await[0];
    // Another purchase of the same partner: the link is not one of its links.
    let other_customer = app.customer(shop.partner).await;
    let other = app.purchase(other_customer, "ws2022-std").await;
    let wrong_purchase = format!("{}/links/{id}/revoke", other.path());
    assert_eq!(agent.post(&wrong_purchase, &[]).await.status, 404);
    // Another partner's Admin agent, with the right address.
    let rival = app.partner("Fabrikam").await;
    let rival_agent = app
        .user(rival)
        .roles(&[cspdesk::auth::Role::AdminAgent])
        .await;
    let rival = app.signed_in(&rival_agent).await;
    let revoke = format!("{}/links/{id}/revoke", ws.path());
    assert_eq!(rival.post(&revoke, &[]).await.status, 404);
    // Not a link id at all.
    let junk = format!("{}/links/not-a-link/revoke", ws.path());
    assert_eq!(agent.post(&junk, &[]).await.status, 404);
    assert_eq!(app.visitor().get(&link).await.status, 200);
    assert!(revocations(&app).await.is_empty());
}
