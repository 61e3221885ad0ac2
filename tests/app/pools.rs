//! The two kinds of connection a worker has: planned per execution (PostgreSQL's default),
//! and planned once for the pages whose statements suit one plan (`db::Plans::Steady`).

use diesel::sql_types::Text;
use diesel_async::RunQueryDsl;

use crate::support::db;

#[derive(diesel::QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    plan_cache_mode: String,
}

async fn plan_cache_mode(pool: &cspdesk::db::DbPool) -> String {
    let mut conn = pool.get().await.expect("connection");
    let rows: Vec<Setting> = diesel::sql_query("SHOW plan_cache_mode")
        .load(&mut conn)
        .await
        .expect("show");
    rows.into_iter().next().expect("one row").plan_cache_mode
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn steady_connections_plan_once_and_the_others_as_postgresql_chooses() {
    let database = db::fresh_database().await;
    let pools = cspdesk::db::WorkerPools {
        url: db::url_for(&database),
        max_size: 4,
        queries: Default::default(),
    };
    let steady = pools.open_steady(2).expect("steady pool");
    let auto = pools.open(2).expect("pool");
    assert_eq!(plan_cache_mode(&steady).await, "force_generic_plan");
    assert_eq!(plan_cache_mode(&auto).await, "auto");
    assert_eq!(steady.status().max_size, 2, "a worker's share");
    assert_eq!(auto.status().max_size, 2);
    drop((steady, auto));
    db::drop_database(database);
}
