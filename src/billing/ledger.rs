//! Writing invoices: a charge for each line of an order placed, a credit for each credit
//! booked, added to the partner's open invoice in the transaction that places the order or
//! books the credit. The database adds them up (a trigger keeps the invoice's totals) and
//! refuses to add anything to an issued invoice.

use chrono::{DateTime, Utc};
use diesel::sql_types::{Bool, Bpchar, Date, Uuid as SqlUuid};
use diesel::{OptionalExtension, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::rules::Month;
use crate::error::AppError;
use crate::ids::{LineId, PartnerId};
use crate::money::Currency;

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Bool)]
    issued: bool,
}

/// How many months past `at` an order or credit may move when its own month was issued in
/// the meantime (see `open_invoice`); one is enough, the rest is a safety bound.
const MONTHS_AHEAD: usize = 3;

/// The invoice of a month and currency, locked in share mode, or made if there is none. One
/// statement: a lock that only issuing waits for (any number of orders and credits hold it at
/// once), so writers of one partner do not wait for each other here. No row when another
/// transaction made the invoice at the same moment: it is there to be found on a second try.
const FIND_OR_MAKE: &str = "
    WITH found AS (
        SELECT id, issued_at IS NOT NULL AS issued FROM invoices
         WHERE partner_id = $2 AND month = $3 AND currency = $4
           FOR SHARE),
    made AS (
        INSERT INTO invoices (id, partner_id, month, currency)
        SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM found)
        ON CONFLICT (partner_id, month, currency) DO NOTHING
        RETURNING id, false AS issued)
    SELECT id, issued FROM found UNION ALL SELECT id, issued FROM made";

/// The partner's open invoice in `currency` for the month of `at`, made if there is none, and
/// locked in share mode until the transaction ends, so it cannot be issued before what is
/// added to it is committed. If that month was issued meanwhile (a request on the month's last
/// instant, while another process had already issued it), the next month's invoice takes it:
/// a charge or credit lands on exactly one invoice, never on none.
pub async fn open_invoice(
    mut conn: &AsyncPgConnection,
    partner: PartnerId,
    currency: Currency,
    at: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let mut month = Month::of(at);
    let mut months = 0;
    // Each month is asked at most twice: a second time only if another transaction made its
    // invoice at the same moment (the insert waited for it, so it is there to be found).
    let mut tries = 0;
    while months < MONTHS_AHEAD && tries < MONTHS_AHEAD * 2 {
        tries += 1;
        let found: Option<Found> = crate::db::statement::prepared(FIND_OR_MAKE)
            .bind::<SqlUuid, _>(Uuid::new_v4())
            .bind::<SqlUuid, _>(partner)
            .bind::<Date, _>(month.first_day())
            .bind::<Bpchar, _>(currency.code())
            .get_result(&mut conn)
            .await
            .optional()?;
        match found {
            Some(Found { id, issued: false }) => return Ok(id),
            Some(Found { issued: true, .. }) => {
                month = month.next();
                months += 1;
            }
            // Made by another transaction just now: found on the next try.
            None => {}
        }
    }
    Err(AppError::internal("no open invoice within three months"))
}

/// An order's line as its charge on the invoice.
pub struct Charge<'a> {
    pub line: LineId,
    pub product: &'a str,
    pub quantity: i32,
    pub amount_minor: i64,
}

/// What every charge of one order shares on the invoice.
pub struct ChargedOrder<'a> {
    pub number: i64,
    pub placed_at: DateTime<Utc>,
    pub customer: &'a crate::customers::Customer,
    pub tax_included: bool,
    pub tax_rate_bp: i32,
}

/// Adds the lines of an order being placed to `invoice`, an open invoice of its partner found
/// by `open_invoice` in the same transaction, from what is being written: nothing is read, so
/// it is sent alongside the lines themselves.
pub async fn charge_lines(
    mut conn: &AsyncPgConnection,
    invoice: Uuid,
    order: &ChargedOrder<'_>,
    charges: &[Charge<'_>],
) -> Result<(), AppError> {
    use diesel::sql_types::{Array, BigInt, Integer, Text, Timestamptz};
    let ids: Vec<LineId> = charges.iter().map(|c| c.line).collect();
    let products: Vec<&str> = charges.iter().map(|c| c.product).collect();
    let quantities: Vec<i32> = charges.iter().map(|c| c.quantity).collect();
    let amounts: Vec<i64> = charges.iter().map(|c| c.amount_minor).collect();
    crate::db::statement::prepared(
        "INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer, customer_id,
                                    product, quantity, amount_minor, tax_included, tax_rate_bp)
         SELECT $1, 'charge', $2, c.id, $3, $4, $5, c.product, c.quantity, c.amount, $6, $7
           FROM unnest($8::uuid[], $9::text[], $10::int[], $11::bigint[])
                AS c(id, product, quantity, amount)",
    )
    .bind::<SqlUuid, _>(invoice)
    .bind::<Timestamptz, _>(order.placed_at)
    .bind::<BigInt, _>(order.number)
    .bind::<Text, _>(&order.customer.company_name)
    .bind::<SqlUuid, _>(order.customer.id)
    .bind::<Bool, _>(order.tax_included)
    .bind::<Integer, _>(order.tax_rate_bp)
    .bind::<Array<SqlUuid>, _>(ids)
    .bind::<Array<Text>, _>(products)
    .bind::<Array<Integer>, _>(quantities)
    .bind::<Array<BigInt>, _>(amounts)
    .execute(&mut conn)
    .await?;
    Ok(())
}

/// Adds booked credits (negative lines) to `invoice`, an open invoice of their partner found
/// by `open_invoice` in the same transaction.
pub async fn add_credits(
    mut conn: &AsyncPgConnection,
    invoice: Uuid,
    credits: &[Uuid],
) -> Result<(), AppError> {
    crate::db::statement::prepared(
        "INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer, customer_id,
                                    product, quantity, amount_minor, tax_included, tax_rate_bp)
         SELECT $1, cr.reason, cr.created_at, cr.id, o.number, c.company_name, c.id,
                l.product_name, cr.quantity, -cr.amount_minor, l.tax_included, l.tax_rate_bp
           FROM credits cr
           JOIN order_lines l ON l.id = cr.order_line_id
           JOIN orders o ON o.id = cr.order_id
           JOIN customers c ON c.id = cr.customer_id
          WHERE cr.id = ANY($2)",
    )
    .bind::<SqlUuid, _>(invoice)
    .bind::<diesel::sql_types::Array<SqlUuid>, _>(credits)
    .execute(&mut conn)
    .await?;
    Ok(())
}
