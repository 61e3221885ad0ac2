//! Moving devices from volume licensing (KMS) to this channel's MAK without downtime (R-27):
//! a KMS activation stays valid for 180 days before the device tries to renew, so the MAK has
//! to be installed before then. Plain functions, and the parser of the device list.

use chrono::{Duration, NaiveDate};

pub const KMS_VALIDITY_DAYS: i64 = 180;
/// Enough for any one customer's estate; more is refused rather than read.
pub const MAX_DEVICES: usize = 10_000;
const MAX_NAME: usize = 255;

pub fn renewal_deadline(activated: NaiveDate) -> NaiveDate {
    activated + Duration::days(KMS_VALIDITY_DAYS)
}

/// Days from `today` until `deadline`; negative once it has passed.
pub fn days_left(today: NaiveDate, deadline: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub name: String,
    pub activated: NaiveDate,
}

/// A row that could not be used, with its line number in the file and why (a message key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub reason: &'static str,
}

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Reads "device name, date of last KMS activation (YYYY-MM-DD)" rows, one a line (quoted
/// names may contain commas). A first row whose date is not a date is taken as a header. Bad
/// rows are reported with their line number and skipped; the rest are used.
pub fn parse_devices(text: &[u8], today: NaiveDate) -> (Vec<Device>, Vec<BadRow>) {
    let mut devices = Vec::new();
    let mut bad = Vec::new();
    let mut first = true;
    for (index, raw) in text.split(|b| *b == b'\n').enumerate() {
        let line = index as u64 + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let is_first = std::mem::replace(&mut first, false);
        let result = read_row(raw).and_then(|row| device(&row, today));
        match result {
            Ok(d) if devices.len() < MAX_DEVICES => devices.push(d),
            Ok(_) => bad.push(BadRow {
                line,
                reason: "kms-row-too-many",
            }),
            Err("kms-row-date") if is_first => {} // a header row
            Err(reason) => bad.push(BadRow { line, reason }),
        }
    }
    (devices, bad)
}

/// One line as CSV values, trimmed.
fn read_row(raw: &[u8]) -> Result<csv::StringRecord, &'static str> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(raw);
    match reader.records().next() {
        Some(Ok(row)) => Ok(row),
        _ => Err("kms-row-unreadable"),
    }
}

fn device(row: &csv::StringRecord, today: NaiveDate) -> Result<Device, &'static str> {
    if row.len() != 2 {
        return Err("kms-row-columns");
    }
    let name = &row[0];
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err("kms-row-name");
    }
    let activated = parse_date(&row[1]).ok_or("kms-row-date")?;
    if activated > today {
        return Err("kms-row-future");
    }
    Ok(Device {
        name: name.to_string(),
        activated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn the_deadline_is_180_days_after_the_last_activation() {
        assert_eq!(renewal_deadline(day("2026-06-01")), day("2026-11-28"));
        assert_eq!(days_left(day("2026-11-24"), day("2026-11-28")), 4);
        assert_eq!(days_left(day("2026-11-30"), day("2026-11-28")), -2);
    }

    #[test]
    fn bad_rows_are_listed_with_their_line_and_the_rest_is_kept() {
        let text = b"device,activated\nSRV-01,2026-06-01\n,2026-06-01\nSRV-03,01/06/2026\n\nSRV-05,2026-06-02,extra\nSRV-06,2027-01-01\nSRV-07, 2026-07-15 \n";
        let (devices, bad) = parse_devices(text, day("2026-11-24"));
        assert_eq!(
            devices,
            vec![
                Device {
                    name: "SRV-01".into(),
                    activated: day("2026-06-01")
                },
                Device {
                    name: "SRV-07".into(),
                    activated: day("2026-07-15")
                },
            ]
        );
        assert_eq!(
            bad,
            vec![
                BadRow {
                    line: 3,
                    reason: "kms-row-name"
                },
                BadRow {
                    line: 4,
                    reason: "kms-row-date"
                },
                BadRow {
                    line: 6,
                    reason: "kms-row-columns"
                },
                BadRow {
                    line: 7,
                    reason: "kms-row-future"
                },
            ]
        );
    }

    #[test]
    fn a_first_row_with_a_date_is_a_device_not_a_header() {
        let (devices, bad) = parse_devices(b"SRV-01,2026-06-01\n", day("2026-11-24"));
        assert_eq!(devices.len(), 1);
        assert!(bad.is_empty());
    }
}
