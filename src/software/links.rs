//! Download links in the database. Only the SHA-256 of a token is stored; a download is
//! counted by one conditional UPDATE, so concurrent requests can never exceed the limit.

use base64::Engine;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::rules::{self, LINK_MAX_DOWNLOADS, LinkState};
use crate::auth::CustomerScope;
use crate::db::schema::{download_links, order_lines, users};
use crate::db::statement::{Reuse, prepared};
use crate::error::AppError;
use crate::ids::{CustomerId, LineId, PartnerId, UserId, VariantId};

/// 32 bytes from the operating system's CSPRNG (256 bits), URL-safe.
pub fn new_token() -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

pub struct NewLink {
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub order_line_id: LineId,
    pub variant_id: VariantId,
    pub created_by: UserId,
}

/// A link as stored: only the token's hash. Named fields, so a column added to the table
/// cannot shift the others.
#[derive(Insertable)]
#[diesel(table_name = download_links)]
struct LinkInsert<'a> {
    id: Uuid,
    token_hash: &'a [u8],
    partner_id: PartnerId,
    customer_id: CustomerId,
    order_line_id: LineId,
    variant_id: VariantId,
    created_by: UserId,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    max_downloads: i32,
    product_name: &'a str,
    customer_name: &'a str,
}

/// Whether a purchase may still get links, with what a link keeps of it. Shares the lock a
/// cancellation takes on the line (and only on the line): a link made while the purchase is
/// being cancelled waits for it, then is refused instead of being stored unrevoked.
const STANDING: &str = "
    SELECT l.quantity_cancelled < l.quantity AND l.revoked_at IS NULL AS standing,
           l.product_name, c.company_name AS customer_name
      FROM order_lines l
      JOIN customers c ON c.id = l.customer_id
     WHERE l.id = $1
       FOR SHARE OF l";

#[derive(QueryableByName)]
struct Standing {
    #[diesel(sql_type = Bool)]
    standing: bool,
    #[diesel(sql_type = Text)]
    product_name: String,
    #[diesel(sql_type = Text)]
    customer_name: String,
}

/// Stores a fresh link and returns (its id, the token for the URL, shown once).
pub async fn create(
    conn: &mut AsyncPgConnection,
    link: &NewLink,
    now: DateTime<Utc>,
) -> Result<(Uuid, String), AppError> {
    let line: Standing = prepared(STANDING)
        .bind::<SqlUuid, _>(link.order_line_id)
        .get_result(conn)
        .await?;
    if !line.standing {
        return Err(AppError::Gone);
    }
    let id = Uuid::new_v4();
    let token = new_token();
    let hash = token_hash(&token);
    let row = LinkInsert {
        id,
        token_hash: &hash,
        partner_id: link.partner_id,
        customer_id: link.customer_id,
        order_line_id: link.order_line_id,
        variant_id: link.variant_id,
        created_by: link.created_by,
        created_at: now,
        expires_at: rules::link_expiry(now),
        max_downloads: LINK_MAX_DOWNLOADS,
        product_name: &line.product_name,
        customer_name: &line.customer_name,
    };
    diesel::insert_into(download_links::table)
        .values(&row)
        .reused()
        .execute(conn)
        .await?;
    Ok((id, token))
}

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = download_links, check_for_backend(diesel::pg::Pg))]
pub struct LinkRow {
    pub id: Uuid,
    pub variant_id: VariantId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub downloads: i32,
    pub max_downloads: i32,
    pub revoked_at: Option<DateTime<Utc>>,
    #[diesel(select_expression = users::display_name)]
    pub created_by: String,
}

impl LinkRow {
    pub fn state(&self, now: DateTime<Utc>) -> LinkState {
        rules::link_state(
            now,
            self.expires_at,
            self.downloads,
            self.max_downloads,
            self.revoked_at,
        )
    }
}

/// The links made for a purchase, newest first.
pub async fn for_purchase(
    conn: &AsyncPgConnection,
    scope: CustomerScope,
    line_id: LineId,
) -> Result<Vec<LinkRow>, AppError> {
    for_line(conn, scope.customer_id(), line_id).await
}

/// The links made for line `line_id` of customer `customer`, newest first: for a page that
/// sends it alongside the lookup that proves the customer is the reader's, and shows the
/// rows only if that lookup found the purchase.
pub async fn for_line(
    mut conn: &AsyncPgConnection,
    customer: CustomerId,
    line_id: LineId,
) -> Result<Vec<LinkRow>, AppError> {
    Ok(download_links::table
        .inner_join(users::table)
        .filter(download_links::customer_id.eq(customer))
        .filter(download_links::order_line_id.eq(line_id))
        .order(download_links::created_at.desc())
        .limit(20)
        .select(LinkRow::as_select())
        .load(&mut conn)
        .await?)
}

/// Stops a link at once: its next download is refused as revoked. `true` when this call
/// revoked it, `false` when it already was; not found unless it is a link of this customer's
/// purchase.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    scope: CustomerScope,
    line_id: LineId,
    link_id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let of_purchase = download_links::id
        .eq(link_id)
        .and(download_links::customer_id.eq(scope.customer_id()))
        .and(download_links::order_line_id.eq(line_id));
    let revoked = diesel::update(download_links::table)
        .filter(of_purchase)
        .filter(download_links::revoked_at.is_null())
        .set(download_links::revoked_at.eq(now))
        .execute(conn)
        .await?;
    if revoked == 1 {
        return Ok(true);
    }
    let exists: bool = diesel::select(diesel::dsl::exists(
        download_links::table.filter(of_purchase),
    ))
    .get_result(conn)
    .await?;
    if exists {
        Ok(false)
    } else {
        Err(AppError::NotFound)
    }
}

/// What a link download needs to know about its link.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = download_links, check_for_backend(diesel::pg::Pg))]
pub struct Taken {
    pub id: Uuid,
    pub partner_id: PartnerId,
    pub customer_id: CustomerId,
    pub order_line_id: LineId,
    pub variant_id: VariantId,
    pub expires_at: DateTime<Utc>,
    pub downloads: i32,
    pub max_downloads: i32,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub enum Use {
    /// Counted: the caller may send the file.
    Granted(Taken),
    /// The link exists but may not be used, for the reason its state gives.
    Refused(Taken, LinkState),
    Unknown,
}

/// Counts one download if the link still allows it: the same rule as `rules::link_state`,
/// applied by the database in one statement.
pub async fn take(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Use, AppError> {
    let hash = token_hash(token);
    let counted: Option<Taken> = diesel::update(download_links::table)
        .filter(download_links::token_hash.eq(&hash))
        .filter(download_links::revoked_at.is_null())
        .filter(download_links::expires_at.gt(now))
        .filter(download_links::downloads.lt(download_links::max_downloads))
        // A cancelled or revoked purchase's links stop at once, even before they are marked
        // revoked themselves.
        .filter(diesel::dsl::exists(
            order_lines::table
                .filter(order_lines::id.eq(download_links::order_line_id))
                .filter(order_lines::quantity_cancelled.lt(order_lines::quantity))
                .filter(order_lines::revoked_at.is_null()),
        ))
        .set(download_links::downloads.eq(download_links::downloads + 1))
        .returning(Taken::as_select())
        .reused()
        .get_result(conn)
        .await
        .optional()?;
    if let Some(taken) = counted {
        return Ok(Use::Granted(taken));
    }
    let found: Option<Taken> = download_links::table
        .filter(download_links::token_hash.eq(&hash))
        .select(Taken::as_select())
        .first(conn)
        .await
        .optional()?;
    Ok(match found {
        None => Use::Unknown,
        Some(link) => {
            let state = rules::link_state(
                now,
                link.expires_at,
                link.downloads,
                link.max_downloads,
                link.revoked_at,
            );
            Use::Refused(link, state)
        }
    })
}
