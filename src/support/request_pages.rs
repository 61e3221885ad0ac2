//! One of the partner's requests: its page, its files, and the partner's reply.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;

use super::handlers::file_errors;
use super::upload::{self};
use super::views::RequestPage;
use super::{attachments, queries, step};
use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, Need, perm};
use crate::db::DbConn;
use crate::error::AppError;
use crate::ids::RequestId;
use crate::web::flash::{self, FlashKind};
use crate::web::multipart::CsrfMultipart;
use crate::web::{AppState, PageContext, redirect, render, render_status};
use diesel_async::AsyncPgConnection;

/// This partner's request named by the address, or 404.
async fn own_request(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    id: &str,
) -> Result<queries::Request, AppError> {
    let scope = user.partner()?;
    let id = crate::ids::RequestId::parse(id).ok_or(AppError::NotFound)?;
    queries::request(conn, &scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn request_page(
    conn: &AsyncPgConnection,
    ctx: PageContext,
    request: &queries::Request,
) -> Result<RequestPage, AppError> {
    let (events, files) = futures_util::try_join!(
        queries::events(conn, request.id),
        attachments::of_request(conn, request.id),
    )?;
    Ok(page_of(ctx, request, &events, &files))
}

fn page_of(
    ctx: PageContext,
    request: &queries::Request,
    events: &[queries::Event],
    files: &[attachments::Attachment],
) -> RequestPage {
    let title = ctx.lang.t_args(
        "support-request-title",
        &[("number", request.number.to_string())],
    );
    let ctx = ctx
        .crumb("nav-support", Some("/support"))
        .crumb_text(&title, None);
    RequestPage::new(ctx, request, events, files)
}

/// The request, its history and its files are read under the address's id together with the
/// session's check: one round trip; the history and files count only if the request is this
/// partner's.
pub async fn show(
    state: web::Data<AppState>,
    need: Reader<perm::SupportFile>,
    ctx: PageContext,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = RequestId::parse(&path).ok_or(AppError::NotFound)?;
    let conn = state.steady.get().await?;
    let reads = async {
        futures_util::try_join!(
            own_request(&conn, &need.user, &path),
            queries::events(&conn, id),
            attachments::of_request(&conn, id),
        )
    };
    let (request, events, files) = need.read(&conn, reads).await?;
    render(&page_of(ctx, &request, &events, &files))
}

pub async fn download(
    state: web::Data<AppState>,
    need: Need<perm::SupportFile>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (request, file) = path.into_inner();
    let conn = state.pool.get().await?;
    let request = own_request(&conn, &need.user, &request).await?;
    let file = attachments::find(&conn, request.id, &file).await?;
    attachments::send(&state.attachments, &file, &req)
}

/// The partner answers support's question, with files if need be; the request goes back to
/// support.
pub async fn reply(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SupportFile>,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfMultipart(form): CsrfMultipart,
) -> Result<HttpResponse, AppError> {
    // Files are kept only for this partner's request that is waiting for an answer; the token
    // was checked in any case, like every POST, before anything is kept.
    // No connection is held while the body arrives.
    let found = {
        let conn = state.pool.get().await?;
        own_request(&conn, &need.user, &path).await
    };
    let waiting = found
        .as_ref()
        .is_ok_and(|r| r.status == super::rules::Status::WaitingForPartner);
    let store = waiting.then_some(state.attachments.as_ref());
    let sent = upload::read(form, store).await?;
    let request = found?;
    let mut conn = state.pool.get().await?;
    let body = sent.text("body");
    let body_ok = super::rules::message_ok(&body);
    if !body_ok || !sent.refused.is_empty() {
        let lang = ctx.lang;
        let mut page = request_page(&conn, ctx, &request).await?;
        page.reply_body = body;
        page.reply_error = (!body_ok).then(|| lang.t("support-error-message"));
        page.file_errors = file_errors(&sent, lang);
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let now = state.clock.now();
    let act = step::Act {
        step: super::rules::Step::Reply,
        actor: &need.user,
        body: &body,
        files: &sent.files,
        approved_minor: None,
        revoked: false,
    };
    let moved = take_step(&mut conn, request.id, act, now).await?;
    let (kind, key) = if moved {
        (FlashKind::Success, "support-replied")
    } else {
        (FlashKind::Error, "support-not-waiting")
    };
    flash::push(&session, kind, key, &[]);
    Ok(redirect(&format!("/support/requests/{}", request.id)))
}

/// Applies the step to the request, locked, if it is still where the step may start; whether
/// it was.
async fn take_step(
    conn: &mut DbConn,
    request: RequestId,
    act: step::Act<'_>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    conn.transaction::<_, AppError, _>(async |conn| {
        let Some(locked) = step::lock(conn, request).await? else {
            return Ok(false);
        };
        Ok(step::apply(conn, &locked, act, now).await?.is_some())
    })
    .await
}
