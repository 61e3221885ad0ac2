//! The "Create token" form's rules (pure): a name, a validity of at most a year, and at least
//! one scope the creator may grant.

use chrono::Duration;

use super::scope::Scope;
use super::tokens::NewToken;
use crate::web::forms::FieldErrors;

/// The validities offered, in days; the longest is a year.
pub const VALIDITY_DAYS: &[i64] = &[7, 30, 90, 180, 365];

/// The one preselected.
pub const DEFAULT_DAYS: i64 = 90;

pub const MAX_NAME: usize = 80;

/// The form as sent: its name, validity (days, as text) and scope codes.
pub struct Sent<'a> {
    pub name: &'a str,
    pub days: &'a str,
    pub scopes: Vec<&'a str>,
}

/// The token to make, or the messages for each field. `may_grant` says whether the creator
/// holds what a scope covers.
pub fn check(sent: &Sent<'_>, may_grant: impl Fn(Scope) -> bool) -> Result<NewToken, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = sent.name.trim();
    if name.is_empty() {
        errors.add("name", "api-tokens-error-name");
    } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        errors.add("name", "api-tokens-error-name-long");
    }
    let days = sent
        .days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| VALIDITY_DAYS.contains(d));
    if days.is_none() {
        errors.add("days", "api-tokens-error-days");
    }
    let scopes = super::scope::parse_all(sent.scopes.iter().copied());
    match &scopes {
        None => errors.add("scopes", "api-tokens-error-scopes"),
        Some(s) if s.is_empty() => errors.add("scopes", "api-tokens-error-scopes"),
        Some(s) if !s.iter().all(|&scope| may_grant(scope)) => {
            errors.add("scopes", "api-tokens-error-scope-not-yours")
        }
        Some(_) => {}
    }
    match (days, scopes) {
        (Some(days), Some(scopes)) if errors.is_empty() => Ok(NewToken {
            name: name.to_string(),
            scopes,
            valid_for: Duration::days(days),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent<'a>(name: &'a str, days: &'a str, scopes: &[&'a str]) -> Sent<'a> {
        Sent {
            name,
            days,
            scopes: scopes.to_vec(),
        }
    }

    #[test]
    fn a_named_token_of_known_scopes_for_an_offered_validity_is_made() {
        let made = check(&sent(" Billing sync ", "30", &["billing:read"]), |_| true);
        assert_eq!(
            made.ok(),
            Some(NewToken {
                name: "Billing sync".into(),
                scopes: vec![Scope::BillingRead],
                valid_for: Duration::days(30),
            })
        );
    }

    #[test]
    fn each_bad_field_gets_its_message() {
        let keys = |s: Sent<'_>| {
            check(&s, |scope| scope != Scope::SoftwareKeys)
                .unwrap_err()
                .keys()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys(sent("", "400", &[])),
            [
                "api-tokens-error-name",
                "api-tokens-error-days",
                "api-tokens-error-scopes"
            ]
        );
        let long = "x".repeat(MAX_NAME + 1);
        assert_eq!(
            keys(sent(&long, "7", &["root"])),
            ["api-tokens-error-name-long", "api-tokens-error-scopes"]
        );
        assert_eq!(
            keys(sent("Keys", "365", &["software:keys"])),
            ["api-tokens-error-scope-not-yours"]
        );
        assert_eq!(keys(sent("Tab\tname", "1", &["audit:read"])).len(), 2);
    }
}
