//! Placeholder files for every variant of the demo catalog, so Download and download links
//! have something real to send. A real file replaces one with `cspdesk artifacts add`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::product_variants;
use crate::error::AppError;
use crate::ids::VariantId;
use crate::storage::{ArtifactStore, Stored};

/// Small: enough to be a file, not enough to fill a disk with demo data.
const PLACEHOLDER_BYTES: usize = 8 * 1024;

/// The same bytes every time for the same file name, so a store shared by several demo
/// databases (the tests) holds each placeholder once.
pub fn placeholder(file_name: &str) -> Vec<u8> {
    let line =
        format!("CSP Desk demo placeholder for {file_name}; not a real installation file.\n");
    line.bytes().cycle().take(PLACEHOLDER_BYTES).collect()
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    store: &dyn ArtifactStore,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let variants: Vec<(VariantId, String)> = product_variants::table
        .select((product_variants::id, product_variants::file_name))
        .load(conn)
        .await?;
    for (variant, file_name) in variants {
        let bytes = placeholder(&file_name);
        let stored = tokio::task::block_in_place(|| store.put(&mut bytes.as_slice()))
            .map_err(AppError::internal)?;
        register(conn, variant, &stored, now).await?;
    }
    Ok(())
}

/// Records `stored` as the file of `variant`, replacing an earlier one.
pub async fn register(
    conn: &mut AsyncPgConnection,
    variant: VariantId,
    stored: &Stored,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use crate::db::schema::artifacts;
    let size = i64::try_from(stored.size).map_err(AppError::internal)?;
    diesel::insert_into(artifacts::table)
        .values((
            artifacts::variant_id.eq(variant),
            artifacts::sha256.eq(&stored.sha256),
            artifacts::size_bytes.eq(size),
            artifacts::registered_at.eq(now),
        ))
        .on_conflict(artifacts::variant_id)
        .do_update()
        .set((
            artifacts::sha256.eq(&stored.sha256),
            artifacts::size_bytes.eq(size),
            artifacts::registered_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
