//! Issuing: when a month has ended, each of its open invoices gets the next invoice number and
//! an issue date, and from then on never changes (the database refuses it). It happens on the
//! first Billing request of the partner after the month ends, and for every partner in a
//! periodic task, whichever comes first. Each invoice is locked while it is issued, so two
//! requests or two app processes issue it once; numbers come from one counter row in the same
//! transaction, so they have no gaps.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::rules::Month;
use crate::db::schema::{invoice_numbers, invoices};
use crate::db::statement::Reuse;
use crate::error::AppError;
use crate::ids::PartnerId;

/// How many invoices one call issues at most; the periodic task comes back for the rest.
const BATCH: i64 = 500;

/// The months in which this process found nothing left to issue for a partner. Once every
/// invoice of a month before the current one is issued, no new one can become due until the
/// month ends (orders and credits go on invoices of the current month or later), so the
/// partner's Billing pages skip the check for the rest of the month.
#[derive(Default)]
pub struct Checked(std::sync::Mutex<std::collections::HashMap<PartnerId, NaiveDate>>);

/// Whether this process already issued the partner's invoices of months before the month of
/// `now`: then `due_for` has nothing to do.
pub fn is_done(checked: &Checked, partner: PartnerId, now: DateTime<Utc>) -> bool {
    let month = Month::of(now).first_day();
    checked
        .0
        .lock()
        .ok()
        .and_then(|c| c.get(&partner).copied())
        .is_some_and(|m| m >= month)
}

/// Issues the partner's invoices of months before the month of `now`, unless this process
/// already did in this month. Issuing takes a connection of `pool`, which plans for the
/// values given (`db::Plans::Auto`), whatever the page's own connection does.
pub async fn due_for(
    pool: &crate::db::DbPool,
    checked: &Checked,
    partner: PartnerId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if is_done(checked, partner, now) {
        return Ok(());
    }
    due_on(&mut *pool.get().await?, checked, partner, now).await
}

/// As `due_for`, on a connection the caller holds: a request must not wait for a second
/// connection of a pool while holding one, or a few such requests at once hold the whole
/// pool and wait for each other.
pub async fn due_on(
    conn: &mut AsyncPgConnection,
    checked: &Checked,
    partner: PartnerId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if is_done(checked, partner, now) {
        return Ok(());
    }
    let month = Month::of(now).first_day();
    let (_, loaded) = batch(conn, Some(partner), now).await?;
    if loaded < BATCH as usize
        && let Ok(mut months) = checked.0.lock()
    {
        months.insert(partner, month);
    }
    Ok(())
}

/// Issues the invoices of months before the month of `now`, of one partner or of all; how
/// many this call issued (an invoice another request issued meanwhile is not counted).
pub async fn due(
    conn: &mut AsyncPgConnection,
    partner: Option<PartnerId>,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    Ok(batch(conn, partner, now).await?.0)
}

/// Up to `BATCH` invoices due: how many this call issued, and how many it found.
async fn batch(
    conn: &mut AsyncPgConnection,
    partner: Option<PartnerId>,
    now: DateTime<Utc>,
) -> Result<(usize, usize), AppError> {
    let before: NaiveDate = Month::of(now).first_day();
    let mut query = invoices::table
        .filter(invoices::issued_at.is_null())
        .filter(invoices::month.lt(before))
        .select(invoices::id)
        .order((invoices::month, invoices::partner_id, invoices::currency))
        .limit(BATCH)
        .into_boxed();
    if let Some(partner) = partner {
        query = query.filter(invoices::partner_id.eq(partner));
    }
    let ids: Vec<Uuid> = query.load(conn).await?;
    let mut issued = 0;
    for id in &ids {
        if issue(conn, *id, now).await? {
            issued += 1;
        }
    }
    Ok((issued, ids.len()))
}

/// Issues one invoice unless it already is; whether this call issued it.
async fn issue(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        // Locked first: an order or credit still being added to it finishes before, and a
        // second issuer waits here and then finds it issued.
        let issued_at: Option<DateTime<Utc>> = invoices::table
            .find(id)
            .select(invoices::issued_at)
            .for_update()
            .first(conn)
            .await?;
        if issued_at.is_some() {
            return Ok(false);
        }
        let number: i64 = diesel::update(invoice_numbers::table)
            .set(invoice_numbers::last.eq(invoice_numbers::last + 1))
            .returning(invoice_numbers::last)
            .reused()
            .get_result(conn)
            .await?;
        // The database takes the invoice's tallies into its totals as it is issued.
        diesel::update(invoices::table.find(id))
            .set((invoices::number.eq(number), invoices::issued_at.eq(now)))
            .reused()
            .execute(conn)
            .await?;
        Ok(true)
    })
    .await
}

/// Issues every partner's due invoices every ten minutes, so a month is issued even when
/// nobody opens Billing.
pub async fn run_forever(pool: crate::db::DbPool, clock: std::sync::Arc<dyn crate::clock::Clock>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
    loop {
        every.tick().await;
        let issued = match pool.get().await {
            Ok(mut conn) => due(&mut conn, None, clock.now()).await,
            Err(e) => Err(e.into()),
        };
        match issued {
            Ok(0) => {}
            Ok(n) => log::info!("issued {n} invoices"),
            Err(e) => log::warn!("issuing invoices: {}", e.chain()),
        }
    }
}
