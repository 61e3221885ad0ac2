//! One PostgreSQL server per test run, one template database migrated and seeded once, and a
//! fresh database cloned from it for every test.
//!
//! With `CSPDESK_TEST_DATABASE_URL` (a superuser URL) tests use that server; otherwise they
//! start a private cluster from the machine's PostgreSQL binaries, stopped when the run ends.

use std::sync::{Mutex, OnceLock};

use cspdesk::db::cluster::{ClusterOptions, LocalCluster};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use tokio::sync::OnceCell;

static CLUSTER: Mutex<Option<LocalCluster>> = Mutex::new(None);
static SERVER_URL: OnceLock<url::Url> = OnceLock::new();
static TEMPLATE: OnceCell<String> = OnceCell::const_new();
/// Cloning a template fails if another clone of it is in progress; take turns.
static CLONE_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn cluster_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("cspdesk-test-{}", std::process::id()))
}

extern "C" fn stop_cluster() {
    if let Ok(mut guard) = CLUSTER.lock()
        && let Some(mut cluster) = guard.take()
    {
        cluster.stop();
    }
    let _ = std::fs::remove_dir_all(cluster_dir());
}

fn server_url() -> &'static url::Url {
    SERVER_URL.get_or_init(|| {
        if let Ok(url) = std::env::var("CSPDESK_TEST_DATABASE_URL") {
            return url.parse().expect("CSPDESK_TEST_DATABASE_URL is not a URL");
        }
        let cluster = LocalCluster::start(&cluster_dir(), ClusterOptions { ephemeral: true })
            .unwrap_or_else(|e| panic!("cannot start a test PostgreSQL: {e}"));
        let url = cluster.url("postgres").parse().expect("cluster URL");
        *CLUSTER.lock().unwrap() = Some(cluster);
        // SAFETY: registering a plain `extern "C"` function with no captured state.
        unsafe { libc::atexit(stop_cluster) };
        url
    })
}

/// The artifact store every test app shares: files are named by their checksum, so the
/// placeholders written when the template is seeded serve every database cloned from it.
pub fn artifacts_dir() -> std::path::PathBuf {
    cluster_dir().join("artifacts")
}

pub fn url_for(database: &str) -> String {
    let mut url = server_url().clone();
    url.set_path(database);
    url.to_string()
}

async fn admin() -> AsyncPgConnection {
    AsyncPgConnection::establish(&url_for("postgres"))
        .await
        .expect("connect to the test server")
}

async fn template() -> &'static str {
    TEMPLATE
        .get_or_init(|| async {
            let name = format!("cspdesk_tpl_{}", std::process::id());
            let mut conn = admin().await;
            exec(
                &mut conn,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            )
            .await;
            exec(&mut conn, &format!("CREATE DATABASE {name}")).await;
            cspdesk::db::migrate::run(&url_for(&name))
                .await
                .expect("migrations apply");
            let mut db = AsyncPgConnection::establish(&url_for(&name))
                .await
                .expect("connect to template");
            let store = cspdesk::storage::LocalDir::new(artifacts_dir());
            cspdesk::seed::demo(&mut db, &store, chrono::Utc::now())
                .await
                .expect("demo data");
            name
        })
        .await
}

/// A new database with the schema and the demo data; its name.
pub async fn fresh_database() -> String {
    let template = template().await;
    let name = format!("cspdesk_t_{}", uuid::Uuid::new_v4().simple());
    let _turn = CLONE_LOCK.lock().await;
    exec(
        &mut admin().await,
        &format!("CREATE DATABASE {name} TEMPLATE {template}"),
    )
    .await;
    name
}

/// Drops a test database; runs from `Drop`, so it brings its own runtime.
pub fn drop_database(name: String) {
    let _ = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            exec(
                &mut admin().await,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            )
            .await
        });
    })
    .join();
}

async fn exec(conn: &mut AsyncPgConnection, sql: &str) {
    diesel::sql_query(sql)
        .execute(conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A new database with nothing in it, not even the schema; its name.
pub async fn empty_database() -> String {
    let name = format!("cspdesk_e_{}", uuid::Uuid::new_v4().simple());
    exec(&mut admin().await, &format!("CREATE DATABASE {name}")).await;
    name
}

/// A connection to `url`'s database as it was just before migration `version`: the migrations
/// from it on are reverted, newest first. Data written on it then meets that migration as an
/// existing database would.
pub async fn before_migration(url: &str, version: &str) -> AsyncPgConnection {
    use diesel_migrations::MigrationHarness;
    let conn = AsyncPgConnection::establish(url).await.unwrap();
    let mut harness = diesel_async::AsyncMigrationHarness::new(conn);
    tokio::task::block_in_place(|| {
        while harness
            .revert_last_migration(cspdesk::db::migrate::MIGRATIONS)
            .unwrap()
            .to_string()
            != version
        {}
    });
    harness.into_inner()
}

/// `conn`'s database with every migration applied again.
pub fn migrated(conn: AsyncPgConnection) -> AsyncPgConnection {
    use diesel_migrations::MigrationHarness;
    let mut harness = diesel_async::AsyncMigrationHarness::new(conn);
    tokio::task::block_in_place(|| {
        harness
            .run_pending_migrations(cspdesk::db::migrate::MIGRATIONS)
            .unwrap();
    });
    harness.into_inner()
}
