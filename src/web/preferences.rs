//! The header controls: switching between "Workspaces view" and "Current view", and the
//! language. Both are kept per user; the language also in a cookie for signed-out pages.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::context::LANG_COOKIE;
use super::render::{redirect, safe_next};
use super::{AppState, CsrfForm};
use crate::auth::extract::maybe_user;
use crate::auth::{SignedIn, ViewMode, store};
use crate::error::AppError;
use crate::i18n::Lang;

#[derive(Deserialize)]
pub struct ViewForm {
    view: String,
    next: Option<String>,
}

pub async fn set_view(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    CsrfForm(form): CsrfForm<ViewForm>,
) -> Result<HttpResponse, AppError> {
    let mode = ViewMode::from_code(&form.view).ok_or(AppError::malformed())?;
    let mut conn = state.pool.get().await?;
    store::set_view_mode(&mut conn, user.id, mode).await?;
    Ok(redirect(safe_next(form.next.as_deref())))
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

pub async fn set_language(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::from_code(&form.lang).ok_or(AppError::malformed())?;
    if let Some(user) = maybe_user(&req).await? {
        let mut conn = state.pool.get().await?;
        store::set_language(&mut conn, user.id, lang).await?;
    }
    let mut res = redirect(safe_next(form.next.as_deref()));
    res.add_cookie(&language_cookie(lang, state.settings.secure_cookies()))
        .map_err(AppError::internal)?;
    Ok(res)
}

pub fn language_cookie(lang: Lang, secure: bool) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish()
}
