//! How times are shown: always UTC, always labelled so.

use chrono::{DateTime, Utc};

pub fn date_utc(at: &DateTime<Utc>) -> String {
    at.format("%Y-%m-%d UTC").to_string()
}

pub fn datetime_utc(at: &DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_labelled_utc() {
        let at = "2026-12-04T23:59:30Z".parse().unwrap();
        assert_eq!(super::date_utc(&at), "2026-12-04 UTC");
        assert_eq!(super::datetime_utc(&at), "2026-12-04 23:59 UTC");
    }
}
