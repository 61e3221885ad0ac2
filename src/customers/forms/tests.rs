use super::*;

fn form(name: &str, domain: &str, market: &str, currency: &str) -> NewCustomerForm {
    NewCustomerForm {
        company_name: name.into(),
        primary_domain: domain.into(),
        market: market.into(),
        currency: currency.into(),
    }
}

#[test]
fn a_good_form_is_normalised() {
    let v = form("  Contoso  ", "Contoso.Example ", "tr", "TRY")
        .validate()
        .unwrap();
    assert_eq!(v.company_name, "Contoso");
    assert_eq!(v.primary_domain, "contoso.example");
    assert_eq!(v.market, "TR");
    assert_eq!(v.currency, Currency::Try);
}

#[test]
fn every_bad_field_gets_its_own_message() {
    let errors = form("", "no_dots", "ZZ", "XYZ").validate().unwrap_err();
    for field in ["company_name", "primary_domain", "market", "currency"] {
        assert!(errors.has(field), "{field}");
    }
}

#[test]
fn domains_follow_dns_rules() {
    assert!(is_domain("a-b.example.test"));
    assert!(!is_domain("example"));
    assert!(!is_domain("-bad.test"));
    assert!(!is_domain("bad..test"));
    assert!(!is_domain("<b>.test"));
    assert!(!is_domain(&format!("{}.test", "a".repeat(64))));
}

#[test]
fn names_may_contain_html_but_not_control_characters() {
    assert!(
        form("<b>Bold</b> & Co", "x.test", "US", "USD")
            .validate()
            .is_ok()
    );
    assert!(form("Tab\there", "x.test", "US", "USD").validate().is_err());
    assert!(
        form(&"x".repeat(201), "x.test", "US", "USD")
            .validate()
            .is_err()
    );
}
