//! Writing a placed order: its row, a line per cart line (with the product copied onto it),
//! a key for each line of software with keys, and the activity record.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use super::cart::CartLine;
use super::place::{Placed, Placement, TxError};
use super::{keys, pricing};
use crate::activity::{self, Entry, Operation};
use crate::billing::ledger;
use crate::catalog::Family;
use crate::catalog::rules::{self, TaxTreatment};
use crate::db::schema::{order_lines, orders, product_keys};
use crate::ids::{LineId, OrderId, PartnerId, ProductId};
use crate::money::Currency;

/// An order line as bought: the product's name, kind, term and price are copied onto it, so
/// later catalog changes do not change what was sold. Named fields, so a column added to the
/// table cannot shift the others.
#[derive(Insertable)]
// A `None` is bound as NULL, not sent as DEFAULT: a statement with DEFAULT in it changes
// with the values, so diesel would prepare it again on every insert.
#[diesel(table_name = order_lines, treat_none_as_default_value = false)]
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

pub async fn insert_order(
    conn: &mut AsyncPgConnection,
    req: &Placement<'_>,
    lines: &[CartLine],
) -> Result<Placed, TxError> {
    let order_id = OrderId::random();
    let partner = req.partner_id;
    let currency = req.customer.currency;
    // The order's row and the open invoice it goes on are sent together (neither needs the
    // other); the invoice's lines and the activity record, the last two, likewise.
    let (number, invoice) = {
        let shared: &AsyncPgConnection = conn;
        let order_row = async {
            let mut conn = shared;
            diesel::insert_into(orders::table)
                .values((
                    orders::id.eq(order_id),
                    orders::partner_id.eq(partner),
                    orders::customer_id.eq(req.customer.id),
                    orders::placed_by.eq(req.placed_by),
                    orders::placed_at.eq(req.now),
                    orders::currency.eq(currency),
                    orders::idempotency_token.eq(req.idempotency),
                ))
                .returning(orders::number)
                .get_result::<i64>(&mut conn)
                .await
                .map_err(TxError::from)
        };
        let invoice = async {
            ledger::open_invoice(shared, partner, currency, req.now)
                .await
                .map_err(TxError::App)
        };
        futures_util::try_join!(order_row, invoice)?
    };
    let tax = rules::tax_treatment(&req.customer.market);
    let mut described = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        insert_line(conn, req, order_id, n as i32, line, &tax).await?;
        described.push(json!({
            "product": line.name,
            "quantity": line.quantity,
            "unit_price_minor": line.unit_price_minor.unwrap_or_default(),
        }));
    }
    let placed = Placed { order_id, number };
    let shared: &AsyncPgConnection = conn;
    let charged = async {
        ledger::charge_order(shared, invoice, order_id)
            .await
            .map_err(TxError::App)
    };
    futures_util::try_join!(charged, record(shared, req, placed, lines, &tax, described))?;
    Ok(placed)
}

/// One line, and its key when the product is software with keys.
async fn insert_line(
    conn: &mut AsyncPgConnection,
    req: &Placement<'_>,
    order_id: OrderId,
    line_number: i32,
    line: &CartLine,
    tax: &TaxTreatment,
) -> QueryResult<()> {
    let id = LineId::random();
    let partner_id = req.partner_id;
    let row = NewLine {
        id,
        order_id,
        partner_id,
        line_number,
        product_id: line.product_id,
        product_name: &line.name,
        family: line.family,
        licence_kind: line.licence_kind,
        term_months: line.term_months,
        quantity: line.quantity,
        unit_price_minor: line.unit_price_minor.unwrap_or_default(),
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
                product_keys::order_line_id.eq(id),
                product_keys::partner_id.eq(partner_id),
                product_keys::key_text.eq(keys::generate()),
                product_keys::created_at.eq(req.now),
            ))
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// The activity record of the order, with its total and what each line bought.
async fn record(
    conn: &AsyncPgConnection,
    req: &Placement<'_>,
    placed: Placed,
    lines: &[CartLine],
    tax: &TaxTreatment,
    described: Vec<serde_json::Value>,
) -> Result<(), TxError> {
    let amounts = lines
        .iter()
        .map(|l| (l.unit_price_minor.unwrap_or_default(), l.quantity));
    let total = pricing::totals(amounts, tax);
    let details = json!({
        "number": placed.number,
        "currency": req.customer.currency,
        "total_minor": total.amount_minor,
        "lines": described,
    });
    activity::record(
        conn,
        Entry {
            partner_id: Some(req.partner_id),
            at: req.now,
            actor_user_id: req.actor_user_id,
            actor: req.actor,
            operation: Operation::OrderPlaced,
            customer_id: Some(req.customer.id),
            order_id: Some(placed.order_id),
            product_id: None,
            details,
        },
    )
    .await?;
    Ok(())
}
