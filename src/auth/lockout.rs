//! The lockout counters of signing in: a failure is counted before the password is checked,
//! an account is locked after too many, and old counters expire.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::rules::{self, Throttle};
use crate::db::schema::sign_in_throttle;
use crate::db::statement::Reuse;
use crate::error::AppError;

pub enum Attempt {
    /// The account is locked until then; the attempt was not counted.
    Refused(DateTime<Utc>),
    /// Counted as a failure in advance (cleared if the password is right); the record after it.
    Counted(Throttle),
}

/// How many expired records one attempt removes at most: enough to keep up with any rate of
/// attempts, and a small, bounded cost for each.
const EXPIRE_BATCH: i64 = 100;

/// Counts an attempt before its password is checked. The row is locked while it is read and
/// written, so parallel guesses from any number of processes are each counted, and the sixth
/// is refused even if all arrive at once. Each counted attempt also removes a few records that
/// have run their course (most are for addresses that have no account), so the table holds
/// only the last quarter hour's.
pub async fn count_attempt(
    conn: &mut AsyncPgConnection,
    email: &str,
    now: DateTime<Utc>,
) -> Result<Attempt, AppError> {
    let email = email.to_string();
    conn.transaction::<_, AppError, _>(async move |conn| {
        let before = lock_record(conn, &email, now).await?;
        if let Some(until) = rules::locked_until(Some(&before), now) {
            return Ok(Attempt::Refused(until));
        }
        // A brand-new row has no failures yet: treat it like no record at all.
        let before = (before.failures > 0 || before.locked_until.is_some()).then_some(before);
        let next = rules::after_failure(before.as_ref(), now);
        diesel::update(sign_in_throttle::table.find(&email))
            .set((
                sign_in_throttle::window_started_at.eq(next.window_started_at),
                sign_in_throttle::failures.eq(next.failures),
                sign_in_throttle::locked_until.eq(next.locked_until),
            ))
            .reused()
            .execute(conn)
            .await?;
        expire(conn, now).await?;
        Ok(Attempt::Counted(next))
    })
    .await
}

/// The address's record, inserted (with no failures) or locked when it exists: locked at
/// once, it cannot be removed (as expired, or by a right password) before the transaction
/// ends.
async fn lock_record(
    conn: &mut AsyncPgConnection,
    email: &str,
    now: DateTime<Utc>,
) -> Result<Throttle, AppError> {
    diesel::insert_into(sign_in_throttle::table)
        .values((
            sign_in_throttle::email.eq(email),
            sign_in_throttle::window_started_at.eq(now),
            sign_in_throttle::failures.eq(0),
        ))
        .on_conflict(sign_in_throttle::email)
        .do_update()
        .set(sign_in_throttle::failures.eq(sign_in_throttle::failures))
        .reused()
        .execute(conn)
        .await?;
    let (window_started_at, failures, locked_until) = sign_in_throttle::table
        .find(email)
        .select((
            sign_in_throttle::window_started_at,
            sign_in_throttle::failures,
            sign_in_throttle::locked_until,
        ))
        .for_update()
        .first(conn)
        .await?;
    Ok(Throttle {
        window_started_at,
        failures,
        locked_until,
    })
}

/// Removes up to `EXPIRE_BATCH` records whose window and lock have both passed (see
/// `rules::expired`). Records another attempt holds are skipped, never waited for.
async fn expire(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<usize, AppError> {
    Ok(crate::db::statement::prepared(
        "DELETE FROM sign_in_throttle WHERE email IN ( \
             SELECT email FROM sign_in_throttle \
             WHERE window_started_at <= $1 AND (locked_until IS NULL OR locked_until <= $2) \
             LIMIT $3 FOR UPDATE SKIP LOCKED)",
    )
    .bind::<Timestamptz, _>(rules::expiry_cutoff(now))
    .bind::<Timestamptz, _>(now)
    .bind::<BigInt, _>(EXPIRE_BATCH)
    .execute(conn)
    .await?)
}

pub async fn clear_failures(conn: &mut AsyncPgConnection, email: &str) -> Result<(), AppError> {
    diesel::delete(sign_in_throttle::table.find(email))
        .execute(conn)
        .await?;
    Ok(())
}
