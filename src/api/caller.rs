//! Who calls the API: the token in `Authorization: Bearer …`, checked on every request
//! (unknown, expired, revoked or its creator disabled: 401), counted against its rate limit
//! (429), and allowed the route's permission only through its scopes and its creator's roles
//! (403). Cookies and sessions play no part.

use std::marker::PhantomData;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use super::error::{ApiError, lang_of};
use super::tokens::{self, Found};
use super::{quota, scope};
use crate::auth::policy::{self, Permission};
use crate::auth::{PartnerScope, Perm};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::TokenId;
use crate::web::AppState;

/// The token a request was made with, once accepted.
#[derive(Clone, Debug)]
pub struct Caller {
    pub token: TokenId,
    /// The token's name: how the activity log names what it did.
    pub name: String,
    pub partner: PartnerScope,
    /// The language of error descriptions (`Accept-Language`).
    pub lang: Lang,
}

/// A handler's proof that the request's token may do what `P` allows:
/// `async fn list(api: Api<perm::CustomersRead>, …)`.
pub struct Api<P> {
    pub caller: Caller,
    _perm: PhantomData<P>,
}

impl<P: Permission + 'static> FromRequest for Api<P> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let caller = check(&req, P::PERM).await?;
            Ok(Api {
                caller,
                _perm: PhantomData,
            })
        })
    }
}

/// The secret of `Authorization: Bearer <secret>`, if the header has that form.
fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (kind, secret) = value.split_once(' ')?;
    kind.eq_ignore_ascii_case("bearer").then(|| secret.trim())
}

/// Why a found token cannot be used now: the catalog key of the 401's description.
fn refusal(found: &Found, now: chrono::DateTime<chrono::Utc>) -> Option<&'static str> {
    if found.revoked_at.is_some() {
        Some("api-error-token-revoked")
    } else if found.expires_at <= now {
        Some("api-error-token-expired")
    } else if found.creator_disabled_at.is_some() {
        Some("api-error-token-creator-disabled")
    } else {
        None
    }
}

async fn check(req: &HttpRequest, perm: Perm) -> Result<Caller, ApiError> {
    let lang = lang_of(req);
    let app = |e: AppError| ApiError::from_app(e, lang);
    let Some(secret) = bearer(req) else {
        return Err(ApiError::unauthorized(lang, "api-error-no-token"));
    };
    if !tokens::plausible(secret) {
        return Err(ApiError::unauthorized(lang, "api-error-bad-token"));
    }
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| app(AppError::internal("no state")))?;
    let now = state.clock.now();
    let hash = crate::auth::store::token_hash(secret);
    let limit = state.settings.api_requests_per_minute;
    let window = crate::web::rate_limit::window_start(now);
    let held = state.api_leases.take(&hash, window);
    let lease = tokens::Lease {
        window,
        size: if held { 0 } else { quota::lease_size(limit) },
        limit,
    };
    // One plan suits every token: it is found by its unique hash.
    let mut conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let found = tokens::check_in(&mut conn, &hash, &lease, now)
        .await
        .map_err(app)?
        .ok_or_else(|| ApiError::unauthorized(lang, "api-error-bad-token"))?;
    drop(conn);
    if let Some(key) = refusal(&found, now) {
        return Err(ApiError::unauthorized(lang, key));
    }
    if let Some(granted) = found.granted {
        let granted = u32::try_from(granted).unwrap_or(0);
        if granted == 0 {
            return Err(ApiError::too_many(
                lang,
                crate::web::rate_limit::seconds_left(now),
            ));
        }
        state.api_leases.keep(&hash, window, granted);
    }
    let creator_can = |p| policy::allows(&found.creator_roles, p);
    if !scope::allows(&found.scopes, perm, creator_can) {
        return Err(ApiError::forbidden(lang));
    }
    Ok(Caller {
        token: found.id,
        name: found.name,
        partner: PartnerScope::of_token(found.partner_id),
        lang,
    })
}
