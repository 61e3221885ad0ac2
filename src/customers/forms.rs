//! The "Add customer" form and its validation (pure: no database, no HTTP).

use serde::Deserialize;

use crate::markets;
use crate::money::Currency;
use crate::web::forms::FieldErrors;

pub const MAX_NAME: usize = 200;

#[derive(Clone, Debug, Default, Deserialize)]
pub struct NewCustomerForm {
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub primary_domain: String,
    #[serde(default)]
    pub market: String,
    #[serde(default)]
    pub currency: String,
}

/// A customer that passed every check and can be inserted.
#[derive(Debug, PartialEq, Eq)]
pub struct ValidCustomer {
    pub company_name: String,
    pub primary_domain: String,
    pub market: String,
    pub currency: Currency,
}

impl NewCustomerForm {
    pub fn validate(&self) -> Result<ValidCustomer, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = self.company_name.trim();
        if name.is_empty() {
            errors.add("company_name", "customer-error-name-required");
        } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
            errors.add("company_name", "customer-error-name-invalid");
        }
        let domain = self.primary_domain.trim().to_ascii_lowercase();
        if !is_domain(&domain) {
            errors.add("primary_domain", "customer-error-domain-invalid");
        }
        let market = self.market.trim().to_ascii_uppercase();
        if !markets::is_market(&market) {
            errors.add("market", "customer-error-market-invalid");
        }
        let currency = Currency::from_code(self.currency.trim());
        if currency.is_none() {
            errors.add("currency", "customer-error-currency-invalid");
        }
        match currency {
            Some(currency) if errors.is_empty() => Ok(ValidCustomer {
                company_name: name.to_string(),
                primary_domain: domain,
                market,
                currency,
            }),
            _ => Err(errors),
        }
    }
}

/// A DNS name of at least two labels, each 1-63 letters, digits or inner hyphens.
pub fn is_domain(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    d.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

#[cfg(test)]
mod tests;
