//! Records that a page must have written before it answers (a key is shown only once its
//! view is on the log), written together: the process has one writer, and the records of the
//! requests that arrive while it writes go out next as one INSERT, in one transaction.
//!
//! Why: a commit waits for the log to reach the disk, and on this kind of machine that costs
//! more than the page itself. Sixteen key views at once cost one commit each on their own;
//! here they share a few. Nothing is weaker: each request still waits until its own record is
//! committed, and gets an error page if it is not.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::sync::OnceLock;

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::{Entry, Names};
use crate::db::statement::prepared;
use crate::error::AppError;

/// At most this many records go in one statement.
const MOST: usize = 128;

/// An entry that owns what it says, to wait in the writer's queue.
struct Queued {
    row: Row,
    done: oneshot::Sender<bool>,
}

/// One record, as the statement's arrays take it.
struct Row {
    partner_id: Option<Uuid>,
    at: DateTime<Utc>,
    actor_user_id: Option<Uuid>,
    actor: String,
    operation: &'static str,
    customer_id: Option<Uuid>,
    order_id: Option<Uuid>,
    product_id: Option<Uuid>,
    details: serde_json::Value,
    customer_name: Option<String>,
    product_name: Option<String>,
    order_number: Option<i64>,
}

fn row(e: Entry<'_>, names: Names<'_>) -> Row {
    Row {
        partner_id: e.partner_id.map(|id| id.0),
        at: e.at,
        actor_user_id: e.actor_user_id.map(|id| id.0),
        actor: e.actor.to_string(),
        operation: e.operation.code(),
        customer_id: e.customer_id.map(|id| id.0),
        order_id: e.order_id.map(|id| id.0),
        product_id: e.product_id.map(|id| id.0),
        details: e.details,
        customer_name: names.customer.map(str::to_string),
        product_name: names.product.map(str::to_string),
        order_number: names.order_number,
    }
}

/// The process's writer of records: a thread of its own, started on first use, so that its
/// turns come as soon as the database answers instead of between the requests of a busy HTTP
/// worker, and so that the records of every worker's requests gather in one queue.
pub struct Recorder {
    url: String,
    queue: OnceLock<mpsc::UnboundedSender<Queued>>,
}

impl Recorder {
    pub fn new(database_url: &str) -> Recorder {
        Recorder {
            url: database_url.to_string(),
            queue: OnceLock::new(),
        }
    }

    /// Writes `entry` and returns once it is committed. It takes no connection from the pools,
    /// so a caller may hold one of its own while it waits.
    pub async fn record(&self, entry: Entry<'_>) -> Result<(), AppError> {
        self.record_named(entry, Names::default()).await
    }

    /// `record` with the names the writer gives; those left out are looked up by the
    /// database (`activity_names`), which costs a lookup per record.
    pub async fn record_named(&self, entry: Entry<'_>, names: Names<'_>) -> Result<(), AppError> {
        let queue = self.queue.get_or_init(|| start(self.url.clone()));
        let (done, written) = oneshot::channel();
        let queued = Queued {
            row: row(entry, names),
            done,
        };
        match queue.send(queued) {
            Ok(()) => match written.await {
                Ok(true) => Ok(()),
                _ => Err(AppError::internal("the activity record was not written")),
            },
            // No writer (its thread could not start): write this one here.
            Err(mpsc::error::SendError(q)) => {
                let mut own = AsyncPgConnection::establish(&self.url)
                    .await
                    .map_err(|e| AppError::Unavailable(Box::new(e)))?;
                write(&mut own, &[q.row]).await
            }
        }
    }
}

/// Starts the writer's thread; it ends when the last sender is gone (the app stopped).
fn start(url: String) -> mpsc::UnboundedSender<Queued> {
    let (queue, waiting) = mpsc::unbounded_channel();
    let started = std::thread::Builder::new()
        .name("activity-writer".into())
        .spawn(move || {
            match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime.block_on(writer(waiting, url)),
                Err(e) => log::error!("activity writer not started: {e}"),
            }
        });
    if let Err(e) = started {
        log::error!("activity writer not started: {e}");
    }
    queue
}

/// Writes what is queued, as much as has gathered each time, until the app stops. The writer
/// keeps a connection of its own, outside the workers' pools: requests wait for it while
/// holding theirs, so it must never wait for one of theirs.
async fn writer(mut waiting: mpsc::UnboundedReceiver<Queued>, url: String) {
    let mut batch = Vec::with_capacity(MOST);
    let mut own: Option<AsyncPgConnection> = None;
    while waiting.recv_many(&mut batch, MOST).await > 0 {
        let (rows, done): (Vec<Row>, Vec<_>) = batch.drain(..).map(|q| (q.row, q.done)).unzip();
        let written = write_own(&mut own, &url, &rows).await;
        if let Err(e) = &written {
            log::error!("activity records not written: {e}");
        }
        for d in done {
            // A request that stopped waiting (its client left) needs no answer.
            let _ = d.send(written.is_ok());
        }
    }
}

/// Writes on the writer's connection, opened when there is none; a connection is kept only
/// after a good write, so whatever went wrong, the next batch starts on a new one.
async fn write_own(
    own: &mut Option<AsyncPgConnection>,
    url: &str,
    rows: &[Row],
) -> Result<(), AppError> {
    let mut conn = match own.take() {
        Some(conn) => conn,
        None => AsyncPgConnection::establish(url)
            .await
            .map_err(|e| AppError::internal(format!("no connection for activity records: {e}")))?,
    };
    write(&mut conn, rows).await?;
    *own = Some(conn);
    Ok(())
}

/// One statement for any number of records, so each connection prepares and plans it once:
/// a column's values go as one array.
async fn write(conn: &mut AsyncPgConnection, rows: &[Row]) -> Result<(), AppError> {
    use diesel::sql_types::{Array, BigInt, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid};
    let ids = |f: fn(&Row) -> Option<Uuid>| rows.iter().map(f).collect::<Vec<_>>();
    let names = |f: fn(&Row) -> Option<&str>| rows.iter().map(f).collect::<Vec<_>>();
    prepared(
        "INSERT INTO activity (partner_id, at, actor_user_id, actor, operation, customer_id,
                               order_id, product_id, details, customer_name, product_name,
                               order_number)
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[],
                              $6::uuid[], $7::uuid[], $8::uuid[], $9::jsonb[], $10::text[],
                              $11::text[], $12::bigint[])",
    )
    .bind::<Array<Nullable<SqlUuid>>, _>(ids(|r| r.partner_id))
    .bind::<Array<Timestamptz>, _>(rows.iter().map(|r| r.at).collect::<Vec<_>>())
    .bind::<Array<Nullable<SqlUuid>>, _>(ids(|r| r.actor_user_id))
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.actor.as_str()).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.operation).collect::<Vec<_>>())
    .bind::<Array<Nullable<SqlUuid>>, _>(ids(|r| r.customer_id))
    .bind::<Array<Nullable<SqlUuid>>, _>(ids(|r| r.order_id))
    .bind::<Array<Nullable<SqlUuid>>, _>(ids(|r| r.product_id))
    .bind::<Array<Jsonb>, _>(rows.iter().map(|r| &r.details).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(names(|r| r.customer_name.as_deref()))
    .bind::<Array<Nullable<Text>>, _>(names(|r| r.product_name.as_deref()))
    .bind::<Array<Nullable<BigInt>>, _>(rows.iter().map(|r| r.order_number).collect::<Vec<_>>())
    .execute(conn)
    .await?;
    Ok(())
}
