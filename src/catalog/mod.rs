//! The catalog: products, their downloadable variants and prices, and the rules of
//! where and how they are sold.

pub mod handlers;
pub mod queries;
pub mod rules;
pub mod views;

crate::stored_enum! {
    /// Product families of the source documents.
    pub enum Family {
        WindowsServer = "windows_server",
        SqlServer = "sql_server",
        AzureReservation = "azure_reservation",
        LinuxPlan = "linux_plan",
        WindowsEsu = "windows_esu",
    }
}

impl Family {
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

crate::stored_enum! {
    /// Bought once for good, or for a term of months.
    pub enum LicenceKind {
        Perpetual = "perpetual",
        Subscription = "subscription",
    }
}
