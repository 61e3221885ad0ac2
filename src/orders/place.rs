//! Placing an order: one transaction that turns the cart into an order with its lines, keys
//! and activity record — exactly once per form token.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};

use super::cart::{self, CartLine, CartOwner};
use super::insert::insert_order;
use super::seen::Seen;
use super::tokens::{FormToken, TokenState, token_state};
use crate::catalog::rules::{self, Availability};
use crate::customers::Customer;
use crate::error::AppError;
use crate::ids::{OrderId, PartnerId, UserId};
use uuid::Uuid;

#[derive(Clone, Copy, Debug)]
pub struct Placed {
    pub order_id: OrderId,
    pub number: i64,
}

#[derive(Debug)]
pub enum Refusal {
    EmptyCart,
    /// A price or quantity differs from what the Review page showed.
    Changed,
    /// The form's token is not this cart's (another user's form, or altered), or its page was
    /// shown more than a day ago.
    Expired,
    /// A product in the cart can no longer be sold to this customer (message key, product).
    NotSellable(&'static str, String),
}

#[derive(Debug)]
pub enum Outcome {
    Placed(Placed),
    /// The token was used already (double click, refresh): the order it placed.
    AlreadyPlaced(Placed),
    /// Another Review page of the same cart placed this order first; nothing was written.
    CartOrdered(Placed),
    Refused(Refusal),
}

/// Errors inside the transaction: a refusal rolls everything back, like a database error.
pub enum TxError {
    Refused(Refusal),
    App(AppError),
}

impl From<diesel::result::Error> for TxError {
    fn from(e: diesel::result::Error) -> Self {
        TxError::App(e.into())
    }
}

impl From<AppError> for TxError {
    fn from(e: AppError) -> Self {
        TxError::App(e)
    }
}

pub struct Request<'a> {
    pub owner: CartOwner,
    pub customer: &'a Customer,
    pub actor_email: &'a str,
    pub token: FormToken,
    pub seen: Vec<Seen>,
    pub now: DateTime<Utc>,
}

impl Request<'_> {
    fn placement(&self) -> Placement<'_> {
        Placement {
            partner_id: self.owner.scope.partner_id(),
            customer: self.customer,
            placed_by: self.owner.user_id,
            actor: self.actor_email,
            actor_user_id: Some(self.owner.user_id),
            idempotency: self.token.id,
            now: self.now,
        }
    }
}

/// What writing an order needs, whether its lines come from a cart or from the API: who
/// places it, for whom, as what the activity log names, and when.
pub struct Placement<'a> {
    pub partner_id: PartnerId,
    pub customer: &'a Customer,
    /// The user the order is placed as: the signed-in user, or an API token's creator.
    pub placed_by: UserId,
    /// Who the activity log says did it: an email, or an API token's name.
    pub actor: &'a str,
    /// The signed-in user, for the activity log; `None` for an API token.
    pub actor_user_id: Option<UserId>,
    /// The order's idempotency token (unique).
    pub idempotency: Uuid,
    pub now: DateTime<Utc>,
}

pub async fn place(conn: &mut AsyncPgConnection, req: Request<'_>) -> Result<Outcome, AppError> {
    let result = conn
        .transaction::<_, TxError, _>(async |conn| {
            // Every Place order of this cart waits here for the one before it (across app
            // processes), so the cart is read only after an earlier order has emptied it.
            cart::lock(conn, &req.owner).await?;
            match token_state(conn, &req.owner, &req.token).await? {
                TokenState::Ordered(placed) if placed.token == req.token.id => {
                    return Ok(Outcome::AlreadyPlaced(placed.placed));
                }
                TokenState::Ordered(placed) => return Ok(Outcome::CartOrdered(placed.placed)),
                TokenState::Open if req.token.expired(req.now) => {
                    return Err(TxError::Refused(Refusal::Expired));
                }
                TokenState::Open => {}
            }
            let lines = cart::lines(conn, &req.owner).await?;
            check_sellable(&lines, &req)?;
            let placed = insert_order(conn, &req.placement(), &lines).await?;
            cart::clear(conn, &req.owner).await?;
            Ok(Outcome::Placed(placed))
        })
        .await;
    match result {
        Ok(outcome) => Ok(outcome),
        Err(TxError::Refused(r)) => Ok(Outcome::Refused(r)),
        Err(TxError::App(e)) => Err(e),
    }
}

fn check_sellable(lines: &[CartLine], req: &Request<'_>) -> Result<(), TxError> {
    if lines.is_empty() {
        return Err(TxError::Refused(Refusal::EmptyCart));
    }
    for line in lines {
        let family = line.family;
        if let Availability::Unavailable(key) = rules::availability(family, &req.customer.market) {
            return Err(TxError::Refused(Refusal::NotSellable(
                key,
                line.name.clone(),
            )));
        }
        if line.retired || line.unit_price_minor.is_none() {
            return Err(TxError::Refused(Refusal::NotSellable(
                "catalog-unknown-product",
                line.name.clone(),
            )));
        }
    }
    let mut now: Vec<Seen> = lines
        .iter()
        .map(|l| Seen {
            product_id: l.product_id,
            quantity: l.quantity,
            unit_price_minor: l.unit_price_minor.unwrap_or(-1),
        })
        .collect();
    let mut seen = req.seen.clone();
    now.sort();
    seen.sort();
    if now != seen {
        return Err(TxError::Refused(Refusal::Changed));
    }
    Ok(())
}
