//! Migrations are embedded in the binary and applied at start-up. An advisory lock makes two
//! processes starting at once take turns instead of racing on the same DDL.

use diesel::sql_types::BigInt;
use diesel_async::{AsyncConnection, AsyncMigrationHarness, AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::StartupError;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Arbitrary but fixed: identifies "cspdesk schema migration" among advisory locks.
const MIGRATION_LOCK_ID: i64 = 0x0C5D_E5C0;

pub async fn run(url: &str) -> Result<usize, StartupError> {
    let db_err = |e: &dyn std::fmt::Display| StartupError::Database(e.to_string());
    let mut conn = AsyncPgConnection::establish(url)
        .await
        .map_err(|e| db_err(&e))?;
    lock(&mut conn, "pg_advisory_lock")
        .await
        .map_err(|e| db_err(&e))?;
    let mut harness = AsyncMigrationHarness::new(conn);
    // The harness drives diesel's synchronous migration code; it must leave the async
    // executor's thread while it does.
    let applied =
        tokio::task::block_in_place(|| harness.run_pending_migrations(MIGRATIONS).map(|v| v.len()));
    let mut conn = harness.into_inner();
    lock(&mut conn, "pg_advisory_unlock")
        .await
        .map_err(|e| db_err(&e))?;
    applied.map_err(|e| db_err(&e))
}

async fn lock(conn: &mut AsyncPgConnection, function: &str) -> Result<(), diesel::result::Error> {
    diesel::sql_query(format!("SELECT {function}($1)"))
        .bind::<BigInt, _>(MIGRATION_LOCK_ID)
        .execute(conn)
        .await
        .map(|_| ())
}
