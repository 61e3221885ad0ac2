//! Activity records of key views and downloads: who, which customer, which purchase,
//! when, and for downloads the address and browser.

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use serde_json::Value;

use super::queries::Purchase;
use crate::activity::{self, Entry, Operation};
use crate::error::AppError;
use crate::ids::{CustomerId, PartnerId, UserId};

/// Whose purchase, and who is acting on it.
pub struct Subject<'a> {
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub actor_user_id: Option<UserId>,
    pub actor: &'a str,
    pub purchase: &'a Purchase,
}

pub async fn record(
    conn: &mut AsyncPgConnection,
    subject: &Subject<'_>,
    operation: Operation,
    at: DateTime<Utc>,
    details: Value,
) -> Result<(), AppError> {
    activity::record(conn, entry(subject, operation, at, details)).await?;
    Ok(())
}

/// The names a record of the purchase gives, as they are called now: the customer's company
/// name and the product's name in the catalog (`catalog_name`, not the name it was sold
/// under), as the database would look them up.
pub fn names<'a>(
    customer: &'a crate::customers::Customer,
    purchase: &Purchase,
    catalog_name: &'a str,
) -> activity::Names<'a> {
    activity::Names {
        customer: Some(&customer.company_name),
        product: Some(catalog_name),
        order_number: Some(purchase.order_number),
    }
}

/// The record of `operation` on the subject's purchase, its order and product named in the
/// details too (they outlive a renamed product).
pub fn entry<'a>(
    subject: &Subject<'a>,
    operation: Operation,
    at: DateTime<Utc>,
    mut details: Value,
) -> Entry<'a> {
    if let Value::Object(map) = &mut details {
        map.insert("order_number".into(), subject.purchase.order_number.into());
        map.insert(
            "product".into(),
            subject.purchase.product_name.clone().into(),
        );
        map.insert(
            "order_line_id".into(),
            subject.purchase.line_id.to_string().into(),
        );
    }
    Entry {
        partner_id: Some(subject.partner_id),
        at,
        actor_user_id: subject.actor_user_id,
        actor: subject.actor,
        operation,
        customer_id: Some(subject.customer_id),
        order_id: Some(subject.purchase.order_id),
        product_id: Some(subject.purchase.product_id),
        details,
    }
}
