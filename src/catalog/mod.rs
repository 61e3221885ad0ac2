//! The catalog: products, their downloadable variants and prices, and the rules of
//! where and how they are sold.

pub mod handlers;
pub mod queries;
pub mod rules;
pub mod views;

/// Product families of the source documents.
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
pub enum Family {
    WindowsServer,
    SqlServer,
    AzureReservation,
    LinuxPlan,
    WindowsEsu,
}

impl Family {
    pub const ALL: &'static [Family] = &[
        Family::WindowsServer,
        Family::SqlServer,
        Family::AzureReservation,
        Family::LinuxPlan,
        Family::WindowsEsu,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Family::WindowsServer => "windows_server",
            Family::SqlServer => "sql_server",
            Family::AzureReservation => "azure_reservation",
            Family::LinuxPlan => "linux_plan",
            Family::WindowsEsu => "windows_esu",
        }
    }

    pub fn from_code(code: &str) -> Option<Family> {
        Family::ALL.iter().copied().find(|f| f.code() == code)
    }

    /// Software the customer installs: it has downloads and a Multiple Activation Key.
    pub fn has_keys(self) -> bool {
        matches!(
            self,
            Family::WindowsServer | Family::SqlServer | Family::WindowsEsu
        )
    }

    pub fn label_key(self) -> String {
        format!("family-{}", self.code().replace('_', "-"))
    }
}

crate::stored_as_code!(Family);

crate::stored_enum! {
    /// Bought once for good, or for a term of months.
    pub enum LicenceKind {
        Perpetual = "perpetual",
        Subscription = "subscription",
    }
}
