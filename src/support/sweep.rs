//! Removing attachment files nobody refers to — the safety net behind refused forms, which
//! remove their own files before they answer: a file left by a crash mid-upload, or put in
//! place by a transaction that then failed. Only files older than `min_age` are touched, and a
//! file under its checksum only under the lock of `keep`, so no file a request is being
//! written with is ever taken from under it.

use std::path::Path;
use std::time::Duration;

use super::stored_files;
use crate::db::DbPool;
use crate::error::AppError;
use crate::storage::is_checksum;

/// How old an unreferenced file must be before it is removed.
pub const MIN_AGE: Duration = Duration::from_secs(24 * 60 * 60);
/// How often the server sweeps.
pub const EVERY: Duration = Duration::from_secs(6 * 60 * 60);

/// Sweeps `dir` once; the number of files removed.
pub async fn sweep(pool: &DbPool, dir: &Path, min_age: Duration) -> Result<usize, AppError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0); // No attachment yet.
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if !stored_files::old_enough(&path, min_age) {
            continue;
        }
        let gone = if name.starts_with(".incoming-") {
            // A form still being read is younger than any `min_age` the server uses.
            std::fs::remove_file(&path).is_ok()
        } else if is_checksum(&name) {
            let mut conn = pool.get().await?;
            stored_files::remove_if_unreferenced(&mut conn, &path, &name, min_age).await?
        } else {
            false
        };
        if gone {
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
            Err(e) => log::warn!("support attachment sweep failed: {}", e.chain()),
        }
    }
}
