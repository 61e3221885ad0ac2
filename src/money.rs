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

/// An amount for people to read: "1,234.56 USD" in English, "1.234,56 USD" in Turkish.
pub fn display(amount_minor: i64, currency: Currency, lang: crate::i18n::Lang) -> String {
    let (group, decimal) = match lang {
        crate::i18n::Lang::En => (',', '.'),
        crate::i18n::Lang::Tr => ('.', ','),
    };
    let scale = 10_i64.pow(currency.exponent());
    let units = (amount_minor / scale).unsigned_abs();
    let fraction = (amount_minor % scale).unsigned_abs();
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if amount_minor < 0 { "-" } else { "" };
    match currency.exponent() {
        0 => format!("{sign}{grouped} {}", currency.code()),
        e => format!(
            "{sign}{grouped}{decimal}{fraction:0width$} {}",
            currency.code(),
            width = e as usize
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn amounts_are_shown_with_the_currency_digits_and_language_separators() {
        assert_eq!(
            display(12_345_678, Currency::Usd, Lang::En),
            "123,456.78 USD"
        );
        assert_eq!(display(106_900, Currency::Usd, Lang::En), "1,069.00 USD");
        assert_eq!(display(106_900, Currency::Try, Lang::Tr), "1.069,00 TRY");
        assert_eq!(display(1_390_000, Currency::Krw, Lang::En), "1,390,000 KRW");
        assert_eq!(display(-5, Currency::Eur, Lang::En), "-0.05 EUR");
        assert_eq!(display(0, Currency::Huf, Lang::En), "0.00 HUF");
    }
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
