//! The session lives in the signed, encrypted cookie. This store keeps that cookie inside
//! what every browser accepts (4 KB) whatever a client does: what can be given up (flash
//! messages, the one-time link notice) is dropped before the cookie would grow too large, so
//! writing the session never fails.

use std::collections::HashMap;

use actix_session::storage::{
    CookieSessionStore, LoadError, SaveError, SessionKey, SessionStore, UpdateError,
};
use actix_web::cookie::time::Duration;

type State = HashMap<String, String>;

/// Bytes of session state (JSON) that still give a cookie under 4 KB once encrypted (nonce
/// and tag, then base64: about 4/3 of the state plus 40) with its name and attributes.
pub const MAX_STATE_BYTES: usize = 2_800;

/// Given up first when the state is too large, in this order.
const DISPOSABLE: [&str; 2] = [super::flash::KEY, crate::software::pages::NEW_LINK];

/// Kept to the last: who is signed in and the form token.
const ESSENTIAL: [&str; 3] = [
    crate::auth::extract::SESSION_TOKEN,
    crate::auth::claims::SESSION_CLAIMS,
    super::csrf::KEY,
];

#[derive(Default)]
pub struct BoundedCookieStore(CookieSessionStore);

fn size(state: &State) -> usize {
    serde_json::to_string(state).map_or(usize::MAX, |s| s.len())
}

/// `state`, without its disposable entries if it is too large, and at worst only its
/// essential ones.
pub fn bounded(mut state: State) -> State {
    for key in DISPOSABLE {
        if size(&state) <= MAX_STATE_BYTES {
            return state;
        }
        state.remove(key);
    }
    if size(&state) > MAX_STATE_BYTES {
        log::warn!("session state over {MAX_STATE_BYTES} bytes; keeping only the sign-in");
        state.retain(|k, _| ESSENTIAL.contains(&k.as_str()));
    }
    state
}

impl SessionStore for BoundedCookieStore {
    async fn load(&self, session_key: &SessionKey) -> Result<Option<State>, LoadError> {
        self.0.load(session_key).await
    }

    async fn save(&self, state: State, ttl: &Duration) -> Result<SessionKey, SaveError> {
        self.0.save(bounded(state), ttl).await
    }

    async fn update(
        &self,
        session_key: SessionKey,
        state: State,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        self.0.update(session_key, bounded(state), ttl).await
    }

    async fn update_ttl(&self, session_key: &SessionKey, ttl: &Duration) -> anyhow::Result<()> {
        self.0.update_ttl(session_key, ttl).await
    }

    async fn delete(&self, session_key: &SessionKey) -> anyhow::Result<()> {
        self.0.delete(session_key).await
    }
}

/// Takes `key` out of the session, if it is there. Removing a key marks the session changed
/// even when the key is absent, and a changed session is sealed again and sent back as a
/// cookie: so a key is only removed when it is present.
pub fn take<T: serde::de::DeserializeOwned>(
    session: &actix_session::Session,
    key: &str,
) -> Option<T> {
    if !session.contains_key(key) {
        return None;
    }
    session.remove_as::<T>(key).and_then(Result::ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_state_gives_up_its_messages_and_keeps_the_sign_in() {
        let mut state = State::new();
        state.insert("sid".into(), "\"abc\"".into());
        state.insert("csrf".into(), "\"token\"".into());
        state.insert("flash".into(), format!("\"{}\"", "x".repeat(5_000)));
        let kept = bounded(state.clone());
        assert!(kept.contains_key("sid") && kept.contains_key("csrf"));
        assert!(!kept.contains_key("flash"));
        state.insert("other".into(), format!("\"{}\"", "y".repeat(5_000)));
        let kept = bounded(state);
        assert_eq!(kept.len(), 2);
        let mut small = State::new();
        small.insert("flash".into(), "[]".into());
        assert_eq!(bounded(small.clone()), small);
    }
}
