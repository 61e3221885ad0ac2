//! The activity log's benchmark data: Contoso and nine more partners ("Bench Partner 01".."09",
//! each with 100 customers) get `per_partner` records each, one every 315 seconds back from
//! now (100,000 cover a year). Eight in ten are key views, downloads and links; the rest are
//! orders and sign-ins. Added once: the ninth bench partner's presence says it is done.
//!
//! Bulk SQL, as for the order data: the point is the size of the table the log reads.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{partners, users};
use crate::error::AppError;

pub const PARTNERS: i64 = 9;
const LAST_PARTNER: &str = "Bench Partner 09";
/// Contoso's records are made by this user (so the log's user filter has something to find);
/// the other partners' by a name only.
const CONTOSO_ACTOR: &str = "admin.agent@contoso-partner.test";

const NEW_PARTNERS: &str = "
INSERT INTO partners (id, name, created_at)
SELECT gen_random_uuid(), 'Bench Partner ' || lpad(i::text, 2, '0'), $1
  FROM generate_series(1, 9) i";

const NEW_CUSTOMERS: &str = "
INSERT INTO customers (id, partner_id, company_name, primary_domain, market, currency, created_at)
SELECT gen_random_uuid(), p.id, p.name || ' Customer ' || lpad(i::text, 3, '0'),
       'bp' || right(p.name, 2) || '-' || lpad(i::text, 3, '0') || '.test', 'US', 'USD', $1
  FROM partners p CROSS JOIN generate_series(1, 100) i
 WHERE p.name LIKE 'Bench Partner %'";

/// One partner's records: $1 partner, $2 now, $3 count, $4 actor user (or NULL), $5 actor.
const RECORDS: &str = "
WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS n
             FROM customers WHERE partner_id = $1),
     p AS (SELECT id, row_number() OVER (ORDER BY sku) - 1 AS k, count(*) OVER () AS n
             FROM products),
     g AS (SELECT i, (ARRAY['key_viewed', 'downloaded', 'link_created', 'link_used',
                            'link_refused', 'key_viewed', 'downloaded', 'order_placed',
                            'signed_in', 'link_used'])[1 + i % 10] AS op
             FROM generate_series(1, $3) i)
INSERT INTO activity (partner_id, at, actor_user_id, actor, operation, customer_id, product_id, details)
SELECT $1, $2 - g.i * interval '315 seconds',
       CASE WHEN g.op LIKE 'link_used' OR g.op LIKE 'link_refused' THEN NULL ELSE $4 END,
       CASE WHEN g.op LIKE 'link_used' OR g.op LIKE 'link_refused' THEN 'download link' ELSE $5 END,
       g.op, c.id, p.id,
       jsonb_build_object('file', 'bench_' || g.i || '.iso', 'ip', '192.0.2.' || g.i % 250)
  FROM g JOIN c ON c.k = g.i % c.n JOIN p ON p.k = g.i % p.n
 ORDER BY g.i DESC";

/// Adds the records unless they are there already.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
    per_partner: i64,
) -> Result<(), AppError> {
    let done: i64 = partners::table
        .filter(partners::name.eq(LAST_PARTNER))
        .count()
        .get_result(conn)
        .await?;
    if done > 0 {
        return Ok(());
    }
    let (contoso, actor_id): (Option<Uuid>, Uuid) = users::table
        .filter(users::email.eq(CONTOSO_ACTOR))
        .select((users::partner_id, users::id))
        .first(conn)
        .await?;
    conn.transaction::<_, AppError, _>(async |conn| {
        for sql in [NEW_PARTNERS, NEW_CUSTOMERS] {
            diesel::sql_query(sql)
                .bind::<Timestamptz, _>(now)
                .execute(conn)
                .await?;
        }
        let contoso = contoso.ok_or(AppError::internal("demo actor has no partner"))?;
        let targets = targets(conn, contoso, actor_id).await?;
        for (partner, actor_id, actor) in targets {
            diesel::sql_query(RECORDS)
                .bind::<SqlUuid, _>(partner)
                .bind::<Timestamptz, _>(now)
                .bind::<BigInt, _>(per_partner)
                .bind::<diesel::sql_types::Nullable<SqlUuid>, _>(actor_id)
                .bind::<Text, _>(actor)
                .execute(conn)
                .await?;
        }
        Ok(())
    })
    .await?;
    diesel::sql_query("VACUUM ANALYZE activity, partners, customers")
        .execute(conn)
        .await?;
    Ok(())
}

/// Whose records to add: Contoso's, by its demo actor, and each bench partner's, by an agent
/// named after it.
async fn targets(
    conn: &mut AsyncPgConnection,
    contoso: Uuid,
    actor_id: Uuid,
) -> Result<Vec<(Uuid, Option<Uuid>, String)>, AppError> {
    let bench: Vec<(Uuid, String)> = partners::table
        .filter(partners::name.like("Bench Partner %"))
        .select((partners::id, partners::name))
        .load(conn)
        .await?;
    let mut targets = vec![(contoso, Some(actor_id), CONTOSO_ACTOR.to_string())];
    targets.extend(bench.into_iter().map(|(id, name)| {
        let actor = format!("agent@{}.test", name.to_lowercase().replace(' ', "-"));
        (id, None, actor)
    }));
    Ok(targets)
}
