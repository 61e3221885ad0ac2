//! Download-link limits as plain functions. The database applies the same rule in the
//! conditional UPDATE that counts a download (`links::take`); the tests hold the two together.

use chrono::{DateTime, Duration, Utc};

/// A link works for two weeks...
pub const LINK_LIFETIME_DAYS: i64 = 14;
/// ...or 50 downloads, whichever comes first.
pub const LINK_MAX_DOWNLOADS: i32 = 50;

pub fn link_expiry(created_at: DateTime<Utc>) -> DateTime<Utc> {
    created_at + Duration::days(LINK_LIFETIME_DAYS)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    Active {
        downloads_left: i32,
    },
    /// The purchase was cancelled or the link withdrawn.
    Revoked,
    /// At `expires_at` exactly the link has expired.
    Expired,
    UsedUp,
}

impl LinkState {
    /// Message key suffix: `link-state-active`, `link-gone-expired`, ...
    pub fn code(self) -> &'static str {
        match self {
            LinkState::Active { .. } => "active",
            LinkState::Revoked => "revoked",
            LinkState::Expired => "expired",
            LinkState::UsedUp => "used-up",
        }
    }
}

/// A link's state at `now`. Revocation wins over expiry, expiry over the download count, so a
/// user is told the reason that will not change by waiting.
pub fn link_state(
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    downloads: i32,
    max_downloads: i32,
    revoked_at: Option<DateTime<Utc>>,
) -> LinkState {
    if revoked_at.is_some() {
        LinkState::Revoked
    } else if now >= expires_at {
        LinkState::Expired
    } else if downloads >= max_downloads {
        LinkState::UsedUp
    } else {
        LinkState::Active {
            downloads_left: max_downloads - downloads,
        }
    }
}

#[cfg(test)]
mod tests;
