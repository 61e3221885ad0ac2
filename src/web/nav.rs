//! The workspaces a user can reach, derived from the permission policy: the home page's tiles
//! in "Workspaces view" and the left-hand menu in "Current view".

use crate::auth::{CurrentUser, Perm, UserKind};

pub struct NavItem {
    pub key: &'static str,
    pub description_key: &'static str,
    pub href: &'static str,
    pub icon: &'static str,
}

struct Workspace {
    item: NavItem,
    /// `None`: every signed-in user of `kinds`.
    perm: Option<Perm>,
    kinds: &'static [UserKind],
}

const WORKSPACES: &[Workspace] = &[
    Workspace {
        item: NavItem {
            key: "nav-customers",
            description_key: "tile-customers",
            href: "/customers",
            icon: "customers",
        },
        perm: Some(Perm::CustomersRead),
        kinds: &[UserKind::Partner],
    },
    Workspace {
        item: NavItem {
            key: "nav-billing",
            description_key: "tile-billing",
            href: "/billing",
            icon: "billing",
        },
        perm: Some(Perm::BillingRead),
        kinds: &[UserKind::Partner],
    },
    Workspace {
        item: NavItem {
            key: "nav-support",
            description_key: "tile-support",
            href: "/support",
            icon: "support",
        },
        perm: Some(Perm::SupportFile),
        kinds: &[UserKind::Partner],
    },
    Workspace {
        item: NavItem {
            key: "nav-console",
            description_key: "tile-console",
            href: "/console",
            icon: "support",
        },
        perm: Some(Perm::SupportConsole),
        kinds: &[UserKind::Support],
    },
    Workspace {
        item: NavItem {
            key: "nav-your-products",
            description_key: "tile-your-products",
            href: "/your-products/software",
            icon: "billing",
        },
        perm: Some(Perm::TenantProducts),
        kinds: &[UserKind::Customer],
    },
    Workspace {
        item: NavItem {
            key: "nav-account",
            description_key: "tile-account",
            href: "/account",
            icon: "account",
        },
        perm: None,
        kinds: &[UserKind::Partner, UserKind::Customer, UserKind::Support],
    },
];

pub fn items(user: &CurrentUser) -> Vec<&'static NavItem> {
    WORKSPACES
        .iter()
        .filter(|w| w.kinds.contains(&user.kind) && w.perm.is_none_or(|p| user.can(p)))
        .map(|w| &w.item)
        .collect()
}
