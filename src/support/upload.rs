//! Reading a support form that may carry files (multipart), or the same form without files
//! (urlencoded). Files are streamed to the attachment store as they arrive, hashed on the
//! way; memory holds one chunk and the first few KiB used to decide a file's type. A file
//! over 10 MB is refused with 413 the moment its 10 MB + 1st byte arrives. No file is written
//! before the form's CSRF token has been seen and matched (`web::multipart::CsrfMultipart`,
//! which reads the token, the form's first part, before the handler reads the rest).
//!
//! A received file waits under a name of its own until the request that names it is written
//! (`stored_files::put_in_place`, in that transaction). Until then no other request can see
//! it, so a form or reply that is refused — by a field, a file, a size, a lost connection or
//! an error — removes its own files, and only its own, when its `Sent` is dropped: before the
//! answer.

use std::path::PathBuf;

use actix_multipart::{Field, Multipart};
use futures_util::StreamExt;
use serde_json::{Map, Value};

use super::file_types::MAX_FILES;
use super::receive::receive;
use crate::error::AppError;
use crate::storage::LocalDir;
use crate::web::multipart::FormParts;

/// The longest text field: 4,000 characters of up to 4 bytes.
const MAX_FIELD: usize = 16 * 1024;
const MAX_FIELDS: usize = 40;
/// The form's name for its file input.
pub const FILES_FIELD: &str = "files";

/// A file received whole and checked, waiting to be put in place under its checksum.
#[derive(Debug)]
pub struct Received {
    pub file_name: String,
    pub media_type: &'static str,
    pub size: i64,
    pub sha256: String,
    /// Where the bytes wait: a name only this form knows.
    pub(super) pending: PathBuf,
    /// Where they go once the request naming them is written.
    pub(super) target: PathBuf,
}

/// What was sent: the text fields by name, the files received, and the message key of each
/// file refused (the form is shown again with it).
#[derive(Default)]
pub struct Sent {
    pub fields: Map<String, Value>,
    pub files: Vec<Received>,
    pub refused: Vec<(&'static str, String)>,
}

impl Drop for Sent {
    /// Removes the files not put in place: those of a refused form, or of one whose writing
    /// failed. A file put in place is no longer where it waited, so nothing happens to it.
    fn drop(&mut self) {
        for file in &self.files {
            match std::fs::remove_file(&file.pending) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    log::warn!("cannot remove a received file: {e}");
                }
                _ => {}
            }
        }
    }
}

impl Sent {
    /// The text fields as a form struct whose fields all have defaults.
    pub fn form<T: serde::de::DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_json::from_value(Value::Object(self.fields.clone()))
            .map_err(|_| AppError::malformed())
    }

    /// One text field, trimmed; empty when it was not sent.
    pub fn text(&self, name: &str) -> String {
        self.fields
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string()
    }
}

/// Reads the rest of a form whose CSRF token `CsrfMultipart` has checked. Without a `store`
/// (the form's target does not take files now) files are read and dropped.
pub async fn read(form: FormParts, store: Option<&LocalDir>) -> Result<Sent, AppError> {
    match form {
        FormParts::Multipart(form) => read_multipart(form, store).await,
        FormParts::Plain(pairs) => read_plain(pairs),
    }
}

fn read_plain(pairs: Vec<(String, String)>) -> Result<Sent, AppError> {
    if pairs.iter().any(|(_, v)| v.contains('\0')) {
        return Err(AppError::malformed());
    }
    let mut sent = Sent::default();
    for (name, value) in pairs.into_iter().take(MAX_FIELDS) {
        sent.fields.insert(name, Value::String(value));
    }
    Ok(sent)
}

async fn read_multipart(mut form: Multipart, store: Option<&LocalDir>) -> Result<Sent, AppError> {
    let mut sent = Sent::default();
    let mut parts = 0;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(|_| AppError::malformed())?;
        parts += 1;
        if parts > MAX_FIELDS + MAX_FILES * 2 {
            return Err(AppError::malformed());
        }
        let name = field.name().unwrap_or_default().to_string();
        if name != FILES_FIELD {
            let text = read_text(&mut field).await?;
            sent.fields.insert(name, Value::String(text));
            continue;
        }
        let raw_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .unwrap_or_default()
            .to_string();
        receive(&mut field, &raw_name, store, &mut sent).await?;
    }
    Ok(sent)
}

async fn read_text(field: &mut Field) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| AppError::malformed())?;
        if bytes.len() + chunk.len() > MAX_FIELD {
            return Err(AppError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    if bytes.contains(&0) {
        // PostgreSQL cannot store NUL in text; no form of ours ever sends one.
        return Err(AppError::malformed());
    }
    String::from_utf8(bytes).map_err(|_| AppError::malformed())
}
