//! Filing a "Report a problem" request: every field checked, then the request, its
//! first timeline entry and the activity record written in one transaction.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::queries::{self, OrderFacts};
use super::rules::{self, AmountError, Impact, ProblemType};
use super::upload::Received;
use crate::activity::{self, Entry, Operation};
use crate::auth::{CurrentUser, PartnerScope};
use crate::customers::Customer;
use crate::db::schema::{order_lines, support_attachments, support_events, support_requests};
use crate::error::AppError;
use crate::ids::{CustomerId, FileId, OrderId, PartnerId, ProductId, RequestId, UserId};
use crate::money::Currency;
use crate::web::forms::FieldErrors;

/// The form as typed; every field may be missing or nonsense.
#[derive(Deserialize, Default, Debug, Clone)]
#[serde(default)]
pub struct Draft {
    pub problem_type: String,
    pub impact: String,
    pub title: String,
    pub tenant: String,
    pub order: String,
    pub reason: String,
    pub amount: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Set by the cancel dialog's link: the product the refund is about.
    pub product: String,
}

impl Draft {
    /// Surrounding spaces removed, as people do not mean them.
    pub fn trimmed(mut self) -> Draft {
        for field in [
            &mut self.problem_type,
            &mut self.impact,
            &mut self.title,
            &mut self.tenant,
            &mut self.order,
            &mut self.reason,
            &mut self.amount,
            &mut self.contact_name,
            &mut self.contact_email,
            &mut self.contact_phone,
            &mut self.product,
        ] {
            *field = field.trim().to_string();
        }
        self
    }
}

/// A request that passed every check.
pub struct Valid {
    pub customer: Customer,
    pub order: Option<OrderFacts>,
    pub product_id: Option<ProductId>,
    pub problem_type: ProblemType,
    pub impact: Impact,
    pub requested_minor: Option<i64>,
}

fn text_ok(text: &str, max: usize) -> bool {
    !text.is_empty() && text.chars().count() <= max && !text.contains('\0')
}

/// Checks the fields that need no database, in form order.
fn check_plain(d: &Draft, errors: &mut FieldErrors) -> (Option<ProblemType>, Option<Impact>) {
    let problem_type = ProblemType::from_code(&d.problem_type);
    if problem_type.is_none() {
        errors.add("problem_type", "support-error-type");
    }
    let impact = Impact::from_code(&d.impact);
    if impact.is_none() {
        errors.add("impact", "support-error-impact");
    }
    if !text_ok(&d.title, rules::MAX_TITLE) {
        errors.add("title", "support-error-title");
    }
    if !text_ok(&d.reason, rules::MAX_TEXT) {
        errors.add("reason", "support-error-reason");
    }
    if !text_ok(&d.contact_name, rules::MAX_NAME) {
        errors.add("contact_name", "support-error-contact-name");
    }
    if !rules::valid_email(&d.contact_email) {
        errors.add("contact_email", "support-error-contact-email");
    }
    if !rules::valid_phone(&d.contact_phone) {
        errors.add("contact_phone", "support-error-contact-phone");
    }
    (problem_type, impact)
}

/// All checks; `Err(errors)` names every field that is wrong.
pub async fn validate(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    d: &Draft,
) -> Result<Result<Valid, FieldErrors>, AppError> {
    let mut errors = FieldErrors::default();
    let (problem_type, impact) = check_plain(d, &mut errors);
    let customer = match rules::tenant_ref(&d.tenant) {
        Some(named) => queries::customer(conn, scope, &named).await?,
        None => None,
    };
    if customer.is_none() {
        errors.add("tenant", "support-error-tenant");
    }
    let refund = problem_type == Some(ProblemType::Refund);
    let order = match (&customer, d.order.is_empty()) {
        (_, true) => {
            if refund {
                errors.add("order", "support-error-order-required");
            }
            None
        }
        (None, false) => None,
        (Some(c), false) => {
            let found = match (rules::order_ref(&d.order), scope.customer(c)) {
                (Some(named), Some(cs)) => queries::order(conn, cs, named).await?,
                _ => None,
            };
            if found.is_none() {
                errors.add("order", "support-error-order");
            }
            found
        }
    };
    let requested_minor = if refund {
        requested(d, order.as_ref(), &mut errors)
    } else {
        None
    };
    let product_id = match (&order, ProductId::parse(&d.product)) {
        (Some(o), Some(p)) => product_in_order(conn, o.id, p).await?,
        _ => None,
    };
    match (errors.is_empty(), customer, problem_type, impact) {
        (true, Some(customer), Some(problem_type), Some(impact)) => Ok(Ok(Valid {
            customer,
            order,
            product_id,
            problem_type,
            impact,
            requested_minor,
        })),
        _ => Ok(Err(errors)),
    }
}

/// The amount asked for, in the order's currency: positive and at most what is refundable.
fn requested(d: &Draft, order: Option<&OrderFacts>, errors: &mut FieldErrors) -> Option<i64> {
    if d.amount.is_empty() {
        errors.add("amount", "support-error-amount-required");
        return None;
    }
    let exponent = order.map_or(2, |o| o.currency.exponent());
    match rules::parse_amount(&d.amount, exponent) {
        Err(AmountError::Malformed) => errors.add("amount", "support-error-amount-malformed"),
        Err(AmountError::NotPositive) => errors.add("amount", "support-error-amount-positive"),
        Err(AmountError::TooPrecise) => errors.add("amount", "support-error-amount-precision"),
        Ok(minor) => match order {
            Some(o) if minor > rules::refundable(o.paid_minor, o.credited_minor) => {
                errors.add("amount", "support-error-amount-above")
            }
            _ => return Some(minor),
        },
    }
    None
}

async fn product_in_order(
    conn: &mut AsyncPgConnection,
    order_id: OrderId,
    product_id: ProductId,
) -> Result<Option<ProductId>, AppError> {
    let found: Option<ProductId> = order_lines::table
        .filter(order_lines::order_id.eq(order_id))
        .filter(order_lines::product_id.eq(product_id))
        .select(order_lines::product_id)
        .first(conn)
        .await
        .optional()?;
    Ok(found)
}

/// A checked request with who files it and the files received with it.
pub struct Filing<'a> {
    pub user: &'a CurrentUser,
    pub draft: &'a Draft,
    pub valid: &'a Valid,
    pub files: &'a [Received],
}

/// A new request as stored. Named fields, so a column added to the table cannot shift the
/// others.
#[derive(Insertable)]
#[diesel(table_name = support_requests)]
struct NewRequest<'a> {
    id: RequestId,
    partner_id: PartnerId,
    customer_id: CustomerId,
    order_id: Option<OrderId>,
    product_id: Option<ProductId>,
    problem_type: ProblemType,
    impact: Impact,
    title: &'a str,
    reason: &'a str,
    requested_minor: Option<i64>,
    currency: Option<Currency>,
    contact_name: &'a str,
    contact_email: &'a str,
    contact_phone: &'a str,
    created_by: UserId,
    created_at: DateTime<Utc>,
    waiting_since: DateTime<Utc>,
}

/// Writes the request; its id and number.
pub async fn file(
    conn: &mut AsyncPgConnection,
    f: Filing<'_>,
    now: DateTime<Utc>,
) -> Result<(RequestId, i64), AppError> {
    let (user, d, v) = (f.user, f.draft, f.valid);
    let id = RequestId::random();
    conn.transaction::<_, AppError, _>(async |conn| {
        let row = NewRequest {
            id,
            partner_id: v.customer.partner_id,
            customer_id: v.customer.id,
            order_id: v.order.as_ref().map(|o| o.id),
            product_id: v.product_id,
            problem_type: v.problem_type,
            impact: v.impact,
            title: &d.title,
            reason: &d.reason,
            requested_minor: v.requested_minor,
            currency: v.order.as_ref().map(|o| o.currency),
            contact_name: &d.contact_name,
            contact_email: &d.contact_email,
            contact_phone: &d.contact_phone,
            created_by: user.id,
            created_at: now,
            waiting_since: now,
        };
        let number: i64 = diesel::insert_into(support_requests::table)
            .values(&row)
            .returning(support_requests::number)
            .get_result(conn)
            .await?;
        let event = NewEvent {
            request_id: id,
            author_id: user.id,
            kind: "filed",
            body: "",
            files: f.files,
        };
        add_event(conn, event, now).await?;
        activity::record(
            conn,
            Entry {
                partner_id: Some(v.customer.partner_id),
                at: now,
                actor_user_id: Some(user.id),
                actor: &user.email,
                operation: Operation::SupportRequestFiled,
                customer_id: Some(v.customer.id),
                order_id: v.order.as_ref().map(|o| o.id),
                product_id: v.product_id,
                details: json!({
                    "request": number,
                    "problem_type": v.problem_type.code(),
                    "requested_minor": v.requested_minor,
                    "currency": v.order.as_ref().map(|o| o.currency),
                }),
            },
        )
        .await?;
        Ok(number)
    })
    .await
    .map(|number| (id, number))
}

/// A timeline entry and the files that came with it.
pub struct NewEvent<'a> {
    pub request_id: RequestId,
    pub author_id: UserId,
    pub kind: &'static str,
    pub body: &'a str,
    pub files: &'a [Received],
}

/// Adds a timeline entry with its attachments, put in place inside the caller's transaction.
pub async fn add_event(
    conn: &mut AsyncPgConnection,
    e: NewEvent<'_>,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let event_id = Uuid::new_v4();
    diesel::insert_into(support_events::table)
        .values((
            support_events::id.eq(event_id),
            support_events::request_id.eq(e.request_id),
            support_events::at.eq(now),
            support_events::author_id.eq(e.author_id),
            support_events::kind.eq(e.kind),
            support_events::body.eq(e.body),
        ))
        .execute(conn)
        .await?;
    for file in e.files {
        super::keep::put_in_place(conn, file).await?;
        diesel::insert_into(support_attachments::table)
            .values((
                support_attachments::id.eq(FileId::random()),
                support_attachments::request_id.eq(e.request_id),
                support_attachments::event_id.eq(event_id),
                support_attachments::file_name.eq(&file.file_name),
                support_attachments::media_type.eq(file.media_type),
                support_attachments::size_bytes.eq(file.size),
                support_attachments::sha256.eq(&file.sha256),
                support_attachments::created_at.eq(now),
            ))
            .execute(conn)
            .await?;
    }
    Ok(event_id)
}
