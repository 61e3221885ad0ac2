use super::*;

#[test]
fn roles_must_be_partner_roles_and_at_least_one() {
    assert_eq!(
        roles(&["global_admin", "admin_agent", "admin_agent"]),
        Ok(vec![Role::AdminAgent, Role::GlobalAdmin])
    );
    assert_eq!(roles(&[]), Err("users-error-roles"));
    assert_eq!(
        roles(&["support_engineer"]),
        Err("users-error-role-unknown")
    );
    assert_eq!(
        roles(&["customer_global_admin"]),
        Err("users-error-role-unknown")
    );
    assert_eq!(roles(&["root"]), Err("users-error-role-unknown"));
    assert_eq!(partner_roles().count(), 8);
}

#[test]
fn a_new_user_needs_a_name_an_email_a_role_and_a_way_in() {
    let ok = new_user(
        " Dana ",
        " Dana@Contoso-Partner.TEST ",
        &["admin_agent"],
        "link",
    )
    .unwrap_or_else(|_| panic!("valid"));
    assert_eq!(ok.name, "Dana");
    assert_eq!(ok.email, "dana@contoso-partner.test");
    assert_eq!(ok.credential, Credential::Link);
    let Err(errors) = new_user("", "not-an-email", &[], "sms") else {
        panic!("refused")
    };
    for field in ["name", "email", "roles", "credential"] {
        assert!(errors.has(field), "{field}");
    }
    assert!(new_user(&"x".repeat(201), "a@b.test", &["sales_agent"], "password").is_err());
}

#[test]
fn passwords_are_long_enough_and_confirmed() {
    assert_eq!(new_password("short", "short"), Err("password-error-short"));
    assert_eq!(
        new_password("long enough pass", "long enough pas"),
        Err("password-error-confirm")
    );
    let huge = "p".repeat(MAX_PASSWORD + 1);
    assert_eq!(new_password(&huge, &huge), Err("password-error-long"));
    assert_eq!(new_password("twelve chars", "twelve chars"), Ok(()));
}

#[test]
fn the_last_enabled_global_admin_stays() {
    assert!(!keeps_a_global_admin(0, false));
    assert!(keeps_a_global_admin(0, true));
    assert!(keeps_a_global_admin(1, false));
}

#[test]
fn one_time_passwords_are_four_groups_of_unambiguous_characters() {
    let p = one_time_password([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255]);
    assert_eq!(p.len(), 19);
    assert_eq!(p.split('-').count(), 4);
    assert!(!p.contains(['0', 'O', '1', 'l', 'I']));
    assert_ne!(
        one_time_password(rand::random()),
        one_time_password(rand::random())
    );
}
