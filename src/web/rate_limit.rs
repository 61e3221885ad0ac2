//! Per-client request limits kept in PostgreSQL, so they hold across app processes: one row
//! per limit and client, counted by one upsert in fixed one-minute windows.

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use diesel::sql_types::{Integer, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::error::AppError;

/// The window a moment falls in: its minute.
pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now.duration_trunc(TimeDelta::minutes(1)).unwrap_or(now)
}

/// `None` while `hits` is within `limit`; otherwise the seconds until the next window.
pub fn retry_after(hits: i32, limit: u32, now: DateTime<Utc>) -> Option<u64> {
    if i64::from(hits) <= i64::from(limit) {
        return None;
    }
    Some(seconds_left(now))
}

/// Seconds until the window after `now`'s begins: a refused client's `Retry-After`.
pub fn seconds_left(now: DateTime<Utc>) -> u64 {
    let next = window_start(now) + TimeDelta::minutes(1);
    (next - now).num_seconds().clamp(1, 60) as u64
}

#[derive(diesel::QueryableByName)]
struct Hits {
    #[diesel(sql_type = Integer)]
    hits: i32,
}

/// Counts one request of `client` against `bucket`'s limit; `TooManyRequests` past it. A
/// window that another process has already moved on is not moved back.
pub async fn hit(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    client: &str,
    limit: u32,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // The count is committed without waiting for the disk (`synchronous_commit` off for this
    // statement's own transaction): a crash can lose the last moment's counts, which only
    // lets a client make a few more requests in that minute, while waiting for the disk on
    // every counted request cost more than the request itself.
    let counted: Hits = crate::db::statement::prepared(
        "WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true))
         INSERT INTO request_counts AS c (bucket, client, window_start, hits)
         SELECT $1, $2, $3, 1 FROM unflushed
         ON CONFLICT (bucket, client) DO UPDATE SET
             hits = CASE WHEN c.window_start >= EXCLUDED.window_start
                         THEN LEAST(c.hits, 1000000) + 1 ELSE 1 END,
             window_start = GREATEST(c.window_start, EXCLUDED.window_start)
         RETURNING hits",
    )
    .bind::<Text, _>(bucket)
    .bind::<Text, _>(client)
    .bind::<Timestamptz, _>(window_start(now))
    .get_result(conn)
    .await?;
    match retry_after(counted.hits, limit, now) {
        None => Ok(()),
        Some(seconds) => Err(AppError::TooManyRequests(seconds)),
    }
}

/// Rows one sweep statement removes: short statements, so no long lock on the table.
const SWEEP_BATCH: usize = 10_000;

/// Removes the counts of windows long past (they would only be reset), batch by batch until
/// none is left.
pub async fn sweep(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<usize, AppError> {
    let mut removed = 0;
    loop {
        let n = diesel::sql_query(
            "DELETE FROM request_counts WHERE ctid IN (
                 SELECT ctid FROM request_counts WHERE window_start < $1 LIMIT 10000)",
        )
        .bind::<Timestamptz, _>(now - TimeDelta::hours(1))
        .execute(conn)
        .await?;
        removed += n;
        if n < SWEEP_BATCH {
            return Ok(removed);
        }
    }
}

/// Sweeps the old counts every ten minutes, for as long as the server runs.
pub async fn run_forever(pool: crate::db::DbPool, clock: std::sync::Arc<dyn crate::clock::Clock>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        every.tick().await;
        let swept = match pool.get().await {
            Ok(mut conn) => sweep(&mut conn, clock.now()).await,
            Err(e) => Err(e.into()),
        };
        if let Err(e) = swept {
            log::warn!("request count sweep: {}", e.chain());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn requests_within_the_limit_pass_and_the_next_wait_for_the_next_minute() {
        let now = at("2026-12-01T10:15:42Z");
        assert_eq!(window_start(now), at("2026-12-01T10:15:00Z"));
        assert_eq!(retry_after(60, 60, now), None);
        assert_eq!(retry_after(61, 60, now), Some(18));
        assert_eq!(retry_after(61, 60, at("2026-12-01T10:15:59.900Z")), Some(1));
        assert_eq!(retry_after(2, 1, at("2026-12-01T10:15:00Z")), Some(60));
    }
}
