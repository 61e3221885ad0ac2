//! Choosing a password: from a set-password link (signed out), or signed in — required after
//! signing in with a one-time password, optional otherwise (then the current one is asked).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::web::routes::Route;
use serde::Deserialize;

use super::passwords::{self, LinkState};
use super::rules;
use super::views::{LinkSpentPage, PasswordPage};
use crate::auth::extract::SESSION_TOKEN;
use crate::auth::store::token_hash;
use crate::auth::{Authenticated, PASSWORD_PAGE, password};
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render_status};

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/account/password", signed_in => own_form),
    crate::route!(POST "/account/password", signed_in => own_set),
    crate::route!(GET "/set-password/{token}", public => link_form),
    crate::route!(POST "/set-password/{token}", public => link_set),
];

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

fn page(
    status: StatusCode,
    ctx: PageContext,
    action: String,
    email: String,
    ask_current: bool,
    problem: Option<&str>,
) -> Result<HttpResponse, AppError> {
    let problem = problem.map(|k| ctx.t(k));
    let ctx = ctx.crumb("password-title", None);
    render_status(
        status,
        &PasswordPage {
            ctx,
            action,
            email,
            ask_current,
            problem,
        },
    )
}

pub async fn own_form(
    Authenticated(user): Authenticated,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let ask = !user.password_must_change;
    page(
        StatusCode::OK,
        ctx,
        PASSWORD_PAGE.into(),
        user.email,
        ask,
        None,
    )
}

pub async fn own_set(
    state: web::Data<AppState>,
    Authenticated(user): Authenticated,
    ctx: PageContext,
    session: Session,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let ask = !user.password_must_change;
    let refuse = |ctx, key| {
        page(
            StatusCode::UNPROCESSABLE_ENTITY,
            ctx,
            PASSWORD_PAGE.into(),
            user.email.clone(),
            ask,
            Some(key),
        )
    };
    if let Err(key) = rules::new_password(&form.password, &form.confirm) {
        return refuse(ctx, key);
    }
    // No connection is held while passwords are hashed: that is slow on purpose.
    if ask && !current_password_ok(&state, &user.email, form.current.clone()).await? {
        return refuse(ctx, "password-error-current");
    }
    let hash = passwords::hash_off_thread(form.password).await?;
    // This session stays; every other one of the user ends.
    let own = session
        .get::<String>(SESSION_TOKEN)
        .ok()
        .flatten()
        .map(|t| token_hash(&t));
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    if !passwords::set(&mut conn, user.id, &hash, own.as_deref(), now).await? {
        return Err(AppError::Forbidden);
    }
    flash::push(&session, FlashKind::Success, "password-saved", &[]);
    Ok(redirect("/"))
}

/// Whether `current` is the user's password. No connection is held while it is checked:
/// that is slow on purpose.
async fn current_password_ok(
    state: &AppState,
    email: &str,
    current: String,
) -> Result<bool, AppError> {
    let stored = {
        let mut conn = state.pool.get().await?;
        crate::auth::store::user_by_email(&mut conn, email)
            .await?
            .map(|u| u.password_hash)
    };
    Ok(current.len() <= rules::MAX_PASSWORD
        && web::block(move || password::verify(&current, stored.as_deref()))
            .await
            .map_err(AppError::internal)?)
}

pub async fn link_form(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    match passwords::link(&mut conn, &token, state.clock.now()).await? {
        None => Err(AppError::NotFound),
        Some(LinkState::Spent) => spent(ctx),
        Some(LinkState::Usable { email }) => {
            let action = format!("/set-password/{token}");
            page(StatusCode::OK, ctx, action, email, false, None)
        }
    }
}

fn spent(ctx: PageContext) -> Result<HttpResponse, AppError> {
    let ctx = ctx.crumb("password-title", None);
    render_status(StatusCode::GONE, &LinkSpentPage { ctx })
}

pub async fn link_set(
    state: web::Data<AppState>,
    ctx: PageContext,
    session: Session,
    token: web::Path<String>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let now = state.clock.now();
    let mut conn = state.pool.get().await?;
    let email = match passwords::link(&mut conn, &token, now).await? {
        None => return Err(AppError::NotFound),
        Some(LinkState::Spent) => return spent(ctx),
        Some(LinkState::Usable { email }) => email,
    };
    if let Err(key) = rules::new_password(&form.password, &form.confirm) {
        let action = format!("/set-password/{token}");
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return page(status, ctx, action, email, false, Some(key));
    }
    drop(conn);
    let hash = passwords::hash_off_thread(form.password).await?;
    let mut conn = state.pool.get().await?;
    if !passwords::use_link(&mut conn, &token, &hash, now).await? {
        return spent(ctx);
    }
    flash::push(&session, FlashKind::Success, "password-set-sign-in", &[]);
    Ok(redirect("/signin"))
}
