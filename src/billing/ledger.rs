//! Writing invoices: a charge for each line of an order placed, a credit for each credit
//! booked, added to the partner's open invoice in the transaction that places the order or
//! books the credit. The database adds them up (a trigger keeps the invoice's totals) and
//! refuses to add anything to an issued invoice.

use chrono::{DateTime, Utc};
use diesel::sql_types::{Bpchar, Date, Uuid as SqlUuid};
use diesel::{OptionalExtension, QueryableByName};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::rules::Month;
use crate::error::AppError;
use crate::ids::{OrderId, PartnerId};
use crate::money::Currency;

#[derive(QueryableByName)]
struct Opened {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// How many months past `at` an order or credit may move when its own month was issued in
/// the meantime (see `open_invoice`); one is enough, the rest is a safety bound.
const MONTHS_AHEAD: usize = 3;

/// The partner's open invoice in `currency` for the month of `at`, made if there is none, and
/// locked until the transaction ends, so it cannot be issued before what is added to it is
/// committed. If that month was issued meanwhile (a request on the month's last instant, while
/// another process had already issued it), the next month's invoice takes it: a charge or
/// credit lands on exactly one invoice, never on none.
async fn open_invoice(
    conn: &mut AsyncPgConnection,
    partner: PartnerId,
    currency: Currency,
    at: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let mut month = Month::of(at);
    for _ in 0..MONTHS_AHEAD {
        let opened: Option<Opened> = crate::db::statement::prepared(
            "INSERT INTO invoices (id, partner_id, month, currency) VALUES ($1, $2, $3, $4)
             ON CONFLICT (partner_id, month, currency)
             DO UPDATE SET line_count = invoices.line_count WHERE invoices.issued_at IS NULL
             RETURNING id",
        )
        .bind::<SqlUuid, _>(Uuid::new_v4())
        .bind::<SqlUuid, _>(partner)
        .bind::<Date, _>(month.first_day())
        .bind::<Bpchar, _>(currency.code())
        .get_result(conn)
        .await
        .optional()?;
        if let Some(opened) = opened {
            return Ok(opened.id);
        }
        month = month.next();
    }
    Err(AppError::internal("no open invoice within three months"))
}

/// Adds every line of the order, as placed, to the partner's open invoice.
pub async fn charge_order(
    conn: &mut AsyncPgConnection,
    partner: PartnerId,
    currency: Currency,
    order: OrderId,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let invoice = open_invoice(conn, partner, currency, at).await?;
    crate::db::statement::prepared(
        "INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer, customer_id,
                                    product, quantity, amount_minor, tax_included, tax_rate_bp)
         SELECT $1, 'charge', o.placed_at, l.id, o.number, c.company_name, c.id, l.product_name,
                l.quantity, l.unit_price_minor * l.quantity, l.tax_included, l.tax_rate_bp
           FROM order_lines l
           JOIN orders o ON o.id = l.order_id
           JOIN customers c ON c.id = o.customer_id
          WHERE o.id = $2",
    )
    .bind::<SqlUuid, _>(invoice)
    .bind::<SqlUuid, _>(order)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds a booked credit (a negative line) to the partner's open invoice.
pub async fn credit(
    conn: &mut AsyncPgConnection,
    partner: PartnerId,
    currency: Currency,
    credit: Uuid,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let invoice = open_invoice(conn, partner, currency, at).await?;
    crate::db::statement::prepared(
        "INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer, customer_id,
                                    product, quantity, amount_minor, tax_included, tax_rate_bp)
         SELECT $1, cr.reason, cr.created_at, cr.id, o.number, c.company_name, c.id,
                l.product_name, cr.quantity, -cr.amount_minor, l.tax_included, l.tax_rate_bp
           FROM credits cr
           JOIN order_lines l ON l.id = cr.order_line_id
           JOIN orders o ON o.id = cr.order_id
           JOIN customers c ON c.id = cr.customer_id
          WHERE cr.id = $2",
    )
    .bind::<SqlUuid, _>(invoice)
    .bind::<SqlUuid, _>(credit)
    .execute(conn)
    .await?;
    Ok(())
}
