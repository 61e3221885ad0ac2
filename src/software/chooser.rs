//! The Download dialog's choices — version, language, file type — and the variant they
//! name.

use super::queries::Variant;
use crate::i18n::Lang;
use crate::ids::VariantId;

/// One option of a select: value and label.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The selection a user made on the purchase page (any of it may be missing or nonsense).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Selection {
    pub version: Option<String>,
    pub language: Option<String>,
    pub file_type: Option<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.version.is_none() && self.language.is_none() && self.file_type.is_none()
    }

    /// The variant this selection names, if the product offers exactly that combination.
    pub fn find<'a>(&self, variants: &'a [Variant]) -> Option<&'a Variant> {
        variants.iter().find(|v| {
            Some(&v.version) == self.version.as_ref()
                && Some(&v.language) == self.language.as_ref()
                && Some(&v.file_type) == self.file_type.as_ref()
        })
    }
}

fn choices(
    values: impl Iterator<Item = String>,
    chosen: Option<&String>,
    label: impl Fn(&str) -> String,
) -> Vec<Choice> {
    let mut values: Vec<String> = values.collect();
    values.sort();
    values.dedup();
    values
        .into_iter()
        .map(|value| Choice {
            label: label(&value),
            selected: Some(&value) == chosen,
            value,
        })
        .collect()
}

pub struct Choices {
    pub versions: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub file_types: Vec<Choice>,
}

impl Choices {
    pub fn new(variants: &[Variant], selection: &Selection, lang: Lang) -> Choices {
        Choices {
            versions: choices(
                variants.iter().map(|v| v.version.clone()),
                selection.version.as_ref(),
                str::to_string,
            ),
            languages: choices(
                variants.iter().map(|v| v.language.clone()),
                selection.language.as_ref(),
                |code| lang.t(&format!("variant-language-{code}")),
            ),
            file_types: choices(
                variants.iter().map(|v| v.file_type.clone()),
                selection.file_type.as_ref(),
                |code| lang.t(&format!("variant-file-type-{code}")),
            ),
        }
    }
}

/// What the user chose: the variant's file and the actions on it.
pub struct ChosenView {
    pub variant_id: VariantId,
    pub label: String,
    pub file_name: String,
    pub size: Option<String>,
    pub sha256: Option<String>,
}

impl ChosenView {
    pub fn new(v: &Variant, lang: Lang) -> ChosenView {
        ChosenView {
            variant_id: v.id,
            label: variant_label(v, lang),
            file_name: v.file_name.clone(),
            size: v
                .size_bytes
                .map(|b| lang.t_args("file-size-bytes", &[("bytes", b.to_string())])),
            sha256: v.sha256.clone(),
        }
    }
}

pub fn variant_label(v: &Variant, lang: Lang) -> String {
    format!(
        "{} · {} · {}",
        v.version,
        lang.t(&format!("variant-language-{}", v.language)),
        lang.t(&format!("variant-file-type-{}", v.file_type))
    )
}
