use super::*;

#[test]
fn months_are_utc_calendar_months() {
    let last_second = "2026-11-30T23:59:59Z".parse().unwrap();
    let m = Month::of(last_second);
    assert_eq!(m.code(), "2026-11");
    assert_eq!(
        m.start(),
        "2026-11-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    assert_eq!(
        m.end(),
        "2026-12-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
    assert_eq!(Month::of(m.end()).code(), "2026-12");
    let december = Month::parse("2026-12").unwrap();
    assert_eq!(
        december.end(),
        "2027-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
    );
}

#[test]
fn only_real_months_parse() {
    assert!(Month::parse("2026-11").is_some());
    for junk in [
        "2026-13",
        "2026-00",
        "2026-1",
        "26-11",
        "2026-11-01",
        "",
        "abcd-ef",
        "+202-11",
        "1999-12",
    ] {
        assert_eq!(Month::parse(junk), None, "{junk}");
    }
}

#[test]
fn the_current_month_is_open_and_earlier_ones_issued() {
    let now = "2026-11-24T12:00:00Z".parse().unwrap();
    assert_eq!(InvoiceStatus::of(Month::of(now), now), InvoiceStatus::Open);
    let october = Month::parse("2026-10").unwrap();
    assert_eq!(InvoiceStatus::of(october, now), InvoiceStatus::Issued);
    let first_instant = "2026-12-01T00:00:00Z".parse().unwrap();
    let november = Month::parse("2026-11").unwrap();
    assert_eq!(
        InvoiceStatus::of(november, first_instant),
        InvoiceStatus::Issued
    );
}
