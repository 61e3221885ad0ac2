//! The kinds of request and their urgency, as the form offers them.

crate::stored_enum! {
    /// The problem types of the "Report a problem" form; a refund names an order and an
    /// amount.
    pub enum ProblemType {
        Refund = "refund",
        Billing = "billing",
        Order = "order",
        KeysDownloads = "keys_downloads",
        Other = "other",
    }
}

impl ProblemType {
    pub fn label_key(self) -> String {
        format!("support-type-{}", self.code().replace('_', "-"))
    }
}

crate::stored_enum! {
    /// How badly the problem hurts the customer.
    pub enum Impact {
        Critical = "critical",
        High = "high",
        Moderate = "moderate",
        Low = "low",
    }
}

impl Impact {
    pub fn label_key(self) -> String {
        format!("support-impact-{}", self.code())
    }
}
