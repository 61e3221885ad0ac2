//! The token of a Review page's "Place order" form. It says which cart it is for, which of the
//! cart's orders was the newest when the page was shown, when it was shown, and a random id
//! that becomes the id of the order it places; it is signed, so none of that can be altered.
//! A submit is answered once, and every open Review page of a cart learns which order emptied
//! it, without showing the page writing anything: the orders themselves are the record.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::cart::CartOwner;
use super::place::Placed;
use crate::db::schema::orders;
use crate::ids::{CustomerId, OrderId, PartnerId, UserId};

type HmacSha256 = hmac::Hmac<Sha256>;

/// How long a Review page can wait before its Place order is refused as expired.
const VALID_FOR: Duration = Duration::days(1);
const PAYLOAD: usize = 16 + 8 + 8;
const TAG: usize = 32;

/// The key that signs form tokens, derived from the session key so that every process of one
/// installation accepts the others' forms and a new session key retires every open form.
pub struct FormKey([u8; 32]);

impl FormKey {
    pub fn new(session_key: &actix_web::cookie::Key) -> FormKey {
        let mut hash = Sha256::new();
        hash.update(b"cspdesk order form token\0");
        hash.update(session_key.master());
        FormKey(hash.finalize().into())
    }

    fn tag(&self, cart: CartIds, payload: &[u8]) -> HmacSha256 {
        let (partner, user, customer) = cart;
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(partner.0.as_bytes());
        mac.update(user.0.as_bytes());
        mac.update(customer.0.as_bytes());
        mac.update(payload);
        mac
    }
}

/// Whose cart a token is for: partner, user, customer.
type CartIds = (PartnerId, UserId, CustomerId);

fn cart_ids(owner: &CartOwner) -> CartIds {
    (owner.scope.partner_id(), owner.user_id, owner.customer_id)
}

/// What a genuine token of this cart says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormToken {
    /// The id of the order this form places (the order's idempotency token).
    pub id: Uuid,
    /// The number of the cart's newest order when the page was shown (0: none).
    pub after: i64,
    pub issued_at: DateTime<Utc>,
}

impl FormToken {
    pub fn new(after: i64, now: DateTime<Utc>) -> FormToken {
        FormToken {
            // In time order (the orders' unique index of it); the token is signed, so it need
            // not be hard to guess.
            id: crate::ids::ordered_uuid(),
            after,
            issued_at: now,
        }
    }

    fn payload(&self) -> [u8; PAYLOAD] {
        let mut bytes = [0; PAYLOAD];
        bytes[..16].copy_from_slice(self.id.as_bytes());
        bytes[16..24].copy_from_slice(&self.after.to_be_bytes());
        bytes[24..].copy_from_slice(&self.issued_at.timestamp_micros().to_be_bytes());
        bytes
    }

    /// The text the form carries: the token and its signature for `owner`'s cart.
    pub fn seal(&self, key: &FormKey, owner: &CartOwner) -> String {
        self.seal_for(key, cart_ids(owner))
    }

    fn seal_for(&self, key: &FormKey, cart: CartIds) -> String {
        let payload = self.payload();
        let tag = key.tag(cart, &payload).finalize().into_bytes();
        let mut bytes = Vec::with_capacity(PAYLOAD + TAG);
        bytes.extend_from_slice(&payload);
        bytes.extend_from_slice(&tag);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The token `text` says, if `key` signed it for `owner`'s cart; anything else (another
    /// user's form, an altered or truncated one, nonsense) is `None`.
    pub fn open(text: &str, key: &FormKey, owner: &CartOwner) -> Option<FormToken> {
        FormToken::open_for(text, key, cart_ids(owner))
    }

    fn open_for(text: &str, key: &FormKey, cart: CartIds) -> Option<FormToken> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        if bytes.len() != PAYLOAD + TAG {
            return None;
        }
        let (payload, tag) = bytes.split_at(PAYLOAD);
        key.tag(cart, payload).verify_slice(tag).ok()?;
        let number = |range: std::ops::Range<usize>| {
            i64::from_be_bytes(payload[range].try_into().expect("eight bytes"))
        };
        Some(FormToken {
            id: Uuid::from_slice(&payload[..16]).ok()?,
            after: number(16..24),
            issued_at: DateTime::from_timestamp_micros(number(24..32))?,
        })
    }

    /// Whether the page is too old for its form to place an order.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        now - self.issued_at > VALID_FOR
    }
}

/// The number of the newest order placed from `owner`'s cart (0 when there is none), which a
/// Review page's token carries. One index lookup: orders (customer, placed by, number).
pub async fn newest_order(mut conn: &AsyncPgConnection, owner: &CartOwner) -> QueryResult<i64> {
    let newest: Option<i64> = of_cart(owner)
        .select(diesel::dsl::max(orders::number))
        .first(&mut conn)
        .await?;
    Ok(newest.unwrap_or(0))
}

#[diesel::dsl::auto_type]
fn of_cart(owner: &CartOwner) -> _ {
    let partner_id: PartnerId = owner.scope.partner_id();
    let customer_id: CustomerId = owner.customer_id;
    let user_id: UserId = owner.user_id;
    orders::table
        .filter(orders::customer_id.eq(customer_id))
        .filter(orders::placed_by.eq(user_id))
        .filter(orders::partner_id.eq(partner_id))
}

/// An order and the form token that placed it.
pub(super) struct TokenOrder {
    pub placed: Placed,
    pub token: Uuid,
}

pub(super) enum TokenState {
    /// The cart was ordered since this token's Review page was shown.
    Ordered(TokenOrder),
    Open,
}

/// Whether the cart was ordered since `token`'s page was shown: the first order placed from
/// it after the one the token names. Under the cart's lock, so no order can come in between.
pub(super) async fn token_state(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    token: &FormToken,
) -> QueryResult<TokenState> {
    let found: Option<(OrderId, i64, Uuid)> = of_cart(owner)
        .filter(orders::number.gt(token.after))
        .order(orders::number)
        .select((orders::id, orders::number, orders::idempotency_token))
        .first(conn)
        .await
        .optional()?;
    Ok(match found {
        Some((order_id, number, token)) => TokenState::Ordered(TokenOrder {
            placed: Placed { order_id, number },
            token,
        }),
        None => TokenState::Open,
    })
}

#[cfg(test)]
mod tests;
