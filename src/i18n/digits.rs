//! Writing a whole number's digits as a language groups them, without ICU on every call.
//!
//! A list page writes a hundred amounts or more (Billing: 12 months × 2 figures per currency
//! charted, and 3 per invoice row), and ICU's decimal formatter was a tenth of such a page's
//! time. What it does for these languages is simple: ASCII digits, groups of three, a
//! separator, and a minimum of one or two digits in the first group. `Grouping::learn` reads
//! those off ICU's own output once per language, and declines (so ICU is used as before) for
//! any language whose output does not fit that shape. A test compares both for many values in
//! every language.

/// How a language writes the integer digits of a number and its decimal separator.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    separator: String,
    decimal: String,
    /// Digits the first group needs before the number is grouped at all: 1 in English
    /// (`1,234`), 2 in Polish and Hungarian (`1234`, but `12 345`).
    minimum: usize,
}

impl Grouping {
    /// The grouping `format` (ICU's formatter, given a number with `fraction_digits` decimals)
    /// writes, or `None` when its output is not ASCII digits in groups of three.
    pub fn learn(format: impl Fn(i64, i16) -> String) -> Option<Grouping> {
        // 1234567.5: every separator, and that both groups hold three digits.
        let sample = format(12_345_675, 1);
        let (separator, rest) = between(&sample, "1", "234")?;
        let (again, rest) = between(rest, "", "567")?;
        let (decimal, rest) = between(rest, "", "5")?;
        if again != separator || !rest.is_empty() || separator.is_empty() || decimal.is_empty() {
            return None;
        }
        let minimum = if format(1234, 0) == "1234" { 2 } else { 1 };
        let grouping = Grouping {
            separator: separator.to_string(),
            decimal: decimal.to_string(),
            minimum,
        };
        // The rule read off, checked on the numbers either side of where it changes.
        let agrees = [0, 7, 999, 1000, 1234, 9999, 12_345, 123_456]
            .iter()
            .all(|n| grouping.whole(*n as u64) == format(*n, 0));
        agrees.then_some(grouping)
    }

    /// `n` with its groups: `1,234,567`, `1234`, `12 345`.
    pub fn whole(&self, n: u64) -> String {
        let mut out = String::with_capacity(24);
        self.push_fixed(&mut out, n, 0);
        out
    }

    /// `minor` units with `exponent` decimals (`106900`, 2 → `1,069.00`), no sign.
    pub fn push_fixed(&self, out: &mut String, minor: u64, exponent: usize) {
        // The digits, at least one more than the decimals, written without a formatter:
        // amounts are the most frequent thing a page writes.
        let mut buffer = [b'0'; 24];
        let mut start = buffer.len();
        let mut rest = minor;
        while rest > 0 || buffer.len() - start <= exponent {
            start -= 1;
            buffer[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let digits = &buffer[start..];
        let (whole, fraction) = digits.split_at(digits.len() - exponent);
        self.push_grouped(out, whole);
        if exponent > 0 {
            out.push_str(&self.decimal);
            fraction.iter().for_each(|d| out.push(char::from(*d)));
        }
    }

    fn push_grouped(&self, out: &mut String, digits: &[u8]) {
        let n = digits.len();
        let grouped = n >= 3 + self.minimum;
        for (i, d) in digits.iter().enumerate() {
            if grouped && i > 0 && (n - i).is_multiple_of(3) {
                out.push_str(&self.separator);
            }
            out.push(char::from(*d));
        }
    }
}

/// What stands in `text` after `before` and ahead of `after`, and what follows `after`.
fn between<'a>(text: &'a str, before: &str, after: &str) -> Option<(&'a str, &'a str)> {
    let rest = text.strip_prefix(before)?;
    let at = rest.find(after)?;
    Some((&rest[..at], &rest[at + after.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(n: i64, fraction: i16) -> String {
        let mut s = format!("{}", n.unsigned_abs());
        if fraction > 0 {
            s.insert(s.len() - fraction as usize, '.');
        }
        let (whole, rest) = s.split_once('.').map_or((s.as_str(), ""), |(w, r)| (w, r));
        let mut grouped = String::new();
        for (i, d) in whole.chars().enumerate() {
            if whole.len() >= 4 && i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(d);
        }
        if rest.is_empty() {
            grouped
        } else {
            format!("{grouped}.{rest}")
        }
    }

    #[test]
    fn a_grouping_is_read_off_a_formatter_and_an_unfamiliar_one_is_declined() {
        let g = Grouping::learn(english).expect("English groups by three");
        assert_eq!(g.whole(1_234_567), "1,234,567");
        let mut s = String::new();
        g.push_fixed(&mut s, 5, 2);
        assert_eq!(s, "0.05");
        // Indian grouping (12,34,567) is not groups of three: left to ICU.
        let indian = |n: i64, f: i16| {
            if n == 12_345_675 && f == 1 {
                "12,34,567.5".to_string()
            } else {
                english(n, f)
            }
        };
        assert_eq!(Grouping::learn(indian), None);
    }
}
