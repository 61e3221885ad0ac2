//! The console's queue page: its rows, the status filter and how long each request waited.

use askama::Template;
use chrono::{DateTime, Utc};

use super::queries::{Filter, QueueRow, Sort};
use crate::i18n::Lang;
use crate::ids::RequestId;
use crate::support::rules::Status;
use crate::support::views::{amount_text, type_text};

/// A status as support reads it ("Waiting for partner", where the partner reads "Waiting for
/// you").
pub fn status_text(status: Status, lang: Lang) -> String {
    lang.t(&format!(
        "console-status-{}",
        status.code().replace('_', "-")
    ))
}
use crate::web::PageContext;
use crate::web::pagination::Keyset;

/// "3 days", "5 hours", "20 minutes": how long a request has waited, in its largest unit.
pub fn age_text(since: DateTime<Utc>, now: DateTime<Utc>, lang: Lang) -> String {
    let age = now - since;
    let (key, n) = if age.num_days() >= 1 {
        ("console-age-days", age.num_days())
    } else if age.num_hours() >= 1 {
        ("console-age-hours", age.num_hours())
    } else {
        ("console-age-minutes", age.num_minutes().max(0))
    };
    lang.t_args(key, &[("n", n.to_string())])
}

pub struct QueueRowView {
    pub id: RequestId,
    pub number: i64,
    pub partner: String,
    pub customer: String,
    pub problem_type: String,
    pub title: String,
    pub status: String,
    pub requested: String,
    pub assignee: String,
    pub waiting: String,
}

impl QueueRowView {
    pub fn new(r: &QueueRow, now: DateTime<Utc>, lang: Lang) -> QueueRowView {
        QueueRowView {
            id: r.id,
            number: r.number,
            partner: r.partner.clone(),
            customer: r.customer.clone(),
            problem_type: type_text(r.problem_type, lang),
            title: r.title.clone(),
            status: status_text(r.status, lang),
            requested: amount_text(r.requested_minor, r.currency, lang).unwrap_or_default(),
            assignee: r.assignee.clone().unwrap_or_default(),
            waiting: age_text(r.waiting_since, now, lang),
        }
    }
}

pub struct FilterOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "support/console/queue.html")]
pub struct QueuePage {
    pub ctx: PageContext,
    pub rows: Vec<QueueRowView>,
    pub filters: Vec<FilterOption>,
    pub newest_first: bool,
    /// The text searched for; empty: no search.
    pub q: String,
    pub keyset: Keyset,
}

impl QueuePage {
    /// The choices of the status filter, the chosen one marked.
    pub fn filters(chosen: &Filter, lang: Lang) -> Vec<FilterOption> {
        let mut options = vec![FilterOption {
            value: "open",
            label: lang.t("console-filter-open"),
            selected: *chosen == Filter::Open,
        }];
        for s in Status::ALL {
            options.push(FilterOption {
                value: s.code(),
                label: status_text(*s, lang),
                selected: *chosen == Filter::Status(s.code()),
            });
        }
        options.push(FilterOption {
            value: "all",
            label: lang.t("console-filter-all"),
            selected: *chosen == Filter::All,
        });
        options
    }

    pub fn base(filter: &Filter, sort: Sort, q: &str) -> String {
        let status = match filter {
            Filter::Open => "open",
            Filter::Status(code) => code,
            Filter::All => "all",
        };
        let sort = match sort {
            Sort::OldestFirst => "oldest",
            Sort::NewestFirst => "newest",
        };
        let base = format!("/console?status={status}&sort={sort}");
        match q.is_empty() {
            true => base,
            false => format!(
                "{base}&{}",
                serde_urlencoded::to_string([("q", q)]).unwrap_or_default()
            ),
        }
    }
}
