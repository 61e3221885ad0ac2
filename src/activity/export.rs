//! The activity log as CSV: exactly the rows the filter selects, streamed in keyset batches
//! (see `web::csv`), with the page's cells.

use actix_web::web::Bytes;
use futures_util::Stream;

use super::filter::{Cursor, Filter};
use super::queries::{self, LogRow, Selection};
use super::views::{CSV_COLUMNS, LogView};
use crate::auth::PartnerScope;
use crate::db::DbPool;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::CustomerId;
use crate::web::csv;

const BATCH: i64 = 500;

pub fn stream(
    pool: DbPool,
    scope: PartnerScope,
    filter: Filter,
    customer_id: Option<CustomerId>,
    lang: Lang,
) -> impl Stream<Item = Result<Bytes, AppError>> {
    let header: Vec<String> = CSV_COLUMNS.iter().map(|k| lang.t(k)).collect();
    let fetch = move |after: Option<Cursor>| {
        let pool = pool.clone();
        let filter = filter.clone();
        async move {
            let conn = pool.get().await?;
            let sel = Selection {
                filter: &filter,
                customer_id,
            };
            queries::page(&conn, scope, &sel, after, BATCH).await
        }
    };
    csv::keyset(header, BATCH, fetch, LogRow::cursor, move |row| {
        LogView::new(row, lang).cells()
    })
}
