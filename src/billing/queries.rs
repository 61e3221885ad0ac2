//! Reading invoices. An invoice is not stored: it is the partner's order lines placed in the
//! month and the credits given in the month, in one currency. Past months cannot change,
//! because orders and credits are stamped with the time they happen and never moved, so
//! reading is enough to reproduce an issued invoice exactly.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{
    BigInt, Bool, Integer, Nullable, Text, Timestamp, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::rules::Month;
use crate::auth::PartnerScope;
use crate::error::AppError;
use crate::ids::{CustomerId, PartnerId};
use crate::money::Currency;

/// One invoice of the list: a month and currency with anything in it.
#[derive(QueryableByName, Debug)]
pub struct InvoiceSummary {
    #[diesel(sql_type = Timestamp)]
    month: NaiveDateTime,
    #[diesel(sql_type = Text)]
    pub currency: Currency,
    #[diesel(sql_type = BigInt)]
    pub charges_minor: i64,
    #[diesel(sql_type = BigInt)]
    pub credits_minor: i64,
}

impl InvoiceSummary {
    pub fn month(&self) -> Month {
        Month::of(self.month.and_utc())
    }

    /// An invoice with nothing in it yet.
    pub fn empty(month: Month, currency: Currency) -> InvoiceSummary {
        InvoiceSummary {
            month: month.start().naive_utc(),
            currency,
            charges_minor: 0,
            credits_minor: 0,
        }
    }
}

/// Every month and currency in which this partner placed an order or was given a credit,
/// newest first.
pub async fn invoices(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
) -> Result<Vec<InvoiceSummary>, AppError> {
    Ok(diesel::sql_query(
        "SELECT month, currency, sum(charges)::bigint AS charges_minor,
                sum(credits)::bigint AS credits_minor
         FROM (
             SELECT date_trunc('month', o.placed_at AT TIME ZONE 'UTC') AS month,
                    o.currency::text AS currency,
                    l.unit_price_minor * l.quantity AS charges, 0::bigint AS credits
             FROM orders o JOIN order_lines l ON l.order_id = o.id
             WHERE o.partner_id = $1
             UNION ALL
             SELECT date_trunc('month', c.created_at AT TIME ZONE 'UTC'), c.currency::text,
                    0, c.amount_minor
             FROM credits c
             WHERE c.partner_id = $1
         ) AS items
         GROUP BY month, currency
         ORDER BY month DESC, currency",
    )
    .bind::<SqlUuid, _>(scope.partner_id())
    .load(conn)
    .await?)
}

/// One line of an invoice: a charge for an order line, or a credit (negative amount).
#[derive(QueryableByName, Debug, Clone)]
pub struct InvoiceLine {
    #[diesel(sql_type = Text)]
    pub kind: super::LineKind,
    #[diesel(sql_type = Timestamptz)]
    pub at: DateTime<Utc>,
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = BigInt)]
    pub order_number: i64,
    #[diesel(sql_type = Text)]
    pub customer: String,
    #[diesel(sql_type = SqlUuid)]
    pub customer_id: CustomerId,
    #[diesel(sql_type = Text)]
    pub product: String,
    #[diesel(sql_type = Integer)]
    pub quantity: i32,
    #[diesel(sql_type = BigInt)]
    pub amount_minor: i64,
    #[diesel(sql_type = Bool)]
    pub tax_included: bool,
    #[diesel(sql_type = Integer)]
    pub tax_rate_bp: i32,
}

impl InvoiceLine {
    pub fn is_credit(&self) -> bool {
        self.kind != super::LineKind::Charge
    }
}

/// The month's items in one currency, as one ordered relation: charges, then credits by time.
const ITEMS: &str = "
    SELECT 'charge'::text AS kind, o.placed_at AS at, l.id, o.number AS order_number,
           c.company_name AS customer, c.id AS customer_id, l.product_name AS product,
           l.quantity, l.unit_price_minor * l.quantity AS amount_minor,
           l.tax_included, l.tax_rate_bp
    FROM order_lines l
    JOIN orders o ON o.id = l.order_id
    JOIN customers c ON c.id = o.customer_id
    WHERE o.partner_id = $1 AND o.currency = $2 AND o.placed_at >= $3 AND o.placed_at < $4
    UNION ALL
    SELECT cr.reason, cr.created_at, cr.id, o.number, c.company_name, c.id, l.product_name,
           cr.quantity, -cr.amount_minor, l.tax_included, l.tax_rate_bp
    FROM credits cr
    JOIN order_lines l ON l.id = cr.order_line_id
    JOIN orders o ON o.id = cr.order_id
    JOIN customers c ON c.id = cr.customer_id
    WHERE cr.partner_id = $1 AND cr.currency = $2 AND cr.created_at >= $3 AND cr.created_at < $4";

/// Which invoice: one month and currency of the partner a scope proves. The partner comes
/// only from the scope, so no caller can name another partner's invoice.
#[derive(Clone, Copy, Debug)]
pub struct InvoiceKey {
    scope: PartnerScope,
    pub month: Month,
    pub currency: Currency,
}

impl InvoiceKey {
    pub fn new(scope: PartnerScope, month: Month, currency: Currency) -> InvoiceKey {
        InvoiceKey {
            scope,
            month,
            currency,
        }
    }

    fn partner_id(&self) -> PartnerId {
        self.scope.partner_id()
    }
}

/// Where a page or batch of lines starts: after the line `(at, id)`, then `offset` more.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cursor {
    pub after: Option<(DateTime<Utc>, Uuid)>,
    pub offset: i64,
}

pub async fn lines(
    conn: &mut AsyncPgConnection,
    key: InvoiceKey,
    cursor: Cursor,
    limit: i64,
) -> Result<Vec<InvoiceLine>, AppError> {
    let sql = format!(
        "SELECT * FROM ({ITEMS}) AS items
         WHERE $5::timestamptz IS NULL OR (at, id) > ($5, $6)
         ORDER BY at, id OFFSET $7 LIMIT $8"
    );
    let (after_at, after_id) = cursor.after.unzip();
    Ok(diesel::sql_query(sql)
        .bind::<SqlUuid, _>(key.partner_id())
        .bind::<Text, _>(key.currency.code())
        .bind::<Timestamptz, _>(key.month.start())
        .bind::<Timestamptz, _>(key.month.end())
        .bind::<Nullable<Timestamptz>, _>(after_at)
        .bind::<Nullable<SqlUuid>, _>(after_id)
        .bind::<BigInt, _>(cursor.offset)
        .bind::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

#[derive(QueryableByName, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    #[diesel(sql_type = BigInt)]
    pub lines: i64,
    #[diesel(sql_type = BigInt)]
    pub charges_minor: i64,
    /// Positive: the sum of the credits.
    #[diesel(sql_type = BigInt)]
    pub credits_minor: i64,
}

impl Totals {
    pub fn net_minor(&self) -> i64 {
        self.charges_minor - self.credits_minor
    }
}

pub async fn totals(conn: &mut AsyncPgConnection, key: InvoiceKey) -> Result<Totals, AppError> {
    let sql = format!(
        "SELECT count(*)::bigint AS lines,
                coalesce(sum(amount_minor) FILTER (WHERE kind = 'charge'), 0)::bigint
                    AS charges_minor,
                coalesce(-sum(amount_minor) FILTER (WHERE kind <> 'charge'), 0)::bigint
                    AS credits_minor
         FROM ({ITEMS}) AS items"
    );
    Ok(diesel::sql_query(sql)
        .bind::<SqlUuid, _>(key.partner_id())
        .bind::<Text, _>(key.currency.code())
        .bind::<Timestamptz, _>(key.month.start())
        .bind::<Timestamptz, _>(key.month.end())
        .get_result(conn)
        .await?)
}
