//! Page structs of the support console: the queue and a request under review.

use askama::Template;

use super::queries::{Context, CreditRow};
use super::queue_views::status_text;
use crate::cancellation::queries::Line;
use crate::cancellation::rules::Window;
use crate::cancellation::views::window_message;
use crate::i18n::Lang;
use crate::ids::{CustomerId, UserId};
use crate::money;
use crate::support::attachments::Attachment;
use crate::support::queries::{Event, Request};
use crate::support::rules::ProblemType;
use crate::support::views::{EventView, amount_text, type_text};
use crate::web::PageContext;
use crate::web::format::datetime_utc;

pub struct LineView {
    pub product: String,
    pub quantity: i32,
    pub cancelled: bool,
    pub paid: String,
    pub credited: String,
    pub refundable: String,
    pub window: String,
}

pub struct OrderView {
    pub number: i64,
    pub placed: String,
    pub lines: Vec<LineView>,
    pub paid: String,
    pub credited: String,
    pub refundable: String,
    /// The refundable amount as the approve form takes it, e.g. "1069.00".
    pub refundable_plain: String,
}

impl OrderView {
    /// `windows[i]` is the cancellation window of `lines[i]` now.
    pub fn new(number: i64, lines: &[Line], windows: &[Window], lang: Lang) -> Option<OrderView> {
        let first = lines.first()?;
        let currency = first.currency;
        let show = |minor: i64| money::display(minor, currency, lang);
        let refundable = |l: &Line| crate::support::rules::refundable(l.paid(), l.credited_minor);
        let paid: i64 = lines.iter().map(Line::paid).sum();
        let credited: i64 = lines.iter().map(|l| l.credited_minor).sum();
        let left: i64 = lines.iter().map(refundable).sum();
        Some(OrderView {
            number,
            placed: datetime_utc(&first.placed_at, lang),
            lines: lines
                .iter()
                .zip(windows)
                .map(|(l, w)| LineView {
                    product: l.product_name.clone(),
                    quantity: l.quantity,
                    cancelled: l.is_cancelled(),
                    paid: show(l.paid()),
                    credited: show(l.credited_minor),
                    refundable: show(refundable(l)),
                    window: window_message(*w, lang),
                })
                .collect(),
            paid: show(paid),
            credited: show(credited),
            refundable: show(left),
            refundable_plain: crate::billing::export::plain_amount(left, currency),
        })
    }
}

pub struct CreditView {
    pub at: String,
    pub reason: String,
    pub amount: String,
    pub request: Option<i64>,
}

impl CreditView {
    pub fn new(c: &CreditRow, lang: Lang) -> CreditView {
        CreditView {
            at: datetime_utc(&c.created_at, lang),
            reason: lang.t(&crate::billing::LineKind::Credit(c.reason).label_key()),
            amount: amount_text(Some(c.amount_minor), Some(c.currency), lang).unwrap_or_default(),
            request: c.request_number,
        }
    }
}

/// The forms' state: what was typed and what was wrong, when a step is refused.
#[derive(Default)]
pub struct Forms {
    pub amount: String,
    pub amount_error: Option<String>,
    pub message_error: Option<String>,
    pub reject_error: Option<String>,
}

#[derive(Template)]
#[template(path = "support/console/request.html")]
pub struct ConsolePage {
    pub ctx: PageContext,
    pub action_base: String,
    pub number: i64,
    pub title: String,
    pub status: String,
    pub is_open: bool,
    pub is_refund: bool,
    pub can_take: bool,
    pub problem_type: String,
    pub impact: String,
    pub partner: String,
    pub customer: String,
    pub customer_domain: String,
    pub tenant: CustomerId,
    pub contact: String,
    pub filed: String,
    pub assignee: String,
    pub reason: String,
    pub requested: Option<String>,
    pub approved: Option<String>,
    pub order: Option<OrderView>,
    pub credits: Vec<CreditView>,
    pub events: Vec<EventView>,
    pub forms: Forms,
}

/// What the request page is made of.
pub struct Parts<'a> {
    pub request: &'a Request,
    pub context: &'a Context,
    pub order: Option<OrderView>,
    pub credits: &'a [CreditRow],
    pub events: &'a [Event],
    pub files: &'a [Attachment],
    pub me: UserId,
}

impl ConsolePage {
    pub fn new(ctx: PageContext, p: Parts<'_>) -> ConsolePage {
        let lang = ctx.lang;
        let r = p.request;
        let base = format!("/console/requests/{}", r.id);
        let is_open = r.status.is_open();
        let requested_plain = r
            .currency
            .zip(r.requested_minor)
            .map(|(c, m)| crate::billing::export::plain_amount(m, c))
            .unwrap_or_default();
        ConsolePage {
            events: EventView::all(p.events, p.files, &format!("{base}/files"), lang),
            action_base: base,
            number: r.number,
            title: r.title.clone(),
            status: status_text(r.status, lang),
            is_open,
            is_refund: r.problem_type == ProblemType::Refund,
            can_take: is_open && p.context.assigned_to != Some(p.me),
            problem_type: type_text(r.problem_type, lang),
            impact: lang.t(&r.impact.label_key()),
            partner: p.context.partner.clone(),
            customer: r.customer.clone(),
            customer_domain: r.customer_domain.clone(),
            tenant: r.customer_id,
            contact: format!(
                "{} · {} · {}",
                r.contact_name, r.contact_email, r.contact_phone
            ),
            filed: datetime_utc(&r.created_at, lang),
            assignee: p.context.assignee.clone().unwrap_or_default(),
            reason: r.reason.clone(),
            requested: amount_text(r.requested_minor, r.currency, lang),
            approved: amount_text(r.approved_minor, r.currency, lang),
            order: p.order,
            credits: p.credits.iter().map(|c| CreditView::new(c, lang)).collect(),
            forms: Forms {
                amount: requested_plain,
                ..Forms::default()
            },
            ctx,
        }
    }
}
