//! What an API token may do: scopes, each covering permissions of the policy table. A token's
//! request passes only if one of its scopes covers the route's permission *and* the token's
//! creator holds that permission now, so a token never does more than its creator may.

use crate::auth::Perm;

crate::stored_enum! {
    /// A scope a token is granted, stored and sent as its code (`orders:write`).
    pub enum Scope {
        CustomersRead = "customers:read",
        CustomersWrite = "customers:write",
        OrdersRead = "orders:read",
        OrdersWrite = "orders:write",
        SoftwareKeys = "software:keys",
        BillingRead = "billing:read",
        AuditRead = "audit:read",
    }
}

impl Scope {
    /// The permissions this scope covers: what the dashboard's pages for the same data need.
    pub fn perms(self) -> &'static [Perm] {
        match self {
            Scope::CustomersRead => &[Perm::CustomersRead],
            Scope::CustomersWrite => &[Perm::CustomersCreate],
            Scope::OrdersRead => &[Perm::OrdersRead, Perm::CatalogRead],
            Scope::OrdersWrite => &[Perm::OrdersPlace, Perm::PurchasesCancel, Perm::CatalogRead],
            Scope::SoftwareKeys => &[Perm::SoftwareKeys],
            Scope::BillingRead => &[Perm::BillingRead],
            Scope::AuditRead => &[Perm::ActivityLogRead],
        }
    }

    /// Fluent message id of the scope's description on the tokens page.
    pub fn label_key(self) -> String {
        format!("api-scope-{}", self.code().replace(':', "-"))
    }
}

/// Whether a token with `scopes`, created by someone holding `creator_can`, may do what
/// `perm` allows.
pub fn allows(scopes: &[Scope], perm: Perm, creator_can: impl Fn(Perm) -> bool) -> bool {
    creator_can(perm) && scopes.iter().any(|s| s.perms().contains(&perm))
}

/// The scopes named by codes; `None` if any code is not a scope.
pub fn parse_all<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<Vec<Scope>> {
    let mut scopes = Vec::new();
    for code in codes {
        let scope = Scope::from_code(code)?;
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    Some(scopes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_covers_its_permissions_only_while_the_creator_holds_them() {
        let everything = |_| true;
        assert!(allows(
            &[Scope::OrdersWrite],
            Perm::PurchasesCancel,
            everything
        ));
        assert!(allows(&[Scope::OrdersWrite], Perm::OrdersPlace, everything));
        assert!(!allows(&[Scope::OrdersRead], Perm::OrdersPlace, everything));
        assert!(!allows(&[], Perm::CustomersRead, everything));
        let no_keys = |p| p != Perm::SoftwareKeys;
        assert!(!allows(&[Scope::SoftwareKeys], Perm::SoftwareKeys, no_keys));
    }

    #[test]
    fn every_permission_a_scope_covers_is_one_some_partner_role_holds() {
        for scope in Scope::ALL {
            for perm in scope.perms() {
                assert!(
                    perm.roles()
                        .iter()
                        .any(|r| r.kind() == crate::auth::UserKind::Partner),
                    "{scope:?} covers {perm:?}, which no partner role holds"
                );
            }
        }
    }

    #[test]
    fn codes_are_read_back_and_unknown_ones_refused() {
        assert_eq!(
            parse_all(["orders:read", "audit:read", "orders:read"]),
            Some(vec![Scope::OrdersRead, Scope::AuditRead])
        );
        assert_eq!(parse_all(["orders:read", "root"]), None);
    }
}
