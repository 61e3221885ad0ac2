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
