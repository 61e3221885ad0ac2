//! Account settings › Activity log: the page and its CSV export.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::ids::CustomerId;
use crate::web::routes::Route;
use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use serde_json::json;

use super::filter::{self, Actor, Cursor, Filter, RawFilter};
use super::queries::{self, Selection, UserChoice};
use super::views::{ActivityLogPage, LogView, operation_choices, user_choices};
use super::{Entry, Operation};
use crate::account::Tabs;
use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, Need, PartnerScope, perm};
use crate::error::AppError;
use crate::web::pagination::cut_page;
use crate::web::{AppState, PageContext, render_status};

pub const PAGE_SIZE: i64 = 25;
const HREF: &str = "/account/activity";

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/account/activity", needs ActivityLogRead => log),
    crate::route!(GET "/account/activity/csv", needs ActivityLogRead => export),
];

/// The filter checked, with its customer resolved among the partner's own and its person
/// among those who may act on the partner's data; or the messages saying what is wrong. A
/// person who is not staff (chosen through the address or typed) is returned for the list.
type Selected = (Filter, Option<CustomerId>, Option<UserChoice>);

async fn select(
    conn: &AsyncPgConnection,
    scope: PartnerScope,
    raw: &RawFilter,
    today: NaiveDate,
    staff: &[UserChoice],
) -> Result<Result<Selected, Vec<&'static str>>, AppError> {
    let mut filter = match filter::parse(raw, today) {
        Ok(f) => f,
        Err(problems) => return Ok(Err(problems.iter().map(|p| p.message_key()).collect())),
    };
    let mut problems = Vec::new();
    // Someone typed wins over the list's choice: they were typed on purpose.
    if let Some(text) = &filter.who {
        match queries::actor_by_text(conn, scope, text).await? {
            Some(actor) => filter.actor = actor,
            None => problems.push("activity-error-who"),
        }
    }
    let mut other = None;
    if let Actor::User(id) = filter.actor
        && !staff.iter().any(|u| u.id == id)
    {
        other = queries::actor_by_id(conn, scope, id).await?;
        if other.is_none() {
            problems.push(filter::Problem::BadUser.message_key());
        }
    }
    let customer_id = match &filter.customer {
        None => None,
        Some(text) => {
            let found = queries::customer_by_name(conn, scope, text).await?;
            if found.is_none() {
                problems.push("activity-error-customer");
            }
            found
        }
    };
    Ok(if problems.is_empty() {
        Ok((filter, customer_id, other))
    } else {
        Err(problems)
    })
}

/// The filter checked, with the page it is shown on; or that page with the messages saying
/// what is wrong (422), ready to send.
async fn checked(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    ctx: PageContext,
    raw: &RawFilter,
    today: NaiveDate,
) -> Result<Result<(Filter, Option<CustomerId>, ActivityLogPage), HttpResponse>, AppError> {
    let scope = user.partner()?;
    let staff = queries::staff(conn, scope).await?;
    with_staff(conn, user, ctx, raw, today, staff).await
}

/// `checked`, once the partner's staff were read.
async fn with_staff(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    ctx: PageContext,
    raw: &RawFilter,
    today: NaiveDate,
    mut staff: Vec<UserChoice>,
) -> Result<Result<(Filter, Option<CustomerId>, ActivityLogPage), HttpResponse>, AppError> {
    let scope = user.partner()?;
    let selected = select(conn, scope, raw, today, &staff).await?;
    if let Ok((_, _, Some(other))) = &selected {
        staff.push(other.clone());
    }
    let mut page = empty_page(ctx, user, raw, &staff);
    Ok(match selected {
        Ok((filter, customer_id, _)) => Ok((filter, customer_id, page)),
        Err(problems) => {
            page.problems = problems.iter().map(|k| page.ctx.t(k)).collect();
            Err(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)?)
        }
    })
}

pub async fn log(
    state: web::Data<AppState>,
    need: Reader<perm::ActivityLogRead>,
    ctx: PageContext,
    query: web::Query<RawFilter>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let raw = query.into_inner();
    let pool = if filter::suits_one_plan(&raw) {
        &state.steady
    } else {
        &state.pool
    };
    let conn = pool.get().await?;
    let today = state.clock.now().date_naive();
    let after = raw.after.as_deref().and_then(Cursor::decode);
    // Without a customer or a typed person to look up, the rows are read together with the
    // partner's staff (which the filter's user is checked against) and the session's check:
    // one round trip. They are dropped if the filter is refused.
    let early = filter::parse(&raw, today)
        .ok()
        .filter(|f| f.customer.is_none() && f.who.is_none());
    let rows = async {
        let Some(filter) = &early else {
            return Ok(None);
        };
        let sel = Selection {
            filter,
            customer_id: None,
        };
        queries::page(&conn, scope, &sel, after, PAGE_SIZE + 1)
            .await
            .map(Some)
    };
    let reads = async { futures_util::try_join!(queries::staff(&conn, scope), rows) };
    let (staff, rows) = need.read(&conn, reads).await?;
    let checked = with_staff(&conn, &need.user, ctx, &raw, today, staff).await?;
    let (filter, customer_id, mut page) = match checked {
        Ok(checked) => checked,
        Err(refused) => return Ok(refused),
    };
    let sel = Selection {
        filter: &filter,
        customer_id,
    };
    let mut rows = match rows {
        Some(rows) => rows,
        None => queries::page(&conn, scope, &sel, after, PAGE_SIZE + 1).await?,
    };
    drop(conn);
    let query = filter.query();
    page.older = cut_page(&mut rows, PAGE_SIZE, |r| {
        format!("{HREF}?{query}&after={}", r.cursor().encode())
    });
    page.newest = after.map(|_| format!("{HREF}?{query}"));
    page.export = Some(format!("{HREF}/csv?{query}"));
    page.range = Some(page.ctx.lang.t_args(
        "activity-range",
        &[
            (
                "from",
                crate::i18n::locale::date(filter.from, page.ctx.lang),
            ),
            ("to", crate::i18n::locale::date(filter.to, page.ctx.lang)),
        ],
    ));
    page.rows = rows
        .iter()
        .map(|r| LogView::new(r, page.ctx.lang))
        .collect();
    render_status(StatusCode::OK, &page)
}

fn empty_page(
    ctx: PageContext,
    user: &CurrentUser,
    raw: &RawFilter,
    users: &[UserChoice],
) -> ActivityLogPage {
    let lang = ctx.lang;
    let typed = |f: &Option<String>| f.clone().unwrap_or_default();
    ActivityLogPage {
        tabs: Tabs::new(user, HREF),
        operations: operation_choices(&typed(&raw.op), lang),
        users: user_choices(users, &typed(&raw.user), lang),
        typed: raw.clone(),
        problems: Vec::new(),
        range: None,
        rows: Vec::new(),
        older: None,
        newest: None,
        export: None,
        ctx: ctx
            .crumb("nav-account", Some("/account"))
            .crumb("activity-title", None),
    }
}

/// The CSV of what the filter selects. The export is itself recorded before the first row is
/// sent, so a log leaving the product is always on the log.
pub async fn export(
    state: web::Data<AppState>,
    need: Need<perm::ActivityLogRead>,
    ctx: PageContext,
    query: web::Query<RawFilter>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let raw = query.into_inner();
    let conn = state.pool.get().await?;
    let now = state.clock.now();
    let lang = ctx.lang;
    let (filter, customer_id, _) =
        match checked(&conn, &need.user, ctx, &raw, now.date_naive()).await? {
            Ok(checked) => checked,
            Err(refused) => return Ok(refused),
        };
    super::record(
        &conn,
        Entry {
            partner_id: Some(scope.partner_id()),
            at: now,
            actor_user_id: Some(need.user.id),
            actor: &need.user.email,
            operation: Operation::ActivityExported,
            customer_id,
            order_id: None,
            product_id: None,
            details: json!({
                "from": filter.from.to_string(),
                "to": filter.to.to_string(),
                "operations": filter.operations.code(),
                "user": filter.actor.code(),
            }),
        },
    )
    .await?;
    drop(conn);
    let file = format!("activity-{}-{}.csv", filter.from, filter.to);
    let body = super::export::stream(state.pool.clone(), scope, filter, customer_id, lang);
    Ok(crate::web::csv::download(&file).streaming(body))
}
