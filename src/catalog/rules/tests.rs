use super::*;

#[test]
fn the_unavailable_market_list_is_sorted_and_complete() {
    assert!(NO_AZURE_RESERVATIONS.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(NO_AZURE_RESERVATIONS.len(), 106);
    assert!(
        NO_AZURE_RESERVATIONS
            .iter()
            .all(|m| crate::markets::is_market(m))
    );
}

#[test]
fn azure_reservations_are_unavailable_only_in_the_listed_markets() {
    assert!(matches!(
        availability(Family::AzureReservation, "AZ"),
        Availability::Unavailable(_)
    ));
    assert!(matches!(
        availability(Family::AzureReservation, "CN"),
        Availability::Unavailable(_)
    ));
    assert_eq!(
        availability(Family::AzureReservation, "US"),
        Availability::Available
    );
    assert_eq!(
        availability(Family::WindowsServer, "AZ"),
        Availability::Available
    );
}

#[test]
fn australia_and_brazil_include_tax_everywhere_else_excludes_it() {
    assert_eq!(tax_treatment("AU").rate_bp, 1000);
    assert!(tax_treatment("AU").included && tax_treatment("BR").included);
    assert!(!tax_treatment("US").included && !tax_treatment("TR").included);
}

#[test]
fn gst_inside_an_inclusive_price_is_one_eleventh() {
    assert_eq!(included_tax(11_000, 1000), 1_000);
    assert_eq!(included_tax(10_000, 1000), 909); // 909.0909… → 909
    assert_eq!(included_tax(5, 1000), 0); // 0.4545… → 0
    assert_eq!(included_tax(6, 1000), 1); // 0.5454… → 1
    assert_eq!(included_tax(12_345, 0), 0);
}

#[test]
fn rates_read_like_percentages() {
    assert_eq!(rate_percent(1000), "10");
    assert_eq!(rate_percent(925), "9.25");
    assert_eq!(rate_percent(1050), "10.5");
}

#[test]
fn quantities_are_whole_numbers_from_1_to_1000() {
    assert_eq!(parse_quantity(" 2 "), Ok(2));
    assert_eq!(parse_quantity("1000"), Ok(1000));
    assert_eq!(parse_quantity("0"), Err("quantity-out-of-range"));
    assert_eq!(parse_quantity("-3"), Err("quantity-out-of-range"));
    assert_eq!(parse_quantity("1001"), Err("quantity-out-of-range"));
    assert_eq!(
        parse_quantity("99999999999999999999"),
        Err("quantity-not-a-number")
    );
    assert_eq!(parse_quantity("two"), Err("quantity-not-a-number"));
    assert_eq!(parse_quantity("1.5"), Err("quantity-not-a-number"));
}

#[test]
fn halves_round_away_from_zero() {
    assert_eq!(round_half_away(5, 2), 3);
    assert_eq!(round_half_away(-5, 2), -3);
    assert_eq!(round_half_away(4, 3), 1);
    assert_eq!(round_half_away(5, 3), 2);
}
