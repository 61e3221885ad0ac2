//! Database access: the connection pool, embedded migrations, the private cluster used when
//! no DATABASE_URL is given, and the generated schema.

pub mod cluster;
pub mod migrate;
pub mod schema;

use diesel_async::AsyncPgConnection;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::pooled_connection::deadpool::{Object, Pool};

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

pub fn pool(url: &str, max_size: usize) -> Result<DbPool, StartupError> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
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
