//! Extractors that load the signed-in user (once per request) and enforce permissions.

use std::cell::RefCell;
use std::future::Future;
use std::marker::PhantomData;
use std::rc::Rc;

use actix_session::{Session, SessionExt};
use actix_web::body::BoxBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use diesel_async::AsyncPgConnection;
use futures_util::future::LocalBoxFuture;
use tokio::sync::OnceCell;

use super::policy::Permission;
use super::{CurrentUser, PartnerScope, claims, store};
use crate::error::AppError;
use crate::web::AppState;

pub const SESSION_TOKEN: &str = "sid";
pub const SESSION_USER: &str = "uid";

/// The user of this request, found once and kept in the request's extensions. Extractors of
/// one handler run concurrently, so a cell (not a plain value) makes the second one wait for
/// the first one's load instead of repeating it.
#[derive(Clone, Default)]
struct Loaded(Rc<LoadedUser>);

#[derive(Default)]
struct LoadedUser {
    user: OnceCell<Option<CurrentUser>>,
    /// The session token and the claims' version while `user` comes from the cookie's claims
    /// and the database has not confirmed them yet; `None` once it has (or when the database
    /// gave the user).
    unconfirmed: RefCell<Option<(String, i64)>>,
}

fn loaded(req: &HttpRequest) -> Loaded {
    req.extensions_mut()
        .get_or_insert_with(Loaded::default)
        .clone()
}

/// The signed-in user, if there is one, without requiring it, as the database has it.
pub async fn maybe_user(req: &HttpRequest) -> Result<Option<CurrentUser>, AppError> {
    let cell = loaded(req);
    Ok(cell.0.user.get_or_try_init(|| load(req)).await?.clone())
}

/// The user as the session's claims say, taken on trust for now, when this request may use
/// them and they pass `fit` (they hold the page's permission); otherwise `maybe_user`. Only
/// `Reader` asks for it: whatever the request reads before `confirm` is thrown away if the
/// claims turn out wrong.
async fn claimed_user(
    req: &HttpRequest,
    fit: impl Fn(&CurrentUser) -> bool,
) -> Result<Option<CurrentUser>, AppError> {
    let cell = loaded(req);
    if let Some(user) = cell.0.user.get() {
        return Ok(user.clone());
    }
    let session = req.get_session();
    let token = session.get::<String>(SESSION_TOKEN).ok().flatten();
    let claimed = claims::read(&session).filter(|(u, _)| may_use_claims(req) && fit(u));
    if let (Some(token), Some((user, version))) = (token, claimed) {
        // Nothing was awaited since the look above, so the cell is still empty.
        if cell.0.user.set(Some(user.clone())).is_ok() {
            *cell.0.unconfirmed.borrow_mut() = Some((token, version));
            return Ok(Some(user));
        }
    }
    maybe_user(req).await
}

/// Page views (GET and HEAD) write nothing on the strength of claims; everything else is
/// confirmed first.
fn may_use_claims(req: &HttpRequest) -> bool {
    req.method() == Method::GET || req.method() == Method::HEAD
}

async fn load(req: &HttpRequest) -> Result<Option<CurrentUser>, AppError> {
    let session = req.get_session();
    let Some(token) = session.get::<String>(SESSION_TOKEN).ok().flatten() else {
        return Ok(None);
    };
    let state = app_state(req)?;
    let conn = state.pool.get().await?;
    let found = store::resume_session(&conn, &token, state.clock.now()).await?;
    match &found {
        None => session.purge(),
        // A form may change its own user (language, layout, password, roles): the page after
        // it reads the user from the database again.
        Some(_) if !may_use_claims(req) => {
            crate::web::session_store::take::<serde_json::Value>(&session, claims::SESSION_CLAIMS);
        }
        Some((u, version)) => keep_claims(&session, u, *version),
    }
    Ok(found.map(|(user, _)| user))
}

fn app_state(req: &HttpRequest) -> Result<&AppState, AppError> {
    req.app_data::<web::Data<AppState>>()
        .map(|s| s.get_ref())
        .ok_or(AppError::internal("no state"))
}

/// Keeps the cookie's claims in step with the database. Claims that already say the same are
/// left alone: a changed session is sealed again and sent back as a cookie.
fn keep_claims(session: &Session, user: &CurrentUser, version: i64) {
    let same = claims::read(session).is_some_and(|(u, v)| &u == user && v == version);
    if !same {
        let _ = session.insert(claims::SESSION_CLAIMS, claims::encode(user, version));
    }
}

/// Whether this request used claims the database has not confirmed yet.
fn is_unconfirmed(req: &HttpRequest) -> bool {
    req.extensions()
        .get::<Loaded>()
        .is_some_and(|l| l.0.unconfirmed.borrow().is_some())
}

/// Checks the claims this request used against the database, on `conn`: nothing to do if it
/// used none. A session that ended (signed out, expired, user disabled) sends the visitor to
/// sign in. Claims that no longer match the account (a role changed) are renewed: a user who
/// no longer passes `fit` is refused, anyone else asks for the page again, so no page is built
/// from an outdated account. A session whose account moved on without changing what the claims
/// say (a new password hash) only has its claims' version renewed.
async fn confirm(
    req: &HttpRequest,
    conn: &AsyncPgConnection,
    fit: impl Fn(&CurrentUser) -> bool,
) -> Result<(), AppError> {
    let cell = loaded(req);
    let Some((token, version)) = cell.0.unconfirmed.borrow().clone() else {
        return Ok(());
    };
    let now = app_state(req)?.clock.now();
    // Most checks end here: the session is live and its account unchanged since the claims.
    // Anything else reads the account (a second round trip, for this request only).
    let unchanged = store::still_as_claimed(conn, &token, version, now).await?;
    let found = match unchanged {
        true => None,
        false => Some(store::resume_session(conn, &token, now).await?),
    };
    // The database has answered: whatever it said goes back to the caller, who answers with
    // it, so the net under the response has nothing left to check.
    *cell.0.unconfirmed.borrow_mut() = None;
    let Some(found) = found else {
        return Ok(());
    };
    let session = req.get_session();
    let Some((user, version)) = found else {
        session.purge();
        return Err(sign_in_required(req));
    };
    keep_claims(&session, &user, version);
    if cell.0.user.get().and_then(Option::as_ref) != Some(&user) {
        return Err(if fit(&user) {
            AppError::Reload(here(req))
        } else {
            AppError::Forbidden
        });
    }
    Ok(())
}

/// `confirm` on a connection of its own, if this request still needs it.
async fn confirm_alone(req: &HttpRequest) -> Result<(), AppError> {
    if !is_unconfirmed(req) {
        return Ok(());
    }
    let conn = app_state(req)?.pool.get().await?;
    confirm(req, &conn, |_| true).await
}

/// The net under every response: a request that used claims and was not confirmed on the
/// way (pages that pipeline do it with their own statements) is confirmed here, before its
/// response leaves, and answered as `confirm` says if that fails.
pub async fn confirm_before_response(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let res = next.call(req).await?;
    let req = res.request().clone();
    match confirm_alone(&req).await {
        Ok(()) => Ok(res),
        Err(e) => Ok(ServiceResponse::from_err(e, req)),
    }
}

fn here(req: &HttpRequest) -> String {
    req.uri()
        .path_and_query()
        .map_or_else(|| "/".to_string(), |p| p.as_str().to_string())
}

/// The cached user, without touching the database (for error pages).
pub fn cached_user(req: &HttpRequest) -> Option<CurrentUser> {
    req.extensions()
        .get::<Loaded>()
        .and_then(|l| l.0.user.get().cloned().flatten())
}

/// Sends the visitor to sign in, and back to this page afterwards when it was a page view.
fn sign_in_required(req: &HttpRequest) -> AppError {
    let page = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .filter(|p| *p != "/");
    let back = (req.method() == actix_web::http::Method::GET)
        .then_some(page)
        .flatten();
    AppError::SignInRequired(back.map(str::to_string))
}

/// Any signed-in user, even one who must still replace a one-time password: for that page
/// and for signing out. Anonymous requests are sent to the sign-in page.
pub struct Authenticated(pub CurrentUser);

impl FromRequest for Authenticated {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            match maybe_user(&req).await? {
                Some(user) => Ok(Authenticated(user)),
                None => Err(sign_in_required(&req).into()),
            }
        })
    }
}

/// The signed-in user of a page that needs no permission. Until a one-time password is
/// replaced, every page sends its user to choose a new one.
async fn usable_user(req: &HttpRequest) -> Result<CurrentUser, AppError> {
    usable(req, maybe_user(req).await?)
}

fn usable(req: &HttpRequest, user: Option<CurrentUser>) -> Result<CurrentUser, AppError> {
    let user = user.ok_or_else(|| sign_in_required(req))?;
    if user.password_must_change {
        return Err(AppError::PasswordChangeRequired);
    }
    Ok(user)
}

/// Any signed-in user who may use the dashboard.
pub struct SignedIn(pub CurrentUser);

impl FromRequest for SignedIn {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ok(SignedIn(usable_user(&req).await?)) })
    }
}

/// A signed-in user holding permission `P`, as the database has them before the handler
/// starts; others get 403.
pub struct Need<P: Permission> {
    pub user: CurrentUser,
    _perm: PhantomData<P>,
}

impl<P: Permission> Need<P> {
    /// The partner this user acts for. Permissions of partner staff always have one.
    pub fn partner(&self) -> Result<PartnerScope, AppError> {
        self.user.partner()
    }
}

impl<P: Permission + 'static> FromRequest for Need<P> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = usable_user(&req).await?;
            if !user.can(P::PERM) {
                return Err(AppError::Forbidden.into());
            }
            Ok(Need {
                user,
                _perm: PhantomData,
            })
        })
    }
}

/// A signed-in user holding permission `P`, on a page that only reads: the session's claims
/// are taken on trust until `read` confirms them together with the page's own statements, in
/// one round trip to the database instead of one more before them. A page that never calls
/// `read` is confirmed before its response leaves all the same (`confirm_before_response`).
pub struct Reader<P: Permission> {
    pub user: CurrentUser,
    req: HttpRequest,
    _perm: PhantomData<P>,
}

impl<P: Permission> Reader<P> {
    /// The partner this user acts for. Permissions of partner staff always have one.
    pub fn partner(&self) -> Result<PartnerScope, AppError> {
        self.user.partner()
    }

    /// The page's statements (`reads`, made on `conn`), sent behind the session's check on the
    /// same connection; their rows are given only if the check passes.
    pub async fn read<T>(
        &self,
        conn: &AsyncPgConnection,
        reads: impl Future<Output = Result<T, AppError>>,
    ) -> Result<T, AppError> {
        read_behind_check(&self.req, conn, |u| u.can(P::PERM), reads).await
    }

    /// Confirms the session now, on `conn`, with nothing alongside: before a write.
    pub async fn confirm(&self, conn: &AsyncPgConnection) -> Result<(), AppError> {
        self.read(conn, async { Ok(()) }).await
    }
}

/// `reads` sent behind the check of the claims this request used (users who fail `fit` are
/// refused), on the same connection; their rows are given only if the check passes.
async fn read_behind_check<T>(
    req: &HttpRequest,
    conn: &AsyncPgConnection,
    fit: impl Fn(&CurrentUser) -> bool,
    reads: impl Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    // Both run to the end (not `try_join`): a read that fails must not cut the check short.
    let (confirmed, read) = futures_util::join!(confirm(req, conn, fit), reads);
    confirmed?;
    read
}

/// Any signed-in user who may use the dashboard, as `SignedIn`, but taken on the session's
/// claims for a page view like `Reader`: for a page that needs no permission and reads with
/// `read`, so the session's check shares the page's own round trip (the home page).
pub struct Viewer {
    pub user: CurrentUser,
    req: HttpRequest,
}

impl Viewer {
    /// As `Reader::read`.
    pub async fn read<T>(
        &self,
        conn: &AsyncPgConnection,
        reads: impl Future<Output = Result<T, AppError>>,
    ) -> Result<T, AppError> {
        read_behind_check(&self.req, conn, |_| true, reads).await
    }
}

impl FromRequest for Viewer {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = usable(&req, claimed_user(&req, |_| true).await?)?;
            Ok(Viewer { user, req })
        })
    }
}

impl<P: Permission + 'static> FromRequest for Reader<P> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            // Claims without the permission are not trusted to refuse: the database decides.
            let user = usable(&req, claimed_user(&req, |u| u.can(P::PERM)).await?)?;
            if !user.can(P::PERM) {
                return Err(AppError::Forbidden.into());
            }
            Ok(Reader {
                user,
                req,
                _perm: PhantomData,
            })
        })
    }
}
