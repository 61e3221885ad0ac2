//! The "Cancel purchase" page, which is also the content of the dialog on the Software page:
//! the orders that contain the product, where the chosen one stands, the Important message,
//! the credit it would give and the invoice it would appear on.

use askama::Template;
use chrono::{DateTime, Utc};

use super::queries::Line;
use super::rules::{self, Licence, Policy, Window};
use crate::billing::rules::{InvoiceStatus, Month};
use crate::i18n::{Lang, locale};
use crate::ids::{CustomerId, OrderId, ProductId};
use crate::money;
use crate::web::PageContext;
use crate::web::format::{date_utc, datetime_utc};

pub struct OrderOption {
    pub value: OrderId,
    pub label: String,
    pub selected: bool,
}

/// One of the customer's orders that contains the product: its lines of that product.
pub struct OrderLines<'a> {
    pub order_id: OrderId,
    pub lines: Vec<&'a Line>,
}

impl<'a> OrderLines<'a> {
    /// Lines grouped by order, in the order given (newest first).
    pub fn group(lines: &'a [Line]) -> Vec<OrderLines<'a>> {
        let mut orders: Vec<OrderLines<'a>> = Vec::new();
        for line in lines {
            match orders.last_mut() {
                Some(last) if last.order_id == line.order_id => last.lines.push(line),
                _ => orders.push(OrderLines {
                    order_id: line.order_id,
                    lines: vec![line],
                }),
            }
        }
        orders
    }

    fn first(&self) -> &Line {
        self.lines[0]
    }

    pub fn is_cancelled(&self) -> bool {
        self.lines.iter().all(|l| l.is_cancelled())
    }

    fn option(&self, selected: bool, lang: Lang) -> OrderOption {
        let first = self.first();
        OrderOption {
            value: self.order_id,
            label: format!(
                "{} · {}",
                first.order_number,
                date_utc(&first.placed_at, lang)
            ),
            selected,
        }
    }
}

/// Where the chosen order stands, and what the dialog offers for it.
pub struct Chosen {
    pub order_id: OrderId,
    pub order_number: i64,
    pub message: String,
    pub can_submit: bool,
    pub credit: Option<String>,
    /// How the credit was computed, a sentence per line.
    pub credit_how: Vec<String>,
    pub support_href: Option<String>,
}

/// Where the dialog sends a purchase that needs a support request, prefilled.
pub fn support_href(customer_id: CustomerId, order_id: OrderId, product_id: ProductId) -> String {
    format!("/support/requests/new?customer={customer_id}&order={order_id}&product={product_id}")
}

impl Chosen {
    pub fn new(
        order: &OrderLines<'_>,
        policy: Policy,
        customer_id: CustomerId,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<Chosen, crate::error::AppError> {
        let first = order.first();
        let window = rules::window(policy, first.placed_at, now);
        let support = support_href(customer_id, order.order_id, first.product_id);
        let mut chosen = Chosen {
            order_id: order.order_id,
            order_number: first.order_number,
            message: String::new(),
            can_submit: false,
            credit: None,
            credit_how: Vec::new(),
            support_href: window.offers_support().then_some(support),
        };
        if order.is_cancelled() {
            chosen.message = lang.t("cancel-state-already");
            chosen.support_href = None;
            return Ok(chosen);
        }
        chosen.message = window_message(window, lang);
        if window.is_open() {
            chosen.can_submit = true;
            chosen.credit = Some(credit_preview(order, now, lang)?);
            chosen.credit_how = order
                .lines
                .iter()
                .filter(|l| !l.is_cancelled())
                .map(|l| credit_how(l, now, lang))
                .collect::<Result<_, _>>()?;
        }
        Ok(chosen)
    }
}

pub fn window_message(window: Window, lang: Lang) -> String {
    match window {
        Window::Open { until, days_left } => lang.t_args(
            "cancel-state-open",
            &[
                ("days", days_left.to_string()),
                ("until", datetime_utc(&until, lang)),
            ],
        ),
        Window::Passed { ended } => lang.t_args(
            "cancel-state-passed",
            &[("ended", datetime_utc(&ended, lang))],
        ),
        Window::Never => lang.t("cancel-state-never"),
        Window::SupportOnly => lang.t("cancel-state-support-only"),
    }
}

/// How a line's credit is computed: all of the price for perpetual software; for a
/// subscription the price × unused days ÷ days of the term, rounded down; less earlier credits.
fn credit_how(
    line: &Line,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<String, crate::error::AppError> {
    let paid = ("paid", money::display(line.paid(), line.currency, lang));
    let mut how = match line.licence()? {
        Licence::Perpetual => lang.t_args("cancel-credit-how-perpetual", &[paid]),
        Licence::Subscription { term_months } => {
            let (term, unused) = rules::unused_days(line.placed_at, term_months, now);
            lang.t_args(
                "cancel-credit-how-term",
                &[
                    paid,
                    ("term", locale::number(term, lang)),
                    ("unused", locale::number(unused, lang)),
                ],
            )
        }
    };
    if line.credited_minor > 0 {
        let earlier = money::display(line.credited_minor, line.currency, lang);
        how.push(' ');
        how.push_str(&lang.t_args("cancel-credit-how-earlier", &[("earlier", earlier)]));
    }
    Ok(how)
}

/// The same in a few words, for the Software list's "Cancellable until" column.
pub fn window_short(window: Window, lang: Lang) -> String {
    match window {
        Window::Open { until, .. } => datetime_utc(&until, lang),
        Window::Passed { .. } => lang.t("software-window-passed"),
        Window::Never => lang.t("software-window-never"),
        Window::SupportOnly => lang.t("software-window-support-only"),
    }
}

/// "A credit of USD 1,069.00 will appear on the November 2026 invoice (open)."
fn credit_preview(
    order: &OrderLines<'_>,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<String, crate::error::AppError> {
    let mut total = 0;
    for line in order.lines.iter().filter(|l| !l.is_cancelled()) {
        total += line.credit_at(now)?;
    }
    let currency = order.first().currency;
    Ok(lang.t_args(
        "cancel-credit-preview",
        &[
            ("amount", money::display(total, currency, lang)),
            ("invoice", invoice_label(now, lang)),
        ],
    ))
}

/// The invoice a credit given at `now` appears on: "November 2026 (open)".
pub fn invoice_label(now: DateTime<Utc>, lang: Lang) -> String {
    let month = Month::of(now);
    format!(
        "{} ({})",
        month.label(lang),
        lang.t(InvoiceStatus::of(month, now).label_key())
    )
}

#[derive(Template)]
#[template(path = "cancellation/cancel.html")]
pub struct CancelPage {
    pub ctx: PageContext,
    pub product: String,
    /// The page's own address: GET shows an order, POST cancels it.
    pub action: String,
    /// The Software tab.
    pub back: String,
    pub orders: Vec<OrderOption>,
    pub chosen: Chosen,
    pub error: Option<String>,
}

impl CancelPage {
    pub fn options(orders: &[OrderLines<'_>], chosen: OrderId, lang: Lang) -> Vec<OrderOption> {
        orders
            .iter()
            .map(|o| o.option(o.order_id == chosen, lang))
            .collect()
    }
}
