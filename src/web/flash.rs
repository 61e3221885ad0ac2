//! One-time messages carried across a redirect (post/redirect/get). They hold a catalog key,
//! not text, so they are shown in the language of the page that displays them.

use actix_session::Session;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

const KEY: &str = "flash";

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Error,
}

#[derive(Debug, Serialize, Deserialize)]
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
    let mut all: Vec<Flash> = session.get(KEY).ok().flatten().unwrap_or_default();
    all.push(Flash {
        kind,
        key: key.to_string(),
        args: args
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    });
    let _ = session.insert(KEY, all);
}

pub fn take(session: &Session, lang: Lang) -> Vec<FlashView> {
    let all: Vec<Flash> = session
        .remove_as(KEY)
        .and_then(Result::ok)
        .unwrap_or_default();
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
