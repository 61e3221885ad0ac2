//! The `cspdesk` command: serve (default), migrate, seed-demo.

use std::process::ExitCode;
use std::sync::Arc;

use cspdesk::clock::{Clock, SystemClock};
use cspdesk::config::Settings;
use cspdesk::db::cluster::{ClusterOptions, LocalCluster};
use cspdesk::error::{AppError, StartupError};
use cspdesk::{App, db, seed};

const USAGE: &str = "usage: cspdesk [serve | migrate | seed-demo | seed-bench]

  serve       run the dashboard (default)
  migrate     apply database migrations and exit
  seed-demo   add the demo partners, users and customers to an empty database
  seed-bench  add the benchmark data set (demo data plus 10,000 customers and 200,000
              orders) and print the tenant id of the customer with 2,000 orders

environment: DATABASE_URL (unset: a private PostgreSQL cluster in the data directory),
CSPDESK_ADDR (127.0.0.1:8080), CSPDESK_DATA (./var), CSPDESK_SESSION_KEY,
CSPDESK_PUBLIC_URL, RUST_LOG";

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    if !matches!(
        command.as_str(),
        "serve" | "migrate" | "seed-demo" | "seed-bench"
    ) {
        let help = matches!(command.as_str(), "-h" | "--help" | "help");
        eprintln!("{USAGE}");
        return if help {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cspdesk: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cspdesk: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: &str) -> Result<(), StartupError> {
    let settings = Settings::from_env()?;
    // Declared before use so it is dropped (and the private server stopped) last.
    let mut cluster: Option<LocalCluster> = None;
    let url = match &settings.database_url {
        Some(url) => url.clone(),
        None => {
            let started = tokio::task::block_in_place(|| {
                LocalCluster::start(&settings.data_dir, ClusterOptions { ephemeral: false })
            })?;
            db::ensure_database(&started.url("postgres"), "cspdesk").await?;
            let url = started.url("cspdesk");
            cluster = Some(started);
            url
        }
    };
    let applied = db::migrate::run(&url).await?;
    log::info!("database ready ({applied} migrations applied now)");
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let pool = db::pool(&url, 16, db::QueryCounter::default())?;
    let result = match command {
        "migrate" => Ok(()),
        "seed-demo" => seed_demo(&pool, clock.as_ref()).await,
        "seed-bench" => seed_bench(&pool, clock.as_ref()).await,
        _ => serve(settings, pool, clock).await,
    };
    if let Some(mut c) = cluster {
        tokio::task::block_in_place(|| c.stop());
    }
    result
}

async fn seed_demo(pool: &db::DbPool, clock: &dyn Clock) -> Result<(), StartupError> {
    let mut conn = pool
        .get()
        .await
        .map_err(|e| StartupError::Database(e.to_string()))?;
    let added = seed::demo(&mut conn, clock.now())
        .await
        .map_err(|e| StartupError::Database(e.to_string()))?;
    if added {
        println!(
            "demo data added; every demo password is {}",
            seed::DEMO_PASSWORD
        );
    } else {
        println!("the database already has data; demo data not added");
    }
    Ok(())
}

async fn seed_bench(pool: &db::DbPool, clock: &dyn Clock) -> Result<(), StartupError> {
    let failed = |e: AppError| StartupError::Database(e.to_string());
    let mut conn = pool
        .get()
        .await
        .map_err(|e| StartupError::Database(e.to_string()))?;
    seed::demo(&mut conn, clock.now()).await.map_err(failed)?;
    let tenant = seed::bench::insert(&mut conn, clock.now())
        .await
        .map_err(failed)?;
    // The benchmark script reads this line.
    println!("bench-tenant {tenant}");
    Ok(())
}

async fn serve(
    settings: Settings,
    pool: db::DbPool,
    clock: Arc<dyn Clock>,
) -> Result<(), StartupError> {
    let public = settings.public_url.to_string();
    let app = App::build(settings, pool, clock, None)?;
    log::info!(
        "CSP Desk listening on http://{} (public address {public})",
        app.addr()
    );
    app.run().await
}
