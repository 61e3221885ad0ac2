//! The statements behind the figures and the lists: purchases whose cancellation window ends
//! soon, download links that expire soon, requests waiting for the partner, and the open
//! month's invoices.

use chrono::{DateTime, Duration, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::{CAP, LINK_DAYS_AHEAD, WINDOW_DAYS_AHEAD};
use crate::auth::PartnerScope;
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::{CustomerId, LineId};

/// A line still standing whose product's window ends after `$2` and at most at `$3`.
const LINE_ENDING: &str = "p.cancellation_policy = 'window'
       AND o.placed_at + p.cancellation_window_days * interval '1 day' > $2
       AND o.placed_at + p.cancellation_window_days * interval '1 day' <= $3
       AND l.quantity_cancelled < l.quantity AND l.revoked_at IS NULL
       AND l.family <> 'azure_reservation'";

/// The partner's orders, soonest-ending first, each with whether it has such a line. They are
/// read off the (partner, placed_at) index between the instants such a window can have
/// started (the catalog's longest and shortest windows), and the line is looked up per order
/// in the select list: PostgreSQL then walks the index in order and stops at the limit, where
/// a join let it read every order of the three days first.
fn orders_ending(columns: &str) -> String {
    format!(
        "SELECT {columns},
                (SELECT true FROM order_lines l JOIN products p ON p.id = l.product_id
                  WHERE l.order_id = o.id AND {LINE_ENDING} LIMIT 1) AS hit
           FROM orders o
          WHERE o.partner_id = $1
            AND o.placed_at > $2 - (SELECT max(cancellation_window_days) FROM products
                                     WHERE cancellation_policy = 'window') * interval '1 day'
            AND o.placed_at <= $3 - (SELECT min(cancellation_window_days) FROM products
                                      WHERE cancellation_policy = 'window') * interval '1 day'
          ORDER BY o.placed_at, o.id"
    )
}

/// Live links expiring after `$2` and at most two days later, off their partial index.
const EXPIRING_FROM: &str = "
      FROM download_links d";
const EXPIRING_WHERE: &str = "
     WHERE d.partner_id = $1 AND d.revoked_at IS NULL
       AND d.expires_at > $2 AND d.expires_at <= $3
       AND d.downloads < d.max_downloads";

const WAITING: &str = "
      FROM support_requests r
     WHERE r.partner_id = $1 AND r.status = 'waiting_for_partner'";

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The three figures, each counted up to `CAP` + 1 rows.
pub struct Figures {
    pub waiting: i64,
    pub ending: i64,
    pub expiring: i64,
}

/// How many rows `rows` (a SELECT) gives, up to `CAP` + 1.
async fn capped(
    mut conn: &AsyncPgConnection,
    rows: &str,
    scope: &PartnerScope,
    now: DateTime<Utc>,
    ahead: i64,
) -> Result<i64, AppError> {
    let sql = format!("SELECT count(*) AS n FROM ({rows} LIMIT {}) x", CAP + 1);
    let row: Counted = prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now + Duration::days(ahead))
        .get_result(&mut conn)
        .await?;
    Ok(row.n)
}

/// The figures, sent together (one round trip).
pub async fn figures(
    conn: &AsyncPgConnection,
    scope: &PartnerScope,
    now: DateTime<Utc>,
) -> Result<Figures, AppError> {
    let waiting = async {
        let sql = format!(
            "SELECT count(*) AS n FROM (SELECT 1 {WAITING} LIMIT {}) x",
            CAP + 1
        );
        let mut c = conn;
        let row: Counted = prepared(sql)
            .bind::<SqlUuid, _>(scope.partner_id())
            .get_result(&mut c)
            .await?;
        Ok::<_, AppError>(row.n)
    };
    let ending = format!(
        "SELECT 1 FROM ({}) s WHERE s.hit",
        orders_ending("o.placed_at")
    );
    let expiring = format!("SELECT 1 {EXPIRING_FROM} {EXPIRING_WHERE}");
    let (waiting, ending, expiring) = futures_util::try_join!(
        waiting,
        capped(conn, &ending, scope, now, WINDOW_DAYS_AHEAD),
        capped(conn, &expiring, scope, now, LINK_DAYS_AHEAD),
    )?;
    Ok(Figures {
        waiting,
        ending,
        expiring,
    })
}

/// A purchase whose cancellation window ends soon.
#[derive(QueryableByName, Debug)]
pub struct Ending {
    #[diesel(sql_type = SqlUuid)]
    pub customer_id: CustomerId,
    #[diesel(sql_type = Text)]
    pub customer: String,
    #[diesel(sql_type = SqlUuid)]
    pub line_id: LineId,
    #[diesel(sql_type = Text)]
    pub product: String,
    #[diesel(sql_type = BigInt)]
    pub order_number: i64,
    #[diesel(sql_type = Timestamptz)]
    pub ends_at: DateTime<Utc>,
}

/// A download link that expires soon.
#[derive(QueryableByName, Debug)]
pub struct Expiring {
    #[diesel(sql_type = SqlUuid)]
    pub customer_id: CustomerId,
    #[diesel(sql_type = Text)]
    pub customer: String,
    #[diesel(sql_type = SqlUuid)]
    pub line_id: LineId,
    #[diesel(sql_type = Text)]
    pub product: String,
    #[diesel(sql_type = Text)]
    pub created_by: String,
    #[diesel(sql_type = Timestamptz)]
    pub expires_at: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    pub downloads_left: i64,
}

/// The first `CAP` of each, soonest first, sent together.
pub async fn lists(
    conn: &AsyncPgConnection,
    scope: &PartnerScope,
    now: DateTime<Utc>,
) -> Result<(Vec<Ending>, Vec<Expiring>), AppError> {
    let ending = format!(
        "SELECT o.customer_id, c.company_name AS customer, l.id AS line_id,
                l.product_name AS product, o.number AS order_number,
                o.placed_at + p.cancellation_window_days * interval '1 day' AS ends_at
           FROM (SELECT s.id, s.customer_id, s.number, s.placed_at
                   FROM ({}) s WHERE s.hit LIMIT {CAP}) o
           JOIN order_lines l ON l.order_id = o.id
           JOIN products p ON p.id = l.product_id
           JOIN customers c ON c.id = o.customer_id
          WHERE {LINE_ENDING}
          ORDER BY o.placed_at, o.id, l.line_number",
        orders_ending("o.id, o.customer_id, o.number, o.placed_at")
    );
    let expiring = format!(
        "SELECT d.customer_id, c.company_name AS customer, l.id AS line_id,
                l.product_name AS product, u.display_name AS created_by, d.expires_at,
                (d.max_downloads - d.downloads)::bigint AS downloads_left
         {EXPIRING_FROM}
         JOIN order_lines l ON l.id = d.order_line_id
         JOIN customers c ON c.id = d.customer_id
         JOIN users u ON u.id = d.created_by
         {EXPIRING_WHERE}
         ORDER BY d.expires_at, d.id LIMIT {CAP}"
    );
    let bind = |sql: String, ahead: i64| {
        prepared(sql)
            .bind::<SqlUuid, _>(scope.partner_id())
            .bind::<Timestamptz, _>(now)
            .bind::<Timestamptz, _>(now + Duration::days(ahead))
    };
    let (mut a, mut b) = (conn, conn);
    let (ending, expiring) = futures_util::try_join!(
        bind(ending, WINDOW_DAYS_AHEAD).load::<Ending>(&mut a),
        bind(expiring, LINK_DAYS_AHEAD).load::<Expiring>(&mut b),
    )?;
    Ok((ending, expiring))
}
