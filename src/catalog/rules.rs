//! Pure rules of selling: where Azure reservations may be sold (R-02) and how tax is shown
//! (R-03). No database, no HTTP.

use super::Family;

/// Markets where Azure reservations are not available (newest source list, ISO codes).
pub const NO_AZURE_RESERVATIONS: &[&str] = &[
    "AD", "AG", "AI", "AQ", "AS", "AW", "AX", "AZ", "BF", "BI", "BJ", "BL", "BQ", "BT", "BV", "CC",
    "CD", "CF", "CG", "CK", "CN", "CX", "DJ", "DM", "ER", "FK", "FM", "GA", "GD", "GF", "GG", "GI",
    "GL", "GM", "GN", "GP", "GQ", "GS", "GU", "GW", "GY", "HM", "HT", "IM", "IO", "JE", "KH", "KI",
    "KM", "LA", "LC", "LR", "LS", "MF", "MG", "MH", "ML", "MM", "MP", "MQ", "MR", "MS", "MV", "MW",
    "MZ", "NC", "NE", "NF", "NR", "NU", "PF", "PG", "PM", "PN", "PW", "RE", "SB", "SC", "SH", "SJ",
    "SL", "SM", "SO", "SR", "SS", "ST", "SX", "SZ", "TC", "TD", "TF", "TG", "TK", "TL", "TO", "TV",
    "UM", "VA", "VC", "VG", "VU", "WF", "WS", "XK", "YE", "YT",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    Available,
    /// Not sold in the customer's market; the message key says why.
    Unavailable(&'static str),
}

pub fn availability(family: Family, market: &str) -> Availability {
    if family == Family::AzureReservation && NO_AZURE_RESERVATIONS.binary_search(&market).is_ok() {
        Availability::Unavailable("catalog-unavailable-azure-market")
    } else {
        Availability::Available
    }
}

/// How prices relate to tax in a market.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxTreatment {
    /// True where the price includes tax (AU, BR); elsewhere prices exclude tax.
    pub included: bool,
    /// Rate of the included tax in basis points (1000 = 10%); 0 where tax is excluded.
    pub rate_bp: i32,
    /// Message key naming the tax ("GST" in Australia).
    pub label_key: &'static str,
}

pub fn tax_treatment(market: &str) -> TaxTreatment {
    match market {
        "AU" => TaxTreatment {
            included: true,
            rate_bp: 1000,
            label_key: "tax-included-au",
        },
        // Brazil's federal PIS/COFINS contributions on software services.
        "BR" => TaxTreatment {
            included: true,
            rate_bp: 925,
            label_key: "tax-included-br",
        },
        _ => TaxTreatment {
            included: false,
            rate_bp: 0,
            label_key: "tax-excluded",
        },
    }
}

/// The tax contained in a tax-inclusive amount: amount × rate ÷ (1 + rate).
///
/// Rounding rule (the only one in the product): to the nearest minor unit, halves away from
/// zero, computed in integers.
pub fn included_tax(amount_minor: i64, rate_bp: i32) -> i64 {
    if rate_bp <= 0 {
        return 0;
    }
    let numerator = i128::from(amount_minor) * i128::from(rate_bp);
    let denominator = 10_000 + i128::from(rate_bp);
    round_half_away(numerator, denominator) as i64
}

/// A rate in basis points as people write it: 1000 → "10", 925 → "9.25".
pub fn rate_percent(rate_bp: i32) -> String {
    let whole = rate_bp / 100;
    match rate_bp % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// A quantity typed into a form: a whole number from 1 to 1000.
pub fn parse_quantity(text: &str) -> Result<i32, &'static str> {
    match text.trim().parse::<i64>() {
        Ok(n) if (1..=1000).contains(&n) => Ok(n as i32),
        Ok(_) => Err("quantity-out-of-range"),
        Err(_) => Err("quantity-not-a-number"),
    }
}

/// `n / d` rounded to the nearest integer, halves away from zero (`d` > 0).
pub fn round_half_away(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

#[cfg(test)]
mod tests;
