//! The "Report a problem" form as typed, and every check it must pass before a request
//! is written.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Deserialize;

use super::queries::{self, OrderFacts};
use super::rules::{self, AmountError, Impact, ProblemType};
use crate::auth::PartnerScope;
use crate::customers::Customer;
use crate::db::schema::order_lines;
use crate::error::AppError;
use crate::ids::{OrderId, ProductId};
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
    let order = find_order(conn, scope, customer.as_ref(), d, refund, &mut errors).await?;
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

/// The order the request names, checked to be the customer's; required for a refund.
async fn find_order(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    customer: Option<&Customer>,
    d: &Draft,
    refund: bool,
    errors: &mut FieldErrors,
) -> Result<Option<OrderFacts>, AppError> {
    if d.order.is_empty() {
        if refund {
            errors.add("order", "support-error-order-required");
        }
        return Ok(None);
    }
    let Some(c) = customer else { return Ok(None) };
    let found = match (rules::order_ref(&d.order), scope.customer(c)) {
        (Some(named), Some(cs)) => queries::order(conn, cs, named).await?,
        _ => None,
    };
    if found.is_none() {
        errors.add("order", "support-error-order");
    }
    Ok(found)
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
