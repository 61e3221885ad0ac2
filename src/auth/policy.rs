//! Roles, permissions and the one table that joins them. Handlers name the permission they
//! need (see `extract::Need`); navigation, the route list and the permission-matrix test are
//! all driven from here.

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum UserKind {
    Partner,
    Customer,
    Support,
}

impl UserKind {
    pub fn code(self) -> &'static str {
        match self {
            UserKind::Partner => "partner",
            UserKind::Customer => "customer",
            UserKind::Support => "support",
        }
    }

    pub fn from_code(code: &str) -> Option<UserKind> {
        [UserKind::Partner, UserKind::Customer, UserKind::Support]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

macro_rules! roles {
    ($($variant:ident = $code:literal, $kind:ident;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, diesel::deserialize::FromSqlRow, diesel::expression::AsExpression)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum Role { $($variant),* }

        impl Role {
            pub const ALL: &'static [Role] = &[$(Role::$variant),*];

            /// The value stored in `user_roles.role`.
            pub fn code(self) -> &'static str {
                match self { $(Role::$variant => $code),* }
            }

            pub fn kind(self) -> UserKind {
                match self { $(Role::$variant => UserKind::$kind),* }
            }
        }
    };
}

roles! {
    AdminAgent = "admin_agent", Partner;
    GlobalAdmin = "global_admin", Partner;
    SalesAgent = "sales_agent", Partner;
    HelpdeskAgent = "helpdesk_agent", Partner;
    BillingAdmin = "billing_admin", Partner;
    AccountAdmin = "account_admin", Partner;
    ReferralAdmin = "referral_admin", Partner;
    MarketingAdmin = "marketing_admin", Partner;
    CustomerGlobalAdmin = "customer_global_admin", Customer;
    CustomerUser = "customer_user", Customer;
    SupportEngineer = "support_engineer", Support;
}

impl Role {
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// Fluent message id of the role's display name.
    pub fn label_key(self) -> String {
        format!("role-{}", self.code().replace('_', "-"))
    }
}

macro_rules! permissions {
    ($($variant:ident => [$($role:ident),*];)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Perm { $($variant),* }

        impl Perm {
            pub const ALL: &'static [Perm] = &[$(Perm::$variant),*];

            /// The roles that hold this permission: the policy table itself.
            pub fn roles(self) -> &'static [Role] {
                match self { $(Perm::$variant => &[$(Role::$role),*]),* }
            }
        }

        /// Type-level names of the permissions, so a handler's signature states what it needs:
        /// `async fn list(user: Need<perm::CustomersRead>, ...)`.
        pub mod perm {
            $(
                pub struct $variant;
                impl super::Permission for $variant {
                    const PERM: super::Perm = super::Perm::$variant;
                }
            )*
        }
    };
}

permissions! {
    CustomersRead => [AdminAgent, GlobalAdmin, SalesAgent, HelpdeskAgent];
    // Order history is a customer page, so the dashboard needs only `CustomersRead`; the API
    // names reading orders apart, so a token may read orders without listing customers.
    OrdersRead => [AdminAgent, GlobalAdmin, SalesAgent, HelpdeskAgent];
    // The API's products list: what reading or placing orders needs to name offers.
    CatalogRead => [AdminAgent, GlobalAdmin, SalesAgent, HelpdeskAgent];
    CustomersCreate => [AdminAgent, GlobalAdmin];
    OrdersPlace => [AdminAgent, GlobalAdmin, SalesAgent];
    SoftwareKeys => [AdminAgent];
    PurchasesCancel => [AdminAgent];
    BillingRead => [BillingAdmin, GlobalAdmin, AdminAgent];
    SupportFile => [AdminAgent, GlobalAdmin, HelpdeskAgent, BillingAdmin];
    ActivityLogRead => [GlobalAdmin, AccountAdmin, ReferralAdmin, MarketingAdmin];
    UsersManage => [GlobalAdmin];
    ApiTokensManage => [GlobalAdmin];
    TenantProducts => [CustomerGlobalAdmin, CustomerUser];
    TenantKeys => [CustomerGlobalAdmin];
    SupportConsole => [SupportEngineer];
}

pub trait Permission {
    const PERM: Perm;
}

pub fn allows(roles: &[Role], perm: Perm) -> bool {
    perm.roles().iter().any(|r| roles.contains(r))
}

#[cfg(test)]
mod tests;

crate::stored_as_code!(UserKind);

crate::stored_as_code!(Role);
