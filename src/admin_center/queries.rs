//! The access records of one tenant's software keys and downloads.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::CustomerScope;
use crate::db::schema::{activity, orders};
use crate::error::AppError;

#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = activity, check_for_backend(diesel::pg::Pg))]
pub struct AccessRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub operation: crate::activity::Operation,
    #[diesel(select_expression = orders::number.nullable())]
    pub order_number: Option<i64>,
    pub details: serde_json::Value,
}

/// Newest first (records are appended as they happen, so by id), `limit` rows older than
/// `before` when given: keyset pages that stay fast however long the record grows.
pub async fn access(
    conn: &mut AsyncPgConnection,
    scope: CustomerScope,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<AccessRow>, AppError> {
    let mut query = activity::table
        .left_join(orders::table)
        .filter(activity::customer_id.eq(scope.customer_id()))
        .filter(activity::operation.eq_any(crate::activity::codes(crate::activity::ACCESS)))
        // The customer's own column first, though it is fixed: the order is then the one of
        // the (customer_id, id DESC) index, and no plan can walk the whole table's ids
        // backwards instead (which a plan cached for an average customer did, measured).
        .order((activity::customer_id.asc(), activity::id.desc()))
        .limit(limit)
        .select(AccessRow::as_select())
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(activity::id.lt(before));
    }
    Ok(query.load(conn).await?)
}
