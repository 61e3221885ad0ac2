//! The API's rate limit per token, held across app processes without a write on every
//! request. The count of a token's minute lives in the database (`request_counts`), but a
//! process takes it in leases: one statement reserves a lease of requests (a sixtieth of the
//! limit, at least one) and the process spends it in memory. The database never grants more
//! than the limit in a minute, so all processes together stay within it; a lease a process
//! does not spend before the minute ends is lost, so a token spread over many processes may be
//! refused up to (lease − 1) requests per process before its limit.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};

/// How many requests one lease reserves under `limit` a minute.
pub fn lease_size(limit: u32) -> u32 {
    limit.div_ceil(60).max(1)
}

/// The requests this process holds for each token (by its secret's hash) in a minute.
#[derive(Default)]
pub struct Leases {
    held: Mutex<HashMap<Vec<u8>, Held>>,
}

struct Held {
    window: DateTime<Utc>,
    left: u32,
}

impl Leases {
    /// Spends one request of the lease held for `key` in `window`; false if none is left (the
    /// request must reserve a lease in the database).
    pub fn take(&self, key: &[u8], window: DateTime<Utc>) -> bool {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        match held.get_mut(key) {
            Some(h) if h.window == window && h.left > 0 => {
                h.left -= 1;
                true
            }
            _ => false,
        }
    }

    /// Keeps what is left of a lease of `granted` requests for `key` in `window` once the
    /// request that reserved it has spent one. Leases of past minutes are dropped here, so
    /// the map holds only tokens used this minute.
    pub fn keep(&self, key: &[u8], window: DateTime<Utc>, granted: u32) {
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        held.retain(|_, h| h.window >= window);
        let left = granted.saturating_sub(1);
        match held.get_mut(key) {
            Some(h) if h.window == window => h.left += left,
            _ => {
                held.insert(key.to_vec(), Held { window, left });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn minute(m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 10, m, 0).unwrap()
    }

    #[test]
    fn a_lease_is_a_sixtieth_of_the_limit_and_at_least_one() {
        assert_eq!(lease_size(1), 1);
        assert_eq!(lease_size(5), 1);
        assert_eq!(lease_size(60), 1);
        assert_eq!(lease_size(61), 2);
        assert_eq!(lease_size(600), 10);
    }

    #[test]
    fn a_lease_is_spent_one_request_at_a_time_within_its_minute() {
        let leases = Leases::default();
        assert!(!leases.take(b"a", minute(1)), "nothing held yet");
        leases.keep(b"a", minute(1), 3);
        assert!(leases.take(b"a", minute(1)));
        assert!(leases.take(b"a", minute(1)));
        assert!(
            !leases.take(b"a", minute(1)),
            "3 granted: one spent by the reserver"
        );
        assert!(!leases.take(b"b", minute(1)), "another token holds nothing");
    }

    #[test]
    fn a_lease_ends_with_its_minute() {
        let leases = Leases::default();
        leases.keep(b"a", minute(1), 10);
        assert!(!leases.take(b"a", minute(2)));
        leases.keep(b"b", minute(2), 2);
        assert!(!leases.take(b"a", minute(1)), "past minutes are dropped");
        assert!(leases.take(b"b", minute(2)));
    }

    #[test]
    fn a_refused_or_single_grant_leaves_nothing_to_spend() {
        let leases = Leases::default();
        leases.keep(b"a", minute(1), 0);
        assert!(!leases.take(b"a", minute(1)));
        leases.keep(b"a", minute(1), 1);
        assert!(!leases.take(b"a", minute(1)));
    }
}
