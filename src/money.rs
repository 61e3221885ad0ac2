//! Currencies the product bills in. Amounts are integer minor units of one of these.

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Currency {
    Usd,
    Eur,
    Gbp,
    Aud,
    Brl,
    Try,
    Pln,
    Huf,
    Rub,
    Krw,
    Cny,
}

impl Currency {
    pub const ALL: &'static [Currency] = &[
        Currency::Usd,
        Currency::Eur,
        Currency::Gbp,
        Currency::Aud,
        Currency::Brl,
        Currency::Try,
        Currency::Pln,
        Currency::Huf,
        Currency::Rub,
        Currency::Krw,
        Currency::Cny,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Aud => "AUD",
            Currency::Brl => "BRL",
            Currency::Try => "TRY",
            Currency::Pln => "PLN",
            Currency::Huf => "HUF",
            Currency::Rub => "RUB",
            Currency::Krw => "KRW",
            Currency::Cny => "CNY",
        }
    }

    /// Its place in `ALL`, for per-currency tables.
    pub fn index(self) -> usize {
        Currency::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.iter().copied().find(|c| c.code() == code)
    }
}

impl Currency {
    /// Digits after the decimal point (ISO 4217): 0 for KRW, 2 for the others.
    pub fn exponent(self) -> u32 {
        match self {
            Currency::Krw => 0,
            _ => 2,
        }
    }
}

/// An amount for people to read, as the reader's language writes it: `$1,069.00`,
/// `1069,00 zł`, `₩12,345` (see `i18n::locale`).
pub fn display(amount_minor: i64, currency: Currency, lang: crate::i18n::Lang) -> String {
    crate::i18n::locale::money(amount_minor, currency, lang)
}

crate::stored_as_code!(Currency);

/// Shown and recorded as its ISO code (`USD`).
impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}
