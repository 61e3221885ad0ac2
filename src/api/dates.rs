//! Times as the API writes them: RFC 3339 in UTC, as chrono's own serialization writes them
//! (`2026-12-05T23:04:17.115867Z`: no fraction, or 3, 6 or 9 digits, whichever is exact), but
//! without going through `Display` a character at a time. A page of 40 purchases or orders
//! writes 40 or more of them, and chrono's way was a few percent of the page's time. A time
//! this does not cover (a year outside 0–9999, a leap second) is left to chrono.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Serialize, Serializer};

/// For `#[serde(serialize_with = "…")]` on a time.
pub fn iso<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 30];
    match write(at, &mut buf) {
        // Only ASCII digits and separators are written.
        Some(len) => s.serialize_str(std::str::from_utf8(&buf[..len]).unwrap_or_default()),
        None => at.serialize(s),
    }
}

/// Appends `at` as a JSON string, as `iso` writes it.
pub fn push_json(out: &mut Vec<u8>, at: &DateTime<Utc>) {
    let mut buf = [0u8; 30];
    match write(at, &mut buf) {
        Some(len) => {
            out.push(b'"');
            out.extend_from_slice(&buf[..len]);
            out.push(b'"');
        }
        // Writing into a Vec does not fail.
        None => serde_json::to_writer(out, at).unwrap_or_default(),
    }
}

/// Writes `at` into `buf` and returns its length; `None` for a time left to chrono.
fn write(at: &DateTime<Utc>, buf: &mut [u8; 30]) -> Option<usize> {
    let year = u32::try_from(at.year()).ok().filter(|y| *y <= 9999)?;
    let nanos = at.nanosecond();
    if nanos >= 1_000_000_000 {
        return None;
    }
    put(&mut buf[0..4], year);
    buf[4] = b'-';
    put(&mut buf[5..7], at.month());
    buf[7] = b'-';
    put(&mut buf[8..10], at.day());
    buf[10] = b'T';
    put(&mut buf[11..13], at.hour());
    buf[13] = b':';
    put(&mut buf[14..16], at.minute());
    buf[16] = b':';
    put(&mut buf[17..19], at.second());
    let (fraction, digits) = match nanos {
        0 => (0, 0),
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    let mut len = 19;
    if digits > 0 {
        buf[19] = b'.';
        put(&mut buf[20..20 + digits], fraction);
        len = 20 + digits;
    }
    buf[len] = b'Z';
    Some(len + 1)
}

/// `value`'s last `out.len()` decimal digits, zero-padded.
fn put(out: &mut [u8], mut value: u32) {
    for digit in out.iter_mut().rev() {
        *digit = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    #[derive(Serialize)]
    struct Fast(#[serde(serialize_with = "iso")] DateTime<Utc>);

    fn both(at: DateTime<Utc>) -> (String, String) {
        (
            serde_json::to_string(&Fast(at)).unwrap(),
            serde_json::to_string(&at).unwrap(),
        )
    }

    #[test]
    fn times_are_written_exactly_as_chrono_writes_them() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut times = vec![
            Utc.with_ymd_and_hms(2026, 12, 5, 23, 4, 17).unwrap(),
            Utc.with_ymd_and_hms(0, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap(),
            Utc.with_ymd_and_hms(10000, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(-1, 6, 1, 0, 0, 0).unwrap(),
            // A leap second.
            NaiveDate::from_ymd_opt(2016, 12, 31)
                .unwrap()
                .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
                .unwrap()
                .and_utc(),
        ];
        for _ in 0..5000 {
            let secs = (next() % 400_000_000_000) as i64 - 62_000_000_000;
            let nanos = match next() % 4 {
                0 => 0,
                1 => (next() % 1000) as u32 * 1_000_000,
                2 => (next() % 1_000_000) as u32 * 1_000,
                _ => (next() % 1_000_000_000) as u32,
            };
            times.push(Utc.timestamp_opt(secs, nanos).unwrap());
        }
        for at in times {
            let (fast, chrono) = both(at);
            assert_eq!(fast, chrono, "{at:?}");
            let mut pushed = Vec::new();
            push_json(&mut pushed, &at);
            assert_eq!(String::from_utf8(pushed).unwrap(), chrono, "{at:?}");
        }
    }
}
