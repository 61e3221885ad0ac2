//! What each field of a support request must be, as pure functions, so the form, the
//! reply and the console all check the same way.

use crate::ids::{CustomerId, OrderId};

pub const MAX_TITLE: usize = 150;
pub const MAX_TEXT: usize = 4000;
pub const MAX_NAME: usize = 200;
pub const MAX_EMAIL: usize = 254;
pub const MAX_PHONE: usize = 40;

/// The problem types of the "Report a problem" form; a refund names an order and an amount.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum ProblemType {
    Refund,
    Billing,
    Order,
    KeysDownloads,
    Other,
}

impl ProblemType {
    pub const ALL: &'static [ProblemType] = &[
        ProblemType::Refund,
        ProblemType::Billing,
        ProblemType::Order,
        ProblemType::KeysDownloads,
        ProblemType::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProblemType::Refund => "refund",
            ProblemType::Billing => "billing",
            ProblemType::Order => "order",
            ProblemType::KeysDownloads => "keys_downloads",
            ProblemType::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<ProblemType> {
        ProblemType::ALL.iter().copied().find(|t| t.code() == code)
    }

    pub fn label_key(self) -> String {
        format!("support-type-{}", self.code().replace('_', "-"))
    }
}

/// How badly the problem hurts the customer.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Impact {
    Critical,
    High,
    Moderate,
    Low,
}

impl Impact {
    pub const ALL: &'static [Impact] = &[
        Impact::Critical,
        Impact::High,
        Impact::Moderate,
        Impact::Low,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Impact::Critical => "critical",
            Impact::High => "high",
            Impact::Moderate => "moderate",
            Impact::Low => "low",
        }
    }

    pub fn from_code(code: &str) -> Option<Impact> {
        Impact::ALL.iter().copied().find(|i| i.code() == code)
    }

    pub fn label_key(self) -> String {
        format!("support-impact-{}", self.code())
    }
}

/// An e-mail address as people type them: one `@`, something before it, a dotted domain
/// after it, no spaces or control characters.
pub fn valid_email(text: &str) -> bool {
    if text.is_empty()
        || text.len() > MAX_EMAIL
        || text.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// A phone number: digits with the usual separators, an optional leading `+`, and between 6
/// and 15 digits (the E.164 maximum).
pub fn valid_phone(text: &str) -> bool {
    if text.len() > MAX_PHONE {
        return false;
    }
    let body = text.strip_prefix('+').unwrap_or(text);
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.'));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    allowed && (6..=15).contains(&digits)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Malformed,
    NotPositive,
    TooPrecise,
}

/// An amount typed as "1069", "1069.5" or "1069,50" (no grouping, no sign), in minor units of
/// a currency with `exponent` decimals.
pub fn parse_amount(text: &str, exponent: u32) -> Result<i64, AmountError> {
    let text = text.trim();
    let (units, fraction) = match text.split_once(['.', ',']) {
        Some((u, f)) => (u, f),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if units.is_empty() || units.len() > 13 || !digits(units) || !digits(fraction) {
        return Err(AmountError::Malformed);
    }
    if fraction.len() > exponent as usize {
        return Err(AmountError::TooPrecise);
    }
    let scale = 10_i64.pow(exponent);
    let units: i64 = units.parse().map_err(|_| AmountError::Malformed)?;
    let padded = format!("{fraction:0<width$}", width = exponent as usize);
    let fraction: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().map_err(|_| AmountError::Malformed)?
    };
    let minor = units * scale + fraction;
    if minor <= 0 {
        return Err(AmountError::NotPositive);
    }
    Ok(minor)
}

/// How a customer is named in the description: its tenant GUID or its domain name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TenantRef {
    Id(CustomerId),
    Domain(String),
}

pub fn tenant_ref(text: &str) -> Option<TenantRef> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match CustomerId::parse(text) {
        Some(id) => TenantRef::Id(id),
        None => TenantRef::Domain(text.to_ascii_lowercase()),
    })
}

/// How an order is named: its number (as Order history shows it) or its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderRef {
    Number(i64),
    Id(OrderId),
}

pub fn order_ref(text: &str) -> Option<OrderRef> {
    let text = text.trim();
    if let Some(id) = OrderId::parse(text) {
        return Some(OrderRef::Id(id));
    }
    if !text.is_empty() && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().map(OrderRef::Number);
    }
    None
}

/// What can still be refunded on an order: what was paid less the credits already given.
pub fn refundable(paid: i64, credited: i64) -> i64 {
    (paid - credited).max(0)
}

/// A message of the conversation: not empty, at most 4,000 characters, no NUL.
pub fn message_ok(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().count() <= MAX_TEXT && !text.contains('\0')
}

/// Where a request stands. Open requests wait on support, or on the partner.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Status {
    New,
    InReview,
    WaitingForPartner,
    Approved,
    Rejected,
}

impl Status {
    pub const ALL: &'static [Status] = &[
        Status::New,
        Status::InReview,
        Status::WaitingForPartner,
        Status::Approved,
        Status::Rejected,
    ];
    pub const OPEN: &'static [Status] = &[Status::New, Status::InReview, Status::WaitingForPartner];

    pub fn code(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InReview => "in_review",
            Status::WaitingForPartner => "waiting_for_partner",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.iter().copied().find(|s| s.code() == code)
    }

    pub fn is_open(self) -> bool {
        Status::OPEN.contains(&self)
    }
}

/// What someone does to a request: support takes, asks, approves or rejects; the partner
/// replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Take,
    AskInfo,
    Reply,
    Approve,
    Reject,
}

impl Step {
    /// The timeline entry's kind.
    pub fn event(self) -> &'static str {
        match self {
            Step::Take => "taken",
            Step::AskInfo => "info_requested",
            Step::Reply => "replied",
            Step::Approve => "approved",
            Step::Reject => "rejected",
        }
    }
}

/// The status after `step`, or `None` when the step is not allowed from `status`: nothing
/// happens to a decided request, and the partner replies only when asked.
pub fn after(status: Status, step: Step) -> Option<Status> {
    use Status::*;
    match (status, step) {
        (Approved | Rejected, _) => None,
        (New, Step::Take) => Some(InReview),
        (s, Step::Take) => Some(s),
        (_, Step::AskInfo) => Some(WaitingForPartner),
        (WaitingForPartner, Step::Reply) => Some(InReview),
        (_, Step::Reply) => None,
        (_, Step::Approve) => Some(Approved),
        (_, Step::Reject) => Some(Rejected),
    }
}

/// The statuses `step` may start from: what a conditional `UPDATE … WHERE status IN (…)`
/// needs, so two people acting at once cannot both succeed.
pub fn allowed_from(step: Step) -> Vec<&'static str> {
    Status::ALL
        .iter()
        .filter(|s| after(**s, step).is_some())
        .map(|s| s.code())
        .collect()
}

/// Splits an approved refund over an order's lines, in order, each taking at most what is
/// still refundable on it. `None` when the lines together cannot take the amount.
pub fn allocate<K: Copy>(amount: i64, lines: &[(K, i64)]) -> Option<Vec<(K, i64)>> {
    if amount <= 0 {
        return None;
    }
    let mut left = amount;
    let mut parts = Vec::new();
    for (key, room) in lines {
        if left == 0 {
            break;
        }
        let part = left.min((*room).max(0));
        if part > 0 {
            parts.push((*key, part));
            left -= part;
        }
    }
    (left == 0).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

crate::stored_as_code!(ProblemType);

crate::stored_as_code!(Impact);

crate::stored_as_code!(Status);
