//! Language negotiation and the Fluent catalogs (`locales/<lang>/*.ftl`), compiled into the
//! binary. Every user-visible string is looked up here.

mod digits;
pub mod locale;
mod memo;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        // Isolation marks around arguments confuse copy-and-paste of order numbers and keys.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(number_formatter(bundle.locales.first()));
        },
    };
}

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Lang {
    En,
    Tr,
    Hu,
    Pl,
    Ru,
    ZhHans,
    Ko,
}

impl Lang {
    /// The languages the product speaks, in the order the language switcher lists them.
    pub const OFFERED: &'static [Lang] = &[
        Lang::En,
        Lang::Tr,
        Lang::Hu,
        Lang::Pl,
        Lang::Ru,
        Lang::ZhHans,
        Lang::Ko,
    ];

    /// Its BCP 47 tag, as `<html lang>`, the catalogs' folders and the users' rows spell it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Hu => "hu",
            Lang::Pl => "pl",
            Lang::Ru => "ru",
            Lang::ZhHans => "zh-Hans",
            Lang::Ko => "ko",
        }
    }

    /// Its place in `OFFERED`, for per-language tables (formatters, catalog ids, memory).
    pub fn index(self) -> usize {
        Lang::OFFERED.iter().position(|l| *l == self).unwrap_or(0)
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::OFFERED.iter().copied().find(|l| l.code() == code)
    }

    fn id(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
            Lang::OFFERED
                .iter()
                .map(|l| l.code().parse().expect("language codes are valid"))
                .collect()
        });
        &IDS[self.index()]
    }

    /// The message `key`, remembered per thread (see `memo`): a list page asks for the same
    /// few messages on every row and every request.
    pub fn t(self, key: &str) -> String {
        memo::get_or_insert(self, key, &[], || LOCALES.lookup(self.id(), key))
    }

    pub fn t_args(self, key: &str, args: &[(&str, String)]) -> String {
        memo::get_or_insert(self, key, args, || {
            let map: HashMap<Cow<'static, str>, FluentValue> = args
                .iter()
                .map(|(k, v)| (Cow::Owned(k.to_string()), fluent_value(self, k, v)))
                .collect();
            LOCALES.lookup_with_args(self.id(), key, &map)
        })
    }

    /// Whether the catalog of this language itself defines `key` (no fallback).
    pub fn has(self, key: &str) -> bool {
        // A message that needs arguments reports a resolver error, not a missing message;
        // the error type is not exported, so its text tells the two apart.
        match LOCALES.lookup_single_language::<&str>(self.id(), key, None) {
            Ok(_) => true,
            Err(e) => !e.to_string().starts_with("Couldn't retrieve message"),
        }
    }
}

/// Arguments that are identifiers made of digits, shown as they are: order number 100011
/// and the year 2026 are not quantities to write as "100,011" or "2 026"; nor is a search's
/// text (`q`), which is shown as it was typed.
const DIGITS_AS_WRITTEN: &[&str] = &["number", "order", "year", "q"];

/// Whole numbers go to Fluent as numbers, so plural forms ("1 year", "3 years") are chosen
/// and the language's grouping applies; identifiers stay text. A `market` is an ISO country
/// code wherever a message names one (the code is what flash messages and forms carry), and
/// is shown as the country's name in the language.
fn fluent_value(lang: Lang, name: &str, text: &str) -> FluentValue<'static> {
    if name == "market" {
        return FluentValue::from(locale::country(text, lang));
    }
    match text.parse::<i64>() {
        Ok(n) if !DIGITS_AS_WRITTEN.contains(&name) => FluentValue::from(n),
        _ => FluentValue::from(text.to_string()),
    }
}

/// How a catalog writes the numbers its messages are given: as its language does (CLDR,
/// see `locale`), where Fluent alone would write `10010` in every language.
fn number_formatter<M>(
    language: Option<&LanguageIdentifier>,
) -> Option<fn(&FluentValue, &M) -> Option<String>> {
    let lang = Lang::OFFERED
        .iter()
        .find(|l| language.is_some_and(|id| *id == l.code()))?;
    // One instance per language, as a formatter is a plain function; the length makes a new
    // language a compile error here until it has its own.
    let each: [fn(&FluentValue, &M) -> Option<String>; Lang::OFFERED.len()] = [
        whole_number::<M, 0>,
        whole_number::<M, 1>,
        whole_number::<M, 2>,
        whole_number::<M, 3>,
        whole_number::<M, 4>,
        whole_number::<M, 5>,
        whole_number::<M, 6>,
    ];
    each.get(lang.index()).copied()
}

/// A whole number in the language at `LANG` of `Lang::OFFERED`; anything else as Fluent
/// writes it.
fn whole_number<M, const LANG: usize>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(locale::number(n.value as i64, *Lang::OFFERED.get(LANG)?))
        }
        _ => None,
    }
}

/// The language of a response: the user's saved choice, else the language cookie, else the
/// browser's `Accept-Language`, else English.
pub fn negotiate(saved: Option<&str>, cookie: Option<&str>, accept: Option<&str>) -> Lang {
    saved
        .and_then(Lang::from_code)
        .or_else(|| cookie.and_then(Lang::from_code))
        .or_else(|| accept.and_then(from_accept_language))
        .unwrap_or(Lang::En)
}

fn from_accept_language(header: &str) -> Option<Lang> {
    let mut ranges: Vec<(f32, &str)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.parse::<f32>().ok())?;
            Some((q, tag))
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    // Stable sort keeps the header's order among equal weights.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.iter().find_map(|(_, tag)| of_browser_tag(tag))
}

/// The language a browser's tag asks for: its primary subtag, except that Chinese is offered
/// in simplified script only, so `zh-TW`, `zh-HK` and `zh-Hant…` find nothing here.
fn of_browser_tag(tag: &str) -> Option<Lang> {
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let primary = parts.next()?;
    if primary != "zh" {
        return Lang::from_code(primary);
    }
    // A script subtag decides; without one, the regions that write traditional characters.
    let traditional = match parts.next() {
        Some(script) if script.len() == 4 => script == "hant",
        region => matches!(region, Some("tw" | "hk" | "mo")),
    };
    (!traditional).then_some(Lang::ZhHans)
}

#[cfg(test)]
mod tests;

crate::stored_as_code!(Lang);
