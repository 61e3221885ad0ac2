//! A credit booked against an order line, by a cancellation or an approved refund. It lands
//! on the partner's open invoice (see `ledger`); the database refuses a credit that
//! would take a line above what was paid.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::credits;
use crate::error::AppError;
use crate::ids::{CustomerId, LineId, OrderId, PartnerId, RequestId, UserId};

/// Named fields, so a column added to the table cannot shift the others.
#[derive(Insertable)]
// A `None` is bound as NULL, not sent as DEFAULT: a statement with DEFAULT in it changes
// with the values, so diesel would prepare it again on every insert.
#[diesel(table_name = credits, treat_none_as_default_value = false)]
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
pub async fn book(conn: &mut AsyncPgConnection, credit: &NewCredit) -> Result<(), AppError> {
    insert(conn, credit).await?;
    let (partner, currency) = (credit.partner_id, credit.currency);
    super::ledger::credit(conn, partner, currency, credit.id, credit.created_at).await
}

/// Inserts the credit only; the caller puts it on an invoice (`ledger::add_credits`) in the
/// same transaction.
pub async fn insert(mut conn: &AsyncPgConnection, credit: &NewCredit) -> Result<(), AppError> {
    diesel::insert_into(credits::table)
        .values(credit)
        .execute(&mut conn)
        .await?;
    Ok(())
}
