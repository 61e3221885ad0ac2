use super::*;

/// Non-breaking spaces written visibly.
fn shown(text: String) -> String {
    text.replace('\u{a0}', "_").replace('\u{202f}', "^")
}

#[test]
fn money_is_written_as_each_language_writes_it() {
    let cases: &[(Lang, i64, Currency, &str)] = &[
        (Lang::En, 106_900, Currency::Usd, "$1,069.00"),
        (Lang::En, 1_390_000, Currency::Krw, "₩1,390,000"),
        (Lang::En, -5, Currency::Eur, "-€0.05"),
        (Lang::En, 0, Currency::Huf, "HUF_0.00"),
        (Lang::Tr, 106_900, Currency::Try, "₺1.069,00"),
        (Lang::Tr, -10_000, Currency::Usd, "-$100,00"),
        (Lang::Hu, 1_234_500, Currency::Huf, "12_345,00_Ft"),
        (Lang::Hu, 0, Currency::Huf, "0,00_Ft"),
        (Lang::Hu, -123_456, Currency::Eur, "-1234,56_€"),
        (Lang::Hu, -12_345_678, Currency::Eur, "-123_456,78_€"),
        (Lang::Pl, 123_456, Currency::Pln, "1234,56_zł"),
        (Lang::Pl, 1_234_567, Currency::Pln, "12_345,67_zł"),
        (Lang::Pl, -99, Currency::Pln, "-0,99_zł"),
        (Lang::Pl, 0, Currency::Krw, "0_₩"),
        (Lang::Ru, 123_456, Currency::Rub, "1_234,56_₽"),
        (Lang::Ru, -123_456, Currency::Rub, "-1_234,56_₽"),
        (Lang::Ru, 12_345, Currency::Krw, "12_345_₩"),
        (Lang::ZhHans, 123_456, Currency::Cny, "¥1,234.56"),
        (Lang::ZhHans, -1_500, Currency::Usd, "-US$15.00"),
        (Lang::ZhHans, 0, Currency::Krw, "₩0"),
        (Lang::Ko, 12_345, Currency::Krw, "₩12,345"),
        (Lang::Ko, -12_345, Currency::Krw, "-₩12,345"),
        (Lang::Ko, 1_234_500, Currency::Huf, "HUF_12,345.00"),
        (Lang::Ko, 0, Currency::Usd, "US$0.00"),
    ];
    for (lang, minor, currency, want) in cases {
        assert_eq!(
            shown(money(*minor, *currency, *lang)),
            *want,
            "{lang:?} {currency:?}"
        );
    }
}

#[test]
fn every_currency_has_a_sign_in_every_language() {
    for lang in Lang::OFFERED {
        for currency in Currency::ALL {
            let text = money(-123_456, *currency, *lang);
            assert!(text.contains('-'), "{text}");
            assert!(
                text.chars()
                    .any(|c| !c.is_ascii_digit() && !"-.,\u{a0} ".contains(c)),
                "{lang:?} {currency:?}: {text} has no currency sign"
            );
        }
    }
}

#[test]
fn dates_use_the_language_month_names_and_order() {
    let at: DateTime<Utc> = "2026-12-01T23:59:30Z".parse().unwrap();
    let cases: &[(Lang, &str)] = &[
        (Lang::En, "December 1, 2026"),
        (Lang::Tr, "1 Aralık 2026"),
        (Lang::Hu, "2026. december 1."),
        (Lang::Pl, "1 grudnia 2026"),
        (Lang::Ru, "1 декабря 2026\u{202f}г."),
        (Lang::ZhHans, "2026年12月1日"),
        (Lang::Ko, "2026년 12월 1일"),
    ];
    for (lang, want) in cases {
        assert_eq!(day(&at, *lang), *want);
        let minute = day_and_minute(&at, *lang);
        assert!(
            minute.starts_with(want) && minute.ends_with("23:59"),
            "{minute}"
        );
        assert!(day_and_second(&at, *lang).ends_with("23:59:30"));
    }
    assert_eq!(month(2026, 12, Lang::Pl).as_deref(), Some("grudzień 2026"));
    assert_eq!(month(2026, 12, Lang::En).as_deref(), Some("December 2026"));
    assert_eq!(month(2026, 13, Lang::En), None);
}

#[test]
fn countries_are_named_in_the_reader_language() {
    assert_eq!(country("TR", Lang::En), "Türkiye");
    assert_eq!(country("TR", Lang::Pl), "Turcja");
    assert_eq!(country("TR", Lang::ZhHans), "土耳其");
    assert_eq!(country("HU", Lang::Hu), "Magyarország");
    assert_eq!(country("XX", Lang::En), "XX");
    assert_eq!(country("not a code", Lang::En), "not a code");
}

#[test]
fn numbers_and_rates_follow_the_language_separators() {
    assert_eq!(number(10_010, Lang::En), "10,010");
    assert_eq!(shown(number(10_010, Lang::Pl)), "10_010");
    assert_eq!(number(1_234, Lang::Pl), "1234");
    assert_eq!(number(1_234, Lang::Tr), "1.234");
    assert_eq!(hundredths(825, Lang::En), "8.25");
    assert_eq!(hundredths(825, Lang::Ru), "8,25");
    assert_eq!(hundredths(2_000, Lang::Tr), "20");
}

/// Amounts around every place the grouping changes, the ends of the range, and a spread of
/// others.
fn amounts() -> Vec<i64> {
    let mut values = vec![0, 1, -1, i64::MAX, i64::MIN, i64::MIN + 1];
    let mut power = 1i64;
    while let Some(next) = power.checked_mul(10) {
        values.extend([power - 1, power, power + 1, -power, -(power - 1)]);
        power = next;
    }
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        values.push((x >> (x % 60)) as i64 * if x.is_multiple_of(2) { 1 } else { -1 });
    }
    values
}

#[test]
fn amounts_and_numbers_are_written_exactly_as_icu_writes_them() {
    for lang in Lang::OFFERED {
        assert!(
            formats(*lang).grouping.is_some(),
            "{lang:?} groups its digits in a way only ICU writes"
        );
        for n in amounts() {
            for currency in Currency::ALL {
                assert_eq!(
                    money(n, *currency, *lang),
                    money_by_icu(n, *currency, *lang),
                    "{lang:?} {currency:?} {n}"
                );
            }
            assert_eq!(number(n, *lang), number_by_icu(n, *lang), "{lang:?} {n}");
        }
    }
}

#[test]
fn a_month_is_named_the_same_when_remembered() {
    for lang in Lang::OFFERED {
        let first = month(2026, 12, *lang).expect("a month");
        assert_eq!(month(2026, 12, *lang).as_deref(), Some(first.as_str()));
        assert_ne!(month(2025, 12, *lang).as_deref(), Some(first.as_str()));
        assert_ne!(month(2026, 11, *lang).as_deref(), Some(first.as_str()));
    }
    assert_eq!(month(2026, 12, Lang::En).as_deref(), Some("December 2026"));
    assert_eq!(month(2026, 13, Lang::En), None);
}
