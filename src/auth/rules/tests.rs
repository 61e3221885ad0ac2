use super::*;

fn t0() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

#[test]
fn a_session_goes_idle_after_thirty_quiet_minutes() {
    let now = t0() + Duration::minutes(40);
    assert_eq!(
        session_state(t0(), now - Duration::minutes(29), now),
        SessionState::Active
    );
    assert_eq!(
        session_state(t0(), now - Duration::minutes(30), now),
        SessionState::Idle
    );
}

#[test]
fn a_busy_session_still_ends_after_twelve_hours() {
    let now = t0() + Duration::hours(12);
    assert_eq!(session_state(t0(), now, now), SessionState::Expired);
    let now = t0() + Duration::hours(12) - Duration::seconds(1);
    assert_eq!(session_state(t0(), now, now), SessionState::Active);
}

#[test]
fn the_fifth_failure_within_fifteen_minutes_locks_for_fifteen_minutes() {
    let mut t = None;
    for i in 0..4 {
        let at = t0() + Duration::minutes(i);
        t = Some(after_failure(t.as_ref(), at));
        assert_eq!(locked_until(t.as_ref(), at), None);
    }
    let fifth = t0() + Duration::minutes(14);
    t = Some(after_failure(t.as_ref(), fifth));
    assert_eq!(locked_until(t.as_ref(), fifth), Some(fifth + LOCKOUT));
    assert!(locked_until(t.as_ref(), fifth + Duration::minutes(14)).is_some());
    assert_eq!(locked_until(t.as_ref(), fifth + LOCKOUT), None);
}

#[test]
fn failures_spread_over_more_than_fifteen_minutes_do_not_lock() {
    let mut t = None;
    for i in 0..10 {
        let at = t0() + Duration::minutes(4 * i);
        t = Some(after_failure(t.as_ref(), at));
        assert_eq!(locked_until(t.as_ref(), at), None, "failure {i}");
    }
}

#[test]
fn a_record_expires_once_its_window_and_its_lock_have_passed() {
    let one = after_failure(None, t0());
    assert!(!expired(&one, t0() + FAILURE_WINDOW - Duration::seconds(1)));
    assert!(expired(&one, t0() + FAILURE_WINDOW));
    let mut locked = None;
    for _ in 0..5 {
        locked = Some(after_failure(locked.as_ref(), t0()));
    }
    let locked = locked.unwrap();
    assert!(!expired(&locked, t0() + LOCKOUT - Duration::seconds(1)));
    assert!(expired(&locked, t0() + LOCKOUT));
    // A lock still running keeps even a record whose window is long past.
    let odd = Throttle {
        window_started_at: t0() - Duration::hours(1),
        failures: 0,
        locked_until: Some(t0() + Duration::minutes(1)),
    };
    assert!(!expired(&odd, t0()));
}

#[test]
fn forgetting_an_expired_record_changes_nothing() {
    let mut records = vec![after_failure(None, t0())];
    let mut t = None;
    for i in 0..5 {
        t = Some(after_failure(t.as_ref(), t0() + Duration::minutes(i)));
        records.push(t.clone().unwrap());
    }
    for record in records {
        for minutes in [15, 16, 19, 20, 30, 600] {
            let now = t0() + Duration::minutes(minutes);
            if expired(&record, now) {
                assert_eq!(locked_until(Some(&record), now), None);
                assert_eq!(after_failure(Some(&record), now), after_failure(None, now));
            }
        }
    }
}

#[test]
fn after_a_lock_lifts_one_failure_does_not_lock_again() {
    let mut t = None;
    for _ in 0..5 {
        t = Some(after_failure(t.as_ref(), t0()));
    }
    let later = t0() + LOCKOUT + Duration::seconds(1);
    t = Some(after_failure(t.as_ref(), later));
    assert_eq!(locked_until(t.as_ref(), later), None);
}
