//! The access records of one tenant's software keys and downloads.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::activity::filter::Cursor;
use crate::auth::CustomerScope;
use crate::db::schema::activity;
use crate::db::statement::{prepared, text_literals};
use crate::error::AppError;

#[derive(QueryableByName, Debug)]
#[diesel(table_name = activity, check_for_backend(diesel::pg::Pg))]
pub struct AccessRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub operation: crate::activity::Operation,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    pub order_number: Option<i64>,
    pub details: serde_json::Value,
}

impl AccessRow {
    /// Where the list continues after this record.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.at,
            id: self.id,
        }
    }
}

/// Newest first, `limit` records after `after` when given: keyset pages off the customer's
/// (customer_id, at, id) index that stay fast however long the record grows. The only index
/// in this order is the customer's own, so no plan walks other customers' records.
pub async fn access(
    mut conn: &AsyncPgConnection,
    scope: CustomerScope,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<AccessRow>, AppError> {
    use diesel::sql_types::{BigInt, Timestamptz, Uuid as SqlUuid};
    let older = if after.is_some() {
        "AND (a.at, a.id) < ($2, $3)"
    } else {
        ""
    };
    let codes = text_literals(crate::activity::codes(crate::activity::ACCESS));
    let query = prepared(format!(
        "SELECT a.id, a.at, a.actor, a.operation, a.order_number, a.details
           FROM activity a
          WHERE a.customer_id = $1 AND a.operation IN ({codes}) {older}
          ORDER BY a.at DESC, a.id DESC
          LIMIT {limit}"
    ))
    .bind::<SqlUuid, _>(scope.customer_id());
    Ok(match after {
        None => query.load(&mut conn).await?,
        Some(c) => {
            query
                .bind::<Timestamptz, _>(c.at)
                .bind::<BigInt, _>(c.id)
                .load(&mut conn)
                .await?
        }
    })
}
