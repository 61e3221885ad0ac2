//! The demo catalog: the products the source documents name, with invented list prices.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{prices, product_variants, products};
use crate::error::AppError;
use crate::ids::ProductId;
use crate::money::Currency;

use super::catalog_items::{ITEMS, Item};

pub const LANGUAGES: &[&str] = &[
    "en-US", "tr-TR", "hu-HU", "pl-PL", "ru-RU", "ko-KR", "zh-CN",
];

/// Demo conversion from US cents to each currency's minor units, as (numerator, denominator).
fn demo_rate(currency: Currency) -> (i64, i64) {
    match currency {
        Currency::Usd => (1, 1),
        Currency::Eur => (92, 100),
        Currency::Gbp => (79, 100),
        Currency::Aud => (152, 100),
        Currency::Brl => (505, 100),
        Currency::Try => (3_250, 100),
        Currency::Pln => (400, 100),
        Currency::Huf => (36_000, 100),
        Currency::Rub => (9_000, 100),
        // KRW has no minor unit: 1 USD cent ≈ 13.9 won.
        Currency::Krw => (1_390, 100),
        Currency::Cny => (720, 100),
    }
}

/// A whole-unit list price in `currency` for a price of `usd_cents`.
fn list_price(usd_cents: i64, currency: Currency) -> i64 {
    let (num, den) = demo_rate(currency);
    let minor = usd_cents * num / den;
    let unit = 10_i64.pow(currency.exponent());
    (minor / unit) * unit
}

pub async fn insert(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<(), AppError> {
    for item in ITEMS {
        let id = ProductId::random();
        diesel::insert_into(products::table)
            .values((
                products::id.eq(id),
                products::sku.eq(item.sku),
                products::name.eq(item.name),
                products::family.eq(item.family),
                products::licence_kind.eq(if item.term.is_some() {
                    "subscription"
                } else {
                    "perpetual"
                }),
                products::term_months.eq(item.term),
                products::cancellation_policy.eq(item.policy),
                products::cancellation_window_days.eq((item.policy == "window").then_some(30)),
                products::created_at.eq(now),
            ))
            .execute(conn)
            .await?;
        let rows: Vec<_> = Currency::ALL
            .iter()
            .map(|c| {
                (
                    prices::product_id.eq(id),
                    prices::currency.eq(c.code()),
                    prices::amount_minor.eq(list_price(item.usd_cents, *c)),
                    prices::updated_at.eq(now),
                )
            })
            .collect();
        diesel::insert_into(prices::table)
            .values(rows)
            .execute(conn)
            .await?;
        insert_variants(conn, id, item).await?;
    }
    Ok(())
}

async fn insert_variants(
    conn: &mut AsyncPgConnection,
    product: ProductId,
    item: &Item,
) -> Result<(), AppError> {
    let mut rows = Vec::new();
    for version in item.versions {
        for language in LANGUAGES {
            for file_type in item.file_types {
                let stem = version.to_lowercase().replace(' ', "_");
                let extension = file_type.rsplit('_').next().unwrap_or("bin");
                rows.push((
                    product_variants::id.eq(Uuid::new_v4()),
                    product_variants::product_id.eq(product),
                    product_variants::version.eq(*version),
                    product_variants::language.eq(*language),
                    product_variants::file_type.eq(*file_type),
                    product_variants::file_name
                        .eq(format!("{stem}_{language}_{file_type}.{extension}")),
                ));
            }
        }
    }
    diesel::insert_into(product_variants::table)
        .values(rows)
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_prices_are_whole_units_of_each_currency() {
        assert_eq!(list_price(106_900, Currency::Usd), 106_900);
        assert_eq!(list_price(106_900, Currency::Aud), 162_400);
        assert_eq!(list_price(106_900, Currency::Krw), 1_485_910);
        assert_eq!(list_price(106_900, Currency::Try) % 100, 0);
    }
}
