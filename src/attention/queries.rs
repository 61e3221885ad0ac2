//! The statements behind the figures and the lists: purchases whose cancellation window ends
//! soon, download links that expire soon, requests waiting for the partner, and the open
//! month's invoices.

use chrono::{DateTime, Duration, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::{CAP, LINK_DAYS_AHEAD, WINDOW_DAYS_AHEAD};
use crate::auth::PartnerScope;
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::{CustomerId, LineId};
use crate::web::cursor::Cursor;

/// The partner's lines that can still be cancelled and whose window ends after `$2` and at most
/// at `$3`, soonest first: a range of the lines' partial index on their window's end, which
/// the database keeps (migration `line_window_ends`), so reading the first few costs the same
/// for any number of orders.
const ENDING_FROM: &str = "
      FROM order_lines l";
const ENDING_WHERE: &str = "
     WHERE l.partner_id = $1 AND l.window_ends_at > $2 AND l.window_ends_at <= $3
       AND l.revoked_at IS NULL AND l.quantity_cancelled < l.quantity";

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

/// The three figures, each counted up to `CAP` + 1 rows.
pub struct Figures {
    pub waiting: i64,
    pub ending: i64,
    pub expiring: i64,
}

#[derive(QueryableByName)]
struct Counts {
    #[diesel(sql_type = BigInt)]
    waiting: i64,
    #[diesel(sql_type = BigInt)]
    ending: i64,
    #[diesel(sql_type = BigInt)]
    expiring: i64,
}

/// The figures, each counted up to `CAP` + 1 rows off its own index, in one statement: three
/// statements' own costs were most of the home page's database time.
pub async fn figures(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    now: DateTime<Utc>,
) -> Result<Figures, AppError> {
    debug_assert_eq!(EXPIRING_WHERE.matches("<= $3").count(), 1);
    let capped = |rows: &str| format!("(SELECT count(*) FROM ({rows} LIMIT {}) x)", CAP + 1);
    let sql = format!(
        "SELECT {} AS waiting, {} AS ending, {} AS expiring",
        capped(&format!("SELECT 1 {WAITING}")),
        capped(&format!("SELECT 1 {ENDING_FROM} {ENDING_WHERE}")),
        // The links' range ends at `$4` (their list binds its end as `$3`).
        capped(&format!(
            "SELECT 1 {EXPIRING_FROM} {}",
            EXPIRING_WHERE.replace("<= $3", "<= $4")
        )),
    );
    let row: Counts = prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now + Duration::days(WINDOW_DAYS_AHEAD))
        .bind::<Timestamptz, _>(now + Duration::days(LINK_DAYS_AHEAD))
        .get_result(&mut conn)
        .await?;
    Ok(Figures {
        waiting: row.waiting,
        ending: row.ending,
        expiring: row.expiring,
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
    #[diesel(sql_type = SqlUuid)]
    pub link_id: uuid::Uuid,
    #[diesel(sql_type = Text)]
    pub product: String,
    #[diesel(sql_type = Text)]
    pub created_by: String,
    #[diesel(sql_type = Timestamptz)]
    pub expires_at: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    pub downloads_left: i64,
}

impl Ending {
    /// Where the list continues after this row.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.ends_at,
            id: self.line_id.0,
            line: None,
        }
    }
}

impl Expiring {
    /// Where the list continues after this row.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.expires_at,
            id: self.link_id,
            line: None,
        }
    }
}

/// The purchases whose window ends soon, soonest first, up to `limit` after `after`.
pub async fn ending(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    now: DateTime<Utc>,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<Ending>, AppError> {
    let keyset = keyset(after, "l.window_ends_at, l.id");
    let sql = format!(
        "SELECT l.customer_id, c.company_name AS customer, l.id AS line_id,
                l.product_name AS product, l.order_number, l.window_ends_at AS ends_at
         {ENDING_FROM}
         JOIN customers c ON c.id = l.customer_id
         {ENDING_WHERE} {keyset}
         ORDER BY l.window_ends_at, l.id LIMIT {limit}"
    );
    Ok(prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now + Duration::days(WINDOW_DAYS_AHEAD))
        .bind::<Nullable<Timestamptz>, _>(after.map(|c| c.at))
        .bind::<Nullable<SqlUuid>, _>(after.map(|c| c.id))
        .load(&mut conn)
        .await?)
}

/// The live links that expire soon, soonest first, up to `limit` after `after`.
pub async fn expiring(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    now: DateTime<Utc>,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<Expiring>, AppError> {
    let keyset = keyset(after, "d.expires_at, d.id");
    let sql = format!(
        "SELECT d.customer_id, d.customer_name AS customer, d.order_line_id AS line_id,
                d.id AS link_id, d.product_name AS product, u.display_name AS created_by,
                d.expires_at, (d.max_downloads - d.downloads)::bigint AS downloads_left
         {EXPIRING_FROM}
         JOIN users u ON u.id = d.created_by
         {EXPIRING_WHERE} {keyset}
         ORDER BY d.expires_at, d.id LIMIT {limit}"
    );
    Ok(prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<Timestamptz, _>(now)
        .bind::<Timestamptz, _>(now + Duration::days(LINK_DAYS_AHEAD))
        .bind::<Nullable<Timestamptz>, _>(after.map(|c| c.at))
        .bind::<Nullable<SqlUuid>, _>(after.map(|c| c.id))
        .load(&mut conn)
        .await?)
}

/// The condition that starts a list after its cursor (`$4`, `$5`). A page with a cursor has
/// its own statement: a cached generic plan for an optional cursor could not start the index
/// scan at it.
fn keyset(after: Option<Cursor>, columns: &str) -> String {
    match after {
        Some(_) => format!("AND ({columns}) > ($4, $5)"),
        None => String::new(),
    }
}
