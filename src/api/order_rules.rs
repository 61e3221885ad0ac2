//! The rules of the API's order writes, apart from HTTP: which lines an order may have, which
//! offers they name, and which lines a cancellation touches, each refusal with the original's
//! error code where it has one.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::error::code;
use super::order_writes::{NewOrder, OrderPatch};
use super::products::sku_of;
use crate::auth::PartnerScope;
use crate::cancellation::rules::{Policy, Window};
use crate::catalog::rules::{Availability, availability};
use crate::customers::Customer;
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::{CustomerId, OrderId, ProductId};
use crate::orders::cart::CartLine;

/// Lines an order may have; quantities a line may have (as the database allows).
pub const MOST_LINES: usize = 50;
pub const QUANTITY: std::ops::RangeInclusive<i32> = 1..=1000;

/// Why a write is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    NoLines,
    TooManyLines,
    /// Line numbers must be 0, 1, 2, … without gaps or repeats.
    LineNumbers,
    Quantity(usize),
    OfferForm(usize),
    OfferTwice(String),
    UnknownOffer(String),
    /// Not sold in the customer's market: the catalog's reason.
    NotSold(String, &'static str),
    OtherCustomer,
    OtherCurrency,
    OtherOrder,
    Status,
    /// 800071: a line number the order does not have.
    NoSuchLine(i32),
    /// 800061: already cancelled, or a product that cannot be cancelled.
    NotCancellable,
    /// 900117: past the window of `days` days.
    WindowPassed(i32),
    /// 800061 with the support path: only a support request can cancel it.
    SupportOnly,
}

impl Refusal {
    /// Status, code, catalog key and its arguments.
    pub fn message(&self) -> (u16, u32, &'static str, Vec<(&'static str, String)>) {
        let bad = |key, args| (400, code::BAD_REQUEST, key, args);
        let field = |f: String| vec![("field", f)];
        match self {
            Refusal::NoLines => bad("api-error-order-no-lines", vec![]),
            Refusal::TooManyLines => bad(
                "api-error-order-many-lines",
                vec![("most", MOST_LINES.to_string())],
            ),
            Refusal::LineNumbers => bad("api-error-order-line-numbers", vec![]),
            Refusal::Quantity(i) => bad(
                "api-error-order-quantity",
                field(format!("lineItems[{i}].quantity")),
            ),
            Refusal::OfferForm(i) => bad(
                "api-error-order-offer-form",
                field(format!("lineItems[{i}].offerId")),
            ),
            Refusal::OfferTwice(o) => {
                bad("api-error-order-offer-twice", vec![("offer", o.clone())])
            }
            Refusal::UnknownOffer(o) => {
                bad("api-error-order-offer-unknown", vec![("offer", o.clone())])
            }
            Refusal::NotSold(o, _) => bad("api-error-order-not-sold", vec![("offer", o.clone())]),
            Refusal::OtherCustomer => bad("api-error-order-customer", vec![]),
            Refusal::OtherCurrency => bad("api-error-order-currency", vec![]),
            Refusal::OtherOrder => bad("api-error-order-id", vec![]),
            Refusal::Status => bad("api-error-order-status", vec![]),
            Refusal::NoSuchLine(n) => (
                400,
                code::LINE_OUT_OF_RANGE,
                "api-error-order-no-line",
                vec![("line", n.to_string())],
            ),
            Refusal::NotCancellable => (
                400,
                code::NOT_CANCELLABLE,
                "api-error-order-not-cancellable",
                vec![],
            ),
            Refusal::SupportOnly => (
                400,
                code::NOT_CANCELLABLE,
                "api-error-order-support-only",
                vec![],
            ),
            Refusal::WindowPassed(days) => (
                400,
                code::WINDOW_PASSED,
                "api-error-order-window",
                vec![("days", days.to_string())],
            ),
        }
    }
}

/// An order's lines as asked: (SKU, quantity), in line-number order.
#[derive(Debug, PartialEq, Eq)]
pub struct Wanted {
    pub lines: Vec<(String, i32)>,
}

/// Checks an order's body against the customer of the address.
pub fn new_order(order: &NewOrder, customer: &Customer) -> Result<Wanted, Refusal> {
    let items = &order.line_items;
    if items.is_empty() {
        return Err(Refusal::NoLines);
    }
    if items.len() > MOST_LINES {
        return Err(Refusal::TooManyLines);
    }
    if let Some(id) = &order.reference_customer_id
        && !id.trim().eq_ignore_ascii_case(&customer.id.to_string())
    {
        return Err(Refusal::OtherCustomer);
    }
    if let Some(c) = &order.currency_code
        && !c.trim().eq_ignore_ascii_case(customer.currency.code())
    {
        return Err(Refusal::OtherCurrency);
    }
    let mut numbers: Vec<i32> = items.iter().map(|l| l.line_item_number).collect();
    numbers.sort_unstable();
    if numbers
        .iter()
        .enumerate()
        .any(|(i, &n)| i64::from(n) != i as i64)
    {
        return Err(Refusal::LineNumbers);
    }
    let mut lines: Vec<(i32, String, i32)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if !QUANTITY.contains(&item.quantity) {
            return Err(Refusal::Quantity(i));
        }
        let sku = sku_of(&item.offer_id).ok_or(Refusal::OfferForm(i))?;
        if lines.iter().any(|(_, s, _)| s == sku) {
            return Err(Refusal::OfferTwice(item.offer_id.trim().to_string()));
        }
        lines.push((item.line_item_number, sku.to_string(), item.quantity));
    }
    lines.sort_by_key(|l| l.0);
    Ok(Wanted {
        lines: lines.into_iter().map(|(_, s, q)| (s, q)).collect(),
    })
}

/// A product an order names, with its list price in the customer's currency if it has one.
#[derive(QueryableByName, Debug)]
pub struct Offer {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: ProductId,
    #[diesel(sql_type = diesel::sql_types::Text)]
    sku: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    family: crate::catalog::Family,
    #[diesel(sql_type = diesel::sql_types::Text)]
    licence_kind: crate::catalog::LicenceKind,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    term_months: Option<i32>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    price_minor: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    retired: bool,
}

/// The SKUs an order's body names, as far as they can be read, before the body is judged
/// (`new_order` refuses what is wrong with them): what `find_offers` looks up.
pub fn named_skus(order: &NewOrder) -> Vec<&str> {
    order
        .line_items
        .iter()
        .take(MOST_LINES)
        .filter_map(|item| sku_of(&item.offer_id))
        .collect()
}

/// The products of `skus`, each priced in the currency of customer `customer` of `partner`
/// (read from the customer's row by the same statement, so it goes with the customer's own
/// check; no price for anyone else's customer).
pub async fn find_offers(
    mut conn: &AsyncPgConnection,
    partner: &PartnerScope,
    customer: CustomerId,
    skus: &[&str],
) -> Result<Vec<Offer>, AppError> {
    use diesel::sql_types::{Array, Text, Uuid as SqlUuid};
    Ok(prepared(
        "SELECT p.id, p.sku, p.name, p.family, p.licence_kind, p.term_months,
                pr.amount_minor AS price_minor, p.retired_at IS NOT NULL AS retired
           FROM products p
           LEFT JOIN prices pr ON pr.product_id = p.id AND pr.currency =
                (SELECT c.currency FROM customers c WHERE c.id = $2 AND c.partner_id = $3)
          WHERE p.sku = ANY($1)",
    )
    .bind::<Array<Text>, _>(skus)
    .bind::<SqlUuid, _>(customer)
    .bind::<SqlUuid, _>(partner.partner_id())
    .load(&mut conn)
    .await?)
}

/// The lines of `wanted` as the catalog sells them to `customer` now (`found` priced in their
/// currency by `find_offers`), or the first offer it does not sell them.
pub fn priced(
    found: &[Offer],
    customer: &Customer,
    wanted: &Wanted,
) -> Result<Vec<CartLine>, Refusal> {
    let mut lines = Vec::with_capacity(wanted.lines.len());
    for (sku, quantity) in &wanted.lines {
        let offer_id = super::products::offer_id(sku);
        let Some(o) = found.iter().find(|o| &o.sku == sku) else {
            return Err(Refusal::UnknownOffer(offer_id));
        };
        if o.retired || o.price_minor.is_none() {
            return Err(Refusal::UnknownOffer(offer_id));
        }
        if let Availability::Unavailable(why) = availability(o.family, &customer.market) {
            return Err(Refusal::NotSold(offer_id, why));
        }
        lines.push(CartLine {
            product_id: o.id,
            name: o.name.clone(),
            family: o.family,
            licence_kind: o.licence_kind,
            term_months: o.term_months,
            quantity: *quantity,
            unit_price_minor: o.price_minor,
            retired: false,
        });
    }
    Ok(lines)
}

/// The lines a cancellation asks for: `None` for every line.
#[derive(Debug, PartialEq, Eq)]
pub struct Asked {
    pub lines: Option<Vec<i32>>,
}

/// Checks a cancellation's body against the order of the address.
pub fn patch(body: &OrderPatch, order: OrderId) -> Result<Asked, Refusal> {
    if !body.status.trim().eq_ignore_ascii_case("cancelled") {
        return Err(Refusal::Status);
    }
    if let Some(id) = &body.id
        && !id.trim().eq_ignore_ascii_case(&order.to_string())
    {
        return Err(Refusal::OtherOrder);
    }
    let lines = body.line_items.as_ref().map(|items| {
        let mut numbers: Vec<i32> = items.iter().map(|l| l.line_item_number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    });
    if lines.as_ref().is_some_and(Vec::is_empty) {
        return Err(Refusal::NoLines);
    }
    Ok(Asked { lines })
}

/// What `to_cancel` needs to know of an order's line.
#[derive(Clone, Copy, Debug)]
pub struct LineState {
    pub line_number: i32,
    pub product_id: ProductId,
    pub open: bool,
}

/// The products whose lines to cancel, in line order: every asked line must exist (800071)
/// and be open (800061); without a list, the open lines, of which there must be one.
pub fn to_cancel(lines: &[LineState], asked: &Asked) -> Result<Vec<ProductId>, Refusal> {
    let open = |l: &&LineState| l.open;
    let chosen: Vec<&LineState> = match &asked.lines {
        None => lines.iter().filter(open).collect(),
        Some(numbers) => {
            let mut chosen = Vec::with_capacity(numbers.len());
            for n in numbers {
                let line = lines.iter().find(|l| l.line_number == *n);
                let line = line.ok_or(Refusal::NoSuchLine(*n))?;
                if !open(&line) {
                    return Err(Refusal::NotCancellable);
                }
                chosen.push(line);
            }
            chosen
        }
    };
    if chosen.is_empty() {
        return Err(Refusal::NotCancellable);
    }
    let mut chosen = chosen;
    chosen.sort_by_key(|l| l.line_number);
    let mut products: Vec<ProductId> = Vec::with_capacity(chosen.len());
    for l in chosen {
        if !products.contains(&l.product_id) {
            products.push(l.product_id);
        }
    }
    Ok(products)
}

/// The refusal of a cancellation the policy does not allow now.
pub fn window_refusal(window: Window, policy: Policy) -> Refusal {
    match (window, policy) {
        (Window::Passed { .. }, Policy::Window { days }) => Refusal::WindowPassed(days),
        (Window::SupportOnly, _) => Refusal::SupportOnly,
        _ => Refusal::NotCancellable,
    }
}

#[cfg(test)]
#[path = "order_rules_tests.rs"]
mod tests;
