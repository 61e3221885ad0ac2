//! The cancellation rules, written once as pure functions of time and money
//! and used both by the dialog (to show what would happen) and by Submit (to decide).
//!
//! Rounding rule for credits, the only one: a subscription's credit is the price paid × unused
//! days ÷ days of the term, rounded **down** to the minor unit, so the sum of what is credited
//! never exceeds what was paid. Days used are whole days elapsed since the purchase instant (a
//! day counts as used once it has fully passed), so a cancellation within the first 24 hours
//! gives everything back.

use chrono::{DateTime, Duration, Months, Utc};

use crate::catalog::LicenceKind;

/// A product's cancellation policy, as the catalog stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Cancellable in the dashboard while fewer than `days` days have passed since purchase.
    Window { days: i32 },
    /// SUSE and Red Hat plans: cannot be cancelled or exchanged at all.
    Never,
    /// Windows 7 extended security updates: only through a support request.
    SupportOnly,
}

impl Policy {
    /// From the catalog's columns; `None` for a combination the catalog's CHECK refuses.
    pub fn from_columns(policy: &str, window_days: Option<i32>) -> Option<Policy> {
        match (policy, window_days) {
            ("window", Some(days)) if days > 0 => Some(Policy::Window { days }),
            ("never", _) => Some(Policy::Never),
            ("support_only", _) => Some(Policy::SupportOnly),
            _ => None,
        }
    }
}

/// Where a purchase stands against its policy at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// Cancellable until `until` (exclusive); `days_left` counts a started day as a whole one,
    /// so the last day reads "1 day left", never "0".
    Open {
        until: DateTime<Utc>,
        days_left: i64,
    },
    Passed {
        ended: DateTime<Utc>,
    },
    Never,
    SupportOnly,
}

impl Window {
    pub fn is_open(&self) -> bool {
        matches!(self, Window::Open { .. })
    }

    /// Whether the dialog should offer a support request instead.
    pub fn offers_support(&self) -> bool {
        matches!(self, Window::Passed { .. } | Window::SupportOnly)
    }
}

/// Purchased at instant `placed_at`, cancellable while `now < placed_at + window`, in UTC.
pub fn window(policy: Policy, placed_at: DateTime<Utc>, now: DateTime<Utc>) -> Window {
    match policy {
        Policy::Never => Window::Never,
        Policy::SupportOnly => Window::SupportOnly,
        Policy::Window { days } => {
            let until = placed_at + Duration::days(i64::from(days));
            if now < until {
                Window::Open {
                    until,
                    days_left: ceil_days(until - now),
                }
            } else {
                Window::Passed { ended: until }
            }
        }
    }
}

fn ceil_days(d: Duration) -> i64 {
    const DAY_MS: i64 = 86_400_000;
    (d.num_milliseconds() + DAY_MS - 1).div_euclid(DAY_MS)
}

/// What kind of licence was bought, for the credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Licence {
    Perpetual,
    Subscription { term_months: u32 },
}

impl Licence {
    pub fn from_columns(kind: LicenceKind, term_months: Option<i32>) -> Option<Licence> {
        match (kind, term_months) {
            (LicenceKind::Perpetual, None) => Some(Licence::Perpetual),
            (LicenceKind::Subscription, Some(m)) if m > 0 => Some(Licence::Subscription {
                term_months: m as u32,
            }),
            _ => None,
        }
    }
}

/// Days in a subscription term bought at `placed_at`: calendar months, so 365 or 366 for a
/// year (a month end is clamped, e.g. 31 Jan + 1 month is 28/29 Feb).
pub fn term_days(placed_at: DateTime<Utc>, term_months: u32) -> i64 {
    placed_at
        .checked_add_months(Months::new(term_months))
        .map_or(i64::from(term_months) * 31, |end| {
            (end - placed_at).num_days()
        })
        .max(1)
}

/// What the purchase is worth back at `now`, before earlier credits: all of it for perpetual
/// software, the unused part of the term for a subscription (rounded down).
pub fn entitlement(
    paid: i64,
    licence: Licence,
    placed_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> i64 {
    let paid = paid.max(0);
    match licence {
        Licence::Perpetual => paid,
        Licence::Subscription { term_months } => {
            let term = term_days(placed_at, term_months);
            let used = (now - placed_at).num_days().clamp(0, term);
            let unused = term - used;
            // paid × unused fits easily in i128; the quotient is ≤ paid, so it fits in i64.
            (i128::from(paid) * i128::from(unused) / i128::from(term)) as i64
        }
    }
}

/// The credit a cancellation at `now` gives: the entitlement less what this line was already
/// credited; never negative, and never more than is left of what was paid.
pub fn credit(
    paid: i64,
    earlier_credits: i64,
    licence: Licence,
    placed_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> i64 {
    let left = (paid - earlier_credits).max(0);
    (entitlement(paid, licence, placed_at, now) - earlier_credits).clamp(0, left)
}

#[cfg(test)]
mod tests {
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
}
