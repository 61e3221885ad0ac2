//! Extractors that load the signed-in user (once per request) and enforce permissions.

use std::marker::PhantomData;
use std::rc::Rc;

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use tokio::sync::OnceCell;

use super::policy::Permission;
use super::{CurrentUser, PartnerScope, store};
use crate::error::AppError;
use crate::web::AppState;

pub const SESSION_TOKEN: &str = "sid";
pub const SESSION_USER: &str = "uid";
pub const SESSION_ROLES: &str = "roles";

/// The user of this request, loaded once and kept in the request's extensions. Extractors of
/// one handler run concurrently, so a cell (not a plain value) makes the second one wait for
/// the first one's load instead of repeating it.
#[derive(Clone, Default)]
struct Loaded(Rc<OnceCell<Option<CurrentUser>>>);

/// The signed-in user, if there is one, without requiring it.
pub async fn maybe_user(req: &HttpRequest) -> Result<Option<CurrentUser>, AppError> {
    let cell = req
        .extensions_mut()
        .get_or_insert_with(Loaded::default)
        .clone();
    Ok(cell.0.get_or_try_init(|| load(req)).await?.clone())
}

async fn load(req: &HttpRequest) -> Result<Option<CurrentUser>, AppError> {
    let session = req.get_session();
    let Some(token) = session.get::<String>(SESSION_TOKEN).ok().flatten() else {
        return Ok(None);
    };
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or(AppError::internal("no state"))?;
    let mut conn = state.pool.get().await?;
    let user = store::resume_session(&mut conn, &token, state.clock.now()).await?;
    match &user {
        None => session.purge(),
        // Keep the role claims in the cookie in step with the database.
        Some(u) => {
            let claims = session
                .get::<Vec<super::Role>>(SESSION_ROLES)
                .ok()
                .flatten();
            if claims.as_ref() != Some(&u.roles) {
                let _ = session.insert(SESSION_ROLES, &u.roles);
            }
        }
    }
    Ok(user)
}

/// The cached user, without touching the database (for error pages).
pub fn cached_user(req: &HttpRequest) -> Option<CurrentUser> {
    req.extensions()
        .get::<Loaded>()
        .and_then(|l| l.0.get().cloned().flatten())
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
    let user = maybe_user(req)
        .await?
        .ok_or_else(|| sign_in_required(req))?;
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

/// A signed-in user holding permission `P`; others get 403.
pub struct Need<P: Permission> {
    pub user: CurrentUser,
    _perm: PhantomData<P>,
}

impl<P: Permission> Need<P> {
    /// The partner this user acts for. Permissions of partner staff always have one.
    pub fn partner(&self) -> Result<PartnerScope, AppError> {
        self.user.partner_scope().ok_or(AppError::Forbidden)
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
