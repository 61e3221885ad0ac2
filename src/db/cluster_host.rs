//! What the private cluster needs from the host: the server binaries, an unprivileged
//! account to run them as, a free port, a password, and a lock on the data directory.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::cluster::OS_USER;
use crate::config::write_private;
use crate::error::StartupError;

pub(super) fn lock_data_dir(data_dir: &Path) -> Result<File, StartupError> {
    use std::os::fd::AsRawFd;
    let path = data_dir.join("postgres.lock");
    let file = File::create(&path).map_err(|e| StartupError::io(&path, e))?;
    // SAFETY: flock on a file descriptor we own; no memory is involved.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc != 0 {
        return Err(StartupError::Other(format!(
            "another cspdesk process is using the data directory {}",
            data_dir.display()
        )));
    }
    Ok(file)
}

/// `CSPDESK_PG_BIN`, else the newest `/usr/lib/postgresql/<version>/bin` (Debian's layout).
pub(super) fn find_server_binaries() -> Result<PathBuf, StartupError> {
    if let Ok(dir) = std::env::var("CSPDESK_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            Some((
                e.file_name().to_str()?.parse::<u32>().ok()?,
                e.path().join("bin"),
            ))
        })
        .filter(|(_, bin)| bin.join("pg_ctl").exists())
        .max_by_key(|(version, _)| *version);
    newest.map(|(_, bin)| bin).ok_or_else(|| {
        StartupError::Other(
            "PostgreSQL server binaries not found: install the postgresql package or set DATABASE_URL"
                .into(),
        )
    })
}

/// `None` when we are not root (the server runs as us); else the unprivileged account's ids.
pub(super) fn server_account() -> Result<Option<(u32, u32)>, StartupError> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    if id(OS_USER, "-u").is_none() {
        log::info!("creating the system account {OS_USER} to run PostgreSQL");
        // By full path: `su` without `-` leaves /usr/sbin out of PATH. If another process
        // creates the account at the same moment, useradd fails and the look-up below decides.
        let _ = Command::new("/usr/sbin/useradd")
            .args([
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
            ])
            .args(["--shell", "/usr/sbin/nologin", OS_USER])
            .stderr(Stdio::null())
            .status();
    }
    match (id(OS_USER, "-u"), id(OS_USER, "-g")) {
        (Some(uid), Some(gid)) => Ok(Some((uid, gid))),
        _ => Err(StartupError::Other(format!(
            "could not look up the system account {OS_USER}"
        ))),
    }
}

pub(super) fn id(user: &str, flag: &str) -> Option<u32> {
    let out = Command::new("id")
        .args([flag, user])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

pub(super) fn load_or_create_password(
    data_dir: &Path,
    cluster_dir: &Path,
) -> Result<String, StartupError> {
    let path = data_dir.join("postgres.password");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return Ok(text.trim().to_string());
    }
    if cluster_dir.join("PG_VERSION").exists() {
        return Err(StartupError::Other(format!(
            "{} is missing; the cluster in {} cannot be opened without it",
            path.display(),
            cluster_dir.display()
        )));
    }
    let password = hex::encode(rand::random::<[u8; 24]>());
    write_private(&path, &password)?;
    Ok(password)
}

pub(super) fn free_port() -> Result<u16, StartupError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| StartupError::Other(format!("no free port on 127.0.0.1: {e}")))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| StartupError::Other(e.to_string()))
}

pub(super) fn stderr_line(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}
