//! The confirmation step before support approves a request: it repeats what will happen (the
//! amount, the invoice it lands on, the revocation) and sends the same form again, confirmed.
//! A page of its own without JavaScript; with it, the page's panel opens in a dialog.

use askama::Template;
use chrono::{DateTime, Datelike, Utc};

use super::decide::Approval;
use crate::i18n::locale;
use crate::money::{self, Currency};
use crate::support::queries::Request;
use crate::web::PageContext;

#[derive(Template)]
#[template(path = "support/console/confirm_approve.html")]
pub struct ConfirmApprovePage {
    pub ctx: PageContext,
    /// What the decision does, one sentence each; the first is the question.
    pub says: Vec<String>,
    pub note: String,
    pub action: String,
    pub back: String,
    pub amount: String,
    pub revoke: bool,
    pub button: String,
}

impl ConfirmApprovePage {
    /// `credited`: the refund's amount (`None` when the request is not a refund).
    pub fn new(
        ctx: PageContext,
        request: &Request,
        form: &Approval<'_>,
        credited: Option<i64>,
        now: DateTime<Utc>,
    ) -> ConfirmApprovePage {
        let lang = ctx.lang;
        let customer = ("customer", request.customer.clone());
        let mut says = Vec::new();
        match (credited, request.currency) {
            (Some(amount), Some(currency)) => {
                says.push(lang.t_args(
                    "console-confirm-refund",
                    &[("amount", money::display(amount, currency, lang)), customer],
                ));
                says.push(invoice_sentence(lang, currency, now));
            }
            _ => says.push(lang.t_args(
                "console-confirm-resolve",
                &[("number", request.number.to_string()), customer],
            )),
        }
        if form.revoke && request.order_id.is_some() {
            says.push(lang.t("console-confirm-revoke"));
        }
        let base = format!("/console/requests/{}", request.id);
        let button = if credited.is_some() {
            "console-approve"
        } else {
            "console-resolve"
        };
        ConfirmApprovePage {
            says,
            note: form.note.to_string(),
            action: format!("{base}/approve"),
            back: base,
            amount: form.amount.trim().to_string(),
            revoke: form.revoke,
            button: ctx.t(button),
            ctx: ctx.crumb("nav-console", Some("/console")),
        }
    }
}

/// A credit lands on the partner's invoice of the month it is given: the open one.
fn invoice_sentence(lang: crate::i18n::Lang, currency: Currency, now: DateTime<Utc>) -> String {
    let month = locale::month(now.year(), now.month(), lang).unwrap_or_default();
    lang.t_args(
        "console-confirm-invoice",
        &[("month", month), ("currency", currency.to_string())],
    )
}
