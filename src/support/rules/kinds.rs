//! The kinds of request and their urgency, as the form offers them.

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

crate::stored_as_code!(ProblemType);

crate::stored_as_code!(Impact);
