//! Per-field validation messages for forms that are re-rendered with what the user typed.

use serde::Deserialize;

use crate::i18n::Lang;

/// A form with nothing but its CSRF token: sign out, remove, disable, revoke.
#[derive(Deserialize)]
pub struct EmptyForm {}

#[derive(Default, Debug)]
pub struct FieldErrors(Vec<(&'static str, &'static str)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message_key: &'static str) {
        self.0.push((field, message_key));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| *f == field)
    }

    /// The message for `field` in `lang`, or an empty string when the field is fine.
    pub fn text(&self, field: &str, lang: &Lang) -> String {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, key)| lang.t(key))
            .unwrap_or_default()
    }

    /// Each refused field with its message key, in the form's order, for the summary at the
    /// top of the form (the field's element has the field's name as its id).
    pub fn list(&self) -> &[(&'static str, &'static str)] {
        &self.0
    }

    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(_, k)| *k)
    }
}

/// Longest search text accepted by any search box.
pub const MAX_SEARCH: usize = 100;

/// Text typed into a search box, without control characters (PostgreSQL refuses NUL) and
/// surrounding spaces.
pub fn search_text(raw: Option<&str>) -> String {
    raw.unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .to_string()
}
