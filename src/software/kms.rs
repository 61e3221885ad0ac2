//! Moving devices from volume licensing (KMS) to this channel's MAK without downtime (R-27):
//! a KMS activation stays valid for 180 days before the device tries to renew, so the MAK has
//! to be installed before then. Plain functions, and the parser of the device list.

use chrono::{Duration, NaiveDate};

pub const KMS_VALIDITY_DAYS: i64 = 180;
/// Enough for any one customer's estate; more is refused rather than read.
pub const MAX_DEVICES: usize = 10_000;
const MAX_NAME: usize = 255;

/// The earliest last activation taken: no device still running today activated against KMS
/// before it, so an earlier date is a typing mistake (and far-off years would overflow).
pub fn earliest_activation() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

pub fn renewal_deadline(activated: NaiveDate) -> NaiveDate {
    activated + Duration::days(KMS_VALIDITY_DAYS)
}

/// Where a device stands on `today` against its renewal deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Whole days until the deadline; 0 on the day itself.
    DaysLeft(i64),
    /// The deadline has passed: the device is overdue since that day.
    OverdueSince(NaiveDate),
}

pub fn standing(today: NaiveDate, deadline: NaiveDate) -> Standing {
    if deadline < today {
        Standing::OverdueSince(deadline)
    } else {
        Standing::DaysLeft((deadline - today).num_days())
    }
}

/// Why a last-activation date is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    Malformed,
    Future,
    TooEarly,
}

impl DateProblem {
    /// The message for the date field of the form.
    pub fn field_message(self) -> &'static str {
        match self {
            DateProblem::Malformed => "kms-error-date",
            DateProblem::Future => "kms-error-future",
            DateProblem::TooEarly => "kms-error-too-early",
        }
    }

    /// The reason given for a row of the device list.
    pub fn row_reason(self) -> &'static str {
        match self {
            DateProblem::Malformed => "kms-row-date",
            DateProblem::Future => "kms-row-future",
            DateProblem::TooEarly => "kms-row-too-early",
        }
    }
}

/// A last KMS activation as typed: a date (YYYY-MM-DD) from 2000-01-01 up to `today`.
pub fn activation_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DateProblem> {
    let date = parse_date(text).ok_or(DateProblem::Malformed)?;
    if date > today {
        Err(DateProblem::Future)
    } else if date < earliest_activation() {
        Err(DateProblem::TooEarly)
    } else {
        Ok(date)
    }
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
    let activated = activation_date(&row[1], today).map_err(DateProblem::row_reason)?;
    Ok(Device {
        name: name.to_string(),
        activated,
    })
}

#[cfg(test)]
mod tests;
