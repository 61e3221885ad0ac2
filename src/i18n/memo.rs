//! Formatted messages remembered per thread. Formatting a Fluent message (finding the
//! language, resolving the pattern, choosing a plural form) was the largest single cost of a
//! list page, and its result depends only on the language, the message and its arguments.
//! The memory is bounded: past `CAPACITY` entries a thread forgets them all and starts again.

use std::cell::RefCell;
use std::collections::HashMap;

use super::Lang;

const CAPACITY: usize = 4_096;

/// The memories' hasher: a message id is hashed on every lookup, a dozen times a row, and the
/// standard library's (SipHash) was a visible share of a list page. Seeded at random per
/// process, and the memories are bounded, so a crafted key gains nothing.
type Hasher = foldhash::fast::RandomState;

/// Per language (in `Lang::OFFERED` order), the texts by `key_of`.
type Memory = Vec<HashMap<String, String, Hasher>>;

thread_local! {
    static FORMATTED: RefCell<Memory> = const { RefCell::new(Vec::new()) };
}

/// The memory's key within a language: the message id alone when it has no arguments (so a
/// lookup needs no new string), else the id and each argument name and value, each preceded
/// by its length, so that no two different requests (whatever a value contains) share a key.
fn key_of(key: &str, args: &[(&str, String)]) -> String {
    let mut k = String::with_capacity(key.len() + args.len() * 24);
    k.push_str(key);
    for piece in args
        .iter()
        .flat_map(|(name, value)| [*name, value.as_str()])
    {
        k.push('\u{0}');
        push_decimal(&mut k, piece.len());
        k.push(':');
        k.push_str(piece);
    }
    k
}

fn push_decimal(k: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(k, n / 10);
    }
    k.push(char::from(b'0' + (n % 10) as u8));
}

/// The remembered text of `key` with `args` in `lang`, or `format()`'s, remembered.
pub fn get_or_insert(
    lang: Lang,
    key: &str,
    args: &[(&str, String)],
    format: impl FnOnce() -> String,
) -> String {
    let slot = lang.index();
    let owned = (!args.is_empty()).then(|| key_of(key, args));
    let k = owned.as_deref().unwrap_or(key);
    if let Some(found) = FORMATTED.with_borrow(|m| m.get(slot)?.get(k).cloned()) {
        return found;
    }
    let text = format();
    FORMATTED.with_borrow_mut(|m| {
        if m.len() <= slot {
            m.resize_with(Lang::OFFERED.len().max(slot + 1), HashMap::default);
        }
        let texts = &mut m[slot];
        if texts.len() >= CAPACITY {
            texts.clear();
        }
        texts.insert(k.to_string(), text.clone());
    });
    text
}

/// What a formatted instant is remembered by: its language, what was formatted (a day, a
/// minute, a month) and its number (days and minutes since 1970, months since year 0).
type InstantKey = (usize, u8, i64);

thread_local! {
    static INSTANTS: RefCell<HashMap<InstantKey, String, Hasher>> =
        RefCell::new(HashMap::default());
}

/// The remembered text of an instant formatted as `kind` (`unit` its day, minute or month number) in
/// `lang`, or `format()`'s, remembered. A list shows many rows of the same few days, and a
/// page's dates come back on the next view; ICU's formatting of each was a tenth of the
/// Software tab's time. Bounded like the messages' memory.
pub fn instant(lang: Lang, kind: u8, unit: i64, format: impl FnOnce() -> String) -> String {
    let key = (lang.index(), kind, unit);
    if let Some(found) = INSTANTS.with_borrow(|m| m.get(&key).cloned()) {
        return found;
    }
    let text = format();
    INSTANTS.with_borrow_mut(|m| {
        if m.len() >= CAPACITY {
            m.clear();
        }
        m.insert(key, text.clone());
    });
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_part_of_what_is_remembered() {
        let one = Lang::En.t_args("customers-count", &[("count", "1".into())]);
        let two = Lang::En.t_args("customers-count", &[("count", "2".into())]);
        assert_eq!(one, "1 customer");
        assert_eq!(two, "2 customers");
        assert_eq!(
            Lang::En.t_args("customers-count", &[("count", "1".into())]),
            one
        );
        assert_ne!(Lang::Tr.t("tab-software"), Lang::En.t("tab-software"));
    }

    #[test]
    fn no_two_requests_share_a_key() {
        let a = key_of("m", &[("a", "x\u{0}1:b\u{0}1:y".into())]);
        let b = key_of("m", &[("a", "x".into()), ("b", "y".into())]);
        assert_ne!(a, b);
        assert_eq!(
            key_of("m", &[("count", "12".into())]),
            "m\u{0}5:count\u{0}2:12"
        );
        assert_ne!(key_of("m", &[]), key_of("m", &[("a", String::new())]));
    }

    #[test]
    fn instants_are_remembered_by_language_day_and_minute() {
        use crate::i18n::locale::{day, day_and_minute};
        use chrono::{DateTime, Utc};
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        // Twice each (the second from memory), either side of midnight and of 1970.
        for _ in 0..2 {
            assert_eq!(
                day(&at("2026-12-01T23:59:59Z"), Lang::En),
                "December 1, 2026"
            );
            assert_eq!(
                day(&at("2026-12-02T00:00:00Z"), Lang::En),
                "December 2, 2026"
            );
            assert_eq!(
                day(&at("1969-12-31T23:00:00Z"), Lang::En),
                "December 31, 1969"
            );
            assert_eq!(day(&at("2026-12-01T10:00:00Z"), Lang::Pl), "1 grudnia 2026");
            let minute = day_and_minute(&at("2026-12-01T10:05:59Z"), Lang::En);
            assert!(minute.ends_with("10:05"), "{minute}");
            let next = day_and_minute(&at("2026-12-01T10:06:00Z"), Lang::En);
            assert!(next.ends_with("10:06"), "{next}");
        }
    }

    #[test]
    fn a_full_memory_starts_again_and_keeps_answering() {
        for n in 0..CAPACITY + 10 {
            let text = Lang::En.t_args("customers-count", &[("count", n.to_string())]);
            let written = crate::i18n::locale::number(n as i64, Lang::En);
            assert!(text.starts_with(&written), "{text}");
        }
        assert!(FORMATTED.with_borrow(|m| m.iter().all(|t| t.len() <= CAPACITY)));
    }
}
