//! Invoice periods: one invoice per partner per calendar month (UTC) per currency. The month
//! that contains "now" is open; earlier months are issued. A credit appears on the invoice of
//! the month in which it is given — the "next monthly invoice" at that moment.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn of(at: DateTime<Utc>) -> Month {
        Month {
            year: at.year(),
            month: at.month(),
        }
    }

    /// From `YYYY-MM`; `None` for anything else or a year out of range.
    pub fn parse(text: &str) -> Option<Month> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let month = Month {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
        };
        (2000..=9998).contains(&month.year).then_some(())?;
        NaiveDate::from_ymd_opt(month.year, month.month, 1).map(|_| month)
    }

    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The month's first day, as invoices store it.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The first instant of the month.
    pub fn start(self) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(self.year, self.month, 1, 0, 0, 0)
            .single()
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// The month's number, 1 to 12.
    pub fn number(self) -> u32 {
        self.month
    }

    /// The first instant after the month.
    pub fn end(self) -> DateTime<Utc> {
        self.next().start()
    }

    /// "November 2026", "listopad 2026", "2026年11月": CLDR's month names.
    pub fn label(self, lang: Lang) -> String {
        crate::i18n::locale::month(self.year, self.month, lang)
            .unwrap_or_else(|| format!("{:04}-{:02}", self.year, self.month))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvoiceStatus {
    Open,
    Issued,
}

impl InvoiceStatus {
    pub fn of(month: Month, now: DateTime<Utc>) -> InvoiceStatus {
        if month < Month::of(now) {
            InvoiceStatus::Issued
        } else {
            InvoiceStatus::Open
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            InvoiceStatus::Open => "invoice-status-open",
            InvoiceStatus::Issued => "invoice-status-issued",
        }
    }
}

#[cfg(test)]
mod tests;
