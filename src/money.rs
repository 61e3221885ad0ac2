//! Currencies the product bills in. Amounts are integer minor units of one of these.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
