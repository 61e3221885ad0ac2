use super::*;
use crate::ids::{CustomerId, OrderId};

#[test]
fn emails() {
    for good in ["a@b.co", "jane.doe+csp@contoso-partner.test"] {
        assert!(valid_email(good), "{good}");
    }
    for bad in [
        "", "jane", "@b.co", "a@b", "a@@b.co", "a b@c.co", "a@b..co", "a@.co",
    ] {
        assert!(!valid_email(bad), "{bad}");
    }
    assert!(!valid_email(&format!("{}@b.co", "a".repeat(260))));
}

#[test]
fn phones() {
    for good in [
        "+90 212 555 01 23",
        "(425) 555-0100",
        "425.555.0100",
        "123456",
    ] {
        assert!(valid_phone(good), "{good}");
    }
    for bad in [
        "",
        "12345",
        "+1 555 CALL NOW",
        "++1 425 555 0100",
        "1234567890123456",
        "1-2",
    ] {
        assert!(!valid_phone(bad), "{bad}");
    }
}

#[test]
fn amounts_in_minor_units() {
    assert_eq!(parse_amount("1069", 2), Ok(106_900));
    assert_eq!(parse_amount("1069.5", 2), Ok(106_950));
    assert_eq!(parse_amount(" 1069,05 ", 2), Ok(106_905));
    assert_eq!(parse_amount("0.01", 2), Ok(1));
    assert_eq!(parse_amount("14860", 0), Ok(14_860));
    assert_eq!(parse_amount("0", 2), Err(AmountError::NotPositive));
    assert_eq!(parse_amount("0.00", 2), Err(AmountError::NotPositive));
    assert_eq!(parse_amount("1.005", 2), Err(AmountError::TooPrecise));
    assert_eq!(parse_amount("10.5", 0), Err(AmountError::TooPrecise));
    for bad in ["", "-5", "1,069.00", "1e3", "abc", ".5", "99999999999999"] {
        assert_eq!(parse_amount(bad, 2), Err(AmountError::Malformed), "{bad}");
    }
}

#[test]
fn tenants_and_orders_are_named_either_way() {
    let id = uuid::Uuid::new_v4();
    assert_eq!(
        tenant_ref(&id.to_string()),
        Some(TenantRef::Id(CustomerId(id)))
    );
    assert_eq!(
        tenant_ref(" Adatum.TEST "),
        Some(TenantRef::Domain("adatum.test".into()))
    );
    assert_eq!(tenant_ref("  "), None);
    assert_eq!(order_ref("100005"), Some(OrderRef::Number(100_005)));
    assert_eq!(order_ref(&id.to_string()), Some(OrderRef::Id(OrderId(id))));
    assert_eq!(order_ref("order 5"), None);
    assert_eq!(order_ref("9999999999999999999999"), None);
}

#[test]
fn refundable_is_never_negative() {
    assert_eq!(refundable(100, 30), 70);
    assert_eq!(refundable(100, 130), 0);
}

#[test]
fn codes_round_trip() {
    for t in ProblemType::ALL {
        assert_eq!(ProblemType::from_code(t.code()), Some(*t));
    }
    for i in Impact::ALL {
        assert_eq!(Impact::from_code(i.code()), Some(*i));
    }
    assert_eq!(ProblemType::from_code("refund'--"), None);
}

#[test]
fn steps_follow_the_status() {
    use Status::*;
    assert_eq!(after(New, Step::Take), Some(InReview));
    assert_eq!(
        after(WaitingForPartner, Step::Take),
        Some(WaitingForPartner)
    );
    assert_eq!(after(InReview, Step::AskInfo), Some(WaitingForPartner));
    assert_eq!(after(WaitingForPartner, Step::Reply), Some(InReview));
    assert_eq!(after(InReview, Step::Reply), None);
    assert_eq!(after(New, Step::Reply), None);
    for s in Status::OPEN {
        assert_eq!(after(*s, Step::Approve), Some(Approved));
        assert_eq!(after(*s, Step::Reject), Some(Rejected));
    }
    for s in [Approved, Rejected] {
        for step in [
            Step::Take,
            Step::AskInfo,
            Step::Reply,
            Step::Approve,
            Step::Reject,
        ] {
            assert_eq!(after(s, step), None, "{s:?} {step:?}");
        }
    }
    assert_eq!(allowed_from(Step::Reply), vec!["waiting_for_partner"]);
    assert_eq!(
        allowed_from(Step::Approve),
        vec!["new", "in_review", "waiting_for_partner"]
    );
    for s in Status::ALL {
        assert_eq!(Status::from_code(s.code()), Some(*s));
    }
}

#[test]
fn a_refund_fills_lines_in_order() {
    assert_eq!(
        allocate(150, &[('a', 100), ('b', 0), ('c', 100)]),
        Some(vec![('a', 100), ('c', 50)])
    );
    assert_eq!(
        allocate(100, &[('a', 100), ('b', 5)]),
        Some(vec![('a', 100)])
    );
    assert_eq!(allocate(201, &[('a', 100), ('b', 100)]), None);
    assert_eq!(allocate(0, &[('a', 100)]), None);
    assert_eq!(allocate(-5, &[('a', 100)]), None);
}

proptest::proptest! {
    #[test]
    fn an_allocation_adds_up_and_fits(
        amount in 1i64..10_000_000,
        rooms in proptest::collection::vec(-5i64..5_000_000, 0..8),
    ) {
        let lines: Vec<(usize, i64)> = rooms.iter().copied().enumerate().collect();
        let room: i64 = rooms.iter().map(|r| (*r).max(0)).sum();
        match allocate(amount, &lines) {
            Some(parts) => {
                proptest::prop_assert_eq!(parts.iter().map(|p| p.1).sum::<i64>(), amount);
                for (i, part) in parts {
                    proptest::prop_assert!(part > 0 && part <= rooms[i]);
                }
            }
            None => proptest::prop_assert!(amount > room),
        }
    }
}

#[test]
fn timeline_entry_kinds_read_back_what_they_write() {
    for step in [
        Step::Take,
        Step::AskInfo,
        Step::Reply,
        Step::Approve,
        Step::Reject,
    ] {
        let kind = step.event();
        assert_eq!(EventKind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(EventKind::from_code("filed"), Some(EventKind::Filed));
    assert_eq!(EventKind::from_code("deleted"), None);
}
