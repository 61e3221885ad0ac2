//! An invoice as CSV, streamed in batches read by keyset: memory stays flat whatever the size
//! of the month, and no database connection is held while the client reads.

use actix_web::web::Bytes;
use futures_util::Stream;

use super::queries::{self, Cursor, InvoiceKey, InvoiceLine};
use crate::db::DbPool;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::money::Currency;

const BATCH: i64 = 500;

/// The CSV's columns, in order (catalog keys of their headers).
const COLUMNS: &[&str] = &[
    "invoice-csv-date",
    "invoice-csv-kind",
    "invoice-csv-customer",
    "invoice-csv-tenant",
    "invoice-csv-order",
    "invoice-csv-product",
    "invoice-csv-quantity",
    "invoice-csv-amount",
    "invoice-csv-currency",
    "invoice-csv-tax",
];

enum Step {
    Header,
    After(Option<(chrono::DateTime<chrono::Utc>, uuid::Uuid)>),
    Done,
}

pub fn stream(
    pool: DbPool,
    key: InvoiceKey,
    lang: Lang,
) -> impl Stream<Item = Result<Bytes, AppError>> {
    futures_util::stream::unfold(Step::Header, move |step| {
        let pool = pool.clone();
        async move {
            match step {
                Step::Done => None,
                Step::Header => {
                    let header: Vec<String> = COLUMNS.iter().map(|k| lang.t(k)).collect();
                    Some((write(&[header]), Step::After(None)))
                }
                Step::After(after) => match batch(&pool, key, after).await {
                    Err(e) => Some((Err(e), Step::Done)),
                    Ok(lines) => {
                        let next = match lines.last() {
                            Some(last) if lines.len() as i64 == BATCH => {
                                Step::After(Some((last.at, last.id)))
                            }
                            _ => Step::Done,
                        };
                        if lines.is_empty() {
                            return None;
                        }
                        let rows: Vec<Vec<String>> =
                            lines.iter().map(|l| row(l, key.currency, lang)).collect();
                        Some((write(&rows), next))
                    }
                },
            }
        }
    })
}

async fn batch(
    pool: &DbPool,
    key: InvoiceKey,
    after: Option<(chrono::DateTime<chrono::Utc>, uuid::Uuid)>,
) -> Result<Vec<InvoiceLine>, AppError> {
    let mut conn = pool.get().await?;
    queries::lines(&mut conn, key, Cursor { after, offset: 0 }, BATCH).await
}

fn write(rows: &[Vec<String>]) -> Result<Bytes, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for r in rows {
        out.write_record(r).map_err(AppError::internal)?;
    }
    out.into_inner()
        .map(Bytes::from)
        .map_err(AppError::internal)
}

fn row(l: &InvoiceLine, currency: Currency, lang: Lang) -> Vec<String> {
    vec![
        l.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        lang.t(&format!("invoice-kind-{}", l.kind)),
        text_cell(&l.customer),
        l.customer_id.to_string(),
        l.order_number.to_string(),
        text_cell(&l.product),
        l.quantity.to_string(),
        plain_amount(l.amount_minor, currency),
        currency.code().to_string(),
        crate::catalog::views::tax_text(l.tax_included, l.tax_rate_bp, lang),
    ]
}

/// A name a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed
/// with an apostrophe so it stays text.
fn text_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// "-1069.00": no grouping, a point, the currency's own number of decimals.
pub fn plain_amount(minor: i64, currency: Currency) -> String {
    let exp = currency.exponent();
    if exp == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(exp);
    let sign = if minor < 0 { "-" } else { "" };
    let (units, fraction) = (
        minor.unsigned_abs() / scale as u64,
        minor.unsigned_abs() % scale as u64,
    );
    format!("{sign}{units}.{fraction:0width$}", width = exp as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_plain_decimals() {
        assert_eq!(plain_amount(106_900, Currency::Usd), "1069.00");
        assert_eq!(plain_amount(-5, Currency::Eur), "-0.05");
        assert_eq!(plain_amount(-1_486_000, Currency::Krw), "-1486000");
        assert_eq!(plain_amount(0, Currency::Usd), "0.00");
    }

    #[test]
    fn names_that_look_like_formulas_stay_text() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("Adatum"), "Adatum");
    }
}
