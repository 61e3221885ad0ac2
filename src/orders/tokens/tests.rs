use super::*;
use actix_web::cookie::Key;

fn cart() -> CartIds {
    (PartnerId::random(), UserId::random(), CustomerId::random())
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

#[test]
fn a_sealed_token_opens_as_itself_for_its_own_cart_only() {
    let key = FormKey::new(&Key::generate());
    let mine = cart();
    let token = FormToken::new(100_042, at("2026-12-02T10:00:00.123456Z"));
    let text = token.seal_for(&key, mine);
    assert_eq!(FormToken::open_for(&text, &key, mine), Some(token));
    // The same user's cart for another customer, another user's cart for this customer.
    let (partner, user, customer) = mine;
    assert_eq!(
        FormToken::open_for(&text, &key, (partner, user, CustomerId::random())),
        None
    );
    assert_eq!(
        FormToken::open_for(&text, &key, (partner, UserId::random(), customer)),
        None
    );
    assert_eq!(
        FormToken::open_for(&text, &key, (PartnerId::random(), user, customer)),
        None
    );
}

#[test]
fn an_altered_or_foreign_token_does_not_open() {
    let key = FormKey::new(&Key::generate());
    let mine = cart();
    let text = FormToken::new(7, at("2026-12-02T10:00:00Z")).seal_for(&key, mine);
    // Another installation's key (or a new session key) retires every open form.
    assert_eq!(
        FormToken::open_for(&text, &FormKey::new(&Key::generate()), mine),
        None
    );
    // Claiming an older "newest order" would let the form order the cart again.
    let mut bytes = URL_SAFE_NO_PAD.decode(&text).unwrap();
    bytes[23] ^= 1;
    let altered = URL_SAFE_NO_PAD.encode(&bytes);
    assert_eq!(FormToken::open_for(&altered, &key, mine), None);
    for nonsense in [
        "",
        "x",
        "nonsense",
        &text[..text.len() - 2],
        &format!("{text}AA"),
    ] {
        assert_eq!(
            FormToken::open_for(nonsense, &key, mine),
            None,
            "{nonsense}"
        );
    }
}

#[test]
fn a_token_expires_a_day_after_its_page_was_shown() {
    let token = FormToken::new(0, at("2026-12-01T10:00:00Z"));
    assert!(!token.expired(at("2026-12-02T10:00:00Z")));
    assert!(token.expired(at("2026-12-02T10:00:00.000001Z")));
}

#[test]
fn each_page_gets_its_own_order_id() {
    let now = at("2026-12-02T10:00:00Z");
    assert_ne!(FormToken::new(1, now).id, FormToken::new(1, now).id);
}
