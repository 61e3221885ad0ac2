//! Stored files (downloadable artifacts, support attachments) behind one small interface, so
//! an S3-compatible store can replace the local directory. Files are stored under their
//! SHA-256: the name is the checksum.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// Chunk size for copying and hashing: memory use does not depend on the file's size.
const CHUNK: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub sha256: String,
    pub size: u64,
}

pub trait ArtifactStore: Send + Sync {
    /// Copies `source` into the store, hashing on the way.
    fn put(&self, source: &mut dyn Read) -> io::Result<Stored>;
    /// The file stored under `sha256`, opened for streaming, and its path for the response.
    fn open(&self, sha256: &str) -> io::Result<(File, PathBuf)>;
}

pub struct LocalDir {
    dir: PathBuf,
}

impl LocalDir {
    pub fn new(dir: PathBuf) -> LocalDir {
        LocalDir { dir }
    }

    /// A fresh path in the store for a file arriving in pieces; `keep` files it under its
    /// checksum once the last piece is in.
    pub fn incoming(&self) -> io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        Ok(self
            .dir
            .join(format!(".incoming-{:016x}", rand::random::<u64>())))
    }

    pub fn keep(&self, incoming: &std::path::Path, sha256: &str) -> io::Result<()> {
        // Renaming within one directory is atomic: a reader sees the whole file or none.
        std::fs::rename(incoming, self.path_of(sha256)?)
    }

    /// Where the file with this checksum is kept.
    pub fn path_of(&self, sha256: &str) -> io::Result<PathBuf> {
        // The name may come from the database, but a checksum is all it may ever be.
        if !is_checksum(sha256) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a checksum",
            ));
        }
        Ok(self.dir.join(sha256))
    }
}

pub fn is_checksum(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl ArtifactStore for LocalDir {
    fn put(&self, source: &mut dyn Read) -> io::Result<Stored> {
        let incoming = self.incoming()?;
        let result = copy_hashing(source, &incoming);
        let stored = match result {
            Ok(stored) => stored,
            Err(e) => {
                let _ = std::fs::remove_file(&incoming);
                return Err(e);
            }
        };
        self.keep(&incoming, &stored.sha256)?;
        Ok(stored)
    }

    fn open(&self, sha256: &str) -> io::Result<(File, PathBuf)> {
        let path = self.path_of(sha256)?;
        Ok((File::open(&path)?, path))
    }
}

fn copy_hashing(source: &mut dyn Read, target: &std::path::Path) -> io::Result<Stored> {
    let mut out = File::create(target)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; CHUNK];
    let mut size = 0u64;
    loop {
        let n = match source.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buffer[..n]);
        out.write_all(&buffer[..n])?;
        size += n as u64;
    }
    out.sync_all()?;
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Stored { sha256, size })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_file_is_named_by_its_checksum_and_reads_back() {
        let dir = std::env::temp_dir().join(format!("cspdesk-store-{}", rand::random::<u64>()));
        let store = LocalDir::new(dir.clone());
        let stored = store.put(&mut &b"abc"[..]).unwrap();
        assert_eq!(
            stored.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(stored.size, 3);
        let (mut file, _) = store.open(&stored.sha256).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        assert_eq!(text, "abc");
        assert!(store.open("../etc/passwd").is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
