//! The activity log page, and the row view the page and the CSV export share.

use askama::Template;
use chrono::{DateTime, Utc};

use super::filter::RawFilter;
use super::queries::{LogRow, UserChoice};
use super::{LINK_ACTOR, Operation};
use crate::i18n::Lang;
use crate::ids::CustomerId;
use crate::web::PageContext;

/// One record as shown: the same cells on the page and in the CSV.
pub struct LogView {
    /// `2026-11-24 10:15:07 UTC`.
    pub at: String,
    /// The time itself, written as ISO 8601 in the CSV.
    pub at_utc: DateTime<Utc>,
    pub who: String,
    pub customer: String,
    /// The customer's tenant ID, for the CSV.
    pub tenant: Option<CustomerId>,
    pub product: String,
    pub order_number: String,
    pub operation: String,
    pub details: String,
}

impl LogView {
    pub fn new(row: &LogRow, lang: Lang) -> LogView {
        let d = &row.details;
        let by_link = row.actor == LINK_ACTOR;
        let who = match &d.ip {
            Some(ip) if by_link => lang.t_args("access-by-link", &[("ip", ip.clone())]),
            None if by_link => lang.t("access-by-link-unknown"),
            _ => row.actor.clone(),
        };
        let number = |text: &Option<String>| text.as_deref().and_then(|t| t.parse::<i64>().ok());
        let request = number(&d.request)
            .map(|n| lang.t_args("activity-detail-request", &[("number", n.to_string())]));
        let unrecorded = number(&d.unrecorded_before).map(|n| {
            lang.t_args(
                "activity-detail-unrecorded-refusals",
                &[("count", n.to_string())],
            )
        });
        LogView {
            at: crate::web::format::datetime_seconds_utc(&row.at, lang),
            at_utc: row.at,
            who,
            customer: row.customer.clone().unwrap_or_default(),
            tenant: row.tenant,
            product: row
                .product
                .clone()
                .or_else(|| d.product.clone())
                .unwrap_or_default(),
            order_number: row.order_number.map(|n| n.to_string()).unwrap_or_default(),
            operation: lang.t(row.operation.label_key()),
            details: d
                .file
                .clone()
                .or_else(|| d.target.clone())
                .or(request)
                .or(unrecorded)
                .unwrap_or_default(),
        }
    }

    /// The CSV row, in the order of `CSV_COLUMNS`.
    pub fn cells(&self) -> Vec<String> {
        use crate::web::csv::text_cell;
        vec![
            crate::web::format::iso_utc(&self.at_utc),
            text_cell(&self.who),
            text_cell(&self.customer),
            self.tenant.map(|t| t.to_string()).unwrap_or_default(),
            text_cell(&self.product),
            self.order_number.clone(),
            text_cell(&self.operation),
            text_cell(&self.details),
        ]
    }
}

/// The CSV's columns (catalog keys of their headers).
pub const CSV_COLUMNS: &[&str] = &[
    "activity-csv-time",
    "activity-col-user",
    "activity-col-customer",
    "activity-csv-tenant",
    "activity-col-product",
    "activity-col-order",
    "activity-col-operation",
    "activity-col-details",
];

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The operation filter: key access (the default), everything, then each operation.
pub fn operation_choices(chosen: &str, lang: Lang) -> Vec<Choice> {
    let groups = [
        ("access", lang.t("activity-op-group-access")),
        ("all", lang.t("activity-op-group-all")),
    ];
    let ops = Operation::ALL
        .iter()
        .map(|o| (o.code(), lang.t(o.label_key())));
    let chosen = if chosen.is_empty() { "access" } else { chosen };
    groups
        .into_iter()
        .chain(ops)
        .map(|(code, label)| Choice {
            value: code.to_string(),
            label,
            selected: code == chosen,
        })
        .collect()
}

/// The user filter: anyone, download links, then the partner's users by e-mail.
pub fn user_choices(users: &[UserChoice], chosen: &str, lang: Lang) -> Vec<Choice> {
    let fixed = [
        (String::new(), lang.t("activity-user-anyone")),
        ("link".to_string(), lang.t("access-by-link-unknown")),
    ];
    let people = users.iter().map(|u| (u.id.to_string(), u.email.clone()));
    fixed
        .into_iter()
        .chain(people)
        .map(|(value, label)| Choice {
            selected: value == chosen,
            value,
            label,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "account/activity.html")]
pub struct ActivityLogPage {
    pub ctx: PageContext,
    pub tabs: super::super::account::Tabs,
    /// What was typed, shown back in the form.
    pub typed: RawFilter,
    pub operations: Vec<Choice>,
    pub users: Vec<Choice>,
    /// Messages about the filter; when present, nothing is listed.
    pub problems: Vec<String>,
    /// "From … to …", the range in force, in UTC.
    pub range: Option<String>,
    pub rows: Vec<LogView>,
    pub older: Option<String>,
    pub newest: Option<String>,
    pub export: Option<String>,
}
