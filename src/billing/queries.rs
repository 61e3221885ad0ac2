//! Reading invoices: the partner's invoice rows (one per month and currency, with totals the
//! database keeps) and an invoice's lines by keyset. Nothing here reads orders or credits.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::QueryableByName;
use diesel::prelude::*;
use diesel::sql_types::{
    BigInt, Bool, Date, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::rules::Month;
use crate::auth::PartnerScope;
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::{CustomerId, PartnerId};
use crate::money::Currency;

/// One invoice, without its lines. An open invoice's totals are its row's plus its tallies
/// (see the `invoice_tallies` migration); an issued one's are its row's.
#[derive(QueryableByName, Debug)]
pub struct InvoiceSummary {
    #[diesel(sql_type = Date)]
    month: NaiveDate,
    #[diesel(sql_type = Text)]
    pub currency: Currency,
    #[diesel(sql_type = BigInt)]
    pub charges_minor: i64,
    /// Positive: the sum of the credits.
    #[diesel(sql_type = BigInt)]
    pub credits_minor: i64,
    #[diesel(sql_type = BigInt)]
    pub line_count: i64,
    /// Set once issued.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub number: Option<i64>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub issued_at: Option<DateTime<Utc>>,
}

impl InvoiceSummary {
    pub fn month(&self) -> Month {
        Month::of(self.month.and_time(chrono::NaiveTime::MIN).and_utc())
    }

    pub fn is_issued(&self) -> bool {
        self.issued_at.is_some()
    }

    /// An invoice with nothing in it yet.
    pub fn empty(month: Month, currency: Currency) -> InvoiceSummary {
        InvoiceSummary {
            month: month.first_day(),
            currency,
            charges_minor: 0,
            credits_minor: 0,
            line_count: 0,
            number: None,
            issued_at: None,
        }
    }

    pub fn totals(&self) -> Totals {
        Totals {
            lines: self.line_count,
            charges_minor: self.charges_minor,
            credits_minor: self.credits_minor,
        }
    }
}

/// An invoice's totals, from `i` (its row) and `t` (its tallies, joined by `tallies!`): an open
/// one's tallies (a row per slot, as many as it ever had writers at once, through their
/// primary key) are added to its row's; an issued one's are already in its row.
macro_rules! totals {
    () => {
        "i.month, i.currency,
         i.charges_minor + coalesce(t.charges_minor, 0) AS charges_minor,
         i.credits_minor + coalesce(t.credits_minor, 0) AS credits_minor,
         i.line_count + coalesce(t.line_count, 0) AS line_count,
         i.number, i.issued_at"
    };
}

macro_rules! tallies {
    () => {
        "LEFT JOIN LATERAL (SELECT sum(charges_minor)::bigint AS charges_minor,
                                   sum(credits_minor)::bigint AS credits_minor,
                                   sum(line_count)::bigint AS line_count
                              FROM invoice_tallies
                             WHERE invoice_id = i.id AND i.issued_at IS NULL) t ON true"
    };
}

/// The partner's invoices with their totals.
const SUMMARY: &str = concat!(
    "SELECT ",
    totals!(),
    " FROM invoices i ",
    tallies!(),
    " WHERE i.partner_id = $1"
);

/// Where a page of the invoice list starts and what it is narrowed to: invoices of months from
/// `from` up to `upto` (both included), of `currency` when given; in `upto`'s month, only
/// currencies after `after_currency` when given (the page continues after that invoice).
pub struct ListRange {
    pub upto: Month,
    pub from: Option<Month>,
    pub currency: Option<Currency>,
    pub after_currency: Option<Currency>,
}

/// The page's conditions on `invoices i`, with `$2`–`$5` as `invoice_list` binds them. Each case is its own statement, so each keeps a plan that reads
/// its index range: one currency's invoices off `invoices_partner_currency_idx`, all of them
/// off the month's.
fn page_conditions(range: &ListRange) -> String {
    let currency = match range.currency {
        Some(_) => "AND i.currency = $4",
        None => "AND $4::text IS NULL",
    };
    let tie = match range.after_currency {
        Some(_) => "AND (i.month < $2 OR i.currency > $5)",
        None => "AND $5::text IS NULL",
    };
    format!(
        "AND i.month <= $2 AND i.month >= $3 {currency} {tie} ORDER BY i.month DESC, i.currency"
    )
}

/// The first month a range reads: with no year, the first day PostgreSQL and the calendar
/// agree on (`NaiveDate::MIN` is out of PostgreSQL's range).
fn first_day(range: &ListRange) -> Option<NaiveDate> {
    range
        .from
        .map_or(NaiveDate::from_ymd_opt(1, 1, 1), |m| Some(m.first_day()))
}

/// What the Billing page and `GET /v1/invoices` show: the charts' months (the page only), a
/// page of the list, and how far the invoices reach.
pub struct BillingParts {
    pub chart: Vec<InvoiceSummary>,
    pub page: Vec<InvoiceSummary>,
    pub span: Span,
}

/// How far the partner's invoices reach: the first month, if any, and the currencies ever
/// billed in, in code order.
pub struct Span {
    pub first: Option<Month>,
    pub billed: Vec<Currency>,
}

/// A row of `invoice_list`: which part it belongs to, and an invoice.
#[derive(QueryableByName)]
struct Part {
    #[diesel(sql_type = Text)]
    part: String,
    #[diesel(embed)]
    invoice: InvoiceSummary,
}

/// A page of the list, newest month first and by currency within a month (a range of
/// `invoices_partner_month_idx` that starts at `upto`, so a later page costs what the first
/// does); with `chart_from`, every invoice from that month on; and the partner's
/// `billed_currencies` (kept by the database), each with its first month. One statement, each
/// part a bounded read of an index, so what it shows is of one moment, and one join of the
/// open invoices' tallies serves the charts and the page: each statement's and each plan
/// node's own cost was most of the page's (measured: 3,867 → 2,972 requests/s with three
/// statements).
pub async fn invoice_list(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    range: &ListRange,
    limit: i64,
    chart_from: Option<Month>,
) -> Result<BillingParts, AppError> {
    const ROW: &str = "i.id, i.month, i.currency, i.charges_minor, i.credits_minor, \
                       i.line_count, i.number, i.issued_at";
    let chart = match chart_from {
        Some(_) => format!(
            "(SELECT 'chart' AS part, {ROW} FROM invoices i
               WHERE i.partner_id = $1 AND i.month >= $7) UNION ALL"
        ),
        None => String::new(),
    };
    let sql = format!(
        "WITH shown AS (
             {chart}
             (SELECT 'page' AS part, {ROW} FROM invoices i
               WHERE i.partner_id = $1 {conditions} LIMIT $6))
         SELECT i.part, {totals} FROM shown i {tallies}
         UNION ALL
         SELECT 'billed', first_month, currency, 0, 0, 0, NULL, NULL
           FROM billed_currencies WHERE partner_id = $1",
        conditions = page_conditions(range),
        totals = totals!(),
        tallies = tallies!(),
    );
    let rows: Vec<Part> = prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<Date, _>(range.upto.first_day())
        .bind::<Nullable<Date>, _>(first_day(range))
        .bind::<Nullable<Text>, _>(range.currency.map(|c| c.code()))
        .bind::<Nullable<Text>, _>(range.after_currency.map(|c| c.code()))
        .bind::<BigInt, _>(limit)
        .bind::<Nullable<Date>, _>(chart_from.map(Month::first_day))
        .load(&mut conn)
        .await?;
    Ok(parts_of(rows))
}

/// `invoice_list`'s rows sorted into their parts, the page in the list's order and the
/// currencies in code order.
fn parts_of(rows: Vec<Part>) -> BillingParts {
    let mut parts = BillingParts {
        chart: Vec::new(),
        page: Vec::new(),
        span: Span {
            first: None,
            billed: Vec::new(),
        },
    };
    for row in rows {
        match row.part.as_str() {
            "chart" => parts.chart.push(row.invoice),
            "page" => parts.page.push(row.invoice),
            _ => {
                let first = row.invoice.month();
                parts.span.first = Some(parts.span.first.map_or(first, |f| f.min(first)));
                parts.span.billed.push(row.invoice.currency);
            }
        }
    }
    super::list_page::in_list_order(&mut parts.page);
    parts.span.billed.sort_by_key(|c| c.code());
    parts
}

/// The partner's open invoices (this month's, one per currency with activity).
pub async fn open_invoices(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
) -> Result<Vec<InvoiceSummary>, AppError> {
    Ok(prepared(format!(
        "{SUMMARY} AND i.issued_at IS NULL ORDER BY i.month DESC, i.currency"
    ))
    .bind::<SqlUuid, _>(scope.partner_id())
    .load(&mut conn)
    .await?)
}

/// The invoice a key names, if anything has happened in its month and currency.
pub async fn find(
    mut conn: &AsyncPgConnection,
    key: InvoiceKey,
) -> Result<Option<InvoiceSummary>, AppError> {
    Ok(
        prepared(format!("{SUMMARY} AND i.month = $2 AND i.currency = $3"))
            .bind::<SqlUuid, _>(key.partner_id())
            .bind::<Date, _>(key.month.first_day())
            .bind::<Text, _>(key.currency.code())
            .get_result(&mut conn)
            .await
            .optional()?,
    )
}

/// One line of an invoice: a charge for an order line, or a credit (negative amount). Read
/// by position, in the order of `LINES`' select list.
#[derive(Debug, Clone)]
pub struct InvoiceLine {
    pub kind: super::LineKind,
    pub at: DateTime<Utc>,
    pub id: Uuid,
    pub order_number: i64,
    pub customer: String,
    pub customer_id: CustomerId,
    pub product: String,
    pub quantity: i32,
    pub amount_minor: i64,
    pub tax_included: bool,
    pub tax_rate_bp: i32,
}

/// A programming error, not a user's: a statement whose columns are not `LINES`' own.
const NOT_LINES: &str = "an invoice line's columns must be LINES', in its order";

impl diesel::deserialize::QueryableByName<diesel::pg::Pg> for InvoiceLine {
    fn build<'a>(
        row: &impl diesel::row::NamedRow<'a, diesel::pg::Pg>,
    ) -> diesel::deserialize::Result<Self> {
        use crate::db::columns::{at, named};
        if !named(row, 0, "kind") || !named(row, 10, "tax_rate_bp") {
            return Err(NOT_LINES.into());
        }
        Ok(InvoiceLine {
            kind: at::<Text, _>(row, 0)?,
            at: at::<Timestamptz, _>(row, 1)?,
            id: at::<SqlUuid, _>(row, 2)?,
            order_number: at::<BigInt, _>(row, 3)?,
            customer: at::<Text, _>(row, 4)?,
            customer_id: at::<SqlUuid, _>(row, 5)?,
            product: at::<Text, _>(row, 6)?,
            quantity: at::<Integer, _>(row, 7)?,
            amount_minor: at::<BigInt, _>(row, 8)?,
            tax_included: at::<Bool, _>(row, 9)?,
            tax_rate_bp: at::<Integer, _>(row, 10)?,
        })
    }
}

impl InvoiceLine {
    pub fn is_credit(&self) -> bool {
        self.kind != super::LineKind::Charge
    }
}

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

    pub fn partner_id(&self) -> PartnerId {
        self.scope.partner_id()
    }
}

/// The name of the partner whose invoice this is, as its documents print it.
pub async fn partner_name(
    conn: &mut AsyncPgConnection,
    key: InvoiceKey,
) -> Result<String, AppError> {
    use crate::db::schema::partners;
    Ok(partners::table
        .find(key.partner_id())
        .select(partners::name)
        .first(conn)
        .await?)
}

/// An invoice's lines, found through the invoice first (a scalar subquery) so they are read in
/// order from their primary key, whatever the size of the month.
const LINES: &str = "
    SELECT l.kind, l.at, l.id, l.order_number, l.customer, l.customer_id, l.product,
           l.quantity, l.amount_minor, l.tax_included, l.tax_rate_bp
      FROM invoice_lines l
     WHERE l.invoice_id = (SELECT i.id FROM invoices i
                            WHERE i.partner_id = $1 AND i.month = $2 AND i.currency = $3)";
const PAGE: &str = "ORDER BY l.at, l.id LIMIT $4";

/// A page or batch of the invoice's lines in the order they happened, through the lines'
/// primary key (invoice, time, id).
pub async fn lines(
    mut conn: &AsyncPgConnection,
    key: InvoiceKey,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<InvoiceLine>, AppError> {
    // Two statements rather than one with "no cursor OR after the cursor": a cached generic
    // plan could not start its index scan at the cursor, and every batch would read from the
    // invoice's first line.
    let sql = match after {
        Some(_) => format!("{LINES} AND (l.at, l.id) > ($5, $6) {PAGE}"),
        None => format!("{LINES} {PAGE}"),
    };
    let query = prepared(sql)
        .bind::<SqlUuid, _>(key.partner_id())
        .bind::<Date, _>(key.month.first_day())
        .bind::<Text, _>(key.currency.code())
        .bind::<BigInt, _>(limit);
    Ok(match after {
        Some((at, id)) => {
            query
                .bind::<Timestamptz, _>(at)
                .bind::<SqlUuid, _>(id)
                .load(&mut conn)
                .await?
        }
        None => query.load(&mut conn).await?,
    })
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub lines: i64,
    pub charges_minor: i64,
    /// Positive: the sum of the credits.
    pub credits_minor: i64,
}

impl Totals {
    pub fn net_minor(&self) -> i64 {
        self.charges_minor - self.credits_minor
    }
}
