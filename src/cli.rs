//! The one-shot commands of the `cspdesk` binary: demo and benchmark data, and registering
//! real files for product variants.

use std::path::Path;

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::clock::Clock;
use crate::db::DbPool;
use crate::db::schema::{artifacts, product_variants, products};
use crate::error::{AppError, StartupError};
use crate::seed;
use crate::storage::ArtifactStore;

fn failed(e: impl std::error::Error) -> StartupError {
    StartupError::Database(crate::error::chain(&e))
}

pub async fn seed_demo(
    pool: &DbPool,
    store: &dyn ArtifactStore,
    clock: &dyn Clock,
) -> Result<(), StartupError> {
    let mut conn = pool.get().await.map_err(failed)?;
    if seed::demo(&mut conn, store, clock.now())
        .await
        .map_err(failed)?
    {
        println!(
            "demo data added; every demo password is {}",
            seed::DEMO_PASSWORD
        );
    } else {
        println!("the database already has data; demo data not added");
    }
    Ok(())
}

pub async fn seed_bench(
    pool: &DbPool,
    store: &dyn ArtifactStore,
    clock: &dyn Clock,
    size: seed::bench::Size,
) -> Result<(), StartupError> {
    let mut conn = pool.get().await.map_err(failed)?;
    seed::demo(&mut conn, store, clock.now())
        .await
        .map_err(failed)?;
    seed::integration_admin(&mut conn, clock.now())
        .await
        .map_err(failed)?;
    let tenant = seed::bench::insert(&mut conn, clock.now(), size)
        .await
        .map_err(failed)?;
    let (line, variant) = seed::bench::download_target(&mut conn, tenant)
        .await
        .map_err(failed)?;
    seed::bench_activity::insert(&mut conn, clock.now(), size.activity_per_partner)
        .await
        .map_err(failed)?;
    settle(&mut conn).await;
    // The benchmark script reads these lines.
    println!("bench-tenant {tenant}");
    println!("bench-line {line}");
    println!("bench-variant {variant}");
    Ok(())
}

/// Leaves the freshly loaded tables as a running system would have them: vacuumed (hint bits
/// set, visibility map written), analysed, and written out by a checkpoint. Otherwise the
/// first minutes of a benchmark measure the aftermath of the bulk load (autovacuum and the
/// checkpoint writing gigabytes while the pages are measured) instead of the pages. Best
/// effort: a database the seeding user may not checkpoint is only vacuumed.
async fn settle(conn: &mut diesel_async::AsyncPgConnection) {
    use diesel_async::SimpleAsyncConnection;
    for sql in ["VACUUM (ANALYZE)", "CHECKPOINT"] {
        if let Err(e) = conn.batch_execute(sql).await {
            log::warn!("seed-bench: {sql} failed: {e}");
        }
    }
}

/// `cspdesk artifacts add <variant> <file>`: copies the file into the store (hashing it on
/// the way) and makes it the variant's download.
pub async fn artifacts_add(
    pool: &DbPool,
    store: &dyn ArtifactStore,
    clock: &dyn Clock,
    variant: &str,
    file: &Path,
) -> Result<(), StartupError> {
    let bad = |message: String| StartupError::Config(message);
    let variant = crate::ids::VariantId::parse(variant).ok_or_else(|| {
        bad(format!(
            "{variant:?} is not a variant id (see `cspdesk artifacts list`)"
        ))
    })?;
    let mut conn = pool.get().await.map_err(failed)?;
    let known: i64 = product_variants::table
        .filter(product_variants::id.eq(variant))
        .count()
        .get_result(&mut conn)
        .await
        .map_err(failed)?;
    if known == 0 {
        return Err(bad(format!("no variant has the id {variant}")));
    }
    let stored = tokio::task::block_in_place(|| {
        let mut source = std::fs::File::open(file)?;
        store.put(&mut source)
    })
    .map_err(|e| bad(format!("cannot read {}: {e}", file.display())))?;
    seed::artifacts::register(&mut conn, variant, &stored, clock.now())
        .await
        .map_err(|e: AppError| failed(e))?;
    println!("{variant}: {} bytes, sha256 {}", stored.size, stored.sha256);
    Ok(())
}

/// `cspdesk artifacts list`: every variant with its id and registered file.
pub async fn artifacts_list(pool: &DbPool) -> Result<(), StartupError> {
    let mut conn = pool.get().await.map_err(failed)?;
    let rows: Vec<(Uuid, String, String, String, String, Option<i64>)> = product_variants::table
        .inner_join(products::table)
        .left_join(artifacts::table)
        .order((
            products::sku,
            product_variants::version,
            product_variants::language,
        ))
        .select((
            product_variants::id,
            products::sku,
            product_variants::version,
            product_variants::language,
            product_variants::file_type,
            artifacts::size_bytes.nullable(),
        ))
        .load(&mut conn)
        .await
        .map_err(failed)?;
    for (id, sku, version, language, file_type, size) in rows {
        let size = size.map_or("no file".to_string(), |s| format!("{s} bytes"));
        println!("{id}  {sku}  {version}  {language}  {file_type}  {size}");
    }
    Ok(())
}

/// `cspdesk serve-files <dir> <addr>`: a plain static file server (actix-files), the yardstick
/// the benchmark measures link downloads against. Not part of the dashboard.
pub async fn serve_files(dir: &Path, addr: &str) -> Result<(), StartupError> {
    let dir = dir.to_path_buf();
    actix_web::HttpServer::new(move || {
        actix_web::App::new().service(actix_files::Files::new("/", dir.clone()))
    })
    .bind(addr)
    .map_err(|e| StartupError::Config(format!("cannot listen on {addr}: {e}")))?
    .run()
    .await
    .map_err(|e| StartupError::Config(e.to_string()))
}
