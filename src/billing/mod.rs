//! Billing: the partner's monthly invoices, with a line for each order placed in the month
//! and a credit line for each cancellation or approved refund.

pub mod chart;
pub mod credits;
pub mod export;
pub mod handlers;
pub mod issue;
pub mod ledger;
pub mod list_page;
pub mod pdf;
pub mod queries;
pub mod rules;
pub mod views;

crate::stored_enum! {
    /// Why a credit was given; stored in `credits.reason`.
    pub enum CreditReason {
        Cancellation = "cancellation",
        Refund = "refund",
    }
}

/// What an invoice line is: a charge for an order line, or a credit and its reason.
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
pub enum LineKind {
    Charge,
    Credit(CreditReason),
}

impl LineKind {
    pub fn code(self) -> &'static str {
        match self {
            LineKind::Charge => "charge",
            LineKind::Credit(reason) => reason.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<LineKind> {
        match code {
            "charge" => Some(LineKind::Charge),
            _ => CreditReason::from_code(code).map(LineKind::Credit),
        }
    }

    /// The line's name on the invoice and in its CSV (`invoice-kind-refund`).
    pub fn label_key(self) -> String {
        format!("invoice-kind-{}", self.code())
    }
}

crate::stored_as_code!(LineKind);
