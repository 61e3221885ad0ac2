//! A request's attachments: listed on its page and sent back as downloads — always as an
//! attachment, with `nosniff` and a sandbox policy, so no browser renders one inline.

use actix_web::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, HeaderValue, X_CONTENT_TYPE_OPTIONS,
};
use actix_web::{HttpRequest, HttpResponse, mime};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::support_attachments;
use crate::error::AppError;
use crate::ids::{FileId, RequestId};
use crate::storage::{ArtifactStore, LocalDir};

#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = support_attachments, check_for_backend(diesel::pg::Pg))]
pub struct Attachment {
    pub id: FileId,
    pub event_id: Uuid,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

pub async fn of_request(
    mut conn: &AsyncPgConnection,
    request_id: RequestId,
) -> Result<Vec<Attachment>, AppError> {
    Ok(support_attachments::table
        .filter(support_attachments::request_id.eq(request_id))
        .order((support_attachments::created_at, support_attachments::id))
        .select(Attachment::as_select())
        .load(&mut conn)
        .await?)
}

/// An attachment of that request (whose access the caller has checked), by its id as typed.
pub async fn find(
    mut conn: &AsyncPgConnection,
    request_id: RequestId,
    file_id: &str,
) -> Result<Attachment, AppError> {
    let id = crate::ids::FileId::parse(file_id).ok_or(AppError::NotFound)?;
    support_attachments::table
        .filter(support_attachments::request_id.eq(request_id))
        .filter(support_attachments::id.eq(id))
        .select(Attachment::as_select())
        .first(&mut conn)
        .await
        .optional()?
        .ok_or(AppError::NotFound)
}

/// The file streamed from the store in chunks.
pub fn send(
    store: &LocalDir,
    file: &Attachment,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (opened, path) = store.open(&file.sha256).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => AppError::NotFound,
        _ => AppError::internal(e),
    })?;
    let media_type: mime::Mime = file
        .media_type
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    let named = crate::software::download::attachment(opened, path, &file.file_name, media_type)?;
    let mut res = named.into_response(req);
    let headers = res.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
    Ok(res)
}

/// A size as people read it, in whole kilobytes (at least 1): "1 KB", "10240 KB".
pub fn size_text(bytes: i64, lang: crate::i18n::Lang) -> String {
    let kb = ((bytes + 1023) / 1024).max(1);
    lang.t_args("support-file-size", &[("kb", kb.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_whole_kilobytes_rounded_up() {
        let en = crate::i18n::Lang::En;
        assert_eq!(size_text(1, en), "1 KB");
        assert_eq!(size_text(1025, en), "2 KB");
        assert_eq!(size_text(10 * 1024 * 1024, en), "10,240 KB");
    }
}
