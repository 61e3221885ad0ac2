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
mod tests {
    use super::*;
    use crate::catalog::rules::tax_treatment;

    #[test]
    fn prices_outside_au_and_br_carry_no_tax() {
        let t = totals([(106_900, 2), (473_400, 1)], &tax_treatment("US"));
        assert_eq!(
            t,
            Totals {
                amount_minor: 687_200,
                included_tax_minor: 0
            }
        );
    }

    #[test]
    fn gst_is_rounded_per_line_and_summed() {
        // 5 × 0.01 AUD: each line's GST rounds on its own amount.
        let t = totals([(5, 1), (5, 1)], &tax_treatment("AU"));
        assert_eq!(
            t,
            Totals {
                amount_minor: 10,
                included_tax_minor: 0
            }
        );
        let t = totals([(162_400, 2)], &tax_treatment("AU"));
        assert_eq!(
            t,
            Totals {
                amount_minor: 324_800,
                included_tax_minor: 29_527
            }
        );
    }

    #[test]
    fn brazilian_prices_include_their_tax() {
        let t = totals([(10_925, 1)], &tax_treatment("BR"));
        assert_eq!(t.included_tax_minor, 925);
    }
}
