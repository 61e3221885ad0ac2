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
mod tests;
