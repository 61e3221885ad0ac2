//! Numbers, money, dates and country names as each language writes them, from the CLDR data
//! that ICU4X (the `icu_*` crates) compiles into the binary: grouping and decimal separators,
//! the currency's sign and its place, month names, the order of a date's parts, and the
//! names of countries. Nothing here is written by hand per language.
//!
//! Times are shown in UTC on a 24-hour clock in every language (`-u-hc-h23`): the dashboard
//! labels every time "UTC", and a 12-hour clock beside a zone label reads ambiguously.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use fixed_decimal::Decimal;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD, YMDT};
use icu_datetime::input::{Date, DateTime as IcuDateTime, Time};
use icu_datetime::options::TimePrecision;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale_core::Locale;
use icu_locale_core::subtags::Region;

use super::Lang;
use super::digits::Grouping;
use crate::money::Currency;

/// One language's formatters, made once per process.
struct Formats {
    /// Counts and amounts, with the language's own grouping rule: Polish and Hungarian
    /// leave four integer digits ungrouped (`1234,56 zł`, `12 345,00 zł`), as CLDR says.
    number: DecimalFormatter,
    day: DateTimeFormatter<YMD>,
    minute: DateTimeFormatter<YMDT>,
    second: DateTimeFormatter<YMDT>,
    month: DateTimeFormatter<YM>,
    regions: RegionDisplayNames,
    /// Where each currency's sign goes, in `Currency::ALL` order.
    currencies: Vec<Placement>,
    /// `number`'s grouping, read off it once, to write amounts without it (`None`: ICU
    /// writes them).
    grouping: Option<Grouping>,
}

/// What stands before and after an amount's digits: `("$", "")`, `("", "\u{a0}zł")`,
/// `("-", "\u{a0}₽")`.
#[derive(Debug, Clone, PartialEq)]
struct Placement {
    positive: (String, String),
    negative: (String, String),
}

static FORMATS: LazyLock<Vec<Formats>> =
    LazyLock::new(|| Lang::OFFERED.iter().map(|l| Formats::new(*l)).collect());

fn formats(lang: Lang) -> &'static Formats {
    &FORMATS[lang.index()]
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let locale: Locale = format!("{}-u-hc-h23", lang.code())
            .parse()
            .expect("the offered languages are valid locales");
        let number =
            DecimalFormatter::try_new((&locale).into(), Default::default()).expect("CLDR data");
        Formats {
            grouping: Grouping::learn(|n, fraction| {
                let mut d = Decimal::from(n);
                d.multiply_pow10(-fraction);
                number.format(&d).to_string()
            }),
            number,
            day: DateTimeFormatter::try_new((&locale).into(), YMD::long()).expect("CLDR data"),
            minute: DateTimeFormatter::try_new(
                (&locale).into(),
                YMDT::long().with_time_precision(TimePrecision::Minute),
            )
            .expect("CLDR data"),
            second: DateTimeFormatter::try_new(
                (&locale).into(),
                YMDT::long().with_time_precision(TimePrecision::Second),
            )
            .expect("CLDR data"),
            month: DateTimeFormatter::try_new((&locale).into(), YM::long()).expect("CLDR data"),
            regions: RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default())
                .expect("CLDR data"),
            currencies: Currency::ALL
                .iter()
                .map(|c| Placement::of(&locale, *c))
                .collect(),
        }
    }
}

impl Placement {
    /// The currency formatter's own output for 1 and -1, with the digits taken out. The
    /// formatter itself is not used for amounts: it rounds to the currency's cash digits
    /// (whole forints), where an invoice must show every minor unit it adds up.
    fn of(locale: &Locale, currency: Currency) -> Placement {
        let code: CurrencyType = currency.code().parse().expect("ISO 4217 codes are valid");
        let f = CurrencyFormatter::try_new_symbol(locale.into(), code, Default::default())
            .expect("CLDR data");
        let around = |n: i64| around_digits(&f.format_fixed_decimal(&Decimal::from(n)).to_string());
        Placement {
            positive: around(1),
            negative: around(-1),
        }
    }
}

impl Placement {
    /// What stands before and after the digits of `amount_minor`.
    fn around(&self, amount_minor: i64) -> (&str, &str) {
        let (before, after) = if amount_minor < 0 {
            &self.negative
        } else {
            &self.positive
        };
        (before, after)
    }
}

/// What comes before the first digit and after the last one.
fn around_digits(text: &str) -> (String, String) {
    let first = text
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(text.len());
    let last = text
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(text.len(), |i| i + 1);
    (
        text[..first].to_string(),
        text[last.max(first)..].to_string(),
    )
}

/// An amount of integer minor units with every digit of the currency's exponent:
/// `$1,069.00`, `1069,00 zł`, `12 345,00 Ft`, `₩12,345`, `-1 234,56 ₽`.
pub fn money(amount_minor: i64, currency: Currency, lang: Lang) -> String {
    let f = formats(lang);
    let Some(grouping) = &f.grouping else {
        return money_by_icu(amount_minor, currency, lang);
    };
    let (before, after) = f.currencies[currency.index()].around(amount_minor);
    let mut out = String::with_capacity(before.len() + after.len() + 24);
    out.push_str(before);
    grouping.push_fixed(
        &mut out,
        amount_minor.unsigned_abs(),
        currency.exponent() as usize,
    );
    out.push_str(after);
    out
}

/// `money` as ICU's formatter writes the digits: for a language whose grouping `Grouping`
/// does not know, and to check that it writes the same.
fn money_by_icu(amount_minor: i64, currency: Currency, lang: Lang) -> String {
    let f = formats(lang);
    let (before, after) = f.currencies[currency.index()].around(amount_minor);
    let mut digits = Decimal::from(amount_minor.unsigned_abs());
    digits.multiply_pow10(-(currency.exponent() as i16));
    digits.pad_end(-(currency.exponent() as i16));
    format!("{before}{}{after}", f.number.format(&digits))
}

/// A whole number: `10,010`, `10 010`, `1234` (Polish leaves four digits ungrouped).
pub fn number(n: i64, lang: Lang) -> String {
    match (&formats(lang).grouping, u64::try_from(n)) {
        (Some(grouping), Ok(n)) => grouping.whole(n),
        _ => number_by_icu(n, lang),
    }
}

fn number_by_icu(n: i64, lang: Lang) -> String {
    formats(lang).number.format(&Decimal::from(n)).to_string()
}

/// `hundredths` / 100 with as many decimals as it needs: a tax rate of 825 basis points is
/// `8.25` in English and `8,25` in Polish; 2000 is `20`.
pub fn hundredths(hundredths: i64, lang: Lang) -> String {
    let mut d = Decimal::from(hundredths);
    d.multiply_pow10(-2);
    d.trim_end();
    formats(lang).number.format(&d).to_string()
}

fn icu(at: &DateTime<Utc>) -> IcuDateTime<icu_calendar::Iso> {
    let date = Date::try_new_iso(at.year(), at.month() as u8, at.day() as u8)
        .unwrap_or_else(|_| Date::try_new_iso(1970, 1, 1).expect("a valid date"));
    let time = Time::try_new(at.hour() as u8, at.minute() as u8, at.second() as u8, 0)
        .unwrap_or_else(|_| Time::start_of_day());
    IcuDateTime { date, time }
}

/// The day in the language's long form: `December 1, 2026`, `2026. december 1.`,
/// `1 grudnia 2026`, `2026年12月1日`.
pub fn day(at: &DateTime<Utc>, lang: Lang) -> String {
    let unit = at.timestamp().div_euclid(86_400);
    super::memo::instant(lang, 0, unit, || {
        formats(lang).day.format(&icu(at).date).to_string()
    })
}

/// A calendar day (no time of day) in the language's long form.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    day(&d.and_time(NaiveTime::MIN).and_utc(), lang)
}

/// The day and the time to the minute, 24-hour.
pub fn day_and_minute(at: &DateTime<Utc>, lang: Lang) -> String {
    let unit = at.timestamp().div_euclid(60);
    super::memo::instant(lang, 1, unit, || {
        formats(lang).minute.format(&icu(at)).to_string()
    })
}

/// The day and the time to the second, 24-hour.
pub fn day_and_second(at: &DateTime<Utc>, lang: Lang) -> String {
    formats(lang).second.format(&icu(at)).to_string()
}

/// A month of a year: `December 2026`, `grudzień 2026`, `2026年12月`. `None` for a month
/// that does not exist.
pub fn month(year: i32, month: u32, lang: Lang) -> Option<String> {
    let m = u8::try_from(month).ok()?;
    let date = Date::try_new_iso(year, m, 1).ok()?;
    // Remembered per thread like a day (Billing names 12 months a chart, and formatting each
    // was a tenth of the page's time), by the month's number since year 0.
    let unit = i64::from(year) * 12 + i64::from(m) - 1;
    Some(super::memo::instant(lang, 2, unit, || {
        formats(lang).month.format(&date).to_string()
    }))
}

/// A country's name from its ISO 3166 code (`TR` → `Türkiye`, `Turcja`, `土耳其`); the code
/// itself when CLDR has no name for it.
pub fn country(code: &str, lang: Lang) -> String {
    code.parse::<Region>()
        .ok()
        .and_then(|r| formats(lang).regions.of(r))
        .map_or_else(|| code.to_string(), str::to_string)
}

#[cfg(test)]
#[path = "locale_tests.rs"]
mod tests;
