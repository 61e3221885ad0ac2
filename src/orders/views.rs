//! Page structs of the buying flow: Review, the order page and Order history rows.

use askama::Template;

use super::cart::CartLine;
use super::pricing;
use super::queries::{LineRow, OrderHead, OrderSummary};
use crate::catalog::rules::{self, Availability, TaxTreatment};
use crate::catalog::views::{licence_text, tax_text};
use crate::customers::Customer;
use crate::i18n::Lang;
use crate::ids::{OrderId, ProductId};
use crate::money::{self, Currency};
use crate::web::PageContext;
use crate::web::format::datetime_utc;
use crate::web::pagination::Keyset;

pub struct ReviewLine {
    pub product_id: ProductId,
    pub name: String,
    pub licence: String,
    pub quantity: i32,
    pub unit_price: String,
    pub amount: String,
    pub problem: Option<String>,
}

#[derive(Template)]
#[template(path = "orders/review.html")]
pub struct ReviewPage {
    pub ctx: PageContext,
    pub customer: Customer,
    pub lines: Vec<ReviewLine>,
    pub total: String,
    pub tax_note: String,
    pub included_tax: Option<String>,
    /// The signed form token (`tokens::FormToken`).
    pub token: String,
    pub seen: String,
    /// Shown above the lines, e.g. when prices changed since the page was loaded.
    pub warning: Option<String>,
}

impl ReviewPage {
    pub fn lines_from(cart: &[CartLine], customer: &Customer, lang: Lang) -> Vec<ReviewLine> {
        let currency = customer.currency;
        cart.iter()
            .map(|l| {
                let unit = l.unit_price_minor.unwrap_or_default();
                let family = l.family;
                let problem = match rules::availability(family, &customer.market) {
                    Availability::Unavailable(key) => {
                        Some(lang.t_args(key, &[("market", customer.market.clone())]))
                    }
                    _ if l.retired || l.unit_price_minor.is_none() => {
                        Some(lang.t("catalog-unknown-product"))
                    }
                    _ => None,
                };
                ReviewLine {
                    product_id: l.product_id,
                    name: l.name.clone(),
                    licence: licence_text(l.licence_kind, l.term_months, lang),
                    quantity: l.quantity,
                    unit_price: money::display(unit, currency, lang),
                    amount: money::display(pricing::line_amount(unit, l.quantity), currency, lang),
                    problem,
                }
            })
            .collect()
    }

    pub fn totals_text(
        cart: &[CartLine],
        customer: &Customer,
        tax: &TaxTreatment,
        lang: Lang,
    ) -> (String, Option<String>) {
        let currency = customer.currency;
        let t = pricing::totals(
            cart.iter()
                .map(|l| (l.unit_price_minor.unwrap_or_default(), l.quantity)),
            tax,
        );
        let included = tax.included.then(|| {
            lang.t_args(
                "tax-part",
                &[(
                    "amount",
                    money::display(t.included_tax_minor, currency, lang),
                )],
            )
        });
        (money::display(t.amount_minor, currency, lang), included)
    }
}

pub struct OrderLineView {
    pub product: String,
    pub family: String,
    pub licence: String,
    pub quantity: i32,
    pub cancelled: i32,
    pub unit_price: String,
    pub amount: String,
    pub tax: String,
}

#[derive(Template)]
#[template(path = "orders/detail.html")]
pub struct OrderPage {
    pub ctx: PageContext,
    pub customer: Customer,
    pub number: i64,
    pub placed_at: String,
    pub placed_by: String,
    pub status: String,
    pub lines: Vec<OrderLineView>,
    pub total: String,
    pub included_tax: Option<String>,
}

impl OrderPage {
    pub fn build(
        ctx: PageContext,
        customer: Customer,
        head: OrderHead,
        rows: Vec<LineRow>,
    ) -> OrderPage {
        let lang = ctx.lang;
        let currency = head.currency;
        let lines = rows
            .iter()
            .map(|r| OrderLineView::new(r, currency, lang))
            .collect();
        let total = rows.iter().map(line_amount).sum();
        let included = rows
            .iter()
            .filter(|r| r.tax_included)
            .map(|r| rules::included_tax(line_amount(r), r.tax_rate_bp))
            .sum();
        let any_included = rows.iter().any(|r| r.tax_included);
        OrderPage {
            number: head.number,
            placed_at: datetime_utc(&head.placed_at, lang),
            placed_by: format!("{} <{}>", head.placed_by_name, head.placed_by_email),
            status: lang.t(&head.status.label_key()),
            lines,
            total: money::display(total, currency, lang),
            included_tax: any_included.then(|| {
                lang.t_args(
                    "tax-part",
                    &[("amount", money::display(included, currency, lang))],
                )
            }),
            ctx,
            customer,
        }
    }
}

/// What a line comes to: its quantity still bought at its price.
fn line_amount(r: &LineRow) -> i64 {
    pricing::line_amount(r.unit_price_minor, r.quantity - r.quantity_cancelled)
}

impl OrderLineView {
    fn new(r: &LineRow, currency: Currency, lang: Lang) -> OrderLineView {
        OrderLineView {
            product: r.product_name.clone(),
            family: lang.t(&r.family.label_key()),
            licence: licence_text(r.licence_kind, r.term_months, lang),
            quantity: r.quantity - r.quantity_cancelled,
            cancelled: r.quantity_cancelled,
            unit_price: money::display(r.unit_price_minor, currency, lang),
            amount: money::display(line_amount(r), currency, lang),
            tax: tax_text(r.tax_included, r.tax_rate_bp, lang),
        }
    }
}

/// One row of the Order history tab.
pub struct HistoryRow {
    pub id: OrderId,
    pub number: i64,
    pub placed_at: String,
    pub placed_by: String,
    pub status: String,
    pub total: String,
    pub lines: String,
}

pub struct History {
    pub rows: Vec<HistoryRow>,
    pub pager: Keyset,
    /// The text searched for (empty: none).
    pub q: String,
    pub oldest: bool,
    /// Where the date column's header leads: the other order.
    pub sort_href: String,
    /// The list's address, where the search form sends its text.
    pub list: String,
}

impl History {
    pub fn new(summaries: Vec<OrderSummary>, pager: Keyset, lang: Lang) -> History {
        let rows = summaries
            .into_iter()
            .map(|s| HistoryRow {
                id: s.id,
                number: s.number,
                placed_at: datetime_utc(&s.placed_at, lang),
                placed_by: s.placed_by,
                status: lang.t(&s.status.label_key()),
                total: money::display(s.total_minor, s.currency, lang),
                lines: lang.t_args("order-line-count", &[("count", s.line_count.to_string())]),
            })
            .collect();
        History {
            rows,
            pager,
            q: String::new(),
            oldest: false,
            sort_href: String::new(),
            list: String::new(),
        }
    }

    /// With the order and search it was read in, for the header and the search form.
    pub fn sorted(mut self, view: &crate::web::list_view::ListView, list: &str) -> History {
        self.q = view.q.clone();
        self.oldest = view.oldest;
        self.sort_href = view.flipped(list);
        self.list = list.to_string();
        self
    }
}
