use super::*;

#[test]
fn role_codes_round_trip() {
    for role in Role::ALL {
        assert_eq!(Role::from_code(role.code()), Some(*role));
    }
    assert_eq!(Role::from_code("root"), None);
}

#[test]
fn keys_and_cancellation_need_an_admin_agent_even_for_a_global_admin() {
    assert!(!allows(&[Role::GlobalAdmin], Perm::SoftwareKeys));
    assert!(!allows(&[Role::GlobalAdmin], Perm::PurchasesCancel));
    assert!(allows(
        &[Role::GlobalAdmin, Role::AdminAgent],
        Perm::SoftwareKeys
    ));
}

#[test]
fn a_helpdesk_agent_reads_customers_but_cannot_add_them() {
    assert!(allows(&[Role::HelpdeskAgent], Perm::CustomersRead));
    assert!(!allows(&[Role::HelpdeskAgent], Perm::CustomersCreate));
    assert!(!allows(&[Role::HelpdeskAgent], Perm::OrdersPlace));
}

#[test]
fn each_permission_belongs_to_one_kind_of_user() {
    for perm in Perm::ALL {
        let kinds: std::collections::BTreeSet<_> = perm.roles().iter().map(|r| r.kind()).collect();
        assert_eq!(kinds.len(), 1, "{perm:?} mixes kinds of users");
    }
}
