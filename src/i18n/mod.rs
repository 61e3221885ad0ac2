//! Language negotiation and the Fluent catalogs (`locales/<lang>/*.ftl`), compiled into the
//! binary. Every user-visible string is looked up here.

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
        customise: |bundle| bundle.set_use_isolating(false),
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
}

impl Lang {
    /// Languages whose catalogs are complete enough to offer in the language switcher.
    pub const OFFERED: &'static [Lang] = &[Lang::En, Lang::Tr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Tr => "tr",
        }
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
        &IDS[Lang::OFFERED.iter().position(|l| *l == self).unwrap_or(0)]
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
                .map(|(k, v)| (Cow::Owned(k.to_string()), fluent_value(v)))
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

/// Whole numbers go to Fluent as numbers, so plural forms ("1 year", "3 years") are chosen.
fn fluent_value(text: &str) -> FluentValue<'static> {
    match text.parse::<i64>() {
        Ok(n) => FluentValue::from(n),
        Err(_) => FluentValue::from(text.to_string()),
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
    ranges.iter().find_map(|(_, tag)| {
        let primary = tag.split('-').next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    })
}

#[cfg(test)]
mod tests;

crate::stored_as_code!(Lang);
