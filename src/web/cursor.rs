//! Where a page of a list ordered by time continues: after the last row shown. Used by Order
//! history and the Software tab (newest first; `id` is the order's) and by an invoice's lines
//! (oldest first; `id` is the line's). Rows of the same instant are ordered by id, and a
//! purchase's lines by line number, so no row is skipped or shown twice, and a later page
//! costs what the first does.

use chrono::{DateTime, Datelike, Utc};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub id: Uuid,
    /// The last line shown of that order (the Software tab); `None` continues after the row.
    pub line: Option<i32>,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let mut text = format!("{}.{}", self.at.timestamp_micros(), self.id);
        if let Some(line) = self.line {
            text.push_str(&format!(".{line}"));
        }
        text
    }

    /// A cursor that does not parse is ignored: the list starts from its newest row.
    pub fn decode(text: &str) -> Option<Cursor> {
        let mut parts = text.split('.');
        let at = DateTime::from_timestamp_micros(parts.next()?.parse().ok()?)?;
        // Only instants a row of ours can have are cursors of ours.
        if !(1..=9999).contains(&at.year()) {
            return None;
        }
        let id = Uuid::parse_str(parts.next()?).ok()?;
        let line = match parts.next() {
            Some(line) => Some(line.parse().ok().filter(|l: &i32| *l >= 0)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Cursor { at, id, line })
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;
    use chrono::DateTime;
    use uuid::Uuid;

    #[test]
    fn cursors_round_trip() {
        let id = Uuid::new_v4();
        let at = DateTime::from_timestamp_micros(1_790_000_000_123_456).unwrap();
        for line in [None, Some(0), Some(7)] {
            let cursor = Cursor { at, id, line };
            assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        }
    }

    #[test]
    fn nonsense_is_no_cursor() {
        let id = Uuid::new_v4();
        for text in [
            String::new(),
            "x".into(),
            "12".into(),
            format!("12.{id}.-1"),
            format!("12.{id}.1.2"),
            "12.not-an-id".to_string(),
            format!("{}.{id}", i64::MAX),
            format!("-99999999999999999.{id}"),
        ] {
            assert_eq!(Cursor::decode(&text), None, "{text:?}");
        }
    }
}
