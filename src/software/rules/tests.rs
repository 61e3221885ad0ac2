use super::*;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

#[test]
fn a_link_expires_at_exactly_fourteen_days() {
    let created = at("2026-11-22T09:30:00Z");
    let expires = link_expiry(created);
    assert_eq!(expires, at("2026-12-06T09:30:00Z"));
    let just_before = expires - Duration::seconds(1);
    assert_eq!(
        link_state(just_before, expires, 0, 50, None),
        LinkState::Active { downloads_left: 50 }
    );
    assert_eq!(
        link_state(expires, expires, 0, 50, None),
        LinkState::Expired
    );
}

#[test]
fn the_fiftieth_download_is_the_last() {
    let expires = at("2026-12-06T00:00:00Z");
    let now = at("2026-11-30T00:00:00Z");
    assert_eq!(
        link_state(now, expires, 49, 50, None),
        LinkState::Active { downloads_left: 1 }
    );
    assert_eq!(link_state(now, expires, 50, 50, None), LinkState::UsedUp);
}

#[test]
fn revocation_is_the_reason_given_before_expiry_or_use() {
    let expires = at("2026-12-06T00:00:00Z");
    let revoked = Some(at("2026-11-25T00:00:00Z"));
    let later = at("2026-12-10T00:00:00Z");
    assert_eq!(
        link_state(later, expires, 50, 50, revoked),
        LinkState::Revoked
    );
    assert_eq!(link_state(later, expires, 50, 50, None), LinkState::Expired);
}
