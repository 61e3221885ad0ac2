//! Download links as the purchase page shows them: each link's state, and a new link's
//! address shown once.

use chrono::{DateTime, Utc};

use super::chooser::variant_label;
use super::links::LinkRow;
use super::queries::Variant;
use super::rules::{LINK_MAX_DOWNLOADS, LinkState};
use crate::i18n::Lang;
use crate::ids::LineId;
use crate::web::format::{date_utc, datetime_utc};

/// A download link as listed, with its meter ("37 of 50 downloads left · expires ...").
pub struct LinkView {
    pub id: uuid::Uuid,
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
            id: link.id,
            variant,
            created: datetime_utc(&link.created_at, lang),
            created_by: link.created_by.clone(),
            meter: meter(state, link.max_downloads, &link.expires_at, lang),
            active: matches!(state, LinkState::Active { .. }),
        }
    }
}

pub fn meter(state: LinkState, max: i32, expires_at: &DateTime<Utc>, lang: Lang) -> String {
    let date = date_utc(expires_at, lang);
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
