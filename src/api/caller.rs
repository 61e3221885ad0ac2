//! Who calls the API: the token in `Authorization: Bearer …`, checked on every request
//! (unknown, expired, revoked or its creator disabled: 401), counted against its rate limit
//! (429), and allowed the route's permission only through its scopes and its creator's roles
//! (403). Cookies and sessions play no part.

use std::marker::PhantomData;

use actix_web::body::BoxBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use diesel_async::AsyncPgConnection;
use futures_util::future::LocalBoxFuture;

use super::error::{ApiError, lang_of};
use super::tokens::{self, Found};
use super::{quota, scope};
use crate::auth::policy::{self, Permission};
use crate::auth::{PartnerScope, Perm};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{TokenId, UserId};
use crate::web::AppState;

/// The token a request was made with, once accepted.
#[derive(Clone, Debug)]
pub struct Caller {
    pub token: TokenId,
    /// The token's name: how the activity log names what it did.
    pub name: String,
    /// Who made the token: orders it places and credits it books are theirs.
    pub creator: UserId,
    pub partner: PartnerScope,
    /// The language of error descriptions (`Accept-Language`).
    pub lang: Lang,
}

/// A handler's proof that the request's token may do what `P` allows:
/// `async fn list(api: Api<perm::CustomersRead>, …)`.
///
/// A token this process has seen before is only claimed when the handler starts: its
/// partner and name never change, so the handler may build its reads from them, but whether
/// it is still valid, within its limit and allowed the route is checked by `read` alongside
/// those reads, on one connection in one round trip, and their result is used only if the
/// check passes. A handler that answers without `read` or `confirm` is checked before its
/// answer leaves (`confirm_before_response`). A token not seen before is checked in full
/// before the handler starts.
pub struct Api<P> {
    pub caller: Caller,
    req: HttpRequest,
    _perm: PhantomData<P>,
}

impl<P: Permission> Api<P> {
    /// Runs `reads` alongside the token's check on `conn`; their result if the check passes.
    pub async fn read<T>(
        &self,
        conn: &AsyncPgConnection,
        reads: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        let Some(pending) = take_pending(&self.req) else {
            return reads.await;
        };
        // Both run to the end (not `try_join`): a read that fails must not cut the check short.
        let (checked, read) = futures_util::join!(pending.check(&self.req, conn), reads);
        checked?;
        read
    }

    /// Checks the token now, on `conn`, with nothing alongside: before a write.
    pub async fn confirm(&self, conn: &AsyncPgConnection) -> Result<(), ApiError> {
        self.read(conn, async { Ok(()) }).await
    }
}

impl<P: Permission + 'static> FromRequest for Api<P> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let lang = lang_of(&req);
            let state = state(&req, lang)?;
            let pending = Pending::of(&req, P::PERM, lang)?;
            let caller = match state.api_callers.get(&pending.hash) {
                Some(known) => {
                    let caller = known.caller(lang);
                    req.extensions_mut().insert(pending);
                    caller
                }
                None => {
                    let conn = state
                        .steady
                        .get()
                        .await
                        .map_err(|e| from_app(e.into(), lang))?;
                    let caller = pending.check(&req, &conn).await?;
                    state.api_callers.remember(&pending.hash, &caller);
                    caller
                }
            };
            Ok(Api {
                caller,
                req,
                _perm: PhantomData,
            })
        })
    }
}

/// The net under every API response: a claimed token that no `read` or `confirm` checked
/// (a handler that refused the request's parameters, say) is checked before the response
/// leaves, and its refusal replaces the response.
pub async fn confirm_before_response(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let req = res.request().clone();
    let Some(pending) = take_pending(&req) else {
        return Ok(res);
    };
    let checked = match state(&req, pending.lang) {
        Ok(state) => match state.steady.get().await {
            Ok(conn) => pending.check(&req, &conn).await.map(|_| ()),
            Err(e) => Err(from_app(e.into(), pending.lang)),
        },
        Err(e) => Err(e),
    };
    Ok(match checked {
        Ok(()) => res,
        Err(e) => ServiceResponse::from_err(e, req),
    })
}

fn from_app(e: AppError, lang: Lang) -> ApiError {
    ApiError::from_app(e, lang)
}

fn state(req: &HttpRequest, lang: Lang) -> Result<&web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .ok_or_else(|| from_app(AppError::internal("no state"), lang))
}

fn take_pending(req: &HttpRequest) -> Option<Pending> {
    req.extensions_mut().remove::<Pending>()
}

/// A token's check still to be made: its secret's hash and the route's permission.
#[derive(Clone)]
struct Pending {
    hash: Vec<u8>,
    perm: Perm,
    lang: Lang,
}

impl Pending {
    /// The request's bearer secret, if it could be one of ours.
    fn of(req: &HttpRequest, perm: Perm, lang: Lang) -> Result<Pending, ApiError> {
        let Some(secret) = bearer(req) else {
            return Err(ApiError::unauthorized(lang, "api-error-no-token"));
        };
        if !tokens::plausible(secret) {
            return Err(ApiError::unauthorized(lang, "api-error-bad-token"));
        }
        Ok(Pending {
            hash: crate::auth::store::token_hash(secret),
            perm,
            lang,
        })
    }

    /// The token's check in one statement on `conn` (pipelined with whatever else is sent on
    /// it): known and usable (401), within its limit (429), and allowed the permission by its
    /// scopes and its creator's roles (403).
    async fn check(&self, req: &HttpRequest, conn: &AsyncPgConnection) -> Result<Caller, ApiError> {
        let lang = self.lang;
        let state = state(req, lang)?;
        let now = state.clock.now();
        let limit = state.settings.api_requests_per_minute;
        let window = crate::web::rate_limit::window_start(now);
        let held = state.api_leases.take(&self.hash, window);
        let lease = tokens::Lease {
            window,
            size: if held { 0 } else { quota::lease_size(limit) },
            limit,
        };
        let found = tokens::check_in(conn, &self.hash, &lease, now)
            .await
            .map_err(|e| from_app(e, lang))?
            .ok_or_else(|| ApiError::unauthorized(lang, "api-error-bad-token"))?;
        if let Some(key) = refusal(&found, now) {
            return Err(ApiError::unauthorized(lang, key));
        }
        if let Some(granted) = found.granted {
            let granted = u32::try_from(granted).unwrap_or(0);
            if granted == 0 {
                let wait = crate::web::rate_limit::seconds_left(now);
                return Err(ApiError::too_many(lang, wait));
            }
            state.api_leases.keep(&self.hash, window, granted);
        }
        let creator_can = |p| policy::allows(&found.creator_roles, p);
        if !scope::allows(&found.scopes, self.perm, creator_can) {
            return Err(ApiError::forbidden(lang));
        }
        Ok(Caller {
            token: found.id,
            name: found.name,
            creator: found.created_by,
            partner: PartnerScope::of_token(found.partner_id),
            lang,
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
