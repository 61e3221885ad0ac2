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

/// A purchase on the second day of each of the `months` months before this one, by the shop's
/// customer (USD) and, every other month from the last one back, by `hungarian` (HUF): the
/// invoices they make, newest month first, as (month, currency code), in the order made.
pub async fn monthly_invoices(
    app: &TestApp,
    shop: &Shop,
    hungarian: Option<cspdesk::ids::CustomerId>,
    months: usize,
) -> Vec<(cspdesk::billing::rules::Month, &'static str)> {
    use cspdesk::clock::Clock;
    let mut month = cspdesk::billing::rules::Month::of(app.clock.now());
    let mut made = Vec::new();
    for i in 0..months {
        month = month.previous();
        let at = month.start() + chrono::Duration::days(1);
        if let Some(customer) = hungarian.filter(|_| i % 2 == 0) {
            app.purchase(customer, "ws2022-std").placed_at(at).await;
            made.push((month, "HUF"));
        }
        app.purchase(shop.customer, "ws2022-std")
            .placed_at(at)
            .await;
        made.push((month, "USD"));
    }
    made
}
