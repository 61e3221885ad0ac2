//! What support does to a request from its console page: take it, ask the partner for
//! information, reject it, or approve a refund.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::confirm::ConfirmApprovePage;
use super::decide::{self, Approval, Outcome, Preview};
use super::handlers::{find, page};
use crate::auth::{Need, perm};
use crate::error::AppError;
use crate::ids::RequestId;
use crate::support::rules::{self, Step};
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render_status};

/// After a step: back to the request with what happened.
fn answer(session: &Session, outcome: &Outcome, done_key: &str, id: RequestId) -> HttpResponse {
    match outcome {
        Outcome::Done(_) => flash::push(session, FlashKind::Success, done_key, &[]),
        _ => flash::push(session, FlashKind::Error, "console-moved", &[]),
    }
    redirect(&format!("/console/requests/{id}"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    body: String,
}

pub async fn take(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SupportConsole>,
    path: web::Path<String>,
    CsrfForm(_form): CsrfForm<MessageForm>,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    let request = find(&conn, &path).await?;
    let now = state.clock.now();
    let outcome = decide::simple(&mut conn, request.id, &need.user, Step::Take, "", now).await?;
    Ok(answer(&session, &outcome, "console-taken", request.id))
}

/// Asking or rejecting: both need a message for the partner.
async fn with_message(
    state: &AppState,
    session: &Session,
    need: &Need<perm::SupportConsole>,
    ctx: PageContext,
    id: &str,
    step: Step,
    body: &str,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    let request = find(&conn, id).await?;
    let body = body.trim();
    if !rules::message_ok(body) {
        let message = ctx.lang.t("support-error-message");
        let mut page = page(&conn, state, need.user.id, ctx, &request).await?;
        match step {
            Step::Reject => page.forms.reject_error = Some(message),
            _ => page.forms.message_error = Some(message),
        }
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let now = state.clock.now();
    let outcome = decide::simple(&mut conn, request.id, &need.user, step, body, now).await?;
    let done = match step {
        Step::Reject => "console-rejected",
        _ => "console-asked",
    };
    Ok(answer(session, &outcome, done, request.id))
}

pub async fn ask(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SupportConsole>,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> Result<HttpResponse, AppError> {
    with_message(
        &state,
        &session,
        &need,
        ctx,
        &path,
        Step::AskInfo,
        &form.body,
    )
    .await
}

pub async fn reject(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SupportConsole>,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> Result<HttpResponse, AppError> {
    with_message(
        &state,
        &session,
        &need,
        ctx,
        &path,
        Step::Reject,
        &form.body,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApproveForm {
    amount: String,
    body: String,
    revoke: Option<String>,
    /// "yes" once the confirmation step was shown; before that nothing is written.
    confirmed: String,
}

pub async fn approve(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SupportConsole>,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ApproveForm>,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    let request = find(&conn, &path).await?;
    let note = form.body.trim();
    if note.chars().count() > rules::MAX_TEXT || note.contains('\0') {
        return Err(AppError::malformed());
    }
    let approval = Approval {
        amount: &form.amount,
        note,
        revoke: form.revoke.as_deref() == Some("yes"),
    };
    let now = state.clock.now();
    if form.confirmed != "yes" {
        let refused = match decide::preview(&conn, request.id, &approval).await? {
            Preview::Approve(credited) => {
                let page = ConfirmApprovePage::new(ctx, &request, &approval, credited, now);
                return render_status(StatusCode::OK, &page);
            }
            Preview::Moved => return Ok(answer(&session, &Outcome::Moved, "", request.id)),
            Preview::Refused(key) => key,
        };
        return refused_amount(&conn, &state, &need, ctx, &request, &form.amount, refused).await;
    }
    let outcome = decide::approve(&mut conn, request.id, &need.user, approval, now).await?;
    if let Outcome::Refused(key) = outcome {
        let request = find(&conn, &path).await?;
        return refused_amount(&conn, &state, &need, ctx, &request, &form.amount, key).await;
    }
    Ok(answer(&session, &outcome, "console-approved", request.id))
}

/// The request's page again, with the amount typed and why it was refused.
async fn refused_amount(
    conn: &diesel_async::AsyncPgConnection,
    state: &AppState,
    need: &Need<perm::SupportConsole>,
    ctx: PageContext,
    request: &crate::support::queries::Request,
    amount: &str,
    key: &'static str,
) -> Result<HttpResponse, AppError> {
    let message = ctx.lang.t(key);
    let mut page = page(conn, state, need.user.id, ctx, request).await?;
    page.forms.amount = amount.trim().to_string();
    page.forms.amount_error = Some(message);
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
