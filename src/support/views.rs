//! Page structs of the partner's support pages: the list, the "Report a problem" form and a
//! request with its timeline.

use askama::Template;

use super::attachments::{Attachment, size_text};
use super::draft::Draft;
use super::queries::{Event, Request, RequestRow};
use super::rules::{Impact, ProblemType, Status};
use crate::i18n::Lang;
use crate::ids::{CustomerId, RequestId};
use crate::money::{self, Currency};
use crate::web::PageContext;
use crate::web::format::datetime_utc;
use crate::web::forms::FieldErrors;
use crate::web::pagination::Keyset;

pub fn status_text(status: Status, lang: Lang) -> String {
    lang.t(&format!(
        "support-status-{}",
        status.code().replace('_', "-")
    ))
}

pub fn type_text(problem_type: ProblemType, lang: Lang) -> String {
    lang.t(&problem_type.label_key())
}

pub struct RowView {
    pub id: RequestId,
    pub number: i64,
    pub title: String,
    pub problem_type: String,
    pub status: String,
    pub customer: String,
    pub created: String,
}

impl RowView {
    pub fn new(r: &RequestRow, lang: Lang) -> RowView {
        RowView {
            id: r.id,
            number: r.number,
            title: r.title.clone(),
            problem_type: type_text(r.problem_type, lang),
            status: status_text(r.status, lang),
            customer: r.customer.clone(),
            created: datetime_utc(&r.created_at, lang),
        }
    }
}

#[derive(Template)]
#[template(path = "support/list.html")]
pub struct ListPage {
    pub ctx: PageContext,
    pub rows: Vec<RowView>,
    pub keyset: Keyset,
    pub search: crate::web::list_view::SearchBox,
    /// Only the requests waiting for the partner.
    pub waiting: bool,
}

pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "support/new.html")]
pub struct FormPage {
    pub ctx: PageContext,
    pub form: Draft,
    pub errors: FieldErrors,
    pub types: Vec<Choice>,
    pub impacts: Vec<Choice>,
    /// Each refused file, named.
    pub file_errors: Vec<String>,
}

impl FormPage {
    pub fn new(ctx: PageContext, form: Draft, errors: FieldErrors) -> FormPage {
        let lang = ctx.lang;
        let types = ProblemType::ALL
            .iter()
            .map(|t| Choice {
                value: t.code(),
                label: lang.t(&t.label_key()),
                selected: form.problem_type == t.code(),
            })
            .collect();
        let impacts = Impact::ALL
            .iter()
            .map(|i| Choice {
                value: i.code(),
                label: lang.t(&i.label_key()),
                selected: form.impact == i.code(),
            })
            .collect();
        FormPage {
            ctx,
            form,
            errors,
            types,
            impacts,
            file_errors: Vec::new(),
        }
    }
}

pub struct FileView {
    pub href: String,
    pub name: String,
    pub size: String,
}

pub struct EventView {
    pub at: String,
    pub author: String,
    pub from_support: bool,
    pub what: String,
    pub body: String,
    pub files: Vec<FileView>,
}

impl EventView {
    /// The entries with their files; a file's address is `{files_base}/{id}`.
    pub fn all(events: &[Event], files: &[Attachment], files_base: &str, lang: Lang) -> Vec<Self> {
        events
            .iter()
            .map(|e| EventView {
                at: datetime_utc(&e.at, lang),
                author: e.author.clone(),
                from_support: e.author_kind == crate::auth::UserKind::Support,
                what: lang.t(&e.kind.label_key()),
                body: e.body.clone(),
                files: files
                    .iter()
                    .filter(|f| f.event_id == e.id)
                    .map(|f| FileView {
                        href: format!("{files_base}/{}", f.id),
                        name: f.file_name.clone(),
                        size: size_text(f.size_bytes, lang),
                    })
                    .collect(),
            })
            .collect()
    }
}

pub fn amount_text(minor: Option<i64>, currency: Option<Currency>, lang: Lang) -> Option<String> {
    Some(money::display(minor?, currency?, lang))
}

#[derive(Template)]
#[template(path = "support/request.html")]
pub struct RequestPage {
    pub ctx: PageContext,
    pub number: i64,
    pub title: String,
    pub status: String,
    pub problem_type: String,
    pub impact: String,
    pub customer: String,
    pub customer_domain: String,
    pub tenant: CustomerId,
    pub order_number: Option<i64>,
    pub requested: Option<String>,
    pub approved: Option<String>,
    pub reason: String,
    pub contact: String,
    pub filed: String,
    pub events: Vec<EventView>,
    /// Support asked for more information: the reply form is shown.
    pub can_reply: bool,
    pub reply_action: String,
    pub reply_body: String,
    pub reply_error: Option<String>,
    pub file_errors: Vec<String>,
}

impl RequestPage {
    pub fn new(
        ctx: PageContext,
        r: &Request,
        events: &[Event],
        files: &[Attachment],
    ) -> RequestPage {
        let lang = ctx.lang;
        let base = format!("/support/requests/{}", r.id);
        RequestPage {
            events: EventView::all(events, files, &format!("{base}/files"), lang),
            can_reply: r.status == Status::WaitingForPartner,
            reply_action: format!("{base}/reply"),
            reply_body: String::new(),
            reply_error: None,
            file_errors: Vec::new(),
            number: r.number,
            title: r.title.clone(),
            status: status_text(r.status, lang),
            problem_type: type_text(r.problem_type, lang),
            impact: lang.t(&r.impact.label_key()),
            customer: r.customer.clone(),
            customer_domain: r.customer_domain.clone(),
            tenant: r.customer_id,
            order_number: r.order_number,
            requested: amount_text(r.requested_minor, r.currency, lang),
            approved: amount_text(r.approved_minor, r.currency, lang),
            reason: r.reason.clone(),
            contact: format!(
                "{} · {} · {}",
                r.contact_name, r.contact_email, r.contact_phone
            ),
            filed: datetime_utc(&r.created_at, lang),
            ctx,
        }
    }
}
