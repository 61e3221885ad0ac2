//! The tokens this process has accepted before, by their secret's hash: a token's partner
//! and name never change, so a request with a known token can build its reads before the
//! token is checked, and send both in one round trip (`caller::Api::read`). Nothing here
//! grants access: every request's token is still checked against the database.

use std::collections::HashMap;
use std::sync::RwLock;

use super::Caller;
use crate::auth::PartnerScope;
use crate::i18n::Lang;
use crate::ids::{PartnerId, TokenId, UserId};

/// At most this many tokens are remembered; past it, the memory starts again (a partner's
/// programs rarely use more than a handful).
const MOST: usize = 10_000;

#[derive(Default)]
pub struct Known {
    tokens: RwLock<HashMap<Vec<u8>, Token>>,
}

#[derive(Clone)]
pub struct Token {
    id: TokenId,
    partner: PartnerId,
    name: String,
    creator: UserId,
}

impl Token {
    /// The caller this token claims to be, in `lang`.
    pub fn caller(&self, lang: Lang) -> Caller {
        Caller {
            token: self.id,
            name: self.name.clone(),
            creator: self.creator,
            partner: PartnerScope::of_token(self.partner),
            lang,
        }
    }
}

impl Known {
    pub fn get(&self, hash: &[u8]) -> Option<Token> {
        let tokens = self.tokens.read().unwrap_or_else(|e| e.into_inner());
        tokens.get(hash).cloned()
    }

    /// Remembers the token of a request whose check passed.
    pub fn remember(&self, hash: &[u8], caller: &Caller) {
        let mut tokens = self.tokens.write().unwrap_or_else(|e| e.into_inner());
        if tokens.len() >= MOST {
            tokens.clear();
        }
        tokens.insert(
            hash.to_vec(),
            Token {
                id: caller.token,
                partner: caller.partner.partner_id(),
                name: caller.name.clone(),
                creator: caller.creator,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(name: &str) -> Caller {
        Caller {
            token: TokenId::random(),
            name: name.into(),
            creator: UserId::random(),
            partner: PartnerScope::of_token(PartnerId::random()),
            lang: Lang::En,
        }
    }

    #[test]
    fn a_remembered_token_claims_the_same_caller() {
        let known = Known::default();
        assert!(known.get(b"h").is_none());
        let c = caller("Sync");
        known.remember(b"h", &c);
        let claimed = known.get(b"h").unwrap().caller(Lang::Tr);
        assert_eq!((claimed.token, claimed.name.as_str()), (c.token, "Sync"));
        assert_eq!(claimed.partner.partner_id(), c.partner.partner_id());
        assert_eq!(claimed.lang, Lang::Tr);
    }
}
