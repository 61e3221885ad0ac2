//! Putting a received file in place under its checksum, and removing one that no request refers
//! to, without the two ever crossing. Files are shared by content — two requests that send the
//! same bytes refer to one file — so a file may be removed only when no committed row names it
//! and no writer is about to commit one. Both sides take a transaction-scoped advisory lock on
//! the checksum: shared for writers (any number at once), exclusive for removal. A writer puts
//! its file in place and inserts its row under the lock, and the lock lasts until its commit,
//! so removal sees either the row or no file of the writer's yet — in any app process.

use std::path::Path;
use std::time::{Duration, SystemTime};

use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::upload::Received;
use crate::db::schema::support_attachments;
use crate::error::AppError;

/// Inside the caller's transaction, before the row naming the file is inserted.
pub async fn put_in_place(conn: &mut AsyncPgConnection, file: &Received) -> Result<(), AppError> {
    lock(conn, "pg_advisory_xact_lock_shared", &file.sha256).await?;
    // Same content, same name: replacing a file already there changes nothing for its readers.
    tokio::fs::rename(&file.pending, &file.target)
        .await
        .map_err(AppError::internal)
}

/// Removes `path`, the file of checksum `sha256`, when no request refers to it and it is at
/// least `min_age` old; whether it was removed.
pub async fn remove_if_unreferenced(
    conn: &mut AsyncPgConnection,
    path: &Path,
    sha256: &str,
    min_age: Duration,
) -> Result<bool, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        lock(conn, "pg_advisory_xact_lock", sha256).await?;
        let used: i64 = support_attachments::table
            .filter(support_attachments::sha256.eq(sha256))
            .count()
            .get_result(conn)
            .await?;
        // Looked at again under the lock: a writer whose transaction then failed may have put
        // a fresh copy in place since the caller first looked.
        if used > 0 || !old_enough(path, min_age) {
            return Ok(false);
        }
        Ok(std::fs::remove_file(path).is_ok())
    })
    .await
}

/// Whether the file at `path` was last written at least `min_age` ago.
pub fn old_enough(path: &Path, min_age: Duration) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age >= min_age)
}

async fn lock(conn: &mut AsyncPgConnection, function: &str, sha256: &str) -> Result<(), AppError> {
    diesel::sql_query(format!(
        "SELECT {function}(hashtextextended('support-attachment:' || $1, 0))"
    ))
    .bind::<Text, _>(sha256)
    .execute(conn)
    .await?;
    Ok(())
}
