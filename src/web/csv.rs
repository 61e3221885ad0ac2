//! CSV downloads streamed in keyset batches: memory holds one batch whatever the number of
//! rows, and a database connection is held only while a batch is read, never while the
//! client reads.

use std::future::Future;

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::web::Bytes;
use actix_web::{HttpResponse, HttpResponseBuilder};
use futures_util::Stream;

use crate::error::AppError;

enum Step<K> {
    Header,
    After(Option<K>),
    Done,
}

/// A CSV body: the header row, then batches of `batch` rows, each fetched after the key of
/// the previous batch's last row. A short batch ends the stream.
pub fn keyset<R, K, F, Fut>(
    header: Vec<String>,
    batch: i64,
    fetch: F,
    key: fn(&R) -> K,
    cells: impl Fn(&R) -> Vec<String> + 'static,
) -> impl Stream<Item = Result<Bytes, AppError>>
where
    K: 'static,
    R: 'static,
    F: Fn(Option<K>) -> Fut + 'static,
    Fut: Future<Output = Result<Vec<R>, AppError>>,
{
    let state = (Step::Header, header, fetch, cells);
    futures_util::stream::unfold(state, move |(step, header, fetch, cells)| async move {
        let (out, next) = match step {
            Step::Done => return None,
            Step::Header => (write(std::slice::from_ref(&header)), Step::After(None)),
            Step::After(after) => match fetch(after).await {
                Err(e) => (Err(e), Step::Done),
                Ok(rows) if rows.is_empty() => return None,
                Ok(rows) => {
                    let next = match rows.last() {
                        Some(last) if rows.len() as i64 == batch => Step::After(Some(key(last))),
                        _ => Step::Done,
                    };
                    let lines: Vec<Vec<String>> = rows.iter().map(&cells).collect();
                    (write(&lines), next)
                }
            },
        };
        Some((out, (next, header, fetch, cells)))
    })
}

/// The response headers of a CSV download named `file_name` (ASCII).
pub fn download(file_name: &str) -> HttpResponseBuilder {
    let mut res = HttpResponse::Ok();
    res.insert_header((CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((CACHE_CONTROL, "no-store"));
    res
}

fn write(rows: &[Vec<String>]) -> Result<Bytes, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for r in rows {
        out.write_record(r).map_err(AppError::internal)?;
    }
    out.into_inner()
        .map(Bytes::from)
        .map_err(AppError::internal)
}

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed
/// with an apostrophe so it stays text.
pub fn text_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[test]
    fn text_that_looks_like_a_formula_stays_text() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_cell("Adatum"), "Adatum");
    }

    #[actix_web::test]
    async fn batches_continue_after_the_last_key_until_a_short_one() {
        let rows: Vec<i64> = (1..=7).collect();
        let fetch = move |after: Option<i64>| {
            let rows = rows.clone();
            async move {
                let from = after.unwrap_or(0);
                Ok(rows.into_iter().filter(|r| *r > from).take(3).collect())
            }
        };
        let body: Vec<Bytes> = keyset(
            vec!["n".into()],
            3,
            fetch,
            |r: &i64| *r,
            |r| vec![r.to_string()],
        )
        .map(|b| b.unwrap())
        .collect()
        .await;
        assert_eq!(body.len(), 4, "the header and three batches");
        assert_eq!(body.concat(), b"n\n1\n2\n3\n4\n5\n6\n7\n".to_vec());
    }
}
