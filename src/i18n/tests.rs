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

#[test]
fn browsers_asking_for_the_new_languages_get_them() {
    assert_eq!(negotiate(None, None, Some("hu-HU,en;q=0.5")), Lang::Hu);
    assert_eq!(negotiate(None, None, Some("pl")), Lang::Pl);
    assert_eq!(negotiate(None, None, Some("ru-RU")), Lang::Ru);
    assert_eq!(negotiate(None, None, Some("ko-KR,ko;q=0.9")), Lang::Ko);
    assert_eq!(negotiate(None, None, Some("zh-CN,zh;q=0.9")), Lang::ZhHans);
    assert_eq!(negotiate(None, None, Some("zh-Hans-HK")), Lang::ZhHans);
    assert_eq!(negotiate(None, None, Some("zh_SG")), Lang::ZhHans);
    // Traditional Chinese is not offered: the next choice wins.
    assert_eq!(negotiate(None, None, Some("zh-TW, tr;q=0.5")), Lang::Tr);
    assert_eq!(negotiate(None, None, Some("zh-Hant-CN")), Lang::En);
    assert_eq!(negotiate(Some("zh-Hans"), None, None), Lang::ZhHans);
}

#[test]
fn counts_in_messages_are_grouped_as_the_language_groups_but_identifiers_are_not() {
    assert_eq!(
        Lang::En.t_args("customers-count", &[("count", "10010".into())]),
        "10,010 customers"
    );
    let pl = Lang::Pl.t_args("customers-count", &[("count", "10010".into())]);
    assert!(pl.starts_with("10\u{a0}010 "), "{pl}");
    assert_eq!(
        Lang::En.t_args("order-placed", &[("number", "100011".into())]),
        "Order 100011 was placed."
    );
}

#[test]
fn plural_forms_follow_each_language_rules() {
    let ru = |n: &str| Lang::Ru.t_args("customers-count", &[("count", n.into())]);
    assert_ne!(ru("1"), ru("2"));
    assert_ne!(ru("2"), ru("5"));
    assert_eq!(ru("21").replace("21", "1"), ru("1"));
    let pl = |n: &str| Lang::Pl.t_args("customers-count", &[("count", n.into())]);
    assert_ne!(pl("2"), pl("5"));
    assert_eq!(pl("22").replace("22", "2"), pl("2"));
}

#[test]
fn every_catalog_writes_numbers_in_its_own_language() {
    for lang in Lang::OFFERED {
        let text = lang.t_args("customers-count", &[("count", "10010".into())]);
        let want = locale::number(10_010, *lang);
        assert!(text.contains(&want), "{lang:?}: {text} lacks {want}");
    }
    assert!(locale::number(10_010, Lang::Ru).contains('\u{a0}'));
}

/// The original's own terms, as the "Done when" names them.
#[test]
fn the_official_terms_are_the_catalogs_words() {
    assert_eq!(Lang::Hu.t("software-get-key"), "Kulcs lekérése");
    assert_eq!(Lang::Hu.t("tab-order-history"), "Rendelési előzmények");
    assert_eq!(
        Lang::Pl.t("software-get-keys-and-downloads"),
        "Pobierz klucze i pliki do pobrania"
    );
    assert_eq!(Lang::Ru.t("tab-order-history"), "Журнал заказов");
    assert_eq!(
        Lang::ZhHans.t("software-get-keys-and-downloads"),
        "获取密钥和下载"
    );
    assert_eq!(Lang::Ko.t("tab-order-history"), "주문 기록");
}
