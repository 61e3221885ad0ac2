//! One-time messages carried across a redirect (post/redirect/get). They hold a catalog key,
//! not text, so they are shown in the language of the page that displays them.

use actix_session::Session;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub const KEY: &str = "flash";

/// Messages kept for the next page, newest last. A client that posts without following the
/// redirects would otherwise grow the session cookie past what browsers keep (4 KB).
const MAX_KEPT: usize = 3;
/// Characters kept of each argument (a product or file name can be long).
const MAX_ARG_CHARS: usize = 120;

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Error,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Flash {
    pub kind: FlashKind,
    pub key: String,
    pub args: Vec<(String, String)>,
}

/// A flash message ready for a template.
pub struct FlashView {
    pub kind: FlashKind,
    pub text: String,
}

impl FlashView {
    pub fn css(&self) -> &'static str {
        match self.kind {
            FlashKind::Success => "flash flash-success",
            FlashKind::Error => "flash flash-error",
        }
    }
}

pub fn push(session: &Session, kind: FlashKind, key: &str, args: &[(&str, String)]) {
    let kept: Vec<Flash> = session.get(KEY).ok().flatten().unwrap_or_default();
    let flash = Flash {
        kind,
        key: key.to_string(),
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), shorten(v)))
            .collect(),
    };
    let _ = session.insert(KEY, bounded(kept, flash));
}

/// The newest `MAX_KEPT` messages, `flash` last; an identical repeat replaces the older one.
fn bounded(mut kept: Vec<Flash>, flash: Flash) -> Vec<Flash> {
    kept.retain(|f| f != &flash);
    kept.push(flash);
    let extra = kept.len().saturating_sub(MAX_KEPT);
    kept.drain(..extra);
    kept
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(MAX_ARG_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

pub fn take(session: &Session, lang: Lang) -> Vec<FlashView> {
    let all: Vec<Flash> = super::session_store::take(session, KEY).unwrap_or_default();
    all.into_iter()
        .map(|f| {
            let args: Vec<(&str, String)> = f
                .args
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            FlashView {
                kind: f.kind,
                text: lang.t_args(&f.key, &args),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flash(key: &str, arg: &str) -> Flash {
        Flash {
            kind: FlashKind::Error,
            key: key.into(),
            args: vec![("n".into(), arg.into())],
        }
    }

    #[test]
    fn only_the_newest_messages_are_kept_and_repeats_count_once() {
        let mut kept = Vec::new();
        for n in 0..58 {
            kept = bounded(kept, flash("quantity-invalid", &n.to_string()));
        }
        let args: Vec<&str> = kept.iter().map(|f| f.args[0].1.as_str()).collect();
        assert_eq!(args, ["55", "56", "57"]);
        let kept = bounded(kept, flash("quantity-invalid", "56"));
        let args: Vec<&str> = kept.iter().map(|f| f.args[0].1.as_str()).collect();
        assert_eq!(args, ["55", "57", "56"]);
    }

    #[test]
    fn long_arguments_are_shortened_on_a_character_boundary() {
        let long = "ş".repeat(500);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), MAX_ARG_CHARS + 1);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("Windows"), "Windows");
    }
}
