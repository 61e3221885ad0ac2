//! How times are shown: always UTC, always labelled so; for people in their language's
//! form (`i18n::locale`), for machines (`<time datetime>`, exports, date fields) as ISO 8601.

use chrono::{DateTime, Datelike, Timelike, Utc};

use crate::i18n::{Lang, locale};

// The ISO forms are written out digit by digit rather than with `format("%Y-…")`, which
// parses its pattern on every call: a list page shows a time on every row.

/// The day as the reader's language writes it, labelled UTC: `December 4, 2026 UTC`,
/// `4 grudnia 2026 UTC`.
pub fn date_utc(at: &DateTime<Utc>, lang: Lang) -> String {
    let mut out = locale::day(at, lang);
    out.push_str(" UTC");
    out
}

/// The day and the time to the minute, labelled UTC.
pub fn datetime_utc(at: &DateTime<Utc>, lang: Lang) -> String {
    let mut out = locale::day_and_minute(at, lang);
    out.push_str(" UTC");
    out
}

/// With seconds, as the activity log shows a record's time.
pub fn datetime_seconds_utc(at: &DateTime<Utc>, lang: Lang) -> String {
    let mut out = locale::day_and_second(at, lang);
    out.push_str(" UTC");
    out
}

/// ISO 8601 in UTC to the second (`2026-12-04T23:59:30Z`), for `<time datetime>` and exports.
pub fn iso_utc(at: &DateTime<Utc>) -> String {
    to_the_second(at, 'T', "Z")
}

fn to_the_second(at: &DateTime<Utc>, between: char, zone: &str) -> String {
    let mut out = day(at);
    out.push(between);
    push_hours_minutes(&mut out, at);
    out.push(':');
    push2(&mut out, at.second());
    out.push_str(zone);
    out
}

/// The day alone, `2026-12-04`.
pub fn day(at: &DateTime<Utc>) -> String {
    let mut out = String::with_capacity(24);
    match u32::try_from(at.year()) {
        Ok(year) if year <= 9999 => {
            push2(&mut out, year / 100);
            push2(&mut out, year % 100);
        }
        _ => out.push_str(&format!("{:04}", at.year())),
    }
    out.push('-');
    push2(&mut out, at.month());
    out.push('-');
    push2(&mut out, at.day());
    out
}

/// `23:59`.
fn push_hours_minutes(out: &mut String, at: &DateTime<Utc>) {
    push2(out, at.hour());
    out.push(':');
    push2(out, at.minute());
}

/// `n` (below 100) as two digits.
fn push2(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    #[test]
    fn times_are_labelled_utc() {
        let at = "2026-12-04T23:59:30Z".parse().unwrap();
        assert_eq!(super::date_utc(&at, Lang::En), "December 4, 2026 UTC");
        assert_eq!(
            super::datetime_utc(&at, Lang::En),
            "December 4, 2026 at 23:59 UTC"
        );
        assert_eq!(
            super::datetime_seconds_utc(&at, Lang::Pl),
            "4 grudnia 2026 23:59:30 UTC"
        );
        assert_eq!(
            super::datetime_utc(&at, Lang::Ko),
            "2026년 12월 4일 23:59 UTC"
        );
        let early = "0987-01-02T03:04:05Z".parse().unwrap();
        assert_eq!(super::iso_utc(&at), "2026-12-04T23:59:30Z");
        assert_eq!(super::iso_utc(&early), "0987-01-02T03:04:05Z");
        assert_eq!(super::day(&at), "2026-12-04");
    }
}
