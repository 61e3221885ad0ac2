//! Pure rules of signing in: session lifetimes and the failed-attempt lockout.

use chrono::{DateTime, Duration, Utc};

pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// How stale `last_seen_at` may get before a request refreshes it (saves a write per request).
pub const LAST_SEEN_GRANULARITY: Duration = Duration::seconds(60);

pub const MAX_FAILURES: i32 = 5;
pub const FAILURE_WINDOW: Duration = Duration::minutes(15);
pub const LOCKOUT: Duration = Duration::minutes(15);

#[derive(Debug, PartialEq, Eq)]
pub enum SessionState {
    Active,
    Idle,
    Expired,
}

pub fn session_state(
    created: DateTime<Utc>,
    last_seen: DateTime<Utc>,
    now: DateTime<Utc>,
) -> SessionState {
    if now - created >= ABSOLUTE_TIMEOUT {
        SessionState::Expired
    } else if now - last_seen >= IDLE_TIMEOUT {
        SessionState::Idle
    } else {
        SessionState::Active
    }
}

/// Failed attempts for one e-mail address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub window_started_at: DateTime<Utc>,
    pub failures: i32,
    pub locked_until: Option<DateTime<Utc>>,
}

/// When the account is locked at `now`, the instant the lock lifts.
pub fn locked_until(t: Option<&Throttle>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    t.and_then(|t| t.locked_until).filter(|until| *until > now)
}

/// Whether the record has run its course at `now`: its window and any lock have passed, so it
/// counts for nothing any more and forgetting it changes nothing.
pub fn expired(t: &Throttle, now: DateTime<Utc>) -> bool {
    t.window_started_at <= expiry_cutoff(now) && locked_until(Some(t), now).is_none()
}

/// Records whose window started at or before this instant are past their window.
pub fn expiry_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - FAILURE_WINDOW
}

/// The record after one more failure at `now`: the fifth failure within 15 minutes of the
/// first locks the account for 15 minutes; a failure after the window starts a new one.
pub fn after_failure(t: Option<&Throttle>, now: DateTime<Utc>) -> Throttle {
    let fresh = Throttle {
        window_started_at: now,
        failures: 0,
        locked_until: None,
    };
    let mut next = match t {
        Some(t) if now - t.window_started_at < FAILURE_WINDOW => t.clone(),
        _ => fresh,
    };
    next.failures += 1;
    if next.failures >= MAX_FAILURES {
        // The lock ends the window: once it lifts, counting starts again from zero.
        next = Throttle {
            window_started_at: now,
            failures: 0,
            locked_until: Some(now + LOCKOUT),
        };
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        "2026-11-24T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_session_goes_idle_after_thirty_quiet_minutes() {
        let now = t0() + Duration::minutes(40);
        assert_eq!(
            session_state(t0(), now - Duration::minutes(29), now),
            SessionState::Active
        );
        assert_eq!(
            session_state(t0(), now - Duration::minutes(30), now),
            SessionState::Idle
        );
    }

    #[test]
    fn a_busy_session_still_ends_after_twelve_hours() {
        let now = t0() + Duration::hours(12);
        assert_eq!(session_state(t0(), now, now), SessionState::Expired);
        let now = t0() + Duration::hours(12) - Duration::seconds(1);
        assert_eq!(session_state(t0(), now, now), SessionState::Active);
    }

    #[test]
    fn the_fifth_failure_within_fifteen_minutes_locks_for_fifteen_minutes() {
        let mut t = None;
        for i in 0..4 {
            let at = t0() + Duration::minutes(i);
            t = Some(after_failure(t.as_ref(), at));
            assert_eq!(locked_until(t.as_ref(), at), None);
        }
        let fifth = t0() + Duration::minutes(14);
        t = Some(after_failure(t.as_ref(), fifth));
        assert_eq!(locked_until(t.as_ref(), fifth), Some(fifth + LOCKOUT));
        assert!(locked_until(t.as_ref(), fifth + Duration::minutes(14)).is_some());
        assert_eq!(locked_until(t.as_ref(), fifth + LOCKOUT), None);
    }

    #[test]
    fn failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
        let mut t = None;
        for i in 0..10 {
            let at = t0() + Duration::minutes(4 * i);
            t = Some(after_failure(t.as_ref(), at));
            assert_eq!(locked_until(t.as_ref(), at), None, "failure {i}");
        }
    }

    #[test]
    fn a_record_expires_once_its_window_and_its_lock_have_passed() {
        let one = after_failure(None, t0());
        assert!(!expired(&one, t0() + FAILURE_WINDOW - Duration::seconds(1)));
        assert!(expired(&one, t0() + FAILURE_WINDOW));
        let mut locked = None;
        for _ in 0..5 {
            locked = Some(after_failure(locked.as_ref(), t0()));
        }
        let locked = locked.unwrap();
        assert!(!expired(&locked, t0() + LOCKOUT - Duration::seconds(1)));
        assert!(expired(&locked, t0() + LOCKOUT));
        // A lock still running keeps even a record whose window is long past.
        let odd = Throttle {
            window_started_at: t0() - Duration::hours(1),
            failures: 0,
            locked_until: Some(t0() + Duration::minutes(1)),
        };
        assert!(!expired(&odd, t0()));
    }

    #[test]
    fn forgetting_an_expired_record_changes_nothing() {
        let mut records = vec![after_failure(None, t0())];
        let mut t = None;
        for i in 0..5 {
            t = Some(after_failure(t.as_ref(), t0() + Duration::minutes(i)));
            records.push(t.clone().unwrap());
        }
        for record in records {
            for minutes in [15, 16, 19, 20, 30, 600] {
                let now = t0() + Duration::minutes(minutes);
                if expired(&record, now) {
                    assert_eq!(locked_until(Some(&record), now), None);
                    assert_eq!(after_failure(Some(&record), now), after_failure(None, now));
                }
            }
        }
    }

    #[test]
    fn after_a_lock_lifts_one_failure_does_not_lock_again() {
        let mut t = None;
        for _ in 0..5 {
            t = Some(after_failure(t.as_ref(), t0()));
        }
        let later = t0() + LOCKOUT + Duration::seconds(1);
        t = Some(after_failure(t.as_ref(), later));
        assert_eq!(locked_until(t.as_ref(), later), None);
    }
}
