//! Who is asking: the client's address (behind trusted reverse proxies, the one they report)
//! and browser, for activity records and per-client limits.

use std::net::IpAddr;

use actix_web::HttpRequest;
use serde_json::{Value, json};

use super::AppState;

/// Browsers send long user-agent strings; a record keeps enough to recognise one.
const MAX_USER_AGENT: usize = 300;

/// The client's address: the connection's peer, unless that peer is a trusted proxy; then
/// the nearest address in `X-Forwarded-For` that is not itself a trusted proxy. Entries a
/// client wrote itself sit further left and are never reached.
pub fn client_ip(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpAddr]) -> IpAddr {
    // An IPv4 peer on a dual-stack socket reads `::ffff:10.0.0.2`; it is `10.0.0.2`.
    let peer = peer.to_canonical();
    if !trusted.contains(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_for
        .iter()
        .flat_map(|header| header.split(','))
        .rev()
    {
        match hop.trim().parse::<IpAddr>().map(|ip| ip.to_canonical()) {
            Ok(ip) if trusted.contains(&ip) => client = ip,
            Ok(ip) => return ip,
            // A malformed entry: trust nothing to its left.
            Err(_) => return client,
        }
    }
    client
}

/// The request's client address, by the app's trusted-proxy setting.
pub fn address(req: &HttpRequest) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let trusted = req
        .app_data::<actix_web::web::Data<AppState>>()
        .map(|s| s.settings.trusted_proxies.as_slice())
        .unwrap_or_default();
    // Read as bytes: a value with a non-ASCII byte (which a client can put in front of what
    // the proxy appends) must not make the whole header, and so the client, disappear.
    let headers: Vec<String> = req
        .headers()
        .get_all("x-forwarded-for")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .collect();
    if !headers.is_empty() && !trusted.contains(&peer.to_canonical()) {
        warn_untrusted_forwarding(peer);
    }
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    Some(client_ip(peer, &headers, trusted))
}

/// Once per process: a proxy that is not configured as trusted makes every user share its
/// address, and so its per-address limits.
fn warn_untrusted_forwarding(peer: IpAddr) {
    static WARNED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !WARNED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        log::warn!(
            "X-Forwarded-For from {peer}, which is not in CSPDESK_TRUSTED_PROXIES: the header is \
             ignored and the peer counts as the client"
        );
    }
}

/// The key per-client limits count under: the address, or for IPv6 its /64 network, which
/// one client can fill with addresses of its own.
pub fn limit_key(ip: Option<IpAddr>) -> String {
    match ip.map(|ip| ip.to_canonical()) {
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(ip) => ip.to_string(),
        None => "unknown".into(),
    }
}

/// The client's address and browser, as activity records keep them.
pub fn info(req: &HttpRequest) -> Value {
    let agent: Option<String> = req
        .headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().take(MAX_USER_AGENT).collect());
    json!({ "ip": address(req).map(|ip| ip.to_string()), "user_agent": agent })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let proxy = ip("10.0.0.2");
        let trusted = [proxy, ip("10.0.0.3")];
        // No trusted proxy: the peer, whatever the header says.
        assert_eq!(
            client_ip(ip("198.51.100.9"), &["203.0.113.7"], &trusted),
            ip("198.51.100.9")
        );
        assert_eq!(
            client_ip(proxy, &["203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
        // A client's own forged entry is to the left of what the proxy appended.
        assert_eq!(
            client_ip(proxy, &["1.2.3.4, 203.0.113.7"], &trusted),
            ip("203.0.113.7")
        );
        // Two proxies in a row, and the header split over two lines.
        assert_eq!(
            client_ip(proxy, &["203.0.113.7", "10.0.0.3"], &trusted),
            ip("203.0.113.7")
        );
        assert_eq!(client_ip(proxy, &[], &trusted), proxy);
        assert_eq!(
            client_ip(proxy, &["junk, 10.0.0.3"], &trusted),
            ip("10.0.0.3")
        );
    }
}
