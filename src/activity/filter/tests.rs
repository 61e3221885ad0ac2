use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn raw(from: &str, to: &str) -> RawFilter {
    RawFilter {
        from: Some(from.into()),
        to: Some(to.into()),
        ..RawFilter::default()
    }
}

#[test]
fn the_default_is_the_last_thirty_days_of_key_access() {
    let f = parse(&RawFilter::default(), day("2026-11-24")).unwrap();
    assert_eq!((f.from, f.to), (day("2026-10-26"), day("2026-11-24")));
    assert_eq!(f.operations, Operations::Access);
    assert_eq!(f.actor, Actor::Anyone);
    assert_eq!(f.customer, None);
    assert_eq!(f.start().to_rfc3339(), "2026-10-26T00:00:00+00:00");
    assert_eq!(f.end().to_rfc3339(), "2026-11-25T00:00:00+00:00");
}

#[test]
fn a_range_may_be_one_day_or_366_but_not_367() {
    let today = day("2026-11-24");
    assert!(parse(&raw("2026-11-24", "2026-11-24"), today).is_ok());
    assert!(parse(&raw("2024-01-01", "2024-12-31"), today).is_ok());
    assert_eq!(
        parse(&raw("2025-01-01", "2026-01-02"), today),
        Err(vec![Problem::TooLong])
    );
}

#[test]
fn bad_dates_and_a_reversed_range_are_named() {
    let today = day("2026-11-24");
    assert_eq!(
        parse(&raw("2026-11-25", "2026-11-24"), today),
        Err(vec![Problem::StartAfterEnd])
    );
    assert_eq!(
        parse(&raw("24.11.2026", "2026-02-30"), today),
        Err(vec![Problem::BadFrom, Problem::BadTo])
    );
    assert_eq!(
        parse(&raw("2026-11-01", "+262142-12-31"), today),
        Err(vec![Problem::BadTo])
    );
    assert_eq!(
        parse(&raw("-5000-01-01", "-5000-01-02"), today),
        Err(vec![Problem::BadFrom, Problem::BadTo])
    );
    assert_eq!(
        parse(&raw("0000-12-31", "0001-01-01"), today),
        Err(vec![Problem::BadFrom])
    );
    let forged = RawFilter {
        op: Some("drop_table".into()),
        user: Some("root".into()),
        ..RawFilter::default()
    };
    assert_eq!(
        parse(&forged, today),
        Err(vec![Problem::BadOperation, Problem::BadUser])
    );
}

#[test]
fn the_query_string_reproduces_the_filter() {
    let raw = RawFilter {
        from: Some(" 2026-11-01 ".into()),
        to: Some("2026-11-20".into()),
        op: Some("link_used".into()),
        customer: Some("Adatum.example\u{0}".into()),
        user: Some("link".into()),
        who: None,
        after: None,
    };
    let f = parse(&raw, day("2026-11-24")).unwrap();
    let again: RawFilter = serde_urlencoded::from_str(&f.query()).unwrap();
    assert_eq!(parse(&again, day("2026-11-24")).unwrap(), f);
    assert_eq!(f.customer.as_deref(), Some("adatum.example"));
}

#[test]
fn cursors_round_trip_and_nonsense_is_ignored() {
    let c = Cursor {
        at: DateTime::from_timestamp_micros(1_764_000_000_123_456).unwrap(),
        id: 42,
    };
    assert_eq!(Cursor::decode(&c.encode()), Some(c));
    for bad in [
        "",
        "1.2.3",
        "x.1",
        "1.x",
        "99999999999999999999.1",
        "-8000000000000000000.1",
    ] {
        assert_eq!(Cursor::decode(bad), None, "{bad}");
    }
}

#[test]
fn a_user_with_one_operation_is_the_only_filter_planned_for_its_values() {
    let filter = |op: Option<&str>, user: Option<&str>| RawFilter {
        op: op.map(str::to_string),
        user: user.map(str::to_string),
        ..RawFilter::default()
    };
    let someone = "0b6a1f7e-5d1c-4c53-9d6e-1a2b3c4d5e6f";
    assert!(suits_one_plan(&filter(None, None)));
    assert!(suits_one_plan(&filter(Some(" access "), Some(someone))));
    assert!(suits_one_plan(&filter(Some("all"), None)));
    // One operation is read through its own index in order, whichever it is.
    assert!(suits_one_plan(&filter(Some("order_placed"), None)));
    assert!(suits_one_plan(&filter(Some("link_used"), Some("link"))));
    // With a user as well, the rarer of the two decides the best index.
    assert!(!suits_one_plan(&filter(
        Some("order_placed"),
        Some(someone)
    )));
    // Nonsense is refused on either connection; it reads nothing.
    assert!(!suits_one_plan(&filter(Some("nonsense"), None)));
    assert!(!suits_one_plan(&filter(
        Some("link_used"),
        Some("nonsense")
    )));
}

#[test]
fn someone_typed_is_kept_trimmed_and_a_token_found_by_it_round_trips_by_name() {
    let today = day("2026-11-24");
    let typed = RawFilter {
        who: Some("  billing-sync\u{7}  ".into()),
        ..RawFilter::default()
    };
    let mut f = parse(&typed, today).unwrap();
    assert_eq!(f.who.as_deref(), Some("billing-sync"));
    assert_eq!(f.actor, Actor::Anyone);
    // The handler found a token by that name: its links name it, not a user.
    f.actor = Actor::Token("billing-sync".into());
    let query = f.query();
    assert!(
        query.contains("who=billing-sync") && !query.contains("user="),
        "{query}"
    );
    let blank = RawFilter {
        who: Some(" \t ".into()),
        ..RawFilter::default()
    };
    assert_eq!(parse(&blank, today).unwrap().who, None);
    // Typed with one operation, it is planned for its values like a chosen user.
    let with_op = RawFilter {
        op: Some("order_placed".into()),
        ..typed
    };
    assert!(!suits_one_plan(&with_op));
}
