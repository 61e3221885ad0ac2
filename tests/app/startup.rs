//! The command line and the private PostgreSQL cluster, as a user meets them.

use cspdesk::db::cluster::{ClusterOptions, LocalCluster};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

#[test]
fn a_bad_setting_stops_the_program_with_one_line() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cspdesk"))
        .arg("migrate")
        .env("CSPDESK_ADDR", "not-an-address")
        .env("CSPDESK_SESSION_KEY", "too short")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("CSPDESK_ADDR") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_command_prints_the_usage() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cspdesk"))
        .arg("explode")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("usage: cspdesk")
    );
}

async fn count_rows(url: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = AsyncPgConnection::establish(url).await.unwrap();
    let rows: Vec<N> = diesel::sql_query("SELECT count(*) AS n FROM kept")
        .load(&mut conn)
        .await
        .unwrap();
    rows[0].n
}

/// The cluster's `min_wal_size` and `max_wal_size`.
async fn wal_sizes(url: &str) -> (String, String) {
    #[derive(diesel::QueryableByName)]
    struct S {
        #[diesel(sql_type = diesel::sql_types::Text)]
        min: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        max: String,
    }
    let mut conn = AsyncPgConnection::establish(url).await.unwrap();
    let s: S = diesel::sql_query(
        "SELECT current_setting('min_wal_size') AS min, current_setting('max_wal_size') AS max",
    )
    .get_result(&mut conn)
    .await
    .unwrap();
    (s.min, s.max)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_private_cluster_keeps_its_data_across_restarts_and_serves_one_process() {
    let dir = std::env::temp_dir().join(format!("cspdesk-cluster-{}", uuid::Uuid::new_v4()));
    let first = LocalCluster::start(&dir, ClusterOptions { ephemeral: false }).unwrap();
    let url = first.url("postgres");
    let mut conn = AsyncPgConnection::establish(&url).await.unwrap();
    diesel::sql_query("CREATE TABLE kept (id int)")
        .execute(&mut conn)
        .await
        .unwrap();
    diesel::sql_query("INSERT INTO kept VALUES (1), (2)")
        .execute(&mut conn)
        .await
        .unwrap();
    drop(conn);
    let second = LocalCluster::start(&dir, ClusterOptions { ephemeral: false });
    let refused = second
        .err()
        .expect("a second process on the same data directory is refused")
        .to_string();
    assert!(refused.contains("another cspdesk process"), "{refused}");
    drop(first); // stops the server

    // A port that is taken does not matter: the server picks a free one at every start.
    let again = LocalCluster::start(&dir, ClusterOptions { ephemeral: false }).unwrap();
    assert_eq!(count_rows(&again.url("postgres")).await, 2);
    assert_eq!(
        wal_sizes(&again.url("postgres")).await,
        ("1GB".to_string(), "4GB".to_string()),
        "a cluster that keeps its data runs with room for the log between checkpoints"
    );
    let mut no_password: url::Url = again.url("postgres").parse().unwrap();
    no_password.set_password(None).unwrap();
    assert!(
        AsyncPgConnection::establish(no_password.as_str())
            .await
            .is_err(),
        "the cluster requires its generated password"
    );
    drop(again);
    assert!(
        AsyncPgConnection::establish(&url).await.is_err(),
        "the server stopped with its owner"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The benchmark's yardstick answers as TechEmpower's fortunes do: the table's 12 rows and
/// one added at request time, sorted by message and escaped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_reference_serves_the_fortunes_page_on_the_products_database() {
    use std::io::{BufRead, BufReader};
    let database = crate::support::db::fresh_database().await;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cspdesk"))
        .args(["serve-reference", "127.0.0.1:0"])
        .env("DATABASE_URL", crate::support::db::url_for(&database))
        .env("RUST_LOG", "info")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let url = stderr
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.split_once("listening on ")
                .map(|(_, u)| u.trim().to_string())
        })
        .expect("the reference logs its address");
    let body = reqwest::get(&url).await.unwrap().text().await.unwrap();
    let _ = child.kill();
    let _ = child.wait();
    crate::support::db::drop_database(database);
    let messages: Vec<String> = body
        .split("<tr><td>")
        .skip(1)
        .map(|row| {
            row.split("</td><td>")
                .nth(1)
                .unwrap()
                .split("</td>")
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(messages.len(), 13, "{body}");
    let mut sorted = messages.clone();
    sorted.sort();
    assert_eq!(messages, sorted);
    assert!(messages.contains(&"Additional fortune added at request time.".to_string()));
    assert!(
        body.contains("&#60;script&#62;") || body.contains("&lt;script&gt;"),
        "{body}"
    );
    assert!(!body.contains("<script>"));
    assert!(body.contains("フレームワークのベンチマーク"));
}
