//! How times are shown: always UTC, always labelled so.

use chrono::{DateTime, Datelike, Timelike, Utc};

// Written out rather than with `format("%Y-…")`, which parses its pattern on every call: a
// list page shows a time on every row.

pub fn date_utc(at: &DateTime<Utc>) -> String {
    format!("{:04}-{:02}-{:02} UTC", at.year(), at.month(), at.day())
}

pub fn datetime_utc(at: &DateTime<Utc>) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// With seconds, as the activity log shows a record's time.
pub fn datetime_seconds_utc(at: &DateTime<Utc>) -> String {
    to_the_second(at, ' ', " UTC")
}

/// ISO 8601 in UTC to the second (`2026-12-04T23:59:30Z`), for `<time datetime>` and exports.
pub fn iso_utc(at: &DateTime<Utc>) -> String {
    to_the_second(at, 'T', "Z")
}

fn to_the_second(at: &DateTime<Utc>, between: char, zone: &str) -> String {
    format!(
        "{:04}-{:02}-{:02}{between}{:02}:{:02}:{:02}{zone}",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// The day alone, `2026-12-04`.
pub fn day(at: &DateTime<Utc>) -> String {
    format!("{:04}-{:02}-{:02}", at.year(), at.month(), at.day())
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_labelled_utc() {
        let at = "2026-12-04T23:59:30Z".parse().unwrap();
        assert_eq!(super::date_utc(&at), "2026-12-04 UTC");
        assert_eq!(super::datetime_utc(&at), "2026-12-04 23:59 UTC");
        let early = "0987-01-02T03:04:05Z".parse().unwrap();
        assert_eq!(super::datetime_utc(&early), "0987-01-02 03:04 UTC");
        assert_eq!(super::date_utc(&early), "0987-01-02 UTC");
        assert_eq!(super::datetime_seconds_utc(&at), "2026-12-04 23:59:30 UTC");
        assert_eq!(super::iso_utc(&at), "2026-12-04T23:59:30Z");
        assert_eq!(super::iso_utc(&early), "0987-01-02T03:04:05Z");
        assert_eq!(super::day(&at), "2026-12-04");
    }
}
