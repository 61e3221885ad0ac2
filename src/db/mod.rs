//! Database access: the connection pool, embedded migrations, the private cluster used when
//! no DATABASE_URL is given, and the generated schema.

pub mod cluster;
mod cluster_host;
pub mod codes;
pub mod columns;
pub mod migrate;
pub mod schema;
pub mod statement;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::InstrumentationEvent;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::{AsyncConnection, AsyncPgConnection};

use crate::error::StartupError;

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;

/// A LIKE/ILIKE pattern matching `text` anywhere, with its wildcards escaped so a search for
/// "50%" means the text "50%".
pub fn contains_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// How many statements the pool's connections have sent, transaction control included. The
/// tests read it to show that a page's database work does not grow with its rows.
#[derive(Clone, Debug, Default)]
pub struct QueryCounter {
    sent: Arc<AtomicU64>,
    /// When watching (the tests): the SQL of statements a connection prepared again on a
    /// second execution because diesel would not let it keep them (see
    /// `statement::reused`).
    unkept: Option<Arc<std::sync::Mutex<std::collections::BTreeSet<String>>>>,
}

impl QueryCounter {
    /// A counter that also notes every statement prepared again (it reads each statement's
    /// text, so it is for tests).
    pub fn watching() -> QueryCounter {
        QueryCounter {
            sent: Arc::default(),
            unkept: Some(Arc::default()),
        }
    }

    pub fn get(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// The statements some connection prepared again (empty unless `watching`).
    pub fn unkept(&self) -> Vec<String> {
        self.unkept
            .as_ref()
            .and_then(|u| u.lock().ok().map(|u| u.iter().cloned().collect()))
            .unwrap_or_default()
    }

    /// What a connection's instrumentation does with each event: counts the statements, and
    /// when watching, notes one executed again without having been kept by the connection.
    fn observer(&self) -> impl FnMut(InstrumentationEvent<'_>) + Send + 'static {
        let sent = self.sent.clone();
        let unkept = self.unkept.clone();
        let mut seen = std::collections::HashSet::new();
        let mut kept = std::collections::HashSet::new();
        move |event| match event {
            InstrumentationEvent::StartQuery { query, .. } => {
                sent.fetch_add(1, Ordering::Relaxed);
                let Some(unkept) = &unkept else { return };
                let text = query.to_string();
                // Only extended-protocol statements (with binds) are prepared; BEGIN and
                // COMMIT are sent as text.
                let Some((sql, _)) = text.split_once(" -- binds: ") else {
                    return;
                };
                if !kept.contains(sql)
                    && !seen.insert(sql.to_owned())
                    && let Ok(mut unkept) = unkept.lock()
                {
                    unkept.insert(sql.to_owned());
                }
            }
            InstrumentationEvent::CacheQuery { sql, .. } if unkept.is_some() => {
                kept.insert(sql.to_owned());
            }
            _ => {}
        }
    }
}

/// How the dashboard's HTTP workers open their connections: each worker has two pools of its
/// own (one per `Plans`), each a share of `max_size`. A connection's driver task runs on the
/// thread that opened it, so a pool shared by all workers made every statement wake another
/// thread twice (there and back); one pool per worker keeps a request and its statements on
/// one thread. Measured on the benchmark data: 10–25% more requests/s on pages of two or more
/// statements.
#[derive(Clone, Debug)]
pub struct WorkerPools {
    pub url: String,
    /// Connections of each kind across all workers (`Settings::db_connections`).
    pub max_size: usize,
    pub queries: QueryCounter,
}

impl WorkerPools {
    /// The pool of one of `workers` workers.
    pub fn open(&self, workers: usize) -> Result<DbPool, StartupError> {
        pool_planned(
            &self.url,
            self.share(workers),
            self.queries.clone(),
            Plans::Auto,
        )
    }

    /// The steady-plan pool of one of `workers` workers.
    pub fn open_steady(&self, workers: usize) -> Result<DbPool, StartupError> {
        pool_planned(
            &self.url,
            self.share(workers),
            self.queries.clone(),
            Plans::Steady,
        )
    }

    fn share(&self, workers: usize) -> usize {
        self.max_size.div_ceil(workers.max(1)).max(1)
    }
}

/// How a pool's connections plan their prepared statements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plans {
    /// PostgreSQL's default: a statement is planned for its values on every execution while
    /// that looks cheaper than one plan for all values, which it does for most statements
    /// with a date range or a LIMIT.
    Auto,
    /// Every statement is planned once per connection, for any values
    /// (`plan_cache_mode = force_generic_plan`). Only for statements whose one plan was
    /// checked to suit every value they are given: a page's list by partner, customer or
    /// date through its index. Planning was half of PostgreSQL's time on those pages; a
    /// search or a filter on a rare value must not use it, as its best plan depends on the
    /// value (an activity filter on one rare operation took 450 ms with the one plan).
    Steady,
}

pub fn pool(url: &str, max_size: usize, queries: QueryCounter) -> Result<DbPool, StartupError> {
    pool_planned(url, max_size, queries, Plans::Auto)
}

/// A pool as diesel-async and deadpool make it by default: `max_size` connections shared by
/// every worker, each checked out only after a test query (`SELECT 1`) showed it alive. For
/// the benchmark's reference page, which measures what the stack gives untuned (a stand-alone
/// fortunes server on this stack, with its defaults, served the same requests/s); the
/// dashboard's own pools skip the test query and keep a pool per worker.
pub fn stock_pool(url: &str, max_size: usize) -> Result<DbPool, StartupError> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
    Pool::builder(manager)
        .max_size(max_size)
        .build()
        .map_err(|e| StartupError::Database(e.to_string()))
}

fn pool_planned(
    url: &str,
    max_size: usize,
    queries: QueryCounter,
    plans: Plans,
) -> Result<DbPool, StartupError> {
    let mut config = ManagerConfig::<AsyncPgConnection>::default();
    // No test query on every checkout: it was a third of a page's round trips. A connection
    // that broke is marked so by the driver and dropped by the pool instead of reused.
    config.recycling_method = RecyclingMethod::Fast;
    // Each connection's driver task runs on the HTTP worker that opened it. A worker that stops
    // first (graceful shutdown) takes its tasks along; the pool sees those connections closed
    // at the next checkout and drops them, and a request already holding one answers 503.
    // Running every task on the main runtime instead was measured: twice the p99 latency.
    config.custom_setup = Box::new(move |url| {
        let queries = queries.clone();
        Box::pin(async move {
            let mut conn = AsyncPgConnection::establish(url).await?;
            if plans == Plans::Steady {
                use diesel_async::SimpleAsyncConnection;
                conn.batch_execute("SET plan_cache_mode = force_generic_plan")
                    .await
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
            }
            conn.set_instrumentation(queries.observer());
            Ok(conn)
        })
    });
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(url, config);
    Pool::builder(manager)
        .max_size(max_size)
        .wait_timeout(Some(std::time::Duration::from_secs(10)))
        .create_timeout(Some(std::time::Duration::from_secs(5)))
        .runtime(deadpool::Runtime::Tokio1)
        .build()
        .map_err(|e| StartupError::Database(e.to_string()))
}

/// Creates database `name` on the server behind `admin_url` unless it exists.
pub async fn ensure_database(admin_url: &str, name: &str) -> Result<(), StartupError> {
    use diesel::sql_types::Text;
    use diesel_async::{AsyncConnection, RunQueryDsl};
    let err = |e: &dyn std::fmt::Display| StartupError::Database(e.to_string());
    let mut conn = AsyncPgConnection::establish(admin_url)
        .await
        .map_err(|e| err(&e))?;
    #[derive(diesel::QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        _one: i32,
    }
    let found: Vec<Found> =
        diesel::sql_query("SELECT 1 AS _one FROM pg_database WHERE datname = $1")
            .bind::<Text, _>(name)
            .load(&mut conn)
            .await
            .map_err(|e| err(&e))?;
    if found.is_empty() {
        // Identifiers cannot be bound; `name` comes from our own code, never from a user.
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .await
            .map_err(|e| err(&e))?;
    }
    Ok(())
}
