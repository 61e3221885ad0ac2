//! Reading a support form that may carry files (multipart), or the same form without files
//! (urlencoded). Files are streamed to the attachment store as they arrive, hashed on the
//! way; memory holds one chunk and the first few KiB used to decide a file's type. A file
//! over 10 MB is refused with 413 the moment its 10 MB + 1st byte arrives. No file is written
//! before the form's CSRF token has been seen and matched (`web::multipart::CsrfMultipart`,
//! which reads the token, the form's first part, before the handler reads the rest).
//!
//! A received file waits under a name of its own until the request that names it is written
//! (`keep::put_in_place`, in that transaction). Until then no other request can see it, so a
//! form or reply that is refused — by a field, a file, a size, a lost connection or an error —
//! removes its own files, and only its own, when its `Sent` is dropped: before the answer.

use std::path::PathBuf;

use actix_multipart::{Field, Multipart};
use futures_util::StreamExt;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::attachments::{self, MAX_BYTES, MAX_FILES, SNIFF_BYTES};
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

/// One file part: kept, refused with a reason, or skipped when the input was left empty or
/// there is nowhere to keep it. A file cut short (too large, connection lost) leaves nothing.
async fn receive(
    field: &mut Field,
    raw_name: &str,
    store: Option<&LocalDir>,
    sent: &mut Sent,
) -> Result<(), AppError> {
    let mut part = Part::default();
    if let Err(e) = part.read(field, raw_name, store, sent.files.len()).await {
        if let Some(s) = part.sink.take() {
            s.discard().await;
        }
        return Err(e);
    }
    if part.size == 0 && raw_name.is_empty() {
        return Ok(()); // An empty file input.
    }
    let Some(store) = store else {
        return Ok(());
    };
    if part.verdict.is_none() {
        part.verdict = Some(judge(raw_name, &part.head, sent.files.len()));
        part.sink = start(part.verdict, &part.head, Some(store)).await?;
    }
    let shown = attachments::clean_name(raw_name).unwrap_or_else(|| "-".into());
    match (part.verdict, part.sink) {
        (Some(Ok(media_type)), Some(s)) => {
            let (pending, sha256) = s.finish().await?;
            let target = match store.path_of(&sha256) {
                Ok(target) => target,
                Err(e) => {
                    let _ = tokio::fs::remove_file(&pending).await;
                    return Err(AppError::internal(e));
                }
            };
            sent.files.push(Received {
                file_name: shown,
                media_type,
                size: part.size as i64,
                sha256,
                pending,
                target,
            });
        }
        (Some(Err(reason)), _) => sent.refused.push((reason, shown)),
        _ => return Err(AppError::internal("an accepted file has no sink")),
    }
    Ok(())
}

/// A file part as it arrives: its first bytes, its size, the verdict once the first bytes
/// are in, and where an accepted file is being written.
#[derive(Default)]
struct Part {
    head: Vec<u8>,
    size: u64,
    verdict: Option<Result<&'static str, &'static str>>,
    sink: Option<Sink>,
}

impl Part {
    async fn read(
        &mut self,
        field: &mut Field,
        raw_name: &str,
        store: Option<&LocalDir>,
        kept: usize,
    ) -> Result<(), AppError> {
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::malformed())?;
            self.size += chunk.len() as u64;
            if self.size > MAX_BYTES {
                return Err(AppError::TooLarge);
            }
            if self.verdict.is_none() {
                self.head.extend_from_slice(&chunk);
                if self.head.len() >= SNIFF_BYTES {
                    self.verdict = Some(judge(raw_name, &self.head, kept));
                    self.sink = start(self.verdict, &self.head, store).await?;
                }
            } else if let Some(s) = self.sink.as_mut() {
                s.write(&chunk).await?;
            }
        }
        Ok(())
    }
}

/// Whether a file may be kept: the name, the count and the content; `Err` names why not.
fn judge(raw_name: &str, head: &[u8], kept: usize) -> Result<&'static str, &'static str> {
    if kept >= MAX_FILES {
        return Err("support-error-file-count");
    }
    if head.is_empty() {
        return Err("support-error-file-empty");
    }
    let name = attachments::clean_name(raw_name).ok_or("support-error-file-type")?;
    attachments::media_type(&name, head).ok_or("support-error-file-type")
}

async fn start(
    verdict: Option<Result<&'static str, &'static str>>,
    head: &[u8],
    store: Option<&LocalDir>,
) -> Result<Option<Sink>, AppError> {
    let (Some(Ok(_)), Some(store)) = (verdict, store) else {
        return Ok(None); // A refused file is read to its end but not kept.
    };
    let mut sink = Sink::open(store).await?;
    sink.write(head).await?;
    Ok(Some(sink))
}

/// A file being written to the store and hashed.
struct Sink {
    path: PathBuf,
    file: tokio::fs::File,
    hasher: Sha256,
}

impl Sink {
    async fn open(store: &LocalDir) -> Result<Sink, AppError> {
        let path = store.incoming().map_err(AppError::internal)?;
        let file = tokio::fs::File::create(&path)
            .await
            .map_err(AppError::internal)?;
        Ok(Sink {
            path,
            file,
            hasher: Sha256::new(),
        })
    }

    async fn write(&mut self, bytes: &[u8]) -> Result<(), AppError> {
        self.hasher.update(bytes);
        self.file.write_all(bytes).await.map_err(AppError::internal)
    }

    async fn discard(self) {
        drop(self.file);
        let _ = tokio::fs::remove_file(&self.path).await;
    }

    /// The bytes on disk, where they wait, and their checksum.
    async fn finish(mut self) -> Result<(PathBuf, String), AppError> {
        let written = async {
            self.file.flush().await?;
            self.file.sync_all().await
        };
        if let Err(e) = written.await {
            self.discard().await;
            return Err(AppError::internal(e));
        }
        let sha256 = hex::encode(self.hasher.finalize());
        drop(self.file);
        Ok((self.path, sha256))
    }
}
