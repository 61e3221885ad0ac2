//! The partner's support pages (every role that may file requests, own partner only): My
//! support requests, "Report a problem" and a request's page.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::draft::{self, Draft};
use super::filing;
use super::queries;
use super::rules::ProblemType;
use super::upload::{self, Sent};
use super::views::{FormPage, ListPage, RowView};
use crate::auth::extract::Reader;
use crate::auth::{Need, PartnerScope, perm};
use crate::error::AppError;
use crate::ids::{CustomerId, OrderId};
use crate::web::flash::{self, FlashKind};
use crate::web::forms::FieldErrors;
use crate::web::list_view::{ListQuery, ListView, SearchBox};
use crate::web::multipart::CsrfMultipart;
use crate::web::pagination::{Keyset, Total, cut_page};
use crate::web::routes::Route;
use crate::web::{AppState, PageContext, redirect, render, render_status};

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/support", needs SupportFile => list),
    crate::route!(GET "/support/requests/new", needs SupportFile => new_form),
    crate::route!(POST "/support/requests", needs SupportFile => submit),
    crate::route!(GET "/support/requests/{request}", needs SupportFile => super::request_pages::show),
    crate::route!(POST "/support/requests/{request}/reply", needs SupportFile => super::request_pages::reply),
    crate::route!(GET "/support/requests/{request}/files/{file}", needs SupportFile => super::request_pages::download),
];

#[derive(Deserialize)]
pub struct PageQuery {
    /// The order, the search and where the list continues.
    #[serde(flatten)]
    list: ListQuery,
    /// `waiting_for_partner`: only the requests waiting for the partner (the home page's
    /// figure links here); anything else, all of them.
    status: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    need: Reader<perm::SupportFile>,
    ctx: PageContext,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    const PER_PAGE: i64 = 25;
    let scope = need.partner()?;
    let view = ListView::from_query(&query.list);
    let after = view.after;
    let waiting = query.status.as_deref() == Some("waiting_for_partner");
    let searched = !view.q.is_empty();
    // The list (all or waiting) has one plan for every partner, off its index; a search's
    // best plan depends on what is searched for.
    let pool = match searched {
        true => &state.pool,
        false => &state.steady,
    };
    let conn = pool.get().await?;
    let reads = async {
        let rows = queries::list(&conn, &scope, &view, PER_PAGE + 1, waiting).await?;
        // The requests waiting or found are not counted: the list says what it holds instead.
        let kept = rows.first().and_then(|r| r.listed_total);
        let total = match Total::kept(kept, after.is_some()) {
            _ if waiting || searched => None,
            Some(kept) => Some(kept),
            None => Some(queries::count(&conn, &scope).await?),
        };
        Ok((rows, total))
    };
    let (mut rows, total) = need.read(&conn, reads).await?;
    drop(conn);
    let older = cut_page(&mut rows, PER_PAGE, |r| r.cursor().encode());
    let lang = ctx.lang;
    let total = match total {
        Some(total) => total.text(
            lang,
            "support-requests-total",
            "support-requests-total-more",
        ),
        None if searched => lang.t_args("support-search-found", &[("q", view.q.clone())]),
        None => lang.t("support-waiting-only"),
    };
    let list = if waiting {
        "/support?status=waiting_for_partner"
    } else {
        "/support"
    };
    let ctx = ctx.crumb("nav-support", None);
    render(&ListPage {
        rows: rows.iter().map(|r| RowView::new(r, lang)).collect(),
        keyset: Keyset::new(total, &view.base(list), after.is_some(), older),
        search: SearchBox::new(&view, list, "support-find", "support", lang),
        waiting,
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
    need: &Need<perm::SupportFile>,
    p: &Prefill,
    lang: crate::i18n::Lang,
) -> Result<Draft, AppError> {
    let mut d = Draft {
        impact: "moderate".into(),
        contact_name: need.user.display_name.clone(),
        contact_email: need.user.email.clone(),
        ..Draft::default()
    };
    let Some(id) = CustomerId::parse(&p.customer) else {
        return Ok(d);
    };
    let Some(customer) = crate::customers::queries::find(conn, scope, id).await? else {
        return Ok(d);
    };
    d.tenant = customer.id.to_string();
    let order = match (OrderId::parse(&p.order), scope.customer(&customer)) {
        (Some(o), Some(cs)) => queries::order(conn, cs, super::rules::OrderRef::Id(o)).await?,
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
    need: Need<perm::SupportFile>,
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

/// The form's files as the page reports them: each refusal with the file's name.
pub fn file_errors(sent: &Sent, lang: crate::i18n::Lang) -> Vec<String> {
    sent.refused
        .iter()
        .map(|(key, name)| lang.t_args(key, &[("name", name.clone())]))
        .collect()
}

pub async fn submit(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SupportFile>,
    ctx: PageContext,
    CsrfMultipart(form): CsrfMultipart,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let sent = upload::read(form, Some(&state.attachments)).await?;
    let draft = sent.form::<Draft>()?.trimmed();
    let mut conn = state.pool.get().await?;
    let checked = draft::validate(&mut conn, &scope, &draft).await?;
    let valid = match checked {
        Ok(valid) if sent.refused.is_empty() => valid,
        other => {
            let mut errors = other.err().unwrap_or_default();
            if !sent.refused.is_empty() {
                errors.add("files", "support-error-files");
            }
            let lang = ctx.lang;
            let ctx = ctx
                .crumb("nav-support", Some("/support"))
                .crumb("support-report", None);
            let mut page = FormPage::new(ctx, draft, errors);
            page.file_errors = file_errors(&sent, lang);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let now = state.clock.now();
    let filing = filing::Filing {
        user: &need.user,
        draft: &draft,
        valid: &valid,
        files: &sent.files,
    };
    let (id, number) = filing::file(&mut conn, filing, now).await?;
    flash::push(
        &session,
        FlashKind::Success,
        "support-filed",
        &[("number", number.to_string())],
    );
    Ok(redirect(&format!("/support/requests/{id}")))
}
