//! Billing routes (Billing admin, Global admin, Admin agent): the monthly invoices of the
//! signed-in user's partner, one invoice, and its CSV.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, web};

use crate::web::routes::Route;
use serde::Deserialize;

use super::queries::{self, InvoiceKey, InvoiceSummary};
use super::rules::Month;
use super::views::{
    Figures, InvoiceLineView, InvoicePage, invoice_href, invoice_number, period, status_key,
};
use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, Need, perm};
use crate::error::AppError;
use crate::ids::PartnerId;
use crate::money::Currency;
use crate::web::cursor::Cursor;
use crate::web::pagination::{Keyset, cut_page};
use crate::web::{AppState, PageContext, render};
use diesel_async::AsyncPgConnection;

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/billing", needs BillingRead => super::list_page::list),
    crate::route!(GET "/billing/invoices/{month}/{currency}", needs BillingRead => invoice),
    crate::route!(GET "/billing/invoices/{month}/{currency}/csv", needs BillingRead => invoice_csv),
    crate::route!(GET "/billing/invoices/{month}/{currency}/pdf", needs BillingRead => invoice_pdf),
];

/// Issues the partner's past months first when this process has not yet: a write, so only
/// once the session is confirmed. Usually there is nothing to do, and the page's statements go
/// with the session's check.
pub(super) async fn issue_due(
    state: &AppState,
    need: &Reader<perm::BillingRead>,
    conn: &mut AsyncPgConnection,
    partner: PartnerId,
) -> Result<(), AppError> {
    let now = state.clock.now();
    if super::issue::is_done(&state.issued, partner, now) {
        return Ok(());
    }
    need.confirm(conn).await?;
    super::issue::due_on(conn, &state.issued, partner, now).await
}

/// The invoice a URL names: a real month up to the current one, in a currency we bill in.
fn key_of(
    user: &CurrentUser,
    month: &str,
    currency: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<InvoiceKey, AppError> {
    let scope = user.partner()?;
    let month = Month::parse(month).ok_or(AppError::NotFound)?;
    let currency = Currency::from_code(currency).ok_or(AppError::NotFound)?;
    if month > Month::of(now) {
        return Err(AppError::NotFound);
    }
    Ok(InvoiceKey::new(scope, month, currency))
}

#[derive(Deserialize)]
pub struct PageQuery {
    /// Where the lines continue (a `web::cursor::Cursor`); nonsense means the first line.
    after: Option<String>,
}

const PER_PAGE: i64 = 50;

pub async fn invoice(
    state: web::Data<AppState>,
    need: Reader<perm::BillingRead>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (month, currency) = path.into_inner();
    let now = state.clock.now();
    let key = key_of(&need.user, &month, &currency, now)?;
    // The statements of an invoice page suit one plan for every partner and month.
    let mut conn = state.steady.get().await?;
    issue_due(&state, &need, &mut conn, key.partner_id()).await?;
    let after = query.after.as_deref().and_then(Cursor::decode);
    let reads =
        async { futures_util::try_join!(queries::find(&conn, key), lines_page(&conn, key, after)) };
    let (summary, (lines, next)) = need.read(&conn, reads).await?;
    drop(conn);
    let summary = summary.unwrap_or_else(|| InvoiceSummary::empty(key.month, key.currency));
    let totals = summary.totals();
    let count = ctx
        .lang
        .t_args("invoice-line-count", &[("count", totals.lines.to_string())]);
    let href = invoice_href(key.month, key.currency);
    let pager = Keyset::new(count, &href, after.is_some(), next);
    let lang = ctx.lang;
    let figures = Figures::new(&totals, key.currency, lang);
    let title = lang.t_args(
        "invoice-title",
        &[
            ("month", key.month.label(lang)),
            ("currency", key.currency.code().to_string()),
        ],
    );
    let ctx = ctx
        .crumb("nav-billing", Some("/billing"))
        .crumb_text(&title, None);
    render(&InvoicePage {
        title,
        status: lang.t(status_key(&summary)),
        open: !summary.is_issued(),
        number: summary.number.map(invoice_number),
        issued_on: summary
            .issued_at
            .map(|at| crate::web::format::date_utc(&at, lang)),
        period: period(key.month, lang),
        charges: figures.charges,
        credits: figures.credits,
        net: figures.net,
        lines: lines
            .iter()
            .map(|l| InvoiceLineView::new(l, key.currency, lang))
            .collect(),
        pager,
        href,
        ctx,
    })
}

/// Up to `PER_PAGE` lines after `after`, and the cursor after the last when more follow.
async fn lines_page(
    conn: &AsyncPgConnection,
    key: InvoiceKey,
    after: Option<Cursor>,
) -> Result<(Vec<queries::InvoiceLine>, Option<String>), AppError> {
    let mut lines = queries::lines(conn, key, after.map(|c| (c.at, c.id)), PER_PAGE + 1).await?;
    let next = cut_page(&mut lines, PER_PAGE, |l| {
        let cursor = Cursor {
            at: l.at,
            id: l.id,
            line: None,
        };
        cursor.encode()
    });
    Ok((lines, next))
}

pub async fn invoice_csv(
    state: web::Data<AppState>,
    need: Need<perm::BillingRead>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (month, currency) = path.into_inner();
    let now = state.clock.now();
    let key = key_of(&need.user, &month, &currency, now)?;
    super::issue::due_for(&state.pool, &state.issued, key.partner_id(), now).await?;
    let file = format!("invoice-{}-{}.csv", key.month.code(), key.currency.code());
    Ok(
        crate::web::csv::download(&file).streaming(super::export::stream(
            state.pool.clone(),
            key,
            ctx.lang,
        )),
    )
}

/// The invoice as PDF, in the reader's language, streamed page by page.
pub async fn invoice_pdf(
    state: web::Data<AppState>,
    need: Need<perm::BillingRead>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (month, currency) = path.into_inner();
    let now = state.clock.now();
    let key = key_of(&need.user, &month, &currency, now)?;
    let heading = {
        super::issue::due_for(&state.pool, &state.issued, key.partner_id(), now).await?;
        let mut conn = state.pool.get().await?;
        let summary = queries::find(&conn, key)
            .await?
            .unwrap_or_else(|| InvoiceSummary::empty(key.month, key.currency));
        let partner = queries::partner_name(&mut conn, key).await?;
        super::pdf::Heading { partner, summary }
    };
    let file = format!("invoice-{}-{}.pdf", key.month.code(), key.currency.code());
    let body = super::pdf::stream(state.pool.clone(), key, heading, ctx.lang);
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "application/pdf"))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file}\""),
        ))
        .insert_header((CACHE_CONTROL, "no-store"))
        .streaming(body))
}
