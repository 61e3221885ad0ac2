//! Billing's chart: the last 12 months' charges and credits per currency, as bars drawn by the
//! server in SVG (no script, no external library), with the same figures in a table.

use super::queries::InvoiceSummary;
use super::rules::Month;
use crate::i18n::Lang;
use crate::money::{self, Currency};

/// Months shown, the current one last.
pub const MONTHS: usize = 12;
/// The drawing's size in its own units (it scales to the page).
pub const WIDTH: i64 = 480;
pub const PLOT_HEIGHT: i64 = 120;
const SLOT: i64 = WIDTH / MONTHS as i64;
const BAR: i64 = 14;

/// One bar: a month's charges or credits.
pub struct Bar {
    pub kind: &'static str,
    pub x: i64,
    pub y: i64,
    pub height: i64,
    pub width: i64,
}

/// A month's label under its bars, and its row in the table.
pub struct MonthFigures {
    pub label: String,
    pub short: String,
    pub x: i64,
    pub charges: String,
    pub credits: String,
}

/// The chart of one currency.
pub struct Chart {
    pub currency: String,
    pub bars: Vec<Bar>,
    pub months: Vec<MonthFigures>,
}

/// The 12 months ending with `current`, oldest first.
fn last_months(current: Month) -> Vec<Month> {
    let mut months = vec![current];
    while months.len() < MONTHS {
        let before = months[months.len() - 1].previous();
        months.push(before);
    }
    months.reverse();
    months
}

/// `value` of `max` as a height in the plot, rounded down; a value above zero is at least 1.
fn scaled(value: i64, max: i64) -> i64 {
    if value <= 0 || max <= 0 {
        return 0;
    }
    ((i128::from(value) * i128::from(PLOT_HEIGHT) / i128::from(max)) as i64).max(1)
}

/// A chart per currency that has anything in the last 12 months, in currency order.
pub fn charts(summaries: &[InvoiceSummary], current: Month, lang: Lang) -> Vec<Chart> {
    let months = last_months(current);
    let mut currencies: Vec<Currency> = summaries
        .iter()
        .filter(|s| months.contains(&s.month()) && s.line_count > 0)
        .map(|s| s.currency)
        .collect();
    currencies.sort_by_key(|c| c.code());
    currencies.dedup();
    currencies
        .into_iter()
        .map(|currency| chart(summaries, &months, currency, lang))
        .collect()
}

fn chart(summaries: &[InvoiceSummary], months: &[Month], currency: Currency, lang: Lang) -> Chart {
    let figures: Vec<(i64, i64)> = months
        .iter()
        .map(|m| {
            summaries
                .iter()
                .find(|s| s.month() == *m && s.currency == currency)
                .map_or((0, 0), |s| (s.charges_minor, s.credits_minor))
        })
        .collect();
    let max = figures.iter().map(|(c, r)| (*c).max(*r)).max().unwrap_or(0);
    let mut bars = Vec::new();
    let mut shown = Vec::new();
    for (i, (month, (charges, credits))) in months.iter().zip(&figures).enumerate() {
        let x = i as i64 * SLOT + (SLOT - 2 * BAR) / 2;
        for (kind, value, offset) in [("charges", *charges, 0), ("credits", *credits, BAR)] {
            let height = scaled(value, max);
            bars.push(Bar {
                kind,
                x: x + offset,
                y: PLOT_HEIGHT - height,
                height,
                width: BAR,
            });
        }
        shown.push(MonthFigures {
            label: month.label(lang),
            short: format!("{:02}", month.number()),
            x: x + BAR,
            charges: money::display(*charges, currency, lang),
            credits: money::display(*credits, currency, lang),
        });
    }
    Chart {
        currency: currency.to_string(),
        bars,
        months: shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_end_with_the_current_one_across_a_new_year() {
        let months = last_months(Month::parse("2026-03").unwrap());
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], Month::parse("2025-04").unwrap());
        assert_eq!(months[11], Month::parse("2026-03").unwrap());
    }

    #[test]
    fn bars_scale_to_the_largest_figure_and_a_small_one_stays_visible() {
        assert_eq!(scaled(500, 1000), PLOT_HEIGHT / 2);
        assert_eq!(scaled(1000, 1000), PLOT_HEIGHT);
        assert_eq!(scaled(1, 1_000_000), 1);
        assert_eq!(scaled(0, 1000), 0);
        assert_eq!(scaled(5, 0), 0);
    }
}
