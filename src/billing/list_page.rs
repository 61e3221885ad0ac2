//! The Billing page: the last 12 months per currency as charts, and the partner's invoices
//! newest first, a page at a time, narrowed by currency and year. Every figure comes from a
//! bounded statement: the charts' months, a page of the list off its index, and how far the
//! invoices reach (the first month and the currencies billed), all sent together with the
//! session's check.

use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use super::chart;
use super::handlers::issue_due;
use super::queries::{self, InvoiceSummary, ListRange};
use super::rules::Month;
use super::views::{BillingPage, Choice, InvoiceRow};
use crate::auth::extract::Reader;
use crate::auth::perm;
use crate::error::AppError;
use crate::money::Currency;
use crate::web::pagination::{Keyset, cut_page};
use crate::web::{AppState, PageContext, render};

/// Invoices a page lists (the first page adds this month's empty open invoices when all are
/// asked for).
pub const PER_PAGE: i64 = 24;

/// Billing's filters, from the address: `?currency=USD&year=2026&all=1`, and where the list
/// continues (`after=2026-03.USD`, the last invoice shown). Nonsense in them means no filter,
/// or the list's start.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    currency: Option<String>,
    year: Option<String>,
    /// "1": also the open invoices of currencies with nothing in them yet.
    all: Option<String>,
    after: Option<String>,
}

/// What the list is narrowed to.
#[derive(Serialize)]
struct Filter {
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<Currency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    all: Option<&'static str>,
}

impl Filter {
    fn of(query: &ListQuery) -> Filter {
        Filter {
            currency: query.currency.as_deref().and_then(Currency::from_code),
            year: query.year.as_deref().and_then(|y| y.parse::<i32>().ok()),
            all: (query.all.as_deref() == Some("1")).then_some("1"),
        }
    }

    /// An open invoice with nothing in it yet is left out unless all are asked for.
    fn hides(&self, s: &InvoiceSummary) -> bool {
        self.all.is_none() && !s.is_issued() && s.line_count == 0 && self.matches(s)
    }

    fn matches(&self, s: &InvoiceSummary) -> bool {
        self.currency.is_none_or(|c| c == s.currency)
            && self.year.is_none_or(|y| y == s.month().year())
    }

    /// The list's address with this filter, where its pages start.
    fn base(&self) -> String {
        match serde_urlencoded::to_string(self) {
            Ok(q) if !q.is_empty() => format!("/billing?{q}"),
            _ => "/billing".to_string(),
        }
    }

    /// The months a page reads, continuing after `after` (an invoice shown last); `None` when
    /// the year chosen is one no invoice can have.
    fn range(&self, current: Month, after: Option<(Month, Currency)>) -> Option<ListRange> {
        let from = match self.year {
            Some(y) => Some(Month::parse(&format!("{y:04}-01"))?),
            None => None,
        };
        let year_end = self.year.and_then(|y| Month::parse(&format!("{y:04}-12")));
        let upto = [Some(current), year_end, after.map(|a| a.0)]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(current);
        Some(ListRange {
            upto,
            from,
            currency: self.currency,
            after_currency: after.filter(|a| a.0 == upto).map(|a| a.1),
        })
    }
}

/// `2026-03.USD`: the invoice a page continues after.
pub fn cursor_of(s: &InvoiceSummary) -> String {
    format!("{}.{}", s.month().code(), s.currency.code())
}

pub fn parse_cursor(text: &str) -> Option<(Month, Currency)> {
    let (month, currency) = text.split_once('.')?;
    Some((Month::parse(month)?, Currency::from_code(currency)?))
}

pub async fn list(
    state: web::Data<AppState>,
    need: Reader<perm::BillingRead>,
    ctx: PageContext,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let now = state.clock.now();
    let current = Month::of(now);
    let filter = Filter::of(&query);
    let after = query.after.as_deref().and_then(parse_cursor);
    let range = filter.range(current, after);
    let chart_from = (1..chart::MONTHS).fold(current, |m, _| m.previous());
    let mut conn = state.pool.get().await?;
    issue_due(&state, &need, &mut conn, scope.partner_id()).await?;
    // A year no invoice can have reads a range with no months.
    let range = range.unwrap_or(ListRange {
        upto: current.previous(),
        from: Some(current),
        currency: None,
        after_currency: None,
    });
    let reads = queries::invoice_list(&conn, &scope, &range, PER_PAGE + 1, Some(chart_from));
    let parts = need.read(&conn, reads).await?;
    drop(conn);
    let (recent, mut page, span) = (parts.chart, parts.page, parts.span);
    // Which open invoices of this month are still empty, from the page itself (it starts
    // with all of this month's, and reads one row more than it shows).
    let open = open_this_month(&span.billed, &page, current);
    let older = cut_page(&mut page, PER_PAGE, cursor_of);
    // This month's open invoices head the first page, one in every currency billed.
    if after.is_none() {
        page.extend(open.into_iter().filter(|s| filter.matches(s)));
        in_list_order(&mut page);
    }
    let lang = ctx.lang;
    let charts = chart::charts(&recent, current, lang)
        .into_iter()
        .filter(|c| filter.currency.is_none_or(|f| c.currency == f.code()))
        .collect();
    let base = filter.base();
    let page = BillingPage {
        currencies: choices(
            span.billed.iter().map(|c| c.to_string()),
            filter.currency.map(|c| c.to_string()),
        ),
        years: choices(
            years(span.first, current),
            filter.year.map(|y| y.to_string()),
        ),
        hidden: page.iter().filter(|s| filter.hides(s)).count(),
        rows: page
            .iter()
            .filter(|s| !filter.hides(s))
            .map(|s| InvoiceRow::new(s, lang))
            .collect(),
        pager: Keyset::new(String::new(), &base, after.is_some(), older),
        all: filter.all.is_some(),
        charts,
        ctx: ctx.crumb("nav-billing", None),
    };
    render(&page)
}

/// An empty open invoice for this month in each currency billed that has no row this month
/// among `read` (rows read in list order in one statement, so none can be missed between two
/// statements): the month is always listed as open, even before anything happens in it. Rows
/// read up to a limit may leave out some of this month's; their empty stand-ins sort after
/// every row read, past the page the caller cuts.
pub fn open_this_month(
    billed: &[Currency],
    read: &[InvoiceSummary],
    current: Month,
) -> Vec<InvoiceSummary> {
    billed
        .iter()
        .filter(|c| {
            !read
                .iter()
                .any(|s| s.month() == current && s.currency == **c)
        })
        .map(|c| InvoiceSummary::empty(current, *c))
        .collect()
}

/// Newest month first, and by currency within a month, as the statements read them.
pub fn in_list_order(rows: &mut [InvoiceSummary]) {
    rows.sort_by(|a, b| {
        b.month()
            .cmp(&a.month())
            .then(a.currency.code().cmp(b.currency.code()))
    });
}

/// Whether `s` comes after the invoice `after` names in the list's order.
pub fn comes_after(s: &InvoiceSummary, after: (Month, Currency)) -> bool {
    s.month() < after.0 || (s.month() == after.0 && s.currency.code() > after.1.code())
}

/// The years from the first invoice's to this one, newest first.
fn years(first: Option<Month>, current: Month) -> impl Iterator<Item = String> {
    let first = first.map_or(current.year() + 1, |m| m.year().min(current.year()));
    (first..=current.year()).rev().map(|y| y.to_string())
}

/// A filter's options, in the order given, with the one chosen marked.
fn choices(values: impl Iterator<Item = String>, chosen: Option<String>) -> Vec<Choice> {
    values
        .map(|v| Choice {
            selected: chosen.as_deref() == Some(v.as_str()),
            value: v,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn a_page_reads_up_to_the_year_the_cursor_and_this_month_whichever_comes_first() {
        let now = month("2026-12");
        let mut filter = Filter::of(&ListQuery::default());
        let r = filter.range(now, None).unwrap();
        assert_eq!((r.upto, r.from, r.after_currency), (now, None, None));
        let after = Some((month("2025-03"), Currency::Usd));
        let r = filter.range(now, after).unwrap();
        assert_eq!(
            (r.upto, r.after_currency),
            (month("2025-03"), Some(Currency::Usd))
        );
        filter.year = Some(2024);
        let r = filter.range(now, after).unwrap();
        assert_eq!((r.upto, r.from), (month("2024-12"), Some(month("2024-01"))));
        assert_eq!(r.after_currency, None, "the cursor's month is not read");
        filter.year = Some(2030);
        assert_eq!(filter.range(now, None).unwrap().upto, now);
        filter.year = Some(1999);
        assert!(
            filter.range(now, None).is_none(),
            "no invoice has that year"
        );
    }

    #[test]
    fn cursors_name_a_month_and_a_currency_and_nonsense_is_the_start() {
        assert_eq!(
            parse_cursor("2026-03.USD"),
            Some((month("2026-03"), Currency::Usd))
        );
        for bad in ["", "2026-03", "2026-13.USD", "2026-03.XYZ", "x.USD"] {
            assert_eq!(parse_cursor(bad), None, "{bad}");
        }
    }

    #[test]
    fn years_run_from_the_first_invoices_to_this_one_newest_first() {
        let now = month("2026-12");
        let all: Vec<String> = years(Some(month("2024-05")), now).collect();
        assert_eq!(all, ["2026", "2025", "2024"]);
        assert_eq!(years(None, now).count(), 0);
    }

    #[test]
    fn the_filters_address_keeps_each_filter_set() {
        let mut filter = Filter::of(&ListQuery::default());
        assert_eq!(filter.base(), "/billing");
        filter.currency = Some(Currency::Usd);
        filter.year = Some(2026);
        filter.all = Some("1");
        assert_eq!(filter.base(), "/billing?currency=USD&year=2026&all=1");
    }
}
