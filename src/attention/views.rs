//! The home page's overview and the "Needs attention" page, as shown.

use askama::Template;

use super::CAP;
use super::queries::{Ending, Expiring, Figures};
use crate::billing::queries::InvoiceSummary;
use crate::i18n::{Lang, locale};
use crate::money;
use crate::web::PageContext;
use crate::web::format::datetime_utc;

/// One figure: how many, what, and the list that shows them.
pub struct Figure {
    pub count: String,
    pub label: String,
    pub href: String,
    pub test: &'static str,
}

/// The open month's invoice in one currency, with a link to it.
pub struct OpenInvoice {
    pub text: String,
    pub href: String,
}

/// What the home page shows above the tiles; empty for people without a partner.
#[derive(Default)]
pub struct Overview {
    pub figures: Vec<Figure>,
    pub invoices: Vec<OpenInvoice>,
}

impl Overview {
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.invoices.is_empty()
    }
}

/// "7", or "100+" past the cap.
pub fn count_text(n: i64, lang: Lang) -> String {
    if n > CAP {
        format!("{}+", locale::number(CAP, lang))
    } else {
        locale::number(n, lang)
    }
}

/// What the viewer may follow.
pub struct Shown {
    pub waiting: bool,
    pub ending: bool,
    pub expiring: bool,
}

impl Overview {
    pub fn new(figures: &Figures, shown: &Shown, invoices: &[InvoiceSummary], lang: Lang) -> Self {
        let mut list = Vec::new();
        let mut add = |on: bool, n: i64, key: &str, href: &str, test: &'static str| {
            if on {
                list.push(Figure {
                    count: count_text(n, lang),
                    label: lang.t(key),
                    href: href.to_string(),
                    test,
                });
            }
        };
        add(
            shown.waiting,
            figures.waiting,
            "attention-waiting",
            "/support?status=waiting_for_partner",
            "figure-waiting",
        );
        add(
            shown.ending,
            figures.ending,
            "attention-ending",
            "/attention#ending",
            "figure-ending",
        );
        add(
            shown.expiring,
            figures.expiring,
            "attention-expiring",
            "/attention#expiring",
            "figure-expiring",
        );
        let invoices = invoices
            .iter()
            .map(|i| OpenInvoice {
                text: lang.t_args(
                    "attention-invoice",
                    &[
                        ("currency", i.currency.to_string()),
                        ("charges", money::display(i.charges_minor, i.currency, lang)),
                        ("credits", money::display(i.credits_minor, i.currency, lang)),
                    ],
                ),
                href: format!("/billing/invoices/{}/{}", i.month().code(), i.currency),
            })
            .collect();
        Overview {
            figures: list,
            invoices,
        }
    }
}

pub struct EndingRow {
    pub customer: String,
    pub customer_href: String,
    pub product: String,
    pub order_number: i64,
    pub ends: String,
    pub cancel_href: Option<String>,
}

pub struct ExpiringRow {
    pub customer: String,
    pub product: String,
    pub purchase_href: String,
    pub created_by: String,
    pub expires: String,
    pub left: String,
}

#[derive(Template)]
#[template(path = "attention/page.html")]
pub struct AttentionPage {
    pub ctx: PageContext,
    pub ending: Vec<EndingRow>,
    pub ending_pager: Pager,
    /// `None`: the viewer may not see download links.
    pub expiring: Option<Vec<ExpiringRow>>,
    pub expiring_pager: Option<Pager>,
}

/// The links under one of the page's lists: back to its soonest rows, and on after the last
/// row shown. Each list has its own cursor in the address (`ending_after`, `expiring_after`);
/// moving through one starts the other at its soonest.
pub struct Pager {
    pub soonest: Option<String>,
    pub later: Option<String>,
}

impl Pager {
    /// Cuts `rows` (read with one more than a page) to a page, and links the list `name`.
    pub fn new<T>(
        rows: &mut Vec<T>,
        after: bool,
        name: &str,
        cursor: impl FnOnce(&T) -> String,
    ) -> Pager {
        let later = crate::web::pagination::cut_page(rows, super::handlers::PER_PAGE, cursor);
        Pager {
            soonest: after.then(|| format!("/attention#{name}")),
            later: later.map(|c| format!("/attention?{name}_after={c}#{name}")),
        }
    }
}

impl EndingRow {
    pub fn new(e: &Ending, can_cancel: bool, lang: Lang) -> EndingRow {
        let customer_href = format!("/customers/{}", e.customer_id);
        EndingRow {
            cancel_href: can_cancel
                .then(|| format!("{customer_href}/software/{}/cancel", e.line_id)),
            customer: e.customer.clone(),
            product: e.product.clone(),
            order_number: e.order_number,
            ends: datetime_utc(&e.ends_at, lang),
            customer_href,
        }
    }
}

impl ExpiringRow {
    pub fn new(e: &Expiring, lang: Lang) -> ExpiringRow {
        ExpiringRow {
            customer: e.customer.clone(),
            product: e.product.clone(),
            purchase_href: format!("/customers/{}/software/{}", e.customer_id, e.line_id),
            created_by: e.created_by.clone(),
            expires: datetime_utc(&e.expires_at, lang),
            left: locale::number(e.downloads_left, lang),
        }
    }
}

/// The lists' rows as the page shows them.
pub fn rows(
    ending: &[Ending],
    expiring: Option<&[Expiring]>,
    can_cancel: bool,
    lang: Lang,
) -> (Vec<EndingRow>, Option<Vec<ExpiringRow>>) {
    (
        ending
            .iter()
            .map(|e| EndingRow::new(e, can_cancel, lang))
            .collect(),
        expiring.map(|x| x.iter().map(|e| ExpiringRow::new(e, lang)).collect()),
    )
}
