//! Refusals of a spent link, counted per link and hour: the first of each hour goes on the
//! activity log, the rest only raise a count, so hammering a spent link cannot flood the log.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::links::Taken;
use crate::error::AppError;

/// What to do with one more refusal of a link.
pub struct Refusal {
    /// The first refusal of the link in this hour: it becomes an activity record.
    pub record: bool,
    /// Refusals of the hour before that were counted but not recorded.
    pub unrecorded_before: i32,
}

#[derive(diesel::QueryableByName)]
struct RefusalCount {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    refusals: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    previous_refusals: i32,
}

/// Counts a refusal of `link`; an hour after a link's first counted refusal a new hour
/// starts, whose first refusal is recorded again. One upsert, so concurrent refusals (in any
/// app process) agree on which one is the first.
pub async fn count_refusal(
    conn: &mut AsyncPgConnection,
    link: &Taken,
    now: DateTime<Utc>,
) -> Result<Refusal, AppError> {
    use diesel::sql_types::{Timestamptz, Uuid as SqlUuid};
    let counted: RefusalCount = crate::db::statement::prepared(
        "INSERT INTO link_refusals AS r (link_id, partner_id, window_start, refusals)
         VALUES ($1, $2, $3, 1)
         ON CONFLICT (link_id) DO UPDATE SET
             previous_refusals = CASE WHEN r.window_start <= $3 - interval '1 hour'
                                      THEN r.refusals ELSE r.previous_refusals END,
             refusals = CASE WHEN r.window_start <= $3 - interval '1 hour'
                             THEN 1 ELSE r.refusals + 1 END,
             window_start = CASE WHEN r.window_start <= $3 - interval '1 hour'
                                 THEN $3 ELSE r.window_start END
         RETURNING refusals, previous_refusals",
    )
    .bind::<SqlUuid, _>(link.id)
    .bind::<SqlUuid, _>(link.partner_id)
    .bind::<Timestamptz, _>(now)
    .get_result(conn)
    .await?;
    let record = counted.refusals == 1;
    Ok(Refusal {
        record,
        unrecorded_before: if record {
            (counted.previous_refusals - 1).max(0)
        } else {
            0
        },
    })
}
