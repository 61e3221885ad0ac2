//! The partner's support pages (every role that may file requests, own partner only): My
//! support requests, "Report a problem" and a request's page.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use uuid::Uuid;

use super::file::{self, Draft};
use super::queries;
use super::rules::ProblemType;
use super::views::{FormPage, ListPage, RequestPage, RowView};
use crate::auth::{Need, PartnerScope, perm};
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::forms::FieldErrors;
use crate::web::pagination::Pager;
use crate::web::{AppState, CsrfForm, PageContext, redirect, render, render_status};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/support", web::get().to(list))
        .route("/support/requests/new", web::get().to(new_form))
        .route("/support/requests", web::post().to(submit))
        .route("/support/requests/{request}", web::get().to(show));
}

type File = Need<perm::SupportFile>;

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    need: File,
    ctx: PageContext,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    const PER_PAGE: i64 = 25;
    let scope = need.partner()?;
    let mut conn = state.pool.get().await?;
    let total = queries::count(&mut conn, &scope).await?;
    let pager = Pager::new(query.page.as_deref(), total, PER_PAGE);
    let rows = queries::list(&mut conn, &scope, pager.offset(), PER_PAGE).await?;
    let lang = ctx.lang;
    let ctx = ctx.crumb("nav-support", None);
    render(&ListPage {
        rows: rows.iter().map(|r| RowView::new(r, lang)).collect(),
        pager,
        ctx,
    })
}

/// What the cancel dialog's link carries: customer, order and product ids.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Prefill {
    customer: String,
    order: String,
    product: String,
}

/// The form, prefilled with the contact of the signed-in user and, when the link names them
/// and they are this partner's, the customer, order and product of a refund.
async fn prefilled(
    conn: &mut crate::db::DbConn,
    scope: &PartnerScope,
    need: &File,
    p: &Prefill,
    lang: crate::i18n::Lang,
) -> Result<Draft, AppError> {
    let mut d = Draft {
        impact: "moderate".into(),
        contact_name: need.user.display_name.clone(),
        contact_email: need.user.email.clone(),
        ..Draft::default()
    };
    let Ok(id) = Uuid::parse_str(&p.customer) else {
        return Ok(d);
    };
    let Some(customer) = crate::customers::queries::find(conn, scope, id).await? else {
        return Ok(d);
    };
    d.tenant = customer.id.to_string();
    let order = match (Uuid::parse_str(&p.order), scope.customer(&customer)) {
        (Ok(o), Some(cs)) => queries::order(conn, cs, super::rules::OrderRef::Id(o)).await?,
        _ => None,
    };
    if let Some(order) = order {
        d.problem_type = ProblemType::Refund.code().into();
        d.order = order.number.to_string();
        d.product = p.product.clone();
        d.title = lang.t_args(
            "support-prefill-title",
            &[("order", order.number.to_string())],
        );
    }
    Ok(d)
}

pub async fn new_form(
    state: web::Data<AppState>,
    need: File,
    ctx: PageContext,
    query: web::Query<Prefill>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let mut conn = state.pool.get().await?;
    let draft = prefilled(&mut conn, &scope, &need, &query, ctx.lang).await?;
    let ctx = ctx
        .crumb("nav-support", Some("/support"))
        .crumb("support-report", None);
    render(&FormPage::new(ctx, draft, FieldErrors::default()))
}

pub async fn submit(
    state: web::Data<AppState>,
    session: Session,
    need: File,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<Draft>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let draft = form.trimmed();
    let mut conn = state.pool.get().await?;
    let valid = match file::validate(&mut conn, &scope, &draft).await? {
        Ok(valid) => valid,
        Err(errors) => {
            let ctx = ctx
                .crumb("nav-support", Some("/support"))
                .crumb("support-report", None);
            let page = FormPage::new(ctx, draft, errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let now = state.clock.now();
    let (id, number) = file::file(&mut conn, &need.user, &draft, &valid, now).await?;
    flash::push(
        &session,
        FlashKind::Success,
        "support-filed",
        &[("number", number.to_string())],
    );
    Ok(redirect(&format!("/support/requests/{id}")))
}

pub async fn show(
    state: web::Data<AppState>,
    need: File,
    ctx: PageContext,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let id = Uuid::parse_str(&path).map_err(|_| AppError::NotFound)?;
    let mut conn = state.pool.get().await?;
    let request = queries::request(&mut conn, &scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let events = queries::events(&mut conn, id).await?;
    let title = ctx.lang.t_args(
        "support-request-title",
        &[("number", request.number.to_string())],
    );
    let ctx = ctx
        .crumb("nav-support", Some("/support"))
        .crumb_text(&title, None);
    render(&RequestPage::new(ctx, &request, &events))
}
