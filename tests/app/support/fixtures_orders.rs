//! Data the ordering, buying, billing and cancellation tests start from, made with the
//! builders.

use cspdesk::auth::Role;
use cspdesk::db::schema::users;
use cspdesk::ids::PartnerId;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::{Shop, TestApp};

/// A new partner with an Admin agent and no customers: the partner and the agent's e-mail.
pub async fn partner_with_agent(app: &TestApp, name: &str) -> (PartnerId, String) {
    let partner = app.partner(name).await;
    let agent = app.user(partner).roles(&[Role::AdminAgent]).await;
    (partner, agent)
}

/// The Admin agent of another partner, "Fabrikam", with no customers: the visitor a test
/// shows someone else's customers, carts and orders are not found for. Their e-mail.
pub async fn other_partners_agent(app: &TestApp) -> String {
    partner_with_agent(app, "Fabrikam").await.1
}

/// A user of the shop's customer with `role` (a customer role); their e-mail.
pub async fn customer_user(app: &TestApp, shop: &Shop, role: Role) -> String {
    app.user(shop.partner)
        .customer(shop.customer)
        .roles(&[role])
        .await
}

/// Gives the user (by e-mail) the display name pages show for them; the e-mail back.
pub async fn display_name(app: &TestApp, email: String, name: &str) -> String {
    diesel::update(users::table.filter(users::email.eq(&email)))
        .set(users::display_name.eq(name))
        .execute(&mut app.conn().await)
        .await
        .expect("user renamed");
    email
}
