//! The one-time tokens of Review pages: each Place order form carries one, so a submit is
//! answered once, and every open Review page of a cart learns which order emptied it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::cart::CartOwner;
use super::place::Placed;
use crate::db::schema::{order_tokens, orders};
use crate::error::AppError;
use crate::ids::OrderId;

/// A fresh one-time token for the "Place order" form.
pub async fn issue_token(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    use diesel::sql_types::{Timestamptz, Uuid as SqlUuid};
    let token = Uuid::new_v4();
    // Tokens of forms older than a day are of no use to anyone: the same statement drops the
    // user's, so showing the Review page is one round trip and one commit.
    crate::db::statement::prepared(
        "WITH stale AS (DELETE FROM order_tokens WHERE user_id = $3 AND created_at < $6)
         INSERT INTO order_tokens (token, partner_id, user_id, customer_id, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind::<SqlUuid, _>(token)
    .bind::<SqlUuid, _>(owner.scope.partner_id())
    .bind::<SqlUuid, _>(owner.user_id)
    .bind::<SqlUuid, _>(owner.customer_id)
    .bind::<Timestamptz, _>(now)
    .bind::<Timestamptz, _>(now - chrono::Duration::days(1))
    .execute(conn)
    .await?;
    Ok(token)
}

/// An order and the token of the Review page that placed it.
pub(super) struct TokenOrder {
    pub placed: Placed,
    pub token: Uuid,
}

pub(super) enum TokenState {
    /// Not issued for this cart, or so old it was removed and placed nothing.
    Unknown,
    /// The cart was ordered since this token's Review page was shown.
    Ordered(TokenOrder),
    Open,
}

pub(super) async fn token_state(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    token: Uuid,
) -> QueryResult<TokenState> {
    let row: Option<Option<OrderId>> = order_tokens::table
        .find(token)
        .filter(order_tokens::user_id.eq(owner.user_id))
        .filter(order_tokens::customer_id.eq(owner.customer_id))
        .filter(order_tokens::partner_id.eq(owner.scope.partner_id()))
        .select(order_tokens::ordered_as)
        .first(conn)
        .await
        .optional()?;
    let mut query = orders::table
        .filter(orders::customer_id.eq(owner.customer_id))
        .filter(orders::partner_id.eq(owner.scope.partner_id()))
        .select((orders::id, orders::number, orders::idempotency_token))
        .into_boxed();
    query = match row {
        Some(None) => return Ok(TokenState::Open),
        Some(Some(order_id)) => query.filter(orders::id.eq(order_id)),
        // Tokens are removed after a day; the order remembers the token that placed it.
        None => query.filter(orders::idempotency_token.eq(token)),
    };
    let found: Option<(OrderId, i64, Uuid)> = query.first(conn).await.optional()?;
    Ok(match found {
        Some((order_id, number, token)) => TokenState::Ordered(TokenOrder {
            placed: Placed { order_id, number },
            token,
        }),
        None => TokenState::Unknown,
    })
}

/// Marks every open Review page of the cart as answered by `order_id`.
pub(super) async fn close_tokens(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    order_id: OrderId,
) -> QueryResult<usize> {
    diesel::update(order_tokens::table)
        .filter(order_tokens::user_id.eq(owner.user_id))
        .filter(order_tokens::customer_id.eq(owner.customer_id))
        .filter(order_tokens::ordered_as.is_null())
        .set(order_tokens::ordered_as.eq(order_id))
        .execute(conn)
        .await
}
