//! What each typed field of a support request must be: contact details, messages, an
//! amount, and how a customer or an order is named.

use crate::ids::{CustomerId, OrderId};

pub const MAX_TITLE: usize = 150;
pub const MAX_TEXT: usize = 4000;
pub const MAX_NAME: usize = 200;
pub const MAX_EMAIL: usize = 254;
pub const MAX_PHONE: usize = 40;

/// An e-mail address as people type them: one `@`, something before it, a dotted domain
/// after it, no spaces or control characters.
pub fn valid_email(text: &str) -> bool {
    if text.is_empty()
        || text.len() > MAX_EMAIL
        || text.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return false;
    }
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
}

/// A phone number: digits with the usual separators, an optional leading `+`, and between 6
/// and 15 digits (the E.164 maximum).
pub fn valid_phone(text: &str) -> bool {
    if text.len() > MAX_PHONE {
        return false;
    }
    let body = text.strip_prefix('+').unwrap_or(text);
    let allowed = body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.'));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    allowed && (6..=15).contains(&digits)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Malformed,
    NotPositive,
    TooPrecise,
}

/// An amount typed as "1069", "1069.5" or "1069,50" (no grouping, no sign), in minor units of
/// a currency with `exponent` decimals.
pub fn parse_amount(text: &str, exponent: u32) -> Result<i64, AmountError> {
    let text = text.trim();
    let (units, fraction) = match text.split_once(['.', ',']) {
        Some((u, f)) => (u, f),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if units.is_empty() || units.len() > 13 || !digits(units) || !digits(fraction) {
        return Err(AmountError::Malformed);
    }
    if fraction.len() > exponent as usize {
        return Err(AmountError::TooPrecise);
    }
    let scale = 10_i64.pow(exponent);
    let units: i64 = units.parse().map_err(|_| AmountError::Malformed)?;
    let padded = format!("{fraction:0<width$}", width = exponent as usize);
    let fraction: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().map_err(|_| AmountError::Malformed)?
    };
    let minor = units * scale + fraction;
    if minor <= 0 {
        return Err(AmountError::NotPositive);
    }
    Ok(minor)
}

/// How a customer is named in the description: its tenant GUID or its domain name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TenantRef {
    Id(CustomerId),
    Domain(String),
}

pub fn tenant_ref(text: &str) -> Option<TenantRef> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match CustomerId::parse(text) {
        Some(id) => TenantRef::Id(id),
        None => TenantRef::Domain(text.to_ascii_lowercase()),
    })
}

/// How an order is named: its number (as Order history shows it) or its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderRef {
    Number(i64),
    Id(OrderId),
}

pub fn order_ref(text: &str) -> Option<OrderRef> {
    let text = text.trim();
    if let Some(id) = OrderId::parse(text) {
        return Some(OrderRef::Id(id));
    }
    if !text.is_empty() && text.len() <= 18 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse().ok().map(OrderRef::Number);
    }
    None
}

/// A message of the conversation: not empty, at most 4,000 characters, no NUL.
pub fn message_ok(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().count() <= MAX_TEXT && !text.contains('\0')
}
