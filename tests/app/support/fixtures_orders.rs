//! Data the ordering, buying, billing and cancellation tests start from, made with the
//! builders.

use cspdesk::db::schema::users;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::TestApp;

/// Gives the user (by e-mail) the display name pages show for them; the e-mail back.
pub async fn display_name(app: &TestApp, email: String, name: &str) -> String {
    diesel::update(users::table.filter(users::email.eq(&email)))
        .set(users::display_name.eq(name))
        .execute(&mut app.conn().await)
        .await
        .expect("user renamed");
    email
}
