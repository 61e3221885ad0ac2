use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

const THIRTY: Policy = Policy::Window { days: 30 };

#[test]
fn window_edges() {
    let p = at(2026, 11, 4, 10, 0);
    let until = at(2026, 12, 4, 10, 0);
    assert_eq!(
        window(THIRTY, p, p),
        Window::Open {
            until,
            days_left: 30
        }
    );
    let last_minute = p + Duration::days(29) + Duration::hours(23) + Duration::minutes(59);
    assert_eq!(
        window(THIRTY, p, last_minute),
        Window::Open {
            until,
            days_left: 1
        }
    );
    let one_second_before = until - Duration::seconds(1);
    assert!(window(THIRTY, p, one_second_before).is_open());
    assert_eq!(window(THIRTY, p, until), Window::Passed { ended: until });
    assert_eq!(
        window(THIRTY, p, p + Duration::days(31)),
        Window::Passed { ended: until }
    );
}

#[test]
fn days_left_counts_a_started_day() {
    let p = at(2026, 11, 4, 10, 0);
    let now = at(2026, 11, 22, 10, 0);
    assert_eq!(
        window(THIRTY, p, now),
        Window::Open {
            until: at(2026, 12, 4, 10, 0),
            days_left: 12
        }
    );
    let now = now + Duration::minutes(1);
    assert!(matches!(
        window(THIRTY, p, now),
        Window::Open { days_left: 12, .. }
    ));
}

#[test]
fn the_window_is_the_products_not_a_constant() {
    let p = at(2026, 1, 1, 0, 0);
    let sixty = Policy::Window { days: 60 };
    assert!(window(sixty, p, p + Duration::days(45)).is_open());
    assert!(!window(THIRTY, p, p + Duration::days(45)).is_open());
    assert_eq!(window(Policy::Never, p, p), Window::Never);
    assert_eq!(window(Policy::SupportOnly, p, p), Window::SupportOnly);
    assert!(window(Policy::SupportOnly, p, p).offers_support());
    assert!(!window(Policy::Never, p, p).offers_support());
}

#[test]
fn policies_read_from_the_catalog() {
    assert_eq!(
        Policy::from_columns("window", Some(30)),
        Some(Policy::Window { days: 30 })
    );
    assert_eq!(Policy::from_columns("window", None), None);
    assert_eq!(Policy::from_columns("never", None), Some(Policy::Never));
    assert_eq!(
        Policy::from_columns("support_only", None),
        Some(Policy::SupportOnly)
    );
    assert_eq!(Policy::from_columns("sometimes", Some(3)), None);
}

#[test]
fn perpetual_software_gets_everything_back() {
    let p = at(2026, 11, 22, 9, 0);
    assert_eq!(
        credit(106_900, 0, Licence::Perpetual, p, p + Duration::days(2)),
        106_900
    );
    assert_eq!(credit(106_900, 6_900, Licence::Perpetual, p, p), 100_000);
}

#[test]
fn subscriptions_get_the_unused_days_rounded_down() {
    // 2026-11-22 + 12 months = 2027-11-22: 365 days. 2 days used, 363 unused.
    let p = at(2026, 11, 22, 9, 0);
    let year = Licence::Subscription { term_months: 12 };
    assert_eq!(term_days(p, 12), 365);
    // 100,000 × 363 / 365 = 99,452.05… → 99,452
    assert_eq!(credit(100_000, 0, year, p, p + Duration::days(2)), 99_452);
    // Within the first day nothing is used yet.
    assert_eq!(
        credit(100_000, 0, year, p, p + Duration::hours(23)),
        100_000
    );
    // A leap year's term has 366 days.
    assert_eq!(term_days(at(2027, 11, 22, 0, 0), 12), 366);
    assert_eq!(term_days(p, 36), 365 + 366 + 365);
}

#[test]
fn earlier_credits_are_deducted() {
    let p = at(2026, 11, 22, 9, 0);
    let year = Licence::Subscription { term_months: 12 };
    assert_eq!(
        credit(100_000, 40_000, year, p, p + Duration::days(2)),
        59_452
    );
    assert_eq!(credit(100_000, 100_000, year, p, p), 0);
    assert_eq!(credit(100_000, 150_000, Licence::Perpetual, p, p), 0);
}

#[test]
fn licences_read_from_the_order_line() {
    assert_eq!(
        Licence::from_columns(LicenceKind::Perpetual, None),
        Some(Licence::Perpetual)
    );
    assert_eq!(
        Licence::from_columns(LicenceKind::Subscription, Some(36)),
        Some(Licence::Subscription { term_months: 36 })
    );
    assert_eq!(Licence::from_columns(LicenceKind::Subscription, None), None);
}

fn licence() -> impl Strategy<Value = Licence> {
    prop_oneof![
        Just(Licence::Perpetual),
        Just(Licence::Subscription { term_months: 12 }),
        Just(Licence::Subscription { term_months: 36 }),
    ]
}

proptest! {
    #[test]
    fn a_credit_never_exceeds_what_is_left_and_is_never_negative(
        paid in 0i64..10_000_000_000,
        earlier in 0i64..10_000_000_000,
        licence in licence(),
        start in 0i64..2_000_000_000,
        after in -100_000i64..200_000_000,
    ) {
        let p = DateTime::from_timestamp(start, 0).unwrap();
        let now = p + Duration::seconds(after);
        let c = credit(paid, earlier, licence, p, now);
        prop_assert!(c >= 0);
        prop_assert!(c <= paid);
        prop_assert!(c + earlier.min(paid) <= paid);
    }

    #[test]
    fn a_credit_never_grows_as_time_passes(
        paid in 0i64..10_000_000_000,
        licence in licence(),
        start in 0i64..2_000_000_000,
        first in 0i64..100_000_000,
        more in 0i64..100_000_000,
    ) {
        let p = DateTime::from_timestamp(start, 0).unwrap();
        let earlier = p + Duration::seconds(first);
        let later = earlier + Duration::seconds(more);
        prop_assert!(credit(paid, 0, licence, p, later) <= credit(paid, 0, licence, p, earlier));
    }

    #[test]
    fn successive_credits_on_a_line_never_total_more_than_paid(
        paid in 0i64..10_000_000_000,
        licence in licence(),
        steps in proptest::collection::vec(0i64..5_000_000, 1..6),
    ) {
        let p = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut given = 0i64;
        let mut now = p;
        for step in steps {
            now += Duration::seconds(step);
            given += credit(paid, given, licence, p, now);
            prop_assert!(given <= paid);
        }
    }

    #[test]
    fn perpetual_software_is_refunded_in_full_inside_the_window(
        paid in 0i64..10_000_000_000,
        start in 0i64..2_000_000_000,
        after in 0i64..(30 * 86_400),
    ) {
        let p = DateTime::from_timestamp(start, 0).unwrap();
        let now = p + Duration::seconds(after);
        prop_assert!(window(THIRTY, p, now).is_open());
        prop_assert_eq!(credit(paid, 0, Licence::Perpetual, p, now), paid);
    }

    #[test]
    fn the_window_is_open_exactly_before_its_end(
        start in 0i64..2_000_000_000,
        days in 1i32..400,
        after in -1_000i64..(400 * 86_400),
    ) {
        let p = DateTime::from_timestamp(start, 0).unwrap();
        let now = p + Duration::seconds(after);
        let open = window(Policy::Window { days }, p, now).is_open();
        prop_assert_eq!(open, after < i64::from(days) * 86_400);
    }
}
