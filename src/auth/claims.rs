//! What the session cookie says about its user: a copy of the account as the database last
//! showed it, kept so a page can send its own statements together with the session's check
//! instead of after it (see `extract::Reader`).
//!
//! The cookie is encrypted and signed with the server's key, so its claims can be out of date
//! (a role removed, a session ended elsewhere) but never forged. Nothing is answered from
//! them alone: every request that used them is checked against the database before its
//! response leaves, and a request that writes is checked before it starts.

use serde::{Deserialize, Serialize};

use super::{CurrentUser, Role, UserKind, ViewMode};
use crate::i18n::Lang;
use crate::ids::{CustomerId, PartnerId, UserId};

/// Session key of the claims.
pub const SESSION_CLAIMS: &str = "user";

/// `CurrentUser` as stored in the cookie: the enums by their codes.
#[derive(Serialize, Deserialize)]
struct Claims {
    id: UserId,
    email: String,
    name: String,
    kind: String,
    partner: Option<PartnerId>,
    customer: Option<CustomerId>,
    roles: Vec<Role>,
    lang: Option<String>,
    view: String,
    must_change: bool,
    /// The version of the account the claims were written at (`user_sessions.claims_version`).
    /// Claims written before versions were kept have none: 0, which no session has, so their
    /// first check reads the account in full and writes them again.
    #[serde(default)]
    version: i64,
}

/// The claims of `user` at version `version` of the account, as the session stores them.
pub fn encode(user: &CurrentUser, version: i64) -> serde_json::Value {
    serde_json::json!(Claims {
        id: user.id,
        email: user.email.clone(),
        name: user.display_name.clone(),
        kind: user.kind.code().to_string(),
        partner: user.partner_id,
        customer: user.customer_id,
        roles: user.roles.clone(),
        lang: user.language.map(|l| l.code().to_string()),
        view: user.view_mode.code().to_string(),
        must_change: user.password_must_change,
        version,
    })
}

/// The user the session's claims describe, and the version of the account they were written
/// at; `None` without readable ones (then the database decides). Read straight from the
/// session's text into `Claims`, with no JSON value between.
pub fn read(session: &actix_session::Session) -> Option<(CurrentUser, i64)> {
    session
        .get::<Claims>(SESSION_CLAIMS)
        .ok()
        .flatten()
        .and_then(user_of)
}

/// The user the claims describe, and their version; `None` for codes this version does not
/// know.
fn user_of(c: Claims) -> Option<(CurrentUser, i64)> {
    let language = match c.lang {
        Some(code) => Some(Lang::from_code(&code)?),
        None => None,
    };
    let user = CurrentUser {
        id: c.id,
        email: c.email,
        display_name: c.name,
        kind: UserKind::from_code(&c.kind)?,
        partner_id: c.partner,
        customer_id: c.customer,
        roles: c.roles,
        language,
        view_mode: ViewMode::from_code(&c.view)?,
        password_must_change: c.must_change,
    };
    Some((user, c.version))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The claims as a session that stored `value` gives them back.
    fn decode(value: serde_json::Value) -> Option<(CurrentUser, i64)> {
        let text = serde_json::to_string(&value).ok()?;
        serde_json::from_str::<Claims>(&text).ok().and_then(user_of)
    }

    fn user(language: Option<Lang>, roles: Vec<Role>) -> CurrentUser {
        CurrentUser {
            id: UserId::random(),
            email: "admin.agent@contoso-partner.test".into(),
            display_name: "Ayşe \"Admin\" Yılmaz".into(),
            kind: UserKind::Partner,
            partner_id: Some(PartnerId::random()),
            customer_id: None,
            roles,
            language,
            view_mode: ViewMode::Current,
            password_must_change: true,
        }
    }

    #[test]
    fn claims_give_back_exactly_the_user_they_were_made_from() {
        for u in [
            user(Some(Lang::Tr), vec![Role::AdminAgent, Role::GlobalAdmin]),
            user(None, vec![]),
        ] {
            assert_eq!(decode(encode(&u, 7)), Some((u, 7)));
        }
    }

    #[test]
    fn claims_written_before_versions_have_a_version_no_session_has() {
        let u = user(None, vec![Role::SalesAgent]);
        let mut value = encode(&u, 3);
        value.as_object_mut().unwrap().remove("version");
        assert_eq!(decode(value), Some((u, 0)));
    }

    #[test]
    fn unreadable_claims_are_no_user() {
        let mut value = encode(&user(None, vec![Role::SalesAgent]), 1);
        value["kind"] = "nobody".into();
        assert_eq!(decode(value), None);
        assert_eq!(decode(serde_json::json!({"id": 1})), None);
    }
}
