//! Sending a variant's file: streamed from the store in chunks (never read whole), as an
//! attachment with its length and checksum.

use actix_files::NamedFile;
use actix_web::http::header::{
    CACHE_CONTROL, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
    HeaderName, HeaderValue,
};
use actix_web::{HttpRequest, HttpResponse, mime};

use super::queries::Variant;
use crate::error::AppError;
use crate::storage::ArtifactStore;

/// The file's SHA-256 in hex, so a script can check what it received.
pub const CHECKSUM_HEADER: &str = "x-checksum-sha256";

/// A variant's file, opened: opening comes before a download is counted or recorded, so a
/// missing file costs nothing.
pub struct Opened {
    named: NamedFile,
    sha256: String,
}

pub fn open(store: &dyn ArtifactStore, variant: &Variant) -> Result<Opened, AppError> {
    let sha256 = variant.sha256.clone().ok_or(AppError::NotFound)?;
    let (file, path) = store.open(&sha256).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => AppError::NotFound,
        _ => AppError::internal(e),
    })?;
    let named = attachment(
        file,
        path,
        &variant.file_name,
        mime::APPLICATION_OCTET_STREAM,
    )?;
    Ok(Opened { named, sha256 })
}

/// A stored file sent in chunks as a download named `file_name` (never shown inline): an
/// ASCII name for every client and, when that differs, the exact name in UTF-8.
pub fn attachment(
    file: std::fs::File,
    path: std::path::PathBuf,
    file_name: &str,
    media_type: mime::Mime,
) -> Result<NamedFile, AppError> {
    let ascii: String = file_name
        .chars()
        .map(|c| if c.is_ascii() { c } else { '_' })
        .collect();
    let mut parameters = vec![DispositionParam::Filename(ascii.clone())];
    if ascii != file_name {
        parameters.push(DispositionParam::FilenameExt(ExtendedValue {
            charset: Charset::Ext("UTF-8".into()),
            language_tag: None,
            value: file_name.as_bytes().to_vec(),
        }));
    }
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters,
    };
    Ok(NamedFile::from_file(file, path)
        .map_err(AppError::internal)?
        .set_content_type(media_type)
        .set_content_disposition(disposition)
        .use_etag(false)
        .use_last_modified(false))
}

pub fn send(opened: Opened, req: &HttpRequest) -> HttpResponse {
    let mut res = opened.named.into_response(req);
    let headers = res.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&opened.sha256) {
        headers.insert(HeaderName::from_static(CHECKSUM_HEADER), value);
    }
    res
}
