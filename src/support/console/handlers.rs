//! The support console (support engineers only): the queue of all partners' requests and a
//! request under review with its decisions. No route here reads product keys or links.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::queries::{self, Filter, Sort};
use super::queue_views::{QueuePage, QueueRowView};
use super::views::{ConsolePage, OrderView, Parts};
use crate::auth::extract::Reader;
use crate::auth::{Need, perm};
use crate::cancellation::{queries as cancellation, rules as window};
use crate::error::AppError;
use crate::ids::{ProductId, UserId};
use crate::support::rules::Status;
use crate::support::{attachments, queries as requests};
use crate::web::list_view::{ListQuery, ListView};
use crate::web::pagination::{Keyset, Total, cut_page};
use crate::web::routes::Route;
use crate::web::{AppState, PageContext, render};
use diesel_async::AsyncPgConnection;

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/console", needs SupportConsole => queue),
    crate::route!(GET "/console/requests/{request}", needs SupportConsole => show),
    crate::route!(GET "/console/requests/{request}/files/{file}", needs SupportConsole => download),
    crate::route!(POST "/console/requests/{request}/take", needs SupportConsole => super::actions::take),
    crate::route!(POST "/console/requests/{request}/ask", needs SupportConsole => super::actions::ask),
    crate::route!(POST "/console/requests/{request}/approve", needs SupportConsole => super::actions::approve),
    crate::route!(POST "/console/requests/{request}/reject", needs SupportConsole => super::actions::reject),
];

#[derive(Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    sort: Option<String>,
    /// Where the queue continues (a `web::cursor::Cursor`); nonsense means its start.
    after: Option<String>,
    /// A request's number, or part of its title or of its customer's name.
    q: Option<String>,
}

fn filter_of(text: Option<&str>) -> Filter {
    match text {
        Some("all") => Filter::All,
        Some(code) => Status::from_code(code).map_or(Filter::Open, |s| Filter::Status(s.code())),
        None => Filter::Open,
    }
}

pub async fn queue(
    state: web::Data<AppState>,
    need: Reader<perm::SupportConsole>,
    ctx: PageContext,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    const PER_PAGE: i64 = 25;
    let filter = filter_of(query.status.as_deref());
    let sort = match query.sort.as_deref() {
        Some("newest") => Sort::NewestFirst,
        _ => Sort::OldestFirst,
    };
    let view = ListView::from_query(&ListQuery {
        after: query.after.clone(),
        sort: None,
        q: query.q.clone(),
    });
    let (after, q) = (view.after, view.q.as_str());
    // The queue's statements have one plan for every status (each filter's index); a search's
    // best plan depends on what is searched for.
    let pool = match q.is_empty() {
        true => &state.steady,
        false => &state.pool,
    };
    let conn = pool.get().await?;
    let reads = async {
        let rows = queries::queue(&conn, &filter, sort, &view, PER_PAGE + 1).await?;
        // What a search finds is not counted: the list says what it holds instead.
        let total = match Total::kept(rows.first().map(|r| r.listed_total), after.is_some()) {
            _ if !q.is_empty() => None,
            Some(kept) => Some(kept),
            None => Some(queries::count(&conn, &filter).await?),
        };
        Ok((rows, total))
    };
    let (mut rows, total) = need.read(&conn, reads).await?;
    drop(conn);
    let older = cut_page(&mut rows, PER_PAGE, |r| r.cursor().encode());
    let (lang, now) = (ctx.lang, state.clock.now());
    let total = match total {
        Some(total) => total.text(
            lang,
            "support-requests-total",
            "support-requests-total-more",
        ),
        None => lang.t_args("support-search-found", &[("q", q.to_string())]),
    };
    let base = QueuePage::base(&filter, sort, q);
    render(&QueuePage {
        rows: rows
            .iter()
            .map(|r| QueueRowView::new(r, now, lang))
            .collect(),
        filters: QueuePage::filters(&filter, lang),
        newest_first: sort == Sort::NewestFirst,
        q: q.to_string(),
        keyset: Keyset::new(total, &base, after.is_some(), older),
        ctx: ctx.crumb("nav-console", None),
    })
}

pub(super) async fn find(
    conn: &AsyncPgConnection,
    id: &str,
) -> Result<requests::Request, AppError> {
    let id = crate::ids::RequestId::parse(id).ok_or(AppError::NotFound)?;
    requests::request_for_support(conn, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The order as support reviews it: each line with what was paid, credited and is left, and
/// its cancellation window now.
async fn order_view(
    conn: &AsyncPgConnection,
    request: &requests::Request,
    state: &AppState,
    lang: crate::i18n::Lang,
) -> Result<Option<OrderView>, AppError> {
    let (Some(order_id), Some(number)) = (request.order_id, request.order_number) else {
        return Ok(None);
    };
    let lines = cancellation::lines_of_order(conn, order_id, false).await?;
    let now = state.clock.now();
    let products: Vec<ProductId> = lines.iter().map(|l| l.product_id).collect();
    let policies = cancellation::policies(conn, &products).await?;
    let windows = lines
        .iter()
        .map(|l| {
            let policy = policies
                .get(&l.product_id)
                .ok_or_else(|| AppError::internal("order line of an unknown product"))?;
            Ok(window::window(*policy, l.placed_at, now))
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(OrderView::new(number, &lines, &windows, lang))
}

pub(super) async fn page(
    conn: &AsyncPgConnection,
    state: &AppState,
    me: UserId,
    ctx: PageContext,
    request: &requests::Request,
) -> Result<ConsolePage, AppError> {
    let credits = async {
        match request.order_id {
            Some(id) => queries::credits_of_order(conn, id).await,
            None => Ok(Vec::new()),
        }
    };
    // Sent together: one round trip to the database for all of them (and one more for the
    // order's products' policies).
    let (context, order, credits, events, files) = futures_util::try_join!(
        queries::context(conn, request.id),
        order_view(conn, request, state, ctx.lang),
        credits,
        requests::events(conn, request.id),
        attachments::of_request(conn, request.id),
    )?;
    let title = ctx.lang.t_args(
        "support-request-title",
        &[("number", request.number.to_string())],
    );
    let ctx = ctx
        .crumb("nav-console", Some("/console"))
        .crumb_text(&title, None);
    let parts = Parts {
        request,
        context: &context,
        order,
        credits: &credits,
        events: &events,
        files: &files,
        me,
    };
    Ok(ConsolePage::new(ctx, parts))
}

pub async fn show(
    state: web::Data<AppState>,
    need: Reader<perm::SupportConsole>,
    ctx: PageContext,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let conn = state.pool.get().await?;
    let request = need.read(&conn, find(&conn, &path)).await?;
    render(&page(&conn, &state, need.user.id, ctx, &request).await?)
}

pub async fn download(
    state: web::Data<AppState>,
    _need: Need<perm::SupportConsole>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (request, file) = path.into_inner();
    let conn = state.pool.get().await?;
    let request = find(&conn, &request).await?;
    let file = attachments::find(&conn, request.id, &file).await?;
    attachments::send(&state.attachments, &file, &req)
}
