//! Settings read once from the environment. A bad value is a one-line error, never a panic.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use actix_web::cookie::Key;
use base64::Engine;

use crate::error::StartupError;

/// Bytes of key material actix-session needs to sign and encrypt the session cookie.
const SESSION_KEY_BYTES: usize = 64;

#[derive(Clone)]
pub struct Settings {
    /// `None` means: run a private PostgreSQL cluster in the data directory.
    pub database_url: Option<String>,
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    /// Where downloadable files are kept (`CSPDESK_ARTIFACTS`, default `<data>/artifacts`).
    pub artifacts_dir: PathBuf,
    pub session_key: Key,
    /// Where users reach the dashboard; decides whether cookies are marked Secure.
    pub public_url: url::Url,
    /// Anonymous requests of each kind (download links, sign-in attempts) one client address
    /// may make a minute (`CSPDESK_CLIENT_RATE`).
    pub client_requests_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`CSPDESK_TRUSTED_PROXIES`);
    /// without them the connection's peer is the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// Database connections the HTTP workers may use at once, for each of their two kinds of
    /// pool (`CSPDESK_DB_CONNECTIONS`, default two per core).
    pub db_connections: usize,
    /// Requests one API token may make a minute, counted across processes
    /// (`CSPDESK_API_RATE`).
    pub api_requests_per_minute: u32,
}

/// Anonymous requests of each kind a client address may make a minute, unless configured.
pub const DEFAULT_CLIENT_RATE: u32 = 60;

/// Requests an API token may make a minute, unless configured.
pub const DEFAULT_API_RATE: u32 = 600;

impl std::fmt::Debug for Settings {
    // Hand-written so the session key and database password never reach a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &self.database_url.as_ref().map(|_| "<set>"))
            .field("addr", &self.addr)
            .field("data_dir", &self.data_dir)
            .field("artifacts_dir", &self.artifacts_dir)
            .field("public_url", &self.public_url.as_str())
            .field(
                "client_requests_per_minute",
                &self.client_requests_per_minute,
            )
            .field("trusted_proxies", &self.trusted_proxies)
            .field("db_connections", &self.db_connections)
            .field("api_requests_per_minute", &self.api_requests_per_minute)
            .finish()
    }
}

impl Settings {
    pub fn from_env() -> Result<Settings, StartupError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads settings through `get`, so tests can supply their own environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Settings, StartupError> {
        let addr_text = get("CSPDESK_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into());
        let addr: SocketAddr = addr_text.parse().map_err(|_| {
            StartupError::Config(format!(
                "CSPDESK_ADDR must be host:port such as 127.0.0.1:8080, got {addr_text:?}"
            ))
        })?;
        let data_dir = PathBuf::from(get("CSPDESK_DATA").unwrap_or_else(|| "./var".into()));
        let artifacts_dir = get("CSPDESK_ARTIFACTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("artifacts"));
        let public_url = parse_public_url(get("CSPDESK_PUBLIC_URL"), addr)?;
        let session_key = match get("CSPDESK_SESSION_KEY") {
            Some(text) => decode_key(&text)?,
            None => load_or_create_key(&data_dir)?,
        };
        Ok(Settings {
            database_url: get("DATABASE_URL"),
            addr,
            data_dir,
            artifacts_dir,
            session_key,
            public_url,
            client_requests_per_minute: parse_per_minute(
                "CSPDESK_CLIENT_RATE",
                get("CSPDESK_CLIENT_RATE"),
                DEFAULT_CLIENT_RATE,
            )?,
            trusted_proxies: parse_proxies(get("CSPDESK_TRUSTED_PROXIES"))?,
            db_connections: parse_connections(get("CSPDESK_DB_CONNECTIONS"))?,
            api_requests_per_minute: parse_per_minute(
                "CSPDESK_API_RATE",
                get("CSPDESK_API_RATE"),
                DEFAULT_API_RATE,
            )?,
        })
    }

    /// Files attached to support requests: `<data>/attachments`, outside the web root.
    pub fn attachments_dir(&self) -> PathBuf {
        self.data_dir.join("attachments")
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

fn parse_public_url(value: Option<String>, addr: SocketAddr) -> Result<url::Url, StartupError> {
    let text = value.unwrap_or_else(|| format!("http://{addr}/"));
    match url::Url::parse(&text) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => Ok(u),
        _ => Err(StartupError::Config(format!(
            "CSPDESK_PUBLIC_URL must be an http:// or https:// address, got {text:?}"
        ))),
    }
}

fn parse_per_minute(name: &str, value: Option<String>, default: u32) -> Result<u32, StartupError> {
    match value {
        None => Ok(default),
        Some(text) => text.trim().parse().ok().filter(|n| *n > 0).ok_or_else(|| {
            StartupError::Config(format!(
                "{name} must be a whole number of requests a minute above 0, got {text:?}"
            ))
        }),
    }
}

/// Two connections per core by default: PostgreSQL does its best work with about as many
/// busy connections as cores (plus those waiting for the disk). More of them only take turns
/// on the cores, and one preempted while holding one of PostgreSQL's internal locks stalls
/// the others: with 16 on two cores, single requests took 100 ms to a second.
fn parse_connections(value: Option<String>) -> Result<usize, StartupError> {
    match value {
        None => Ok(2 * std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)),
        Some(text) => text
            .trim()
            .parse()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| {
                StartupError::Config(format!(
                    "CSPDESK_DB_CONNECTIONS must be a whole number from 1 to 1000, got {text:?}"
                ))
            }),
    }
}

/// A comma-separated list of IP addresses.
fn parse_proxies(value: Option<String>) -> Result<Vec<IpAddr>, StartupError> {
    let Some(text) = value else {
        return Ok(Vec::new());
    };
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse().map_err(|_| {
                StartupError::Config(format!(
                    "CSPDESK_TRUSTED_PROXIES must list IP addresses separated by commas, \
                     got {part:?}"
                ))
            })
        })
        .collect()
}

fn decode_key(text: &str) -> Result<Key, StartupError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|_| StartupError::Config("CSPDESK_SESSION_KEY must be base64".into()))?;
    if bytes.len() < SESSION_KEY_BYTES {
        return Err(StartupError::Config(format!(
            "CSPDESK_SESSION_KEY must decode to at least {SESSION_KEY_BYTES} bytes, got {}",
            bytes.len()
        )));
    }
    Ok(Key::from(&bytes))
}

/// The session key survives restarts (so users stay signed in) without ever being a constant
/// in the code: it is generated on first start and kept, readable only by its owner.
fn load_or_create_key(data_dir: &Path) -> Result<Key, StartupError> {
    let path = data_dir.join("session.key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return decode_key(&text).map_err(|_| {
            StartupError::Config(format!(
                "{} is damaged; delete it to make a new one",
                path.display()
            ))
        });
    }
    std::fs::create_dir_all(data_dir).map_err(|e| StartupError::io(data_dir, e))?;
    let mut bytes = [0u8; SESSION_KEY_BYTES];
    rand::fill(&mut bytes);
    let text = base64::engine::general_purpose::STANDARD.encode(bytes);
    write_private(&path, &text)?;
    Ok(Key::from(&bytes))
}

/// Writes a file only its owner can read.
pub fn write_private(path: &Path, text: &str) -> Result<(), StartupError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| StartupError::io(path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| StartupError::io(path, e))
}

#[cfg(test)]
mod tests;
