//! Page structs of the Software page: the purchase list, a purchase with its keys and
//! downloads, the key itself, and the page a spent download link answers with.

use askama::Template;
use chrono::{DateTime, Utc};

use super::links::LinkRow;
use super::queries::{Purchase, Variant};
use super::rules::{LINK_MAX_DOWNLOADS, LinkState};
use crate::catalog::views::licence_text;
use crate::i18n::Lang;
use crate::ids::{LineId, OrderId, VariantId};
use crate::orders::keys;
use crate::web::PageContext;
use crate::web::format::{date_utc, datetime_utc};
use crate::web::pagination::Pager;

/// A purchase as every software page shows it.
pub struct PurchaseView {
    pub line_id: LineId,
    pub order_id: OrderId,
    pub product: String,
    pub order_number: i64,
    pub purchased: String,
    pub licence: String,
    pub quantity: i32,
    pub status: String,
    pub cancelled: bool,
    pub has_keys: bool,
}

impl PurchaseView {
    pub fn new(p: &Purchase, lang: Lang) -> PurchaseView {
        let status = if p.is_cancelled() {
            "software-status-cancelled"
        } else {
            "software-status-active"
        };
        PurchaseView {
            line_id: p.line_id,
            order_id: p.order_id,
            product: p.product_name.clone(),
            order_number: p.order_number,
            purchased: date_utc(&p.placed_at),
            licence: licence_text(p.licence_kind, p.term_months, lang),
            quantity: p.quantity,
            status: lang.t(status),
            cancelled: p.is_cancelled(),
            has_keys: p.has_keys(),
        }
    }
}

/// The Software tab's list, shared by the partner's customer page and the customer's own.
pub struct SoftwareList {
    pub rows: Vec<PurchaseView>,
    pub pager: Pager,
    /// Where a purchase's page lives: `{base}/{line_id}`.
    pub base: String,
    /// The list's own address, for the pager.
    pub page_base: String,
    /// Whether the viewer may open a purchase for its keys and downloads.
    pub can_open: bool,
    pub can_cancel: bool,
}

impl SoftwareList {
    pub fn href(&self, line: &LineId) -> String {
        format!("{}/{line}", self.base)
    }

    pub fn cancel_href(&self, line: &LineId) -> String {
        format!("{}/{line}/cancel", self.base)
    }
}

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

/// A download link as listed, with its meter ("37 of 50 downloads left · expires ...").
pub struct LinkView {
    pub variant: String,
    pub created: String,
    pub created_by: String,
    pub meter: String,
    pub active: bool,
}

impl LinkView {
    pub fn new(link: &LinkRow, variants: &[Variant], now: DateTime<Utc>, lang: Lang) -> LinkView {
        let variant = variants
            .iter()
            .find(|v| v.id == link.variant_id)
            .map(|v| variant_label(v, lang))
            .unwrap_or_default();
        let state = link.state(now);
        LinkView {
            variant,
            created: datetime_utc(&link.created_at),
            created_by: link.created_by.clone(),
            meter: meter(state, link.max_downloads, &link.expires_at, lang),
            active: matches!(state, LinkState::Active { .. }),
        }
    }
}

pub fn meter(state: LinkState, max: i32, expires_at: &DateTime<Utc>, lang: Lang) -> String {
    let date = date_utc(expires_at);
    match state {
        LinkState::Active { downloads_left } => lang.t_args(
            "link-meter",
            &[
                ("left", downloads_left.to_string()),
                ("max", max.to_string()),
                ("date", date),
            ],
        ),
        LinkState::Expired => lang.t_args("link-state-expired", &[("date", date)]),
        LinkState::UsedUp => lang.t_args("link-state-used-up", &[("max", max.to_string())]),
        LinkState::Revoked => lang.t("link-state-revoked"),
    }
}

/// A link just made, kept in the session until the next page shows its URL this once (only
/// the token's hash is stored in the database).
#[derive(serde::Serialize, serde::Deserialize)]
pub struct NewLink {
    pub line_id: LineId,
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

pub struct NewLinkView {
    pub url: String,
    pub meter: String,
}

impl NewLinkView {
    pub fn new(link: NewLink, lang: Lang) -> NewLinkView {
        let fresh = LinkState::Active {
            downloads_left: LINK_MAX_DOWNLOADS,
        };
        NewLinkView {
            meter: meter(fresh, LINK_MAX_DOWNLOADS, &link.expires_at, lang),
            url: link.url,
        }
    }
}

#[derive(Template)]
#[template(path = "software/purchase.html")]
pub struct PurchasePage {
    pub ctx: PageContext,
    /// `/customers/{tenant}/software` or `/admin-center/software`.
    pub base: String,
    pub purchase: PurchaseView,
    pub choices: Choices,
    pub chosen: Option<ChosenView>,
    pub selection_error: Option<String>,
    pub links: Vec<LinkView>,
    pub new_link: Option<NewLinkView>,
    pub can_keys: bool,
    pub can_links: bool,
    pub can_migrate: bool,
}

impl PurchasePage {
    pub fn purchase_href(&self) -> String {
        format!("{}/{}", self.base, self.purchase.line_id)
    }
}

#[derive(Template)]
#[template(path = "software/key.html")]
pub struct KeyPage {
    pub ctx: PageContext,
    pub back: String,
    pub purchase: PurchaseView,
    pub key: String,
}

impl KeyPage {
    pub fn new(ctx: PageContext, back: String, purchase: PurchaseView, key: &str) -> KeyPage {
        KeyPage {
            ctx,
            back,
            purchase,
            key: keys::grouped(key),
        }
    }
}

/// What a spent or withdrawn download link answers (410), saying why and what to do.
#[derive(Template)]
#[template(path = "software/link_gone.html")]
pub struct LinkGonePage {
    pub ctx: PageContext,
    pub reason: String,
    pub advice: String,
}
