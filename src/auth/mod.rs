//! Who is asking: sign-in, sessions, roles, the permission policy and the extractors that
//! enforce it.

pub mod extract;
pub mod handlers;
pub mod password;
pub mod policy;
pub mod rules;
pub mod store;

use uuid::Uuid;

pub use extract::{Need, SignedIn};
pub use policy::{Perm, Role, UserKind, perm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    Workspaces,
    Current,
}

impl ViewMode {
    pub fn code(self) -> &'static str {
        match self {
            ViewMode::Workspaces => "workspaces",
            ViewMode::Current => "current",
        }
    }

    pub fn from_code(code: &str) -> Option<ViewMode> {
        match code {
            "workspaces" => Some(ViewMode::Workspaces),
            "current" => Some(ViewMode::Current),
            _ => None,
        }
    }
}

/// The signed-in user as loaded from the database on this request.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub kind: UserKind,
    pub partner_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub roles: Vec<Role>,
    pub language: Option<String>,
    pub view_mode: ViewMode,
}

impl CurrentUser {
    pub fn can(&self, perm: Perm) -> bool {
        policy::allows(&self.roles, perm)
    }

    /// The partner whose data this user may see; only partner staff have one.
    pub fn partner_scope(&self) -> Option<PartnerScope> {
        match (self.kind, self.partner_id) {
            (UserKind::Partner, Some(partner_id)) => Some(PartnerScope { partner_id }),
            _ => None,
        }
    }
}

/// Proof that the holder acts for one partner. It can only be made from a signed-in partner
/// user, and queries of partner data require it, so a query cannot forget the tenant filter.
#[derive(Clone, Copy, Debug)]
pub struct PartnerScope {
    partner_id: Uuid,
}

impl PartnerScope {
    pub fn partner_id(&self) -> Uuid {
        self.partner_id
    }
}
