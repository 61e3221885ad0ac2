//! The real `cspdesk serve` binary as a separate process, to show that several processes on
//! one database behave as one and that a process stops gracefully.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One running `cspdesk serve`; killed when dropped if still running.
pub struct Served {
    pub base: String,
    child: Child,
    log: Arc<Mutex<Vec<String>>>,
}

/// A session key every process of a test shares, as a deployment would configure it.
pub fn shared_session_key() -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(rand::random::<[u8; 64]>())
}

impl Served {
    /// Starts `cspdesk serve` on `database_url`, on a free loopback port; returns once it
    /// listens. The log is collected for the test to read.
    pub fn start(database_url: &str, session_key: &str) -> Served {
        Self::start_with_rate(database_url, session_key, 100_000)
    }

    /// As `start`, with `CSPDESK_CLIENT_RATE` set to `rate`.
    pub fn start_with_rate(database_url: &str, session_key: &str, rate: u32) -> Served {
        let rate = rate.to_string();
        Self::start_with_env(database_url, session_key, &[("CSPDESK_CLIENT_RATE", &rate)])
    }

    /// As `start`, with `settings` added to (or replacing) its environment.
    pub fn start_with_env(
        database_url: &str,
        session_key: &str,
        settings: &[(&str, &str)],
    ) -> Served {
        let data = std::env::temp_dir().join(format!("cspdesk-proc-{}", uuid::Uuid::new_v4()));
        let mut child = Command::new(env!("CARGO_BIN_EXE_cspdesk"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("CSPDESK_ADDR", "127.0.0.1:0")
            .env("CSPDESK_DATA", &data)
            .env("CSPDESK_ARTIFACTS", super::db::artifacts_dir())
            .env("CSPDESK_SESSION_KEY", session_key)
            .env("CSPDESK_CLIENT_RATE", "100000")
            // As few connections as can serve: a request that waits for a second connection
            // while holding one deadlocks here, whatever the machine's cores.
            .env("CSPDESK_DB_CONNECTIONS", "2")
            .env("RUST_LOG", "info,actix_web::middleware::logger=warn")
            .envs(settings.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cspdesk binary starts");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("listening on http://") {
                    let rest = &line[at + "listening on ".len()..];
                    let base = rest.split_whitespace().next().unwrap_or_default();
                    let _ = tx.send(base.to_string());
                }
                lines.lock().unwrap().push(line);
            }
        });
        let base = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("cspdesk did not start: {:?}", log.lock().unwrap()));
        Served { base, child, log }
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    /// Sends SIGTERM, as a service manager does to stop or restart it.
    pub fn terminate(&self) {
        // SAFETY: sending a signal to our own child process.
        unsafe { libc::kill(self.pid(), libc::SIGTERM) };
    }

    /// Waits for the process to end; its exit status, or `None` after `limit`.
    pub fn wait(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// Log lines so far that report an error.
    pub fn errors(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(" ERROR "))
            .cloned()
            .collect()
    }

    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
