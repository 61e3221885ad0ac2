//! The `cspdesk` command: serve (default), migrate, seed-demo.

use std::process::ExitCode;
use std::sync::Arc;

use cspdesk::clock::{Clock, SystemClock};
use cspdesk::config::Settings;
use cspdesk::db::cluster::{ClusterOptions, LocalCluster};
use cspdesk::error::StartupError;
use cspdesk::storage::LocalDir;
use cspdesk::{App, cli, db};

/// mimalloc rather than the system allocator: a page builds and drops many small strings,
/// and glibc's malloc and free (with its consolidation of freed blocks) were a sixth of the
/// dashboard's CPU per request. The reference page runs in the same binary, so it gains too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: cspdesk [serve | migrate | seed-demo | seed-bench | artifacts ...]

  serve       run the dashboard (default)
  migrate     apply database migrations and exit
  seed-demo   add the demo partners, users and customers to an empty database
  seed-bench  add the benchmark data set (demo data plus 10,000 customers and 200,000
              orders) and print the tenant id of the customer with 2,000 orders
  seed-bench --tenth  the same with a tenth of the data (1,000 customers, 20,000 orders)
  artifacts list                  every product variant with its id and file
  artifacts add <variant> <file>  register a real file as a variant's download
  serve-files <dir> <addr>        a plain file server, the downloads' yardstick
  serve-reference <addr>          TechEmpower's fortunes on this stack, the pages' yardstick

environment: DATABASE_URL (unset: a private PostgreSQL cluster in the data directory),
CSPDESK_ADDR (127.0.0.1:8080), CSPDESK_DATA (./var), CSPDESK_ARTIFACTS (<data>/artifacts),
CSPDESK_SESSION_KEY, CSPDESK_PUBLIC_URL, RUST_LOG";

/// What the command line asks for.
enum Command {
    Serve,
    Migrate,
    SeedDemo,
    SeedBench(cspdesk::seed::bench::Size),
    ArtifactsList,
    ArtifactsAdd(String, std::path::PathBuf),
    ServeFiles(std::path::PathBuf, String),
    ServeReference(String),
}

fn parse(args: &[String]) -> Option<Command> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    Some(match words.as_slice() {
        [] | ["serve"] => Command::Serve,
        ["migrate"] => Command::Migrate,
        ["seed-demo"] => Command::SeedDemo,
        ["seed-bench"] => Command::SeedBench(cspdesk::seed::bench::Size::FULL),
        ["seed-bench", "--tenth"] => Command::SeedBench(cspdesk::seed::bench::Size::TENTH),
        ["artifacts", "list"] => Command::ArtifactsList,
        ["artifacts", "add", variant, file] => {
            Command::ArtifactsAdd(variant.to_string(), file.into())
        }
        ["serve-files", dir, addr] => Command::ServeFiles(dir.into(), addr.to_string()),
        ["serve-reference", addr] => Command::ServeReference(addr.to_string()),
        _ => return None,
    })
}

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info"))
        // ICU4X warns once per language and currency that has no sign of its own in CLDR
        // (`en`/TRY): the ISO code is then shown, as intended, so it is not worth a log line.
        .filter_module("icu_provider", log::LevelFilter::Error)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = parse(&args) else {
        let help = matches!(
            args.first().map(String::as_str),
            Some("-h" | "--help" | "help")
        );
        eprintln!("{USAGE}");
        return if help {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    };
    if let Command::ServeFiles(dir, addr) = &command {
        // No settings or database: just the files.
        return match actix_web::rt::System::new().block_on(cli::serve_files(dir, addr)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cspdesk: {e}");
                ExitCode::FAILURE
            }
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
    match runtime.block_on(run(command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cspdesk: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<(), StartupError> {
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
    let store = LocalDir::new(settings.artifacts_dir.clone());
    let result = match command {
        Command::Migrate => Ok(()),
        Command::SeedDemo => cli::seed_demo(&pool, &store, clock.as_ref()).await,
        Command::SeedBench(size) => cli::seed_bench(&pool, &store, clock.as_ref(), size).await,
        Command::ArtifactsList => cli::artifacts_list(&pool).await,
        Command::ArtifactsAdd(variant, file) => {
            cli::artifacts_add(&pool, &store, clock.as_ref(), &variant, &file).await
        }
        Command::Serve => {
            let pools = db::WorkerPools {
                url: url.clone(),
                max_size: settings.db_connections,
                queries: db::QueryCounter::default(),
            };
            serve(settings, pool, pools, clock).await
        }
        Command::ServeReference(addr) => cspdesk::reference::serve(&url, &addr).await,
        Command::ServeFiles(..) => Ok(()),
    };
    if let Some(mut c) = cluster {
        tokio::task::block_in_place(|| c.stop());
    }
    result
}

/// The dashboard, and its periodic tasks on `pool` (the HTTP workers open their own).
async fn serve(
    settings: Settings,
    pool: db::DbPool,
    pools: db::WorkerPools,
    clock: Arc<dyn Clock>,
) -> Result<(), StartupError> {
    let public = settings.public_url.to_string();
    let sweep = cspdesk::support::sweep::run_forever(pool.clone(), settings.attachments_dir());
    tokio::spawn(sweep);
    tokio::spawn(cspdesk::web::rate_limit::run_forever(
        pool.clone(),
        clock.clone(),
    ));
    tokio::spawn(cspdesk::billing::issue::run_forever(
        pool.clone(),
        clock.clone(),
    ));
    let app = App::build(settings, pools, clock, None)?;
    log::info!(
        "CSP Desk listening on http://{} (public address {public})",
        app.addr()
    );
    // SIGTERM stops accepting connections and lets the requests in flight finish (actix's
    // graceful shutdown, up to 30 seconds); SIGINT and SIGQUIT stop at once.
    let result = app.run().await;
    log::info!("CSP Desk stopped");
    result
}
