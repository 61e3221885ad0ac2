use super::*;

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

#[test]
fn the_deadline_is_180_days_after_the_last_activation() {
    assert_eq!(renewal_deadline(day("2026-06-01")), day("2026-11-28"));
}

#[test]
fn a_passed_deadline_is_overdue_since_that_day_not_a_negative_count() {
    let deadline = day("2026-11-28");
    assert_eq!(standing(day("2026-11-24"), deadline), Standing::DaysLeft(4));
    assert_eq!(standing(deadline, deadline), Standing::DaysLeft(0));
    assert_eq!(
        standing(day("2026-11-29"), deadline),
        Standing::OverdueSince(deadline)
    );
    assert_eq!(
        standing(day("2027-05-01"), deadline),
        Standing::OverdueSince(deadline)
    );
}

#[test]
fn an_activation_date_lies_between_2000_and_today() {
    let today = day("2026-11-24");
    assert_eq!(activation_date("2026-11-24", today), Ok(today));
    assert_eq!(
        activation_date(" 2000-01-01 ", today),
        Ok(day("2000-01-01"))
    );
    assert_eq!(
        activation_date("2026-11-25", today),
        Err(DateProblem::Future)
    );
    assert_eq!(
        activation_date("+262142-01-01", today),
        Err(DateProblem::Future)
    );
    assert_eq!(
        activation_date("1999-12-31", today),
        Err(DateProblem::TooEarly)
    );
    assert_eq!(
        activation_date("-99999-01-01", today),
        Err(DateProblem::TooEarly)
    );
    for typed in ["", "2026-02-30", "24.11.2026", "2026-11-24T00:00"] {
        assert_eq!(
            activation_date(typed, today),
            Err(DateProblem::Malformed),
            "{typed}"
        );
    }
}

#[test]
fn bad_rows_are_listed_with_their_line_and_the_rest_is_kept() {
    let text = b"device,activated\nSRV-01,2026-06-01\n,2026-06-01\nSRV-03,01/06/2026\n\nSRV-05,2026-06-02,extra\nSRV-06,2027-01-01\nSRV-07, 2026-07-15 \nSRV-08,-99999-01-01\nSRV-09,1999-12-31\n";
    let (devices, bad) = parse_devices(text, day("2026-11-24"));
    assert_eq!(
        devices,
        vec![
            Device {
                name: "SRV-01".into(),
                activated: day("2026-06-01")
            },
            Device {
                name: "SRV-07".into(),
                activated: day("2026-07-15")
            },
        ]
    );
    assert_eq!(
        bad,
        vec![
            BadRow {
                line: 3,
                reason: "kms-row-name"
            },
            BadRow {
                line: 4,
                reason: "kms-row-date"
            },
            BadRow {
                line: 6,
                reason: "kms-row-columns"
            },
            BadRow {
                line: 7,
                reason: "kms-row-future"
            },
            BadRow {
                line: 9,
                reason: "kms-row-too-early"
            },
            BadRow {
                line: 10,
                reason: "kms-row-too-early"
            },
        ]
    );
}

#[test]
fn a_first_row_with_a_date_is_a_device_not_a_header() {
    let (devices, bad) = parse_devices(b"SRV-01,2026-06-01\n", day("2026-11-24"));
    assert_eq!(devices.len(), 1);
    assert!(bad.is_empty());
}
