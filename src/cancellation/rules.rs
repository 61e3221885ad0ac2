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
        Policy::Window { days } => window_until(placed_at + Duration::days(i64::from(days)), now),
    }
}

/// A window that ends at `until` (exclusive), at `now`. The database keeps each line's end
/// as `window` computes it (whole 24-hour days after the purchase), so a list can read it.
pub fn window_until(until: DateTime<Utc>, now: DateTime<Utc>) -> Window {
    if now < until {
        Window::Open {
            until,
            days_left: ceil_days(until - now),
        }
    } else {
        Window::Passed { ended: until }
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

/// The days of a subscription's term, and how many of them are unused at `now` (a day counts
/// as used once it has fully passed).
pub fn unused_days(placed_at: DateTime<Utc>, term_months: u32, now: DateTime<Utc>) -> (i64, i64) {
    let term = term_days(placed_at, term_months);
    let used = (now - placed_at).num_days().clamp(0, term);
    (term, term - used)
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
            let (term, unused) = unused_days(placed_at, term_months, now);
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
mod tests;
