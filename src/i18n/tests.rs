use super::*;

#[test]
fn a_saved_choice_beats_the_cookie_and_the_browser() {
    assert_eq!(negotiate(Some("tr"), Some("en"), Some("en")), Lang::Tr);
    assert_eq!(negotiate(None, Some("tr"), Some("en")), Lang::Tr);
    assert_eq!(
        negotiate(Some("xx"), None, Some("tr-TR,en;q=0.5")),
        Lang::Tr
    );
}

#[test]
fn accept_language_weights_are_honoured() {
    assert_eq!(
        negotiate(None, None, Some("de-DE, en;q=0.4, tr;q=0.9")),
        Lang::Tr
    );
    assert_eq!(negotiate(None, None, Some("tr;q=0, en")), Lang::En);
    assert_eq!(negotiate(None, None, Some("garbage;;q=x")), Lang::En);
    assert_eq!(negotiate(None, None, None), Lang::En);
}

#[test]
fn plural_forms_follow_numeric_arguments() {
    assert_eq!(
        Lang::En.t_args("licence-subscription", &[("years", "1".into())]),
        "Subscription, 1 year"
    );
    assert_eq!(
        Lang::En.t_args("licence-subscription", &[("years", "3".into())]),
        "Subscription, 3 years"
    );
    assert_eq!(
        Lang::En.t_args("customers-count", &[("count", "1".into())]),
        "1 customer"
    );
    assert_eq!(
        Lang::En.t_args("order-placed", &[("number", "100011".into())]),
        "Order 100011 was placed."
    );
}

#[test]
fn arguments_are_filled_in_without_isolation_marks() {
    let text = Lang::En.t_args("customers-count", &[("count", "3".into())]);
    assert!(text.contains('3') && !text.contains('\u{2068}'), "{text}");
}
