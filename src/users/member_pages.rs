//! One user's page in User management and what an admin does there: change roles, disable
//! or re-enable, hand out new sign-in details.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::ids::UserId;

use super::changes;
use super::handlers::{Fields, HREF, admin, all, crumbs, field, issued, user_id};
use super::members::{self};
use super::passwords::{self};
use super::rules::{self, Credential};
use super::views::{ConfirmDisablePage, MemberPage, MemberView, role_boxes};
use crate::account::Tabs;
use crate::auth::{Need, Perm, perm};
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::forms::EmptyForm;
use crate::web::{AppState, CsrfForm, PageContext, redirect, render_status};

async fn member_page(
    state: &AppState,
    need: &Need<perm::UsersManage>,
    ctx: PageContext,
    id: UserId,
    problem: Option<&'static str>,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.steady.get().await?;
    let member = members::member(&mut conn, need.partner()?, id).await?;
    let codes: Vec<&str> = member.roles.iter().map(|r| r.code()).collect();
    let status = match problem {
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
        None => StatusCode::OK,
    };
    let page = MemberPage {
        tabs: Tabs::new(&need.user, HREF),
        roles: role_boxes(&codes),
        is_self: member.id == need.user.id,
        problem: problem.map(|k| ctx.t(k)),
        member: MemberView::new(&member, ctx.lang),
        ctx: crumbs(ctx).crumb_text(&member.name, None),
    };
    render_status(status, &page)
}

pub async fn show(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = user_id(&path)?;
    member_page(&state, &need, ctx, id, None).await
}

pub async fn set_roles(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<HttpResponse, AppError> {
    let id = user_id(&path)?;
    let roles = match rules::roles(&all(&fields, "roles")) {
        Ok(roles) => roles,
        Err(key) => return member_page(&state, &need, ctx, id, Some(key)).await,
    };
    let admin = admin(&need, &state)?;
    let mut conn = state.pool.get().await?;
    if let Err(refusal) = changes::set_roles(&mut conn, &admin, id, &roles).await? {
        drop(conn);
        return member_page(&state, &need, ctx, id, Some(refusal.message_key())).await;
    }
    flash::push(&session, FlashKind::Success, "users-roles-saved", &[]);
    // Giving up one's own Global admin role ends one's access to this page.
    let keeps_access = id != need.user.id || crate::auth::policy::allows(&roles, Perm::UsersManage);
    Ok(redirect(&if keeps_access {
        format!("{HREF}/{id}")
    } else {
        "/account".to_string()
    }))
}

async fn enabled(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    to: bool,
) -> Result<HttpResponse, AppError> {
    let id = user_id(&path)?;
    let admin = admin(&need, &state)?;
    let mut conn = state.pool.get().await?;
    if let Err(refusal) = changes::set_enabled(&mut conn, &admin, id, to).await? {
        drop(conn);
        return member_page(&state, &need, ctx, id, Some(refusal.message_key())).await;
    }
    let key = if to {
        "users-enabled"
    } else {
        "users-disabled"
    };
    flash::push(&session, FlashKind::Success, key, &[]);
    Ok(redirect(&format!("{HREF}/{id}")))
}

/// What the Disable button sends: nothing at first, which shows the confirmation step; then
/// `confirmed=yes`, which disables.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct DisableForm {
    confirmed: String,
}

pub async fn disable(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<DisableForm>,
) -> Result<HttpResponse, AppError> {
    let id = user_id(&path)?;
    // Disabling oneself is refused: say so at once rather than ask to confirm it.
    if form.confirmed == "yes" || id == need.user.id {
        return enabled(state, need, ctx, session, path, false).await;
    }
    let mut conn = state.steady.get().await?;
    let member = members::member(&mut conn, need.partner()?, id).await?;
    let question = ctx.lang.t_args(
        "users-disable-confirm",
        &[
            ("name", member.name.clone()),
            ("email", member.email.clone()),
        ],
    );
    let page = ConfirmDisablePage {
        question,
        member: MemberView::new(&member, ctx.lang),
        ctx: crumbs(ctx).crumb_text(&member.name, Some(&format!("{HREF}/{id}"))),
    };
    render_status(StatusCode::OK, &page)
}

pub async fn enable(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    enabled(state, need, ctx, session, path, true).await
}

/// New sign-in details for an existing user: a one-time password replacing theirs, or a link.
pub async fn credentials(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    path: web::Path<String>,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<HttpResponse, AppError> {
    let id = user_id(&path)?;
    let Some(credential) = Credential::parse(field(&fields, "credential")) else {
        return member_page(&state, &need, ctx, id, Some("users-error-credential")).await;
    };
    let admin = admin(&need, &state)?;
    // Checked before hashing (no work for a user who is not the partner's), and no connection
    // is held while hashing.
    let mut conn = state.pool.get().await?;
    members::member(&mut conn, admin.scope, id).await?;
    drop(conn);
    let (secret, shown) = passwords::make(credential).await?;
    let mut conn = state.pool.get().await?;
    let member = changes::issue(&mut conn, &admin, id, &secret).await?;
    issued(&state, &need, ctx, &member, shown, false)
}
