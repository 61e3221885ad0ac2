//! People tests sign in as or look up, made with the builders: a user's id, another partner
//! with its own staff and customer, the staff of a partner.

use cspdesk::auth::Role;
use cspdesk::db::schema::users;
use cspdesk::ids::{PartnerId, UserId};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::{Shop, TestApp};

/// (partner, user id) of an account, by e-mail.
pub async fn account(app: &TestApp, email: &str) -> (Option<PartnerId>, UserId) {
    users::table
        .filter(users::email.eq(email))
        .select((users::partner_id, users::id))
        .first(&mut app.conn().await)
        .await
        .unwrap_or_else(|e| panic!("user {email}: {e}"))
}

/// The id of a user, by e-mail.
pub async fn user_id(app: &TestApp, email: &str) -> UserId {
    account(app, email).await.1
}

/// Another partner, "Fabrikam", with its own Admin agent and customer ("Lamna Healthcare" at
/// `lamna.example`): what a test's own partner must never see.
pub async fn other_shop(app: &TestApp) -> Shop {
    let partner = app.partner("Fabrikam").await;
    let agent = app.user(partner).roles(&[Role::AdminAgent]).await;
    let customer = app
        .customer(partner)
        .named("Lamna Healthcare")
        .domain("lamna.example")
        .await;
    Shop {
        partner,
        agent,
        customer,
    }
}

/// One user of `partner` with each of `roles`, one role each, in that order; their e-mails.
pub async fn staff(app: &TestApp, partner: PartnerId, roles: &[Role]) -> Vec<String> {
    let mut emails = Vec::new();
    for role in roles {
        emails.push(app.user(partner).roles(&[*role]).await);
    }
    emails
}
