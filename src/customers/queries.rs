//! Customer queries. Each takes a `PartnerScope`: one partner never reads another's customers.

use chrono::{DateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::Customer;
use super::forms::ValidCustomer;
use crate::auth::PartnerScope;
use crate::db::schema::customers;
use crate::error::AppError;
use crate::ids::CustomerId;

type Filter = Box<dyn BoxableExpression<customers::table, diesel::pg::Pg, SqlType = Bool>>;

/// Company name or domain containing `q`, or a tenant GUID equal to (or starting with) it.
fn matches(scope: &PartnerScope, q: &str) -> Filter {
    let own = customers::partner_id.eq(scope.partner_id());
    if q.is_empty() {
        return Box::new(own);
    }
    if let Some(id) = CustomerId::parse(q) {
        return Box::new(own.and(customers::id.eq(id)));
    }
    let pattern = crate::db::contains_pattern(q);
    let text_match = customers::company_name
        .ilike(pattern.clone())
        .or(customers::primary_domain.ilike(pattern));
    // Part of a GUID (hex digits and dashes) may also be the start of a tenant ID.
    if q.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') {
        let prefix = format!("{}%", q.to_ascii_lowercase());
        return Box::new(own.and(text_match.or(sql::<Text>("customers.id::text").like(prefix))));
    }
    Box::new(own.and(text_match))
}

pub async fn count(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    q: &str,
) -> Result<i64, AppError> {
    Ok(customers::table
        .filter(matches(scope, q))
        .count()
        .get_result(conn)
        .await?)
}

pub async fn search(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    q: &str,
    offset: i64,
    limit: i64,
) -> Result<Vec<Customer>, AppError> {
    Ok(customers::table
        .filter(matches(scope, q))
        .order((sql::<Text>("lower(customers.company_name)"), customers::id))
        .offset(offset)
        .limit(limit)
        .select(Customer::as_select())
        .load(conn)
        .await?)
}

/// `None` both when the customer does not exist and when it belongs to another partner.
pub async fn find(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    id: CustomerId,
) -> Result<Option<Customer>, AppError> {
    Ok(customers::table
        .filter(customers::partner_id.eq(scope.partner_id()))
        .filter(customers::id.eq(id))
        .select(Customer::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// The customer a customer scope stands for (a customer user's own tenant).
pub async fn own(
    conn: &mut AsyncPgConnection,
    scope: crate::auth::CustomerScope,
) -> Result<Customer, AppError> {
    Ok(customers::table
        .filter(customers::id.eq(scope.customer_id()))
        .select(Customer::as_select())
        .first(conn)
        .await?)
}

pub async fn find_by_domain(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    domain: &str,
) -> Result<Option<Customer>, AppError> {
    Ok(customers::table
        .filter(customers::partner_id.eq(scope.partner_id()))
        .filter(customers::primary_domain.eq(domain))
        .select(Customer::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// The customer named by a tenant GUID in a URL; 404 when malformed, unknown or another
/// partner's.
pub async fn find_or_404(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    tenant: &str,
) -> Result<Customer, AppError> {
    let id = CustomerId::parse(tenant).ok_or(AppError::NotFound)?;
    find(conn, scope, id).await?.ok_or(AppError::NotFound)
}

pub enum InsertOutcome {
    Created(Customer),
    DomainTaken,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    new: &ValidCustomer,
    now: DateTime<Utc>,
) -> Result<InsertOutcome, AppError> {
    let result = diesel::insert_into(customers::table)
        .values((
            customers::id.eq(CustomerId::random()),
            customers::partner_id.eq(scope.partner_id()),
            customers::company_name.eq(&new.company_name),
            customers::primary_domain.eq(&new.primary_domain),
            customers::market.eq(&new.market),
            customers::currency.eq(new.currency),
            customers::created_at.eq(now),
        ))
        .returning(Customer::as_returning())
        .get_result(conn)
        .await;
    use diesel::result::{DatabaseErrorKind, Error};
    match result {
        Ok(c) => Ok(InsertOutcome::Created(c)),
        // The unique index decides, so two people adding the same domain at once cannot both win.
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Ok(InsertOutcome::DomainTaken)
        }
        Err(e) => Err(e.into()),
    }
}
