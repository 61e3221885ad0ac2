//! Removing attachment files nobody refers to: a file kept while its form was then refused,
//! or a partial upload left by a crash. Only files older than `min_age` are touched, so a file
//! that an upload has just kept — and is about to record — is never taken from under it.

use std::path::Path;
use std::time::{Duration, SystemTime};

use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::db::DbPool;
use crate::db::schema::support_attachments;
use crate::error::AppError;
use crate::software::store::is_checksum;

/// How old an unreferenced file must be before it is removed.
pub const MIN_AGE: Duration = Duration::from_secs(24 * 60 * 60);
/// How often the server sweeps.
pub const EVERY: Duration = Duration::from_secs(6 * 60 * 60);

/// Sweeps `dir` once; the number of files removed.
pub async fn sweep(pool: &DbPool, dir: &Path, min_age: Duration) -> Result<usize, AppError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0); // No attachment yet.
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old_enough = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= min_age);
        if !old_enough {
            continue;
        }
        let orphan = if name.starts_with(".incoming-") {
            true
        } else if is_checksum(&name) {
            let mut conn = pool.get().await?;
            let used: i64 = support_attachments::table
                .filter(support_attachments::sha256.eq(&name))
                .count()
                .get_result(&mut conn)
                .await?;
            used == 0
        } else {
            false
        };
        if orphan && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Sweeps now and then every `EVERY`, for as long as the server runs.
pub async fn run_forever(pool: DbPool, dir: std::path::PathBuf) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match sweep(&pool, &dir, MIN_AGE).await {
            Ok(0) => {}
            Ok(n) => log::info!("removed {n} unreferenced support attachment files"),
            Err(e) => log::warn!("support attachment sweep failed: {e}"),
        }
    }
}
