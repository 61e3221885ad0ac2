//! Demo orders, placed through the same code as the Review page's "Place order", backdated
//! over the last 90 days: purchases exactly 29 and 31 days old, perpetual and subscription,
//! and a SUSE plan, so every later page has something to show.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::store;
use crate::db::schema::products;
use crate::error::AppError;
use crate::ids::ProductId;
use crate::orders::cart::{self, CartOwner};
use crate::orders::place::{self, Outcome, Request};
use crate::orders::{seen, tokens};

const BUYER: &str = "admin.agent@contoso-partner.test";

/// (product sku, quantity)
type Items = &'static [(&'static str, i32)];

/// (customer domain, days ago, what was bought)
const ORDERS: &[(&str, i64, Items)] = &[
    ("adatum.test", 88, &[("ws2022-std", 5)]),
    ("litware.test", 70, &[("rhel-1y", 1)]),
    ("tailspintoys.test", 60, &[("win7-esu-1y", 10)]),
    ("woodgrove.test", 45, &[("sql2022-ent", 1)]),
    (
        "adatum.test",
        31,
        &[("ws2022-std", 2), ("sql2022-std-3y", 1)],
    ),
    ("adatum.test", 29, &[("ws2022-dc-1y", 4)]),
    ("tailspintoys.test", 20, &[("suse-sles-1y", 1)]),
    ("litware.test", 15, &[("azure-ri-d2sv5-1y", 2)]),
    ("tailspintoys.test", 12, &[("ws2022-std-1y", 3)]),
    (
        "fourthcoffee.test",
        2,
        &[("sql2022-std", 2), ("ws2022-std", 1)],
    ),
];

pub async fn insert(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<(), AppError> {
    let buyer = store::load_user(conn, BUYER)
        .await?
        .ok_or(AppError::internal("demo buyer missing"))?;
    let scope = buyer
        .partner_scope()
        .ok_or(AppError::internal("demo buyer is not partner staff"))?;
    for (domain, days_ago, items) in ORDERS {
        let customer = crate::customers::queries::find_by_domain(conn, &scope, domain)
            .await?
            .ok_or(AppError::internal("demo customer missing"))?;
        let at = now - Duration::days(*days_ago);
        let owner = CartOwner {
            scope,
            user_id: buyer.id,
            customer_id: customer.id,
        };
        for (sku, quantity) in *items {
            let product = product_by_sku(conn, sku).await?;
            cart::add(conn, &owner, product, *quantity, at).await?;
        }
        let lines = cart::lines(conn, &owner).await?;
        let seen = seen::decode_seen(&seen::encode_seen(&lines)).unwrap_or_default();
        let token = tokens::FormToken::new(tokens::newest_order(conn, &owner).await?, at);
        let request = Request {
            owner,
            customer: &customer,
            actor_email: BUYER,
            token,
            seen,
            now: at,
        };
        if !matches!(place::place(conn, request).await?, Outcome::Placed(_)) {
            return Err(AppError::internal(format!(
                "demo order for {domain} was refused"
            )));
        }
    }
    Ok(())
}

async fn product_by_sku(conn: &mut AsyncPgConnection, sku: &str) -> Result<ProductId, AppError> {
    Ok(products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(conn)
        .await?)
}
