//! Where a request stands and what may happen to it next.

crate::stored_enum! {
    /// Where a request stands. Open requests wait on support, or on the partner.
    pub enum Status {
        New = "new",
        InReview = "in_review",
        WaitingForPartner = "waiting_for_partner",
        Approved = "approved",
        Rejected = "rejected",
    }
}

impl Status {
    pub const OPEN: &'static [Status] = &[Status::New, Status::InReview, Status::WaitingForPartner];

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
    /// The timeline entry it leaves.
    pub fn event(self) -> EventKind {
        match self {
            Step::Take => EventKind::Taken,
            Step::AskInfo => EventKind::InfoRequested,
            Step::Reply => EventKind::Replied,
            Step::Approve => EventKind::Approved,
            Step::Reject => EventKind::Rejected,
        }
    }
}

crate::stored_enum! {
    /// What a timeline entry records; stored in `support_events.kind`.
    pub enum EventKind {
        Filed = "filed",
        Taken = "taken",
        InfoRequested = "info_requested",
        Replied = "replied",
        Approved = "approved",
        Rejected = "rejected",
    }
}

impl EventKind {
    /// The entry's name on the timeline (`support-event-info-requested`).
    pub fn label_key(self) -> String {
        format!("support-event-{}", self.code().replace('_', "-"))
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
