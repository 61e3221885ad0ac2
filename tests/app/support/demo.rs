//! The demo data (`cspdesk::seed::demo`), which every test database starts with: the accounts
//! tests still sign in with. A test about purchases builds its own (`build.rs`); the demo
//! orders are checked by their own test (`ordering::demo_orders_span_ninety_days_...`).

use cspdesk::db::schema::users;
use cspdesk::ids::{PartnerId, UserId};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::{TestApp, tenant_id};

/// Contoso's Admin agent, who placed every demo order.
pub const ADMIN: &str = "admin.agent@contoso-partner.test";
/// Contoso's Global admin.
pub const GLOBAL: &str = "global.admin@contoso-partner.test";

/// (partner, user id) of an account, by e-mail.
pub async fn account(app: &TestApp, email: &str) -> (Option<PartnerId>, UserId) {
    users::table
        .filter(users::email.eq(email))
        .select((users::partner_id, users::id))
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

/// Orders of Northwind, the demo US customer the ordering tests buy for (it has no demo
/// orders).
pub async fn northwind_orders(app: &TestApp) -> i64 {
    super::ordering::order_count(app, tenant_id(app, "northwind.test").await).await
}
