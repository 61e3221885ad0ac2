//! A credit booked against an order line, by a cancellation or an approved refund. It lands
//! on the partner's open invoice (see `ledger`); the database refuses a credit that
//! would take a line above what was paid.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::error::AppError;
use crate::ids::{CustomerId, LineId, OrderId, PartnerId, RequestId, UserId};

/// A credit to book (`book_together` names each column it is written to).
pub struct NewCredit {
    pub id: Uuid,
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub order_id: OrderId,
    pub order_line_id: LineId,
    pub reason: super::CreditReason,
    /// Licences given back (0 for a refund of money only).
    pub quantity: i32,
    pub amount_minor: i64,
    pub currency: crate::money::Currency,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub support_request_id: Option<RequestId>,
}

/// Books the credit and puts it on the partner's open invoice, in the caller's transaction.
pub async fn book(conn: &AsyncPgConnection, credit: &NewCredit) -> Result<(), AppError> {
    book_together(conn, std::slice::from_ref(credit)).await
}

/// Books `credits`, all of one partner and currency and booked at one moment, and puts them
/// on the partner's open invoice of that month, in the caller's transaction. One statement
/// when that invoice is open already, as it is for all but a month's first credit or order:
/// the credits' invoice lines are written from the credits just inserted. Otherwise (no
/// invoice yet, or the month was issued meanwhile) it is found or made as `ledger::open_invoice`
/// says and the credits are added to it.
pub async fn book_together(
    conn: &AsyncPgConnection,
    credits: &[NewCredit],
) -> Result<(), AppError> {
    let Some(first) = credits.first() else {
        return Ok(());
    };
    let (partner, currency, at) = (first.partner_id, first.currency, first.created_at);
    let alike =
        |c: &NewCredit| c.partner_id == partner && c.currency == currency && c.created_at == at;
    if !credits.iter().all(alike) {
        return Err(AppError::internal(
            "credits booked together differ in partner, currency or time",
        ));
    }
    match book_on_open_invoice(conn, credits).await? {
        n if n == credits.len() as i64 => return Ok(()),
        // The month's invoice is not open: found or made below.
        0 => {}
        // Each credit has one line and one customer, so all or none are invoiced.
        _ => return Err(AppError::internal("credits put on an invoice only in part")),
    }
    let invoice = super::ledger::open_invoice(conn, partner, currency, at).await?;
    let ids: Vec<Uuid> = credits.iter().map(|c| c.id).collect();
    super::ledger::add_credits(conn, invoice, &ids).await
}

/// The credits inserted and, if the month's invoice is open, put on it, locked in share mode
/// as `ledger::open_invoice` locks it: it cannot be issued until the transaction ends.
const BOOK_ON_OPEN_INVOICE: &str = "
    WITH invoice AS (
        SELECT id FROM invoices
         WHERE partner_id = $1 AND month = $2 AND currency = $3 AND issued_at IS NULL
           FOR SHARE),
    booked AS (
        INSERT INTO credits (id, partner_id, customer_id, order_id, order_line_id, reason,
                             quantity, amount_minor, currency, created_by, created_at,
                             support_request_id)
        SELECT c.id, $1, c.customer_id, c.order_id, c.line_id, c.reason, c.quantity, c.amount,
               $3, c.created_by, $4, c.request
          FROM unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::uuid[], $9::text[], $10::int[],
                      $11::bigint[], $12::uuid[], $13::uuid[])
               AS c(id, customer_id, order_id, line_id, reason, quantity, amount, created_by,
                    request)
        RETURNING id, customer_id, order_line_id, reason, quantity, amount_minor, created_at),
    invoiced AS (
        INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer,
                                   customer_id, product, quantity, amount_minor, tax_included,
                                   tax_rate_bp)
        SELECT i.id, b.reason, b.created_at, b.id, l.order_number, k.company_name, k.id,
               l.product_name, b.quantity, -b.amount_minor, l.tax_included, l.tax_rate_bp
          FROM booked b
          JOIN order_lines l ON l.id = b.order_line_id
          JOIN customers k ON k.id = b.customer_id
         CROSS JOIN invoice i
        RETURNING 1)
    SELECT count(*) AS invoiced FROM invoiced";

#[derive(diesel::QueryableByName)]
struct Invoiced {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    invoiced: i64,
}

/// Inserts the credits; how many of them it put on the month's open invoice (none if there is
/// no open invoice of that month).
async fn book_on_open_invoice(
    mut conn: &AsyncPgConnection,
    credits: &[NewCredit],
) -> Result<i64, AppError> {
    use diesel::sql_types::Uuid as SqlUuid;
    use diesel::sql_types::{Array, BigInt, Bpchar, Date, Integer, Nullable, Text, Timestamptz};
    let first = &credits[0];
    let month = super::rules::Month::of(first.created_at).first_day();
    let column = |f: fn(&NewCredit) -> Uuid| credits.iter().map(f).collect::<Vec<Uuid>>();
    let reasons: Vec<&str> = credits.iter().map(|c| c.reason.code()).collect();
    let quantities: Vec<i32> = credits.iter().map(|c| c.quantity).collect();
    let amounts: Vec<i64> = credits.iter().map(|c| c.amount_minor).collect();
    let requests: Vec<Option<Uuid>> = credits
        .iter()
        .map(|c| c.support_request_id.map(|r| r.0))
        .collect();
    let row: Invoiced = crate::db::statement::prepared(BOOK_ON_OPEN_INVOICE)
        .bind::<SqlUuid, _>(first.partner_id)
        .bind::<Date, _>(month)
        .bind::<Bpchar, _>(first.currency.code())
        .bind::<Timestamptz, _>(first.created_at)
        .bind::<Array<SqlUuid>, _>(column(|c| c.id))
        .bind::<Array<SqlUuid>, _>(column(|c| c.customer_id.0))
        .bind::<Array<SqlUuid>, _>(column(|c| c.order_id.0))
        .bind::<Array<SqlUuid>, _>(column(|c| c.order_line_id.0))
        .bind::<Array<Text>, _>(reasons)
        .bind::<Array<Integer>, _>(quantities)
        .bind::<Array<BigInt>, _>(amounts)
        .bind::<Array<SqlUuid>, _>(column(|c| c.created_by.0))
        .bind::<Array<Nullable<SqlUuid>>, _>(requests)
        .get_result(&mut conn)
        .await?;
    Ok(row.invoiced)
}
