//! Page structs of Billing: the list of monthly invoices and one invoice with its lines.

use askama::Template;

use super::queries::{InvoiceLine, InvoiceSummary, Totals};
use super::rules::Month;
use crate::catalog::views::tax_text;
use crate::i18n::Lang;
use crate::money::{self, Currency};
use crate::web::PageContext;
use crate::web::format::datetime_utc;
use crate::web::pagination::Keyset;

pub fn invoice_href(month: Month, currency: Currency) -> String {
    format!("/billing/invoices/{}/{}", month.code(), currency.code())
}

pub struct InvoiceRow {
    pub month: String,
    pub currency: String,
    pub status: String,
    pub open: bool,
    pub number: Option<String>,
    pub charges: String,
    pub credits: String,
    pub net: String,
    pub href: String,
}

/// "issued" or "open", as the invoice's row says.
pub fn status_key(s: &InvoiceSummary) -> &'static str {
    if s.is_issued() {
        "invoice-status-issued"
    } else {
        "invoice-status-open"
    }
}

/// An issued invoice's number as printed: "CD-000042".
pub fn invoice_number(number: i64) -> String {
    format!("CD-{number:06}")
}

impl InvoiceRow {
    pub fn new(s: &InvoiceSummary, lang: Lang) -> InvoiceRow {
        let currency = s.currency;
        let month = s.month();
        InvoiceRow {
            month: month.label(lang),
            currency: currency.to_string(),
            status: lang.t(status_key(s)),
            open: !s.is_issued(),
            number: s.number.map(invoice_number),
            charges: money::display(s.charges_minor, currency, lang),
            credits: money::display(-s.credits_minor, currency, lang),
            net: money::display(s.charges_minor - s.credits_minor, currency, lang),
            href: invoice_href(month, currency),
        }
    }
}

#[derive(Template)]
#[template(path = "billing/list.html")]
pub struct BillingPage {
    pub ctx: PageContext,
    pub rows: Vec<InvoiceRow>,
    /// The last 12 months per currency.
    pub charts: Vec<super::chart::Chart>,
    pub currencies: Vec<Choice>,
    pub years: Vec<Choice>,
    /// Whether empty open invoices are listed too.
    pub all: bool,
    /// How many empty open invoices the list leaves out.
    pub hidden: usize,
    pub pager: crate::web::pagination::Keyset,
}

/// An option of a filter.
pub struct Choice {
    pub value: String,
    pub selected: bool,
}

pub struct InvoiceLineView {
    pub date: String,
    pub kind: String,
    pub credit: bool,
    pub customer: String,
    pub order_number: i64,
    pub product: String,
    pub quantity: i32,
    pub amount: String,
    pub tax: String,
}

impl InvoiceLineView {
    pub fn new(l: &InvoiceLine, currency: Currency, lang: Lang) -> InvoiceLineView {
        InvoiceLineView {
            date: datetime_utc(&l.at, lang),
            kind: lang.t(&l.kind.label_key()),
            credit: l.is_credit(),
            customer: l.customer.clone(),
            order_number: l.order_number,
            product: l.product.clone(),
            quantity: l.quantity,
            amount: money::display(l.amount_minor, currency, lang),
            tax: tax_text(l.tax_included, l.tax_rate_bp, lang),
        }
    }
}

#[derive(Template)]
#[template(path = "billing/invoice.html")]
pub struct InvoicePage {
    pub ctx: PageContext,
    pub title: String,
    pub status: String,
    pub open: bool,
    pub number: Option<String>,
    pub issued_on: Option<String>,
    pub period: String,
    pub charges: String,
    pub credits: String,
    pub net: String,
    pub lines: Vec<InvoiceLineView>,
    /// The number of lines and the links to the first and next lines.
    pub pager: Keyset,
    pub href: String,
}

impl InvoicePage {
    pub fn csv_href(&self) -> String {
        format!("{}/csv", self.href)
    }

    pub fn pdf_href(&self) -> String {
        format!("{}/pdf", self.href)
    }
}

/// The figures at the top of an invoice.
pub struct Figures {
    pub charges: String,
    pub credits: String,
    pub net: String,
}

impl Figures {
    pub fn new(t: &Totals, currency: Currency, lang: Lang) -> Figures {
        Figures {
            charges: money::display(t.charges_minor, currency, lang),
            credits: money::display(-t.credits_minor, currency, lang),
            net: money::display(t.net_minor(), currency, lang),
        }
    }
}

/// "November 1, 2026 – November 30, 2026 UTC", in the reader's language.
pub fn period(month: Month, lang: Lang) -> String {
    let last = month.end() - chrono::Duration::days(1);
    format!(
        "{} – {}",
        crate::i18n::locale::day(&month.start(), lang),
        crate::web::format::date_utc(&last, lang)
    )
}
