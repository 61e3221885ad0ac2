//! The rules of user management, as pure functions: what a new user needs, which roles a
//! partner may hand out, what a password must be, and the last Global admin.

use crate::auth::{Role, UserKind};
use crate::web::forms::FieldErrors;

pub const MAX_NAME: usize = 200;
/// Long enough to resist guessing; the sign-in form's own limit caps the length.
pub const MIN_PASSWORD: usize = 12;
pub const MAX_PASSWORD: usize = 1024;
/// A set-password link works this long.
pub const LINK_HOURS: i64 = 24;

/// The roles a partner's Global admin hands out: the partner staff roles.
pub fn partner_roles() -> impl Iterator<Item = Role> {
    Role::ALL
        .iter()
        .copied()
        .filter(|r| r.kind() == UserKind::Partner)
}

/// How a new user gets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credential {
    /// Shown once to the admin; the first sign-in must replace it.
    OneTimePassword,
    /// A link the user opens to choose a password, valid `LINK_HOURS`.
    Link,
}

impl Credential {
    pub fn parse(code: &str) -> Option<Credential> {
        match code {
            "password" => Some(Credential::OneTimePassword),
            "link" => Some(Credential::Link),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Credential::OneTimePassword => "password",
            Credential::Link => "link",
        }
    }
}

/// The checked roles of a form: at least one, each a partner role, no repeats, sorted.
pub fn roles(codes: &[&str]) -> Result<Vec<Role>, &'static str> {
    let mut roles = Vec::new();
    for code in codes {
        match Role::from_code(code).filter(|r| r.kind() == UserKind::Partner) {
            Some(role) if !roles.contains(&role) => roles.push(role),
            Some(_) => {}
            None => return Err("users-error-role-unknown"),
        }
    }
    if roles.is_empty() {
        return Err("users-error-roles");
    }
    roles.sort();
    Ok(roles)
}

pub struct NewUser {
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub credential: Credential,
}

/// The add-user form, field by field.
pub fn new_user(
    name: &str,
    email: &str,
    role_codes: &[&str],
    credential: &str,
) -> Result<NewUser, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        errors.add("name", "users-error-name");
    }
    let email = email.trim().to_lowercase();
    if !crate::support::rules::valid_email(&email) {
        errors.add("email", "users-error-email");
    }
    let roles = roles(role_codes).unwrap_or_else(|key| {
        errors.add("roles", key);
        Vec::new()
    });
    let credential = Credential::parse(credential);
    if credential.is_none() {
        errors.add("credential", "users-error-credential");
    }
    match credential {
        Some(credential) if errors.is_empty() => Ok(NewUser {
            name: name.to_string(),
            email,
            roles,
            credential,
        }),
        _ => Err(errors),
    }
}

/// A new password and its confirmation.
pub fn new_password(password: &str, confirm: &str) -> Result<(), &'static str> {
    let length = password.chars().count();
    if length < MIN_PASSWORD {
        return Err("password-error-short");
    }
    if password.len() > MAX_PASSWORD {
        return Err("password-error-long");
    }
    if password != confirm {
        return Err("password-error-confirm");
    }
    Ok(())
}

/// Whether the partner still has an enabled Global admin after a change to one user:
/// `others` counts the enabled Global admins besides that user.
pub fn keeps_a_global_admin(others: i64, user_stays_enabled_global_admin: bool) -> bool {
    others > 0 || user_stays_enabled_global_admin
}

/// Characters of one-time passwords: no 0/O, 1/l/I, so one read aloud or typed is right.
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A one-time password from 16 random bytes: 16 characters in groups of 4 (about 92 bits).
pub fn one_time_password(random: [u8; 16]) -> String {
    let chars: Vec<char> = random
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests;
