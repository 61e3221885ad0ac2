//! Placing an order: one transaction that turns the cart into an order with its lines, keys
//! and activity record — exactly once per form token.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use super::cart::{self, CartLine, CartOwner};
use super::{keys, pricing};
use crate::activity::{self, Entry, Operation};
use crate::catalog::Family;
use crate::catalog::rules::{self, Availability};
use crate::customers::Customer;
use crate::db::schema::{order_lines, order_tokens, orders, product_keys};
use crate::error::AppError;
use crate::ids::{LineId, OrderId, PartnerId, ProductId};
use crate::money::Currency;

/// What the Review page showed for one line; the order is placed only if it still holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub product_id: ProductId,
    pub quantity: i32,
    pub unit_price_minor: i64,
}

/// The Review page's lines as one hidden form field: `product:quantity:price;…`.
pub fn encode_seen(lines: &[CartLine]) -> String {
    lines
        .iter()
        .map(|l| {
            format!(
                "{}:{}:{}",
                l.product_id,
                l.quantity,
                l.unit_price_minor.unwrap_or(-1)
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// `None` for anything a Review page could not have produced.
pub fn decode_seen(text: &str) -> Option<Vec<Seen>> {
    text.split(';')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut fields = part.split(':');
            let seen = Seen {
                product_id: fields.next()?.parse().ok()?,
                quantity: fields.next()?.parse().ok()?,
                unit_price_minor: fields.next()?.parse().ok()?,
            };
            fields.next().is_none().then_some(seen)
        })
        .collect()
}

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
    /// The form's token is unknown: an old page, or another user's form.
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

/// A fresh one-time token for the "Place order" form.
pub async fn issue_token(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    // Tokens of forms older than a day are of no use to anyone; drop them on the way.
    diesel::delete(order_tokens::table)
        .filter(order_tokens::user_id.eq(owner.user_id))
        .filter(order_tokens::created_at.lt(now - chrono::Duration::days(1)))
        .execute(conn)
        .await?;
    let token = Uuid::new_v4();
    diesel::insert_into(order_tokens::table)
        .values((
            order_tokens::token.eq(token),
            order_tokens::partner_id.eq(owner.scope.partner_id()),
            order_tokens::user_id.eq(owner.user_id),
            order_tokens::customer_id.eq(owner.customer_id),
            order_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(token)
}

/// Errors inside the transaction: a refusal rolls everything back, like a database error.
enum TxError {
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
    pub token: Uuid,
    pub seen: Vec<Seen>,
    pub now: DateTime<Utc>,
}

pub async fn place(conn: &mut AsyncPgConnection, req: Request<'_>) -> Result<Outcome, AppError> {
    let result = conn
        .transaction::<_, TxError, _>(async |conn| {
            // Every Place order of this cart waits here for the one before it (across app
            // processes), so the cart is read only after an earlier order has emptied it.
            cart::lock(conn, &req.owner).await?;
            match token_state(conn, &req.owner, req.token).await? {
                TokenState::Unknown => return Err(TxError::Refused(Refusal::Expired)),
                TokenState::Ordered(placed) if placed.token == req.token => {
                    return Ok(Outcome::AlreadyPlaced(placed.placed));
                }
                TokenState::Ordered(placed) => return Ok(Outcome::CartOrdered(placed.placed)),
                TokenState::Open => {}
            }
            let lines = cart::lines(conn, &req.owner, req.customer.currency).await?;
            check_sellable(&lines, &req)?;
            let placed = insert_order(conn, &req, &lines).await?;
            cart::clear(conn, &req.owner).await?;
            close_tokens(conn, &req.owner, placed.order_id).await?;
            Ok(Outcome::Placed(placed))
        })
        .await;
    match result {
        Ok(outcome) => Ok(outcome),
        Err(TxError::Refused(r)) => Ok(Outcome::Refused(r)),
        Err(TxError::App(e)) => Err(e),
    }
}

/// An order and the token of the Review page that placed it.
struct TokenOrder {
    placed: Placed,
    token: Uuid,
}

enum TokenState {
    /// Not issued for this cart, or so old it was removed and placed nothing.
    Unknown,
    /// The cart was ordered since this token's Review page was shown.
    Ordered(TokenOrder),
    Open,
}

async fn token_state(
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
async fn close_tokens(
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

/// An order line as bought: the product's name, kind, term and price are copied onto it, so
/// later catalog changes do not change what was sold. Named fields, so a column added to the
/// table cannot shift the others.
#[derive(Insertable)]
#[diesel(table_name = order_lines)]
struct NewLine<'a> {
    id: LineId,
    order_id: OrderId,
    partner_id: PartnerId,
    line_number: i32,
    product_id: ProductId,
    product_name: &'a str,
    family: Family,
    licence_kind: crate::catalog::LicenceKind,
    term_months: Option<i32>,
    quantity: i32,
    unit_price_minor: i64,
    currency: Currency,
    tax_included: bool,
    tax_rate_bp: i32,
}

async fn insert_order(
    conn: &mut AsyncPgConnection,
    req: &Request<'_>,
    lines: &[CartLine],
) -> Result<Placed, TxError> {
    let order_id = OrderId::random();
    let partner_id = req.owner.scope.partner_id();
    let number: i64 = diesel::insert_into(orders::table)
        .values((
            orders::id.eq(order_id),
            orders::partner_id.eq(partner_id),
            orders::customer_id.eq(req.customer.id),
            orders::placed_by.eq(req.owner.user_id),
            orders::placed_at.eq(req.now),
            orders::currency.eq(req.customer.currency),
            orders::idempotency_token.eq(req.token),
        ))
        .returning(orders::number)
        .get_result(conn)
        .await?;
    let tax = rules::tax_treatment(&req.customer.market);
    let mut described = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let line_id = LineId::random();
        let unit = line.unit_price_minor.unwrap_or_default();
        let row = NewLine {
            id: line_id,
            order_id,
            partner_id,
            line_number: n as i32,
            product_id: line.product_id,
            product_name: &line.name,
            family: line.family,
            licence_kind: line.licence_kind,
            term_months: line.term_months,
            quantity: line.quantity,
            unit_price_minor: unit,
            currency: req.customer.currency,
            tax_included: tax.included,
            tax_rate_bp: tax.rate_bp,
        };
        diesel::insert_into(order_lines::table)
            .values(&row)
            .execute(conn)
            .await?;
        if line.family.has_keys() {
            diesel::insert_into(product_keys::table)
                .values((
                    product_keys::order_line_id.eq(line_id),
                    product_keys::partner_id.eq(partner_id),
                    product_keys::key_text.eq(keys::generate()),
                    product_keys::created_at.eq(req.now),
                ))
                .execute(conn)
                .await?;
        }
        described.push(
            json!({"product": line.name, "quantity": line.quantity, "unit_price_minor": unit}),
        );
    }
    let total = pricing::totals(
        lines
            .iter()
            .map(|l| (l.unit_price_minor.unwrap_or_default(), l.quantity)),
        &tax,
    );
    activity::record(
        conn,
        Entry {
            partner_id: Some(partner_id),
            at: req.now,
            actor_user_id: Some(req.owner.user_id),
            actor: req.actor_email,
            operation: Operation::OrderPlaced,
            customer_id: Some(req.customer.id),
            order_id: Some(order_id),
            product_id: None,
            details: json!({"number": number, "currency": req.customer.currency, "total_minor": total.amount_minor, "lines": described}),
        },
    )
    .await?;
    Ok(Placed { order_id, number })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_lines_survive_the_form_and_junk_is_refused() {
        let id = ProductId::random();
        let text = format!("{id}:2:106900");
        assert_eq!(
            decode_seen(&text),
            Some(vec![Seen {
                product_id: id,
                quantity: 2,
                unit_price_minor: 106_900
            }])
        );
        assert_eq!(decode_seen(""), Some(vec![]));
        assert_eq!(decode_seen("x:1:2"), None);
        assert_eq!(decode_seen(&format!("{id}:2")), None);
        assert_eq!(decode_seen(&format!("{id}:2:3:4")), None);
    }
}
