//! What the activity log shows: the date range and filters as typed, checked into a `Filter`,
//! and the keyset cursor of its pages. Pure, so every edge is a unit test.

use crate::ids::UserId;
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::Deserialize;

use super::Operation;

/// The default range: today and the 29 days before it.
pub const DEFAULT_DAYS: u64 = 30;
/// The longest range one page or export may cover.
pub const MAX_DAYS: i64 = 366;

/// The query string as sent; every field optional, nothing trusted.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub op: Option<String>,
    pub customer: Option<String>,
    pub user: Option<String>,
    /// Anyone else who acted, as typed: an e-mail address or an API token's name.
    pub who: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operations {
    /// Key views, downloads and links: the log's purpose, and its default.
    Access,
    All,
    One(Operation),
}

impl Operations {
    pub fn code(self) -> &'static str {
        match self {
            Operations::Access => "access",
            Operations::All => "all",
            Operations::One(op) => op.code(),
        }
    }

    fn parse(text: &str) -> Option<Operations> {
        match text {
            "" | "access" => Some(Operations::Access),
            "all" => Some(Operations::All),
            code => Operation::from_code(code).map(Operations::One),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Actor {
    Anyone,
    User(UserId),
    /// Downloads made with a link, by whoever held it.
    Link,
    /// What an API token did, by the token's name (its records name no user).
    Token(String),
}

impl Actor {
    fn parse(text: &str) -> Option<Actor> {
        match text {
            "" => Some(Actor::Anyone),
            "link" => Some(Actor::Link),
            id => UserId::parse(id).map(Actor::User),
        }
    }

    /// The `user` field's value; a token is named in `who` instead (see `Filter::query`).
    pub fn code(&self) -> String {
        match self {
            Actor::Anyone | Actor::Token(_) => String::new(),
            Actor::User(id) => id.to_string(),
            Actor::Link => "link".into(),
        }
    }
}

/// A checked filter. The customer is still as typed (a domain or tenant ID): it is resolved
/// against the partner's own customers by the handler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub operations: Operations,
    pub customer: Option<String>,
    pub actor: Actor,
    /// Someone typed instead of chosen (see `RawFilter::who`), until the handler finds who
    /// it is and sets `actor`; it then wins over the list's choice.
    pub who: Option<String>,
}

/// Why a filter was refused: each is one message on the page (catalog keys).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    BadFrom,
    BadTo,
    StartAfterEnd,
    TooLong,
    BadOperation,
    BadUser,
}

impl Problem {
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::BadFrom => "activity-error-from",
            Problem::BadTo => "activity-error-to",
            Problem::StartAfterEnd => "activity-error-order",
            Problem::TooLong => "activity-error-range",
            Problem::BadOperation => "activity-error-operation",
            Problem::BadUser => "activity-error-user",
        }
    }
}

impl Filter {
    /// The first instant shown: the start date's midnight, UTC.
    pub fn start(&self) -> DateTime<Utc> {
        midnight(self.from)
    }

    /// The first instant not shown: the midnight after the end date, UTC.
    pub fn end(&self) -> DateTime<Utc> {
        midnight(self.to + Days::new(1))
    }

    /// The filter as a query string, for the export link and the next page's link.
    pub fn query(&self) -> String {
        let mut pairs = vec![
            ("from", self.from.to_string()),
            ("to", self.to.to_string()),
            ("op", self.operations.code().to_string()),
        ];
        if let Some(c) = &self.customer {
            pairs.push(("customer", c.clone()));
        }
        match &self.actor {
            Actor::Anyone => {}
            Actor::Token(name) => pairs.push(("who", name.clone())),
            actor => pairs.push(("user", actor.code())),
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// Dates as `YYYY-MM-DD` in years 1 to 9999 (what people mean, and what PostgreSQL and the
/// range arithmetic hold).
fn date(text: &str) -> Option<NaiveDate> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()?;
    (1..=9999).contains(&day.year()).then_some(day)
}

/// Whether the page may read with one plan for all values (`db::Plans::Steady`). The
/// operation groups match most records, so reading the partner's newest through an index on
/// (partner, time) suits every partner and range. One operation, compared with `=` (see
/// `queries::page`), is read through the (partner, operation, time) index in order, whichever
/// operation: one plan suits it too, unless a user or a customer is asked for as well, whose
/// records may be rarer than the operation's. Planning for the values was most of that page's cost on a
/// large log (about a millisecond, reading the table's statistics and the index's ends).
pub fn suits_one_plan(raw: &RawFilter) -> bool {
    let actor = Actor::parse(given(&raw.user).unwrap_or_default());
    match Operations::parse(given(&raw.op).unwrap_or_default()) {
        Some(Operations::Access | Operations::All) => true,
        Some(Operations::One(_)) => {
            given(&raw.customer).is_none()
                && given(&raw.who).is_none()
                && matches!(actor, Some(Actor::Anyone | Actor::Link))
        }
        None => false,
    }
}

fn given(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Checks what was sent. A missing start is 29 days before the end; a missing end is today.
pub fn parse(raw: &RawFilter, today: NaiveDate) -> Result<Filter, Vec<Problem>> {
    let mut problems = Vec::new();
    let from = given(&raw.from).map(|t| date(t).ok_or(Problem::BadFrom));
    let to = given(&raw.to).map(|t| date(t).ok_or(Problem::BadTo));
    for typed in [&from, &to] {
        if let Some(Err(p)) = typed {
            problems.push(*p);
        }
    }
    let to = match to {
        None => Some(today),
        Some(typed) => typed.ok(),
    };
    let from = match from {
        None => to.and_then(|t| t.checked_sub_days(Days::new(DEFAULT_DAYS - 1))),
        Some(typed) => typed.ok(),
    };
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            problems.push(Problem::StartAfterEnd);
        } else if (to - from).num_days() + 1 > MAX_DAYS {
            problems.push(Problem::TooLong);
        }
    }
    let operations = Operations::parse(given(&raw.op).unwrap_or_default());
    if operations.is_none() {
        problems.push(Problem::BadOperation);
    }
    let actor = Actor::parse(given(&raw.user).unwrap_or_default());
    if actor.is_none() {
        problems.push(Problem::BadUser);
    }
    match (from, to, operations, actor) {
        (Some(from), Some(to), Some(operations), Some(actor)) if problems.is_empty() => {
            Ok(Filter {
                from,
                to,
                operations,
                customer: customer_text(raw.customer.as_deref()),
                actor,
                who: who_text(raw.who.as_deref()),
            })
        }
        _ => Err(problems),
    }
}

/// A domain or tenant ID as typed: control characters dropped, at most a domain's length.
fn customer_text(raw: Option<&str>) -> Option<String> {
    let text = crate::web::forms::search_text(raw).to_lowercase();
    let text: String = text.chars().take(253).collect();
    (!text.is_empty()).then_some(text)
}

/// An e-mail address or a token's name as typed: control characters dropped, at most an
/// address's length.
fn who_text(raw: Option<&str>) -> Option<String> {
    let text: String = crate::web::forms::search_text(raw)
        .chars()
        .take(254)
        .collect();
    (!text.is_empty()).then_some(text)
}

/// Where a page continues: just older than the last row shown. Rows with the same instant are
/// ordered by id, so none is skipped or shown twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub at: DateTime<Utc>,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}.{}", self.at.timestamp_micros(), self.id)
    }

    /// A cursor that does not parse is ignored: the list starts from its newest row.
    pub fn decode(text: &str) -> Option<Cursor> {
        let (micros, id) = text.split_once('.')?;
        let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?;
        // Only instants a date range can hold (years 1 to 9999) are cursors of ours.
        if !(1..=9999).contains(&at.year()) {
            return None;
        }
        Some(Cursor {
            at,
            id: id.parse().ok()?,
        })
    }
}

#[cfg(test)]
mod tests;
