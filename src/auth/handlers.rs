//! Sign-in and sign-out pages.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::extract::{SESSION_TOKEN, SESSION_USER};
use super::{Authenticated, lockout, password, rules, store};
use crate::activity;
use crate::db::DbConn;
use crate::error::AppError;
use crate::web::forms::EmptyForm;
use crate::web::preferences::language_cookie;
use crate::web::render::safe_next;
use crate::web::{AppState, CsrfForm, PageContext, csrf, redirect, render, render_status};

#[derive(Template)]
#[template(path = "auth/sign_in.html")]
pub struct SignInPage {
    pub ctx: PageContext,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn sign_in_page(
    ctx: PageContext,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    if ctx.user.is_some() {
        return Ok(redirect("/"));
    }
    let next = safe_next(query.next.as_deref()).to_string();
    let ctx = ctx.crumb("signin-title", None);
    render(&SignInPage {
        ctx,
        email: String::new(),
        next,
        error: None,
    })
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

/// Longest e-mail address (RFC 5321) and a generous password limit: hashing is costly, so
/// megabyte "passwords" are refused before it.
const MAX_EMAIL: usize = 254;
const MAX_PASSWORD: usize = 1024;

pub async fn sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<HttpResponse, AppError> {
    let email = form.email.trim().to_lowercase();
    let next = safe_next(form.next.as_deref()).to_string();
    let now = state.clock.now();
    let refuse = |ctx: PageContext, status: StatusCode, error: String| {
        render_status(
            status,
            &SignInPage {
                ctx,
                email: form.email.clone(),
                next: next.clone(),
                error: Some(error),
            },
        )
    };
    if email.len() > MAX_EMAIL || form.password.len() > MAX_PASSWORD {
        let text = ctx.t("signin-failed");
        return refuse(ctx, StatusCode::UNPROCESSABLE_ENTITY, text);
    }
    let mut conn = state.pool.get().await?;
    let attempt = Attempt {
        email: &email,
        password: &form.password,
        now,
    };
    match authenticate(&state, &req, &mut conn, &ctx, attempt).await? {
        Err((status, text)) => refuse(ctx, status, text),
        Ok(user) => start_session(&state, &req, &session, &mut conn, user, &next, now).await,
    }
}

struct Attempt<'a> {
    email: &'a str,
    password: &'a str,
    now: DateTime<Utc>,
}

/// Counts the attempt — per client address, then per account — and checks the password:
/// the user, or the status and message of the refusal.
async fn authenticate(
    state: &AppState,
    req: &HttpRequest,
    conn: &mut DbConn,
    ctx: &PageContext,
    a: Attempt<'_>,
) -> Result<Result<store::UserRow, (StatusCode, String)>, AppError> {
    // Per address, before any lockout row is written: one client cannot fill the lockout
    // table with made-up emails, nor try one password on many accounts.
    let address = crate::web::client::limit_key(crate::web::client::address(req));
    let limit = state.settings.client_requests_per_minute;
    crate::web::rate_limit::hit(conn, "sign-in", &address, limit, a.now).await?;
    let after = match lockout::count_attempt(conn, a.email, a.now).await? {
        lockout::Attempt::Refused(until) => {
            let minutes = ((until - a.now).num_seconds() + 59) / 60;
            let text = ctx.t1("signin-locked", "minutes", &minutes.to_string());
            return Ok(Err((StatusCode::TOO_MANY_REQUESTS, text)));
        }
        lockout::Attempt::Counted(after) => after,
    };
    let user = store::user_by_email(conn, a.email)
        .await?
        .filter(|u| u.disabled_at.is_none());
    let password = a.password.to_string();
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    // Hashing takes tens of milliseconds of CPU: keep it off the request threads.
    let ok = web::block(move || password::verify(&password, stored.as_deref()))
        .await
        .map_err(AppError::internal)?;
    if let Some(user) = user.filter(|_| ok) {
        // The attempt was counted in advance; a right password wipes the count.
        lockout::clear_failures(conn, a.email).await?;
        return Ok(Ok(user));
    }
    let text = match rules::locked_until(Some(&after), a.now) {
        Some(_) => ctx.t1(
            "signin-locked",
            "minutes",
            &rules::LOCKOUT.num_minutes().to_string(),
        ),
        None => ctx.t("signin-failed"),
    };
    Ok(Err((StatusCode::UNPROCESSABLE_ENTITY, text)))
}

/// Opens the session of a user whose password was right, and sends them on.
async fn start_session(
    state: &AppState,
    req: &HttpRequest,
    session: &Session,
    conn: &mut DbConn,
    user: store::UserRow,
    next: &str,
    now: DateTime<Utc>,
) -> Result<HttpResponse, AppError> {
    let token = store::open_session(conn, user.id, now).await?;
    record_sign_in(conn, &user, req, now).await?;
    // A new session id at sign-in: whatever id the browser had before is worthless now.
    session.renew();
    session.clear();
    session
        .insert(SESSION_TOKEN, &token)
        .map_err(AppError::internal)?;
    session
        .insert(SESSION_USER, user.id)
        .map_err(AppError::internal)?;
    csrf::rotate(session);
    // A one-time password leads straight to choosing a new one.
    let next = if user.password_must_change {
        super::PASSWORD_PAGE
    } else {
        next
    };
    let mut res = redirect(next);
    if let Some(lang) = user.language {
        res.add_cookie(&language_cookie(lang, state.settings.secure_cookies()))
            .map_err(AppError::internal)?;
    }
    Ok(res)
}

/// A sign-in is on the partner's activity log, with the address and browser it came from.
async fn record_sign_in(
    conn: &mut diesel_async::AsyncPgConnection,
    user: &store::UserRow,
    req: &HttpRequest,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let entry = activity::Entry {
        partner_id: user.partner_id,
        at: now,
        actor_user_id: Some(user.id),
        actor: &user.email,
        operation: activity::Operation::SignedIn,
        customer_id: user.customer_id,
        order_id: None,
        product_id: None,
        details: crate::web::client::info(req),
    };
    activity::record(conn, entry).await?;
    Ok(())
}

pub async fn sign_out(
    state: web::Data<AppState>,
    session: Session,
    _user: Authenticated,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    if let Ok(Some(token)) = session.get::<String>(SESSION_TOKEN) {
        let conn = state.pool.get().await?;
        store::end_session(&conn, &token, state.clock.now()).await?;
    }
    session.purge();
    Ok(redirect("/signin"))
}
