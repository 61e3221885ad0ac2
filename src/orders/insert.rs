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
use crate::catalog::rules::{self, TaxTreatment};
use crate::db::schema::orders;
use crate::ids::{LineId, OrderId};

pub async fn insert_order(
    conn: &mut AsyncPgConnection,
    req: &Placement<'_>,
    lines: &[CartLine],
) -> Result<Placed, TxError> {
    let order_id = OrderId::ordered();
    let partner = req.partner_id;
    let currency = req.customer.currency;
    // The order's row and the open invoice it goes on are sent together (neither needs the
    // other); then the lines, their charges on the invoice and the activity record, likewise.
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
    let placed = Placed { order_id, number };
    // The lines, their charges on the invoice and the activity record need only the order's
    // row and the invoice: all are sent together.
    let ids: Vec<LineId> = lines.iter().map(|_| LineId::ordered()).collect();
    let charges: Vec<ledger::Charge> = lines
        .iter()
        .zip(&ids)
        .map(|(line, id)| ledger::Charge {
            line: *id,
            product: &line.name,
            quantity: line.quantity,
            amount_minor: pricing::line_amount(
                line.unit_price_minor.unwrap_or_default(),
                line.quantity,
            ),
        })
        .collect();
    let order = ledger::ChargedOrder {
        number,
        placed_at: req.now,
        customer: req.customer,
        tax_included: tax.included,
        tax_rate_bp: tax.rate_bp,
    };
    let described = lines
        .iter()
        .map(|line| {
            json!({
                "product": line.name,
                "quantity": line.quantity,
                "unit_price_minor": line.unit_price_minor.unwrap_or_default(),
            })
        })
        .collect();
    let shared: &AsyncPgConnection = conn;
    let written =
        futures_util::future::try_join_all(
            lines.iter().zip(&ids).enumerate().map(|(n, (line, id))| {
                insert_line(shared, req, order_id, *id, n as i32, line, &tax)
            }),
        );
    let written = async { written.await.map_err(TxError::from) };
    let charged = async {
        ledger::charge_lines(shared, invoice, &order, &charges)
            .await
            .map_err(TxError::App)
    };
    futures_util::try_join!(
        written,
        charged,
        record(shared, req, placed, lines, &tax, described)
    )?;
    Ok(placed)
}

/// One line, and its key when the product is software with keys, in one statement: the key
/// goes in with the line it is of (a round trip fewer per line). The product's name, kind,
/// term and price are copied onto the line, so later catalog changes do not change what was
/// sold; the columns are named, so a column added to the table cannot shift the others, and a
/// missing term is bound as NULL (never `DEFAULT`), so the statement is prepared once.
const LINE_WITH_KEY: &str = "
    WITH l AS (
        INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id, product_name,
                                 family, licence_kind, term_months, quantity, unit_price_minor,
                                 currency, tax_included, tax_rate_bp)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
        RETURNING id, partner_id)
    INSERT INTO product_keys (order_line_id, partner_id, key_text, created_at)
    SELECT l.id, l.partner_id, $15, $16 FROM l WHERE $15::text IS NOT NULL";

async fn insert_line(
    mut conn: &AsyncPgConnection,
    req: &Placement<'_>,
    order_id: OrderId,
    id: LineId,
    line_number: i32,
    line: &CartLine,
    tax: &TaxTreatment,
) -> QueryResult<()> {
    use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid};
    let key = line.family.has_keys().then(keys::generate);
    crate::db::statement::prepared(LINE_WITH_KEY)
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(order_id)
        .bind::<SqlUuid, _>(req.partner_id)
        .bind::<Integer, _>(line_number)
        .bind::<SqlUuid, _>(line.product_id)
        .bind::<Text, _>(&line.name)
        .bind::<Text, _>(line.family)
        .bind::<Text, _>(line.licence_kind)
        .bind::<Nullable<Integer>, _>(line.term_months)
        .bind::<Integer, _>(line.quantity)
        .bind::<BigInt, _>(line.unit_price_minor.unwrap_or_default())
        .bind::<Text, _>(req.customer.currency)
        .bind::<Bool, _>(tax.included)
        .bind::<Integer, _>(tax.rate_bp)
        .bind::<Nullable<Text>, _>(key)
        .bind::<Timestamptz, _>(req.now)
        .execute(&mut conn)
        .await
        .map(|_| ())
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
    activity::record_named(
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
        activity::Names {
            customer: Some(&req.customer.company_name),
            product: None,
            order_number: Some(placed.number),
        },
    )
    .await?;
    Ok(())
}
