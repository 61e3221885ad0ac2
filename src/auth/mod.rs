//! Who is asking: sign-in, sessions, roles, the permission policy and the extractors that
//! enforce it.

pub mod claims;
pub mod extract;
pub mod handlers;
pub mod lockout;
pub mod password;
pub mod policy;
pub mod rules;
pub mod store;

use crate::ids::{CustomerId, PartnerId, UserId};

pub use extract::{Authenticated, Need, SignedIn, Viewer};

pub use policy::{Perm, Role, UserKind, perm};

/// Where a user chooses a new password.
pub const PASSWORD_PAGE: &str = "/account/password";

crate::stored_enum! {
    /// The dashboard layout a user chose: workspace tiles or the current view's navigation.
    pub enum ViewMode {
        Workspaces = "workspaces",
        Current = "current",
    }
}

/// The signed-in user of this request: as the session's claims say, confirmed against the
/// database before the response leaves (see `extract`).
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub kind: UserKind,
    pub partner_id: Option<PartnerId>,
    pub customer_id: Option<CustomerId>,
    pub roles: Vec<Role>,
    pub language: Option<crate::i18n::Lang>,
    pub view_mode: ViewMode,
    /// Signed in with a one-time password: nothing but choosing a new one until it is done.
    pub password_must_change: bool,
}

impl CurrentUser {
    pub fn can(&self, perm: Perm) -> bool {
        policy::allows(&self.roles, perm)
    }

    /// The customer whose own data this user may see; only customer staff have one.
    pub fn own_tenant(&self) -> Option<CustomerScope> {
        match (self.kind, self.customer_id) {
            (UserKind::Customer, Some(customer_id)) => Some(CustomerScope { customer_id }),
            _ => None,
        }
    }

    /// The partner whose data this user may see; only partner staff have one.
    pub fn partner_scope(&self) -> Option<PartnerScope> {
        match (self.kind, self.partner_id) {
            (UserKind::Partner, Some(partner_id)) => Some(PartnerScope { partner_id }),
            _ => None,
        }
    }

    /// The partner this user acts for, or 403: permissions of partner staff always have one.
    pub fn partner(&self) -> Result<PartnerScope, crate::error::AppError> {
        self.partner_scope()
            .ok_or(crate::error::AppError::Forbidden)
    }
}

/// Proof that the holder acts for one partner. It can only be made from a signed-in partner
/// user, and queries of partner data require it, so a query cannot forget the tenant filter.
#[derive(Clone, Copy, Debug)]
pub struct PartnerScope {
    partner_id: PartnerId,
}

impl PartnerScope {
    pub fn partner_id(&self) -> PartnerId {
        self.partner_id
    }

    /// The partner of an API token the request check has just accepted (`api::caller`).
    pub(crate) fn of_token(partner_id: PartnerId) -> PartnerScope {
        PartnerScope { partner_id }
    }

    /// Narrows to one of this partner's customers; `None` for anyone else's.
    pub fn customer(&self, customer: &crate::customers::Customer) -> Option<CustomerScope> {
        (customer.partner_id == self.partner_id).then_some(CustomerScope {
            customer_id: customer.id,
        })
    }
}

/// Proof that the holder may read one customer's data: made from a partner scope and one of
/// its customers, or from a customer user's own tenant. Software queries require it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CustomerScope {
    customer_id: CustomerId,
}

impl CustomerScope {
    pub fn customer_id(&self) -> CustomerId {
        self.customer_id
    }

    /// A customer that a statement has just returned for a `customers::claim::Claim`, which
    /// the statement checked against the reader's partner or own tenant.
    pub(crate) fn claimed(customer_id: CustomerId) -> CustomerScope {
        CustomerScope { customer_id }
    }

    /// The customer of a download link found by its token: holding the token is the right
    /// to that one file, and nothing else is read with this scope.
    pub fn for_link(customer_id: CustomerId) -> CustomerScope {
        CustomerScope { customer_id }
    }
}
