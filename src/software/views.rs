//! Page structs of the Software page: the purchase list, a purchase with its keys and
//! downloads, the key itself, and the page a spent download link answers with.

use askama::Template;

use super::chooser::{Choices, ChosenView};
use super::link_views::{LinkView, NewLinkView};
use super::queries::{Listed, Purchase};
use crate::cancellation::views::window_short;
use crate::catalog::views::licence_text;
use crate::i18n::Lang;
use crate::ids::{LineId, OrderId};
use crate::orders::keys;
use crate::web::PageContext;
use crate::web::format::date_utc;
use crate::web::pagination::Keyset;
use chrono::{DateTime, Utc};

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
    /// Where it stands against its cancellation window, as the Software list shows it:
    /// "December 29, 2026, 14:05 UTC", "Window passed", ... (empty elsewhere).
    pub cancellable: String,
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
            purchased: date_utc(&p.placed_at, lang),
            licence: licence_text(p.licence_kind, p.term_months, lang),
            quantity: p.quantity,
            status: lang.t(status),
            cancelled: p.is_cancelled(),
            has_keys: p.has_keys(),
            cancellable: String::new(),
        }
    }

    /// A row of the Software list, with its cancellation window at `now`.
    pub fn listed(l: &Listed, now: DateTime<Utc>, lang: Lang) -> PurchaseView {
        let mut view = PurchaseView::new(&l.purchase, lang);
        if !view.cancelled {
            view.cancellable = l
                .window(now)
                .map(|window| window_short(window, lang))
                .unwrap_or_default();
        }
        view
    }
}

/// The Software tab's list, shared by the partner's customer page and the customer's own.
pub struct SoftwareList {
    pub rows: Vec<PurchaseView>,
    pub pager: Keyset,
    pub search: crate::web::list_view::SearchBox,
    /// Where a purchase's page lives: `{base}/{line_id}`.
    pub base: String,
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
