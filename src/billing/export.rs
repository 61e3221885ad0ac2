//! An invoice as CSV, streamed in batches read by keyset (see `web::csv`).

use actix_web::web::Bytes;
use futures_util::Stream;

use super::queries::{self, InvoiceKey, InvoiceLine};
use crate::db::DbPool;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::money::Currency;
use crate::web::csv::{self, text_cell};

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

type Key = (chrono::DateTime<chrono::Utc>, uuid::Uuid);

pub fn stream(
    pool: DbPool,
    key: InvoiceKey,
    lang: Lang,
) -> impl Stream<Item = Result<Bytes, AppError>> {
    let header: Vec<String> = COLUMNS.iter().map(|k| lang.t(k)).collect();
    let fetch = move |after: Option<Key>| {
        let pool = pool.clone();
        async move {
            let conn = pool.get().await?;
            queries::lines(&conn, key, after, BATCH).await
        }
    };
    csv::keyset(
        header,
        BATCH,
        fetch,
        |l: &InvoiceLine| (l.at, l.id),
        move |l| row(l, key.currency, lang),
    )
}

fn row(l: &InvoiceLine, currency: Currency, lang: Lang) -> Vec<String> {
    vec![
        crate::web::format::iso_utc(&l.at),
        lang.t(&l.kind.label_key()),
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

/// "-1069.00": no grouping, a point, the currency's own number of decimals. Written digit by
/// digit rather than by `format!`: an API page of orders writes some 120 of them, an invoice's
/// CSV three a line, and `format!` with its padding was a tenth of the orders page's time.
pub fn plain_amount(minor: i64, currency: Currency) -> String {
    let exp = currency.exponent() as usize;
    // u64::MAX has 20 digits; a fraction pads to exp + 1 (a currency has 0 or 2 decimals).
    let mut digits = [b'0'; 24];
    let (mut rest, mut len) = (minor.unsigned_abs(), 0);
    while rest > 0 || len <= exp {
        digits[len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    let mut out = String::with_capacity(len + 2);
    if minor < 0 {
        out.push('-');
    }
    for (i, d) in digits[..len].iter().enumerate().rev() {
        if i + 1 == exp {
            out.push('.');
        }
        out.push(char::from(*d));
    }
    out
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
        assert_eq!(plain_amount(0, Currency::Krw), "0");
    }

    /// The way it was written before, by `format!`.
    fn formatted(minor: i64, currency: Currency) -> String {
        let exp = currency.exponent();
        if exp == 0 {
            return minor.to_string();
        }
        let scale = 10_u64.pow(exp);
        let sign = if minor < 0 { "-" } else { "" };
        let (units, fraction) = (minor.unsigned_abs() / scale, minor.unsigned_abs() % scale);
        format!("{sign}{units}.{fraction:0width$}", width = exp as usize)
    }

    #[test]
    fn amounts_are_written_as_format_wrote_them() {
        let mut values = vec![i64::MIN, i64::MAX, 0, 1, -1];
        for p in 0..19 {
            let t = 10_i64.pow(p);
            values.extend([t, t - 1, t + 1, -t, -t + 1, -t - 1]);
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push(seed as i64 >> (seed % 60));
        }
        for currency in Currency::ALL {
            for v in &values {
                assert_eq!(plain_amount(*v, *currency), formatted(*v, *currency), "{v}");
            }
        }
    }
}
