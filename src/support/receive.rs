//! Receiving one file of a support form: streamed to the attachment store as it arrives,
//! hashed on the way, its type decided from its name and first KiB, refused with 413 past
//! 10 MB; a file cut short leaves nothing behind.

use std::path::PathBuf;

use actix_multipart::Field;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::file_types::{self, MAX_BYTES, MAX_FILES, SNIFF_BYTES};
use super::upload::{Received, Sent};
use crate::error::AppError;
use crate::storage::LocalDir;

/// One file part: kept, refused with a reason, or skipped when the input was left empty or
/// there is nowhere to keep it. A file cut short (too large, connection lost) leaves nothing.
pub(super) async fn receive(
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
    let shown = file_types::clean_name(raw_name).unwrap_or_else(|| "-".into());
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
    let name = file_types::clean_name(raw_name).ok_or("support-error-file-type")?;
    file_types::media_type(&name, head).ok_or("support-error-file-type")
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
