//! Where a page of a customer's orders (Order history) or purchases (the Software tab)
//! continues: just older than the last row shown. Orders placed at the same instant are
//! ordered by id and a purchase's lines by line number, so no row is skipped or shown twice,
//! and a later page costs what the first does.

use chrono::{DateTime, Datelike, Utc};

use crate::ids::OrderId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub order: OrderId,
    /// The last line shown of that order (the Software tab); `None` continues after the order.
    pub line: Option<i32>,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let mut text = format!("{}.{}", self.at.timestamp_micros(), self.order);
        if let Some(line) = self.line {
            text.push_str(&format!(".{line}"));
        }
        text
    }

    /// A cursor that does not parse is ignored: the list starts from its newest row.
    pub fn decode(text: &str) -> Option<Cursor> {
        let mut parts = text.split('.');
        let at = DateTime::from_timestamp_micros(parts.next()?.parse().ok()?)?;
        // Only instants an order can have been placed at are cursors of ours.
        if !(1..=9999).contains(&at.year()) {
            return None;
        }
        let order = OrderId::parse(parts.next()?)?;
        let line = match parts.next() {
            Some(line) => Some(line.parse().ok().filter(|l: &i32| *l >= 0)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Cursor { at, order, line })
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;
    use crate::ids::OrderId;
    use chrono::DateTime;

    #[test]
    fn cursors_round_trip() {
        let order = OrderId::random();
        let at = DateTime::from_timestamp_micros(1_790_000_000_123_456).unwrap();
        for line in [None, Some(0), Some(7)] {
            let cursor = Cursor { at, order, line };
            assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        }
    }

    #[test]
    fn nonsense_is_no_cursor() {
        let order = OrderId::random();
        for text in [
            String::new(),
            "x".into(),
            "12".into(),
            format!("12.{order}.-1"),
            format!("12.{order}.1.2"),
            "12.not-an-id".to_string(),
            format!("{}.{order}", i64::MAX),
            format!("-99999999999999999.{order}"),
        ] {
            assert_eq!(Cursor::decode(&text), None, "{text:?}");
        }
    }
}
