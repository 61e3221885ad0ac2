//! Account settings › User management, for the partner's Global admins (R-40 roles table):
//! list, add, change roles, disable and re-enable, hand out new sign-in details.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::ids::UserId;
use crate::web::routes::Route;

use super::passwords::{self, Shown};
use super::rules::{self, Credential};
use super::store::{self, Admin, Member};
use super::views::{
    IssuedPage, MemberPage, MemberView, NewUserForm, NewUserPage, UsersPage, role_boxes,
};
use crate::account::Tabs;
use crate::auth::{Need, Perm, perm};
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::forms::EmptyForm;
use crate::web::forms::FieldErrors;
use crate::web::render::no_store;
use crate::web::{AppState, CsrfForm, PageContext, redirect, render, render_status};

type Fields = Vec<(String, String)>;

const HREF: &str = "/account/users";

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/account/users", needs UsersManage => list),
    crate::route!(POST "/account/users", needs UsersManage => create),
    crate::route!(GET "/account/users/new", needs UsersManage => new_form),
    crate::route!(GET "/account/users/{user}", needs UsersManage => show),
    crate::route!(POST "/account/users/{user}/roles", needs UsersManage => set_roles),
    crate::route!(POST "/account/users/{user}/disable", needs UsersManage => disable),
    crate::route!(POST "/account/users/{user}/enable", needs UsersManage => enable),
    crate::route!(POST "/account/users/{user}/credentials", needs UsersManage => credentials),
];

/// The first value of a form field (empty when absent).
fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// Every value of a repeated field (the role checkboxes).
fn all<'a>(fields: &'a Fields, name: &str) -> Vec<&'a str> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn user_id(text: &str) -> Result<UserId, AppError> {
    UserId::parse(text).ok_or(AppError::NotFound)
}

fn admin<'a>(need: &'a Need<perm::UsersManage>, state: &AppState) -> Result<Admin<'a>, AppError> {
    Ok(Admin {
        scope: need.partner()?,
        user: &need.user,
        now: state.clock.now(),
    })
}

fn crumbs(ctx: PageContext) -> PageContext {
    ctx.crumb("nav-account", Some("/account"))
        .crumb("users-title", Some(HREF))
}

pub async fn list(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    let members = store::members(&mut conn, need.partner()?, None).await?;
    let lang = ctx.lang;
    render(&UsersPage {
        tabs: Tabs::new(&need.user, HREF),
        members: members.iter().map(|m| MemberView::new(m, lang)).collect(),
        ctx: ctx
            .crumb("nav-account", Some("/account"))
            .crumb("users-title", None),
    })
}

pub async fn new_form(
    need: Need<perm::UsersManage>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    render(&NewUserPage {
        tabs: Tabs::new(&need.user, HREF),
        form: NewUserForm {
            credential: Credential::Link.code().into(),
            ..NewUserForm::default()
        },
        roles: role_boxes(&[]),
        errors: FieldErrors::default(),
        ctx: crumbs(ctx).crumb("users-add", None),
    })
}

pub async fn create(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<HttpResponse, AppError> {
    let codes = all(&fields, "roles");
    let refuse = |ctx: PageContext, errors: FieldErrors| {
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &NewUserPage {
                tabs: Tabs::new(&need.user, HREF),
                form: NewUserForm {
                    name: field(&fields, "name").into(),
                    email: field(&fields, "email").into(),
                    credential: field(&fields, "credential").into(),
                },
                roles: role_boxes(&codes),
                errors,
                ctx: crumbs(ctx).crumb("users-add", None),
            },
        )
    };
    let new = match rules::new_user(
        field(&fields, "name"),
        field(&fields, "email"),
        &codes,
        field(&fields, "credential"),
    ) {
        Ok(new) => new,
        Err(errors) => return refuse(ctx, errors),
    };
    let (secret, shown) = passwords::make(new.credential).await?;
    let admin = admin(&need, &state)?;
    let mut conn = state.pool.get().await?;
    let id = match store::add(&mut conn, &admin, &new, &secret).await? {
        Ok(id) => id,
        Err(refusal) => {
            let mut errors = FieldErrors::default();
            errors.add("email", refusal.message_key());
            return refuse(ctx, errors);
        }
    };
    let member = store::member(&mut conn, admin.scope, id).await?;
    issued(&state, &need, ctx, &member, shown, true)
}

/// The sign-in details, shown this once and never stored in the clear.
fn issued(
    state: &AppState,
    need: &Need<perm::UsersManage>,
    ctx: PageContext,
    member: &Member,
    shown: Shown,
    added: bool,
) -> Result<HttpResponse, AppError> {
    let (password, link) = match shown {
        Shown::Password(p) => (Some(p), None),
        Shown::Link(token) => {
            let url = state
                .settings
                .public_url
                .join(&format!("/set-password/{token}"))
                .map_err(AppError::internal)?;
            (None, Some(url.to_string()))
        }
    };
    let page = IssuedPage {
        tabs: Tabs::new(&need.user, HREF),
        member: MemberView::new(member, ctx.lang),
        password,
        link,
        added,
        ctx: crumbs(ctx).crumb_text(&member.name, None),
    };
    Ok(no_store(render(&page)?))
}

async fn member_page(
    state: &AppState,
    need: &Need<perm::UsersManage>,
    ctx: PageContext,
    id: UserId,
    problem: Option<&'static str>,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    let member = store::member(&mut conn, need.partner()?, id).await?;
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
    if let Err(refusal) = store::set_roles(&mut conn, &admin, id, &roles).await? {
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
    if let Err(refusal) = store::set_enabled(&mut conn, &admin, id, to).await? {
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

pub async fn disable(
    state: web::Data<AppState>,
    need: Need<perm::UsersManage>,
    ctx: PageContext,
    session: Session,
    path: web::Path<String>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    enabled(state, need, ctx, session, path, false).await
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
    store::member(&mut conn, admin.scope, id).await?;
    drop(conn);
    let (secret, shown) = passwords::make(credential).await?;
    let mut conn = state.pool.get().await?;
    let member = store::issue(&mut conn, &admin, id, &secret).await?;
    issued(&state, &need, ctx, &member, shown, false)
}
