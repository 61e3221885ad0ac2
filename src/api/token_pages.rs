//! Account settings › API tokens, for Global admins: the list (a page at a time), "Create
//! token" with its secret shown once, and "Revoke".

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::scope::Scope;
use super::token_form::{self, DEFAULT_DAYS, Sent, VALIDITY_DAYS};
use super::tokens::{self, Refusal, Token};
use crate::account::Tabs;
use crate::auth::{CurrentUser, Need, perm, policy};
use crate::error::AppError;
use crate::ids::TokenId;
use crate::web::cursor::Cursor;
use crate::web::flash::{self, FlashKind};
use crate::web::forms::{EmptyForm, FieldErrors};
use crate::web::pagination::{Keyset, cut_page};
use crate::web::render::no_store;
use crate::web::routes::Route;
use crate::web::{AppState, CsrfForm, PageContext, redirect, render_status};

pub const HREF: &str = "/account/api-tokens";
const PAGE_SIZE: i64 = 25;

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/account/api-tokens", needs ApiTokensManage => list),
    crate::route!(POST "/account/api-tokens", needs ApiTokensManage => create),
    crate::route!(POST "/account/api-tokens/{token}/revoke", needs ApiTokensManage => revoke),
];

/// A scope as the form offers it: checked, and whether this admin may grant it.
pub struct ScopeBox {
    pub code: &'static str,
    pub label_key: String,
    pub checked: bool,
    pub grantable: bool,
}

/// Whether `user` holds a permission `scope` covers, so a token of theirs could use it.
fn may_grant(user: &CurrentUser, scope: Scope) -> bool {
    scope
        .perms()
        .iter()
        .any(|&p| policy::allows(&user.roles, p))
}

fn scope_boxes(user: &CurrentUser, checked: &[&str]) -> Vec<ScopeBox> {
    Scope::ALL
        .iter()
        .map(|&s| ScopeBox {
            code: s.code(),
            label_key: s.label_key(),
            checked: checked.contains(&s.code()),
            grantable: may_grant(user, s),
        })
        .collect()
}

/// A token as a row of the list.
pub struct TokenRow {
    pub id: TokenId,
    pub name: String,
    pub scopes: String,
    pub created_by: String,
    pub created_at: String,
    pub expires_at: String,
    pub last_used: String,
    pub status_key: &'static str,
    pub live: bool,
}

impl TokenRow {
    fn new(t: &Token, now: chrono::DateTime<chrono::Utc>, ctx: &PageContext) -> TokenRow {
        use crate::web::format::datetime_utc;
        let status_key = match (t.revoked_at, t.is_live(now)) {
            (Some(_), _) => "api-tokens-status-revoked",
            (None, false) => "api-tokens-status-expired",
            (None, true) => "api-tokens-status-active",
        };
        TokenRow {
            id: t.id,
            name: t.name.clone(),
            scopes: t.scopes().map(|s| s.code()).collect::<Vec<_>>().join(", "),
            created_by: t.created_by.clone(),
            created_at: datetime_utc(&t.created_at, ctx.lang),
            expires_at: datetime_utc(&t.expires_at, ctx.lang),
            last_used: t
                .last_used_at
                .map(|at| datetime_utc(&at, ctx.lang))
                .unwrap_or_else(|| ctx.t("api-tokens-never-used")),
            status_key,
            live: t.is_live(now),
        }
    }
}

/// What was typed into the form, shown back with its messages.
#[derive(Default)]
pub struct Typed {
    pub name: String,
    pub days: i64,
}

#[derive(Template)]
#[template(path = "account/api_tokens.html")]
pub struct TokensPage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub tokens: Vec<TokenRow>,
    pub keyset: Keyset,
    pub typed: Typed,
    pub validity_days: &'static [i64],
    pub scopes: Vec<ScopeBox>,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "account/api_token_created.html")]
pub struct CreatedPage {
    pub ctx: PageContext,
    pub tabs: Tabs,
    pub name: String,
    pub secret: String,
}

#[derive(serde::Deserialize)]
pub struct ListQuery {
    after: Option<String>,
}

fn crumbs(ctx: PageContext) -> PageContext {
    ctx.crumb("nav-account", Some("/account"))
        .crumb("api-tokens-title", None)
}

/// The list page with the form as typed (fresh, or refused with its messages).
async fn tokens_page(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    after: Option<Cursor>,
    typed: Typed,
    checked: &[&str],
    errors: FieldErrors,
) -> Result<TokensPage, AppError> {
    let conn = state.pool.get().await?;
    let cursor = after.map(|c| (c.at, TokenId(c.id)));
    let mut rows = tokens::page(&conn, user.partner()?, cursor, PAGE_SIZE + 1).await?;
    drop(conn);
    let older = cut_page(&mut rows, PAGE_SIZE, |t| {
        Cursor {
            at: t.created_at,
            id: t.id.0,
            line: None,
        }
        .encode()
    });
    let now = state.clock.now();
    let tokens = rows.iter().map(|t| TokenRow::new(t, now, &ctx)).collect();
    Ok(TokensPage {
        tabs: Tabs::new(user, HREF),
        tokens,
        keyset: Keyset::new(String::new(), HREF, after.is_some(), older),
        typed,
        validity_days: VALIDITY_DAYS,
        scopes: scope_boxes(user, checked),
        errors,
        ctx: crumbs(ctx),
    })
}

pub async fn list(
    state: web::Data<AppState>,
    need: Need<perm::ApiTokensManage>,
    ctx: PageContext,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let after = query.after.as_deref().and_then(Cursor::decode);
    let typed = Typed {
        name: String::new(),
        days: DEFAULT_DAYS,
    };
    let page = tokens_page(
        &state,
        &need.user,
        ctx,
        after,
        typed,
        &[],
        FieldErrors::default(),
    );
    render_status(StatusCode::OK, &page.await?)
}

type Fields = Vec<(String, String)>;

pub async fn create(
    state: web::Data<AppState>,
    need: Need<perm::ApiTokensManage>,
    ctx: PageContext,
    CsrfForm(fields): CsrfForm<Fields>,
) -> Result<HttpResponse, AppError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let sent = Sent {
        name: field("name"),
        days: field("days"),
        scopes: fields
            .iter()
            .filter(|(k, _)| k == "scopes")
            .map(|(_, v)| v.as_str())
            .collect(),
    };
    let user = &need.user;
    let new = match token_form::check(&sent, |s| may_grant(user, s)) {
        Ok(new) => new,
        Err(errors) => return refused(&state, user, ctx, &sent, errors).await,
    };
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let made = tokens::create(&mut conn, user.partner()?, user, &new, now).await?;
    drop(conn);
    match made {
        Ok((_, secret)) => {
            let page = CreatedPage {
                tabs: Tabs::new(user, HREF),
                name: new.name,
                secret,
                ctx: crumbs(ctx),
            };
            Ok(no_store(render_status(StatusCode::OK, &page)?))
        }
        Err(Refusal::NameTaken) => {
            let mut errors = FieldErrors::default();
            errors.add("name", "api-tokens-error-name-taken");
            refused(&state, user, ctx, &sent, errors).await
        }
    }
}

/// The list page with the form as sent and its messages (422).
async fn refused(
    state: &AppState,
    user: &CurrentUser,
    ctx: PageContext,
    sent: &Sent<'_>,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let typed = Typed {
        name: sent.name.to_string(),
        days: sent.days.trim().parse().unwrap_or(DEFAULT_DAYS),
    };
    let page = tokens_page(state, user, ctx, None, typed, &sent.scopes, errors).await?;
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn revoke(
    state: web::Data<AppState>,
    need: Need<perm::ApiTokensManage>,
    session: Session,
    path: web::Path<String>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let id = TokenId::parse(&path).ok_or(AppError::NotFound)?;
    let mut conn = state.pool.get().await?;
    let now = state.clock.now();
    let user = &need.user;
    if !tokens::revoke(&mut conn, user.partner()?, user, id, now).await? {
        return Err(AppError::NotFound);
    }
    flash::push(&session, FlashKind::Success, "api-tokens-revoked", &[]);
    Ok(redirect(HREF))
}
