//! Order arithmetic in integer minor units. Tax inside tax-inclusive prices is computed per
//! line (unit price × quantity) with the catalog's one rounding rule, then summed, so the
//! order's tax is exactly the sum of what its lines show.

use crate::catalog::rules::{TaxTreatment, included_tax};

#[derive(Debug, PartialEq, Eq)]
pub struct Totals {
    pub amount_minor: i64,
    /// Tax contained in `amount_minor` (0 where prices exclude tax).
    pub included_tax_minor: i64,
}

pub fn line_amount(unit_price_minor: i64, quantity: i32) -> i64 {
    unit_price_minor * i64::from(quantity)
}

pub fn totals<'a>(lines: impl IntoIterator<Item = (i64, i32)> + 'a, tax: &TaxTreatment) -> Totals {
    let mut totals = Totals {
        amount_minor: 0,
        included_tax_minor: 0,
    };
    for (unit, quantity) in lines {
        let amount = line_amount(unit, quantity);
        totals.amount_minor += amount;
        if tax.included {
            totals.included_tax_minor += included_tax(amount, tax.rate_bp);
        }
    }
    totals
}

#[cfg(test)]
mod tests;
