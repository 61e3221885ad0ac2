use super::*;

fn settings(pairs: &[(&str, &str)]) -> Result<Settings, StartupError> {
    let map: std::collections::HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Settings::from_lookup(|k| map.get(k).cloned())
}

const KEY: &str =
    "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==";

#[test]
fn a_bad_address_is_a_one_line_error() {
    let err = settings(&[("CSPDESK_ADDR", "nonsense"), ("CSPDESK_SESSION_KEY", KEY)]).unwrap_err();
    assert!(err.to_string().contains("CSPDESK_ADDR"));
    assert!(!err.to_string().contains('\n'));
}

#[test]
fn link_rate_and_trusted_proxies_are_read_or_refused_in_one_line() {
    let s = settings(&[("CSPDESK_SESSION_KEY", KEY)]).unwrap();
    assert_eq!(s.client_requests_per_minute, DEFAULT_CLIENT_RATE);
    assert_eq!(s.api_requests_per_minute, DEFAULT_API_RATE);
    assert!(s.trusted_proxies.is_empty());
    let s = settings(&[
        ("CSPDESK_SESSION_KEY", KEY),
        ("CSPDESK_CLIENT_RATE", "10"),
        ("CSPDESK_API_RATE", "120"),
        ("CSPDESK_TRUSTED_PROXIES", "127.0.0.1, ::1"),
    ])
    .unwrap();
    assert_eq!(s.client_requests_per_minute, 10);
    assert_eq!(s.api_requests_per_minute, 120);
    assert_eq!(s.trusted_proxies.len(), 2);
    for (name, bad) in [
        ("CSPDESK_CLIENT_RATE", "0"),
        ("CSPDESK_API_RATE", "-5"),
        ("CSPDESK_CLIENT_RATE", "lots"),
        ("CSPDESK_TRUSTED_PROXIES", "proxy.local"),
    ] {
        let err = settings(&[("CSPDESK_SESSION_KEY", KEY), (name, bad)]).unwrap_err();
        assert!(err.to_string().contains(name) && !err.to_string().contains('\n'));
    }
}

#[test]
fn database_connections_default_to_two_per_core_or_are_refused_in_one_line() {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let s = settings(&[("CSPDESK_SESSION_KEY", KEY)]).unwrap();
    assert_eq!(s.db_connections, 2 * cores);
    let s = settings(&[
        ("CSPDESK_SESSION_KEY", KEY),
        ("CSPDESK_DB_CONNECTIONS", " 6 "),
    ])
    .unwrap();
    assert_eq!(s.db_connections, 6);
    for bad in ["0", "-1", "many", "1001"] {
        let env = [
            ("CSPDESK_SESSION_KEY", KEY),
            ("CSPDESK_DB_CONNECTIONS", bad),
        ];
        let err = settings(&env).unwrap_err().to_string();
        assert!(
            err.contains("CSPDESK_DB_CONNECTIONS") && !err.contains('\n'),
            "{err}"
        );
    }
}

#[test]
fn a_short_session_key_is_refused() {
    let err = settings(&[("CSPDESK_SESSION_KEY", "c2hvcnQ=")]).unwrap_err();
    assert!(err.to_string().contains("at least 64 bytes"));
}

#[test]
fn https_public_url_makes_cookies_secure() {
    let s = settings(&[
        ("CSPDESK_SESSION_KEY", KEY),
        ("CSPDESK_PUBLIC_URL", "https://desk.example"),
    ])
    .unwrap();
    assert!(s.secure_cookies());
    let s = settings(&[("CSPDESK_SESSION_KEY", KEY)]).unwrap();
    assert!(!s.secure_cookies());
    assert_eq!(s.addr.to_string(), "127.0.0.1:8080");
}

#[test]
fn a_generated_session_key_is_kept_for_the_next_start() {
    let dir = std::env::temp_dir().join(format!("cspdesk-key-{}", uuid::Uuid::new_v4()));
    let dir_text = dir.to_str().unwrap();
    let first = settings(&[("CSPDESK_DATA", dir_text)]).unwrap();
    let second = settings(&[("CSPDESK_DATA", dir_text)]).unwrap();
    assert_eq!(first.session_key.master(), second.session_key.master());
    std::fs::remove_dir_all(dir).unwrap();
}
