//! A private PostgreSQL cluster, run from the machine's PostgreSQL server binaries when no
//! DATABASE_URL is given. Its data lives in `<data dir>/postgres` and survives restarts.
//!
//! PostgreSQL refuses to run as root, so when we are root the server runs as an unprivileged
//! system account (created on first use). It listens only on 127.0.0.1, on a port that is free
//! at start-up, with a generated password: a taken port or another local user cannot get in.
//! The product itself connects through a Unix socket in the cluster's own directory (mode 0700)
//! when that path is short enough for one: a statement's round trip through a socket costs
//! about two thirds of one through loopback TCP, and a page makes several.

use std::fs::File;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::cluster_host::{
    find_server_binaries, free_port, load_or_create_password, lock_data_dir, server_account,
    stderr_line,
};
use crate::config::write_private;
use crate::error::StartupError;

/// The account the server runs as when we are root.
pub(super) const OS_USER: &str = "cspdesk";
/// The database superuser created by initdb.
const DB_USER: &str = "cspdesk";

pub struct ClusterOptions {
    /// Trade durability for speed (fsync off): for throw-away test clusters only.
    pub ephemeral: bool,
}

pub struct LocalCluster {
    bin: PathBuf,
    dir: PathBuf,
    owner: Option<(u32, u32)>,
    port: u16,
    password: String,
    running: bool,
    // Held for the cluster's lifetime: one cspdesk process per data directory.
    _lock: File,
}

impl LocalCluster {
    pub fn start(data_dir: &Path, options: ClusterOptions) -> Result<LocalCluster, StartupError> {
        std::fs::create_dir_all(data_dir).map_err(|e| StartupError::io(data_dir, e))?;
        let data_dir = data_dir
            .canonicalize()
            .map_err(|e| StartupError::io(data_dir, e))?;
        let lock = lock_data_dir(&data_dir)?;
        let bin = find_server_binaries()?;
        let owner = server_account()?;
        let dir = data_dir.join("postgres");
        let password = load_or_create_password(&data_dir, &dir)?;
        let mut cluster = LocalCluster {
            bin,
            dir,
            owner,
            port: 0,
            password,
            running: false,
            _lock: lock,
        };
        cluster.prepare_directory(&data_dir)?;
        if !cluster.dir.join("PG_VERSION").exists() {
            cluster.init(&data_dir)?;
        }
        cluster.stop_leftover();
        cluster.start_on_free_port(&options)?;
        Ok(cluster)
    }

    /// Connection URL for database `name` on this cluster: through its socket when it has
    /// one (the host is the socket's directory, percent-encoded), else through TCP.
    pub fn url(&self, name: &str) -> String {
        let host = match self.socket_dir() {
            Some(dir) => url::form_urlencoded::byte_serialize(dir.as_bytes()).collect(),
            None => "127.0.0.1".to_string(),
        };
        format!(
            "postgres://{DB_USER}:{}@{host}:{}/{name}",
            self.password, self.port
        )
    }

    /// The directory of the server's Unix socket, if the socket's path fits the system's limit
    /// (107 bytes) and the directory's name can be passed through pg_ctl's quoting.
    fn socket_dir(&self) -> Option<String> {
        let dir = self.dir.to_str()?;
        let socket_len = dir.len() + "/.s.PGSQL.65535.lock".len();
        let plain = !dir.contains(['\'', '"', '\\', ' ']) && !dir.contains(char::is_control);
        (socket_len < 108 && plain).then(|| dir.to_string())
    }

    pub fn stop(&mut self) {
        if self.running {
            self.running = false;
            let dir = self.dir.display().to_string();
            match self.pg(
                "pg_ctl",
                &["stop", "-D", &dir, "-m", "fast", "-w", "-t", "60"],
            ) {
                Ok(out) if out.status.success() => log::info!("private PostgreSQL stopped"),
                Ok(out) => log::warn!("stopping PostgreSQL: {}", stderr_line(&out)),
                Err(e) => log::warn!("stopping PostgreSQL: {e}"),
            }
        }
    }

    fn prepare_directory(&self, data_dir: &Path) -> Result<(), StartupError> {
        if !self.dir.exists() {
            std::fs::create_dir(&self.dir).map_err(|e| StartupError::io(&self.dir, e))?;
        }
        std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| StartupError::io(&self.dir, e))?;
        if let Some((uid, gid)) = self.owner {
            std::os::unix::fs::chown(&self.dir, Some(uid), Some(gid))
                .map_err(|e| StartupError::io(&self.dir, e))?;
            self.check_reachable(data_dir)?;
        }
        Ok(())
    }

    /// The server account must be able to walk down to its data directory.
    fn check_reachable(&self, data_dir: &Path) -> Result<(), StartupError> {
        let ok = self
            .pg("test", &["-x", &data_dir.display().to_string()])?
            .status
            .success();
        if ok {
            return Ok(());
        }
        Err(StartupError::Other(format!(
            "PostgreSQL runs as the unprivileged user {OS_USER}, which cannot reach {}; \
             set CSPDESK_DATA to a directory it can reach (for example /var/lib/cspdesk)",
            data_dir.display()
        )))
    }

    fn init(&self, data_dir: &Path) -> Result<(), StartupError> {
        log::info!(
            "creating a private PostgreSQL cluster in {}",
            self.dir.display()
        );
        let pwfile = data_dir.join("postgres.initpw");
        write_private(&pwfile, &self.password)?;
        if let Some((uid, gid)) = self.owner {
            std::os::unix::fs::chown(&pwfile, Some(uid), Some(gid))
                .map_err(|e| StartupError::io(&pwfile, e))?;
        }
        let out = self.pg(
            "initdb",
            &[
                "-D",
                &self.dir.display().to_string(),
                "-U",
                DB_USER,
                "--auth=scram-sha-256",
                &format!("--pwfile={}", pwfile.display()),
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
        );
        let _ = std::fs::remove_file(&pwfile);
        let out = out?;
        if !out.status.success() {
            return Err(StartupError::Database(format!(
                "initdb failed: {}",
                stderr_line(&out)
            )));
        }
        Ok(())
    }

    /// A server left running by a process that was killed is stopped before we start ours.
    fn stop_leftover(&self) {
        if self.dir.join("postmaster.pid").exists() {
            let dir = self.dir.display().to_string();
            let _ = self.pg("pg_ctl", &["stop", "-D", &dir, "-m", "fast", "-w"]);
        }
    }

    fn start_on_free_port(&mut self, options: &ClusterOptions) -> Result<(), StartupError> {
        let mut last_error = String::new();
        // A port found free can be taken before the server binds it; try a few.
        for _ in 0..5 {
            self.port = free_port()?;
            let out = self.pg("pg_ctl", &self.start_args(options))?;
            if out.status.success() {
                self.running = true;
                log::info!("private PostgreSQL listening on 127.0.0.1:{}", self.port);
                return Ok(());
            }
            last_error = self.last_log_line().unwrap_or_else(|| stderr_line(&out));
        }
        Err(StartupError::Database(format!(
            "PostgreSQL did not start: {last_error}"
        )))
    }

    fn start_args(&self, options: &ClusterOptions) -> Vec<String> {
        let sockets = self.socket_dir().unwrap_or_default();
        let mut server = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{sockets}' -c max_connections=300",
            self.port
        );
        if options.ephemeral {
            server.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        } else {
            let kb = shared_buffers_kb(memory_kb());
            server.push_str(&format!(" -c shared_buffers={kb}kB{WAL_SIZES}"));
        }
        let dir = self.dir.display().to_string();
        let log = self.dir.join("server.log").display().to_string();
        [
            "start", "-D", &dir, "-l", &log, "-w", "-t", "60", "-o", &server,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    fn last_log_line(&self) -> Option<String> {
        let text = std::fs::read_to_string(self.dir.join("server.log")).ok()?;
        text.lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .map(str::to_string)
    }

    /// Runs a server program, as the unprivileged account when we are root.
    fn pg(
        &self,
        program: &str,
        args: &[impl AsRef<std::ffi::OsStr>],
    ) -> Result<Output, StartupError> {
        let path = if program == "test" {
            PathBuf::from("test")
        } else {
            self.bin.join(program)
        };
        let mut cmd = Command::new(&path);
        cmd.args(args).stdin(Stdio::null()).env("LC_ALL", "C.UTF-8");
        if let Some((uid, gid)) = self.owner {
            cmd.uid(uid).gid(gid).current_dir("/");
        }
        cmd.output()
            .map_err(|e| StartupError::Other(format!("running {}: {e}", path.display())))
    }
}

impl Drop for LocalCluster {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The write-ahead log's sizes for a cluster that keeps its data. With PostgreSQL's defaults
/// (a checkpoint every 1 GB of log, 80 MB of old segments kept), a busy minute of orders
/// started a checkpoint every one to two minutes; after each, the first change to a page logs
/// the whole page, and such images were half the log's bytes (`pg_waldump --stats`, placing
/// and cancelling orders on the benchmark data). Segments past the 80 MB were removed and new
/// ones made, each written full of zeros and flushed while the log waits for it. With 4 GB
/// between checkpoints and 1 GB kept for reuse: 6 kB of log a write instead of 10, and no new
/// segment made in a run.
const WAL_SIZES: &str = " -c min_wal_size=1GB -c max_wal_size=4GB";

/// PostgreSQL's own memory for table and index pages: a quarter of the machine's memory (the
/// PostgreSQL manual's starting point), at least PostgreSQL's default of 128 MB and at most
/// 8 GB. The default alone left the pages in the kernel's file cache, which some hosts empty
/// of anything not read for a while: the next read then waited for the disk, and pages that
/// take 2 ms took 150 ms to 2 s.
pub fn shared_buffers_kb(memory_kb: Option<u64>) -> u64 {
    const LEAST: u64 = 128 * 1024;
    const MOST: u64 = 8 * 1024 * 1024;
    memory_kb.map_or(LEAST, |kb| (kb / 4).clamp(LEAST, MOST))
}

/// The machine's memory in kB (`MemTotal` of /proc/meminfo), where the system says.
fn memory_kb() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::shared_buffers_kb;

    #[test]
    fn shared_buffers_are_a_quarter_of_memory_within_bounds() {
        let gb = 1024 * 1024;
        assert_eq!(shared_buffers_kb(Some(24 * gb)), 6 * gb);
        assert_eq!(
            shared_buffers_kb(Some(gb / 2)),
            128 * 1024,
            "never below the default"
        );
        assert_eq!(shared_buffers_kb(Some(256 * gb)), 8 * gb);
        assert_eq!(shared_buffers_kb(None), 128 * 1024);
    }
}
