//! Billing › Your products › Software for the customer's own staff, and the record of who
//! accessed the tenant's keys and downloads. Customer staff only ever see their own tenant:
//! every query goes through the scope of the signed-in user's tenant.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::web::list_view::{ListQuery, ListView};

use super::queries;
use super::views::{AccessPage, AccessView, OwnSoftwarePage};
use diesel_async::AsyncPgConnection;

use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, CustomerScope, Need, Perm, perm};
use crate::customers::Customer;
use crate::customers::claim::Claim;
use crate::customers::queries::own;
use crate::error::AppError;
use crate::ids::LineId;
use crate::software::chooser::Selection;
use crate::software::file_pages;
use crate::software::pages::{self, Caller, ListPlace, PurchaseOptions};
use crate::software::queries::{self as software, Purchase};
use crate::web::routes::Route;
use crate::web::{AppState, PageContext, render};

const LIST: &str = "/your-products/software";
const ACCESS_PAGE: i64 = 50;

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/your-products/software", needs TenantProducts => list),
    crate::route!(GET "/your-products/software/{line}", needs TenantKeys => purchase),
    crate::route!(GET "/your-products/software/{line}/key", needs TenantKeys => key),
    crate::route!(GET "/your-products/software/{line}/variants/{variant}/download", needs TenantKeys => download),
    crate::route!(GET "/your-products/access", needs TenantKeys => access),
];

fn tenant(user: &CurrentUser) -> Result<CustomerScope, AppError> {
    user.own_tenant().ok_or(AppError::Forbidden)
}

fn crumbs(ctx: PageContext) -> PageContext {
    ctx.crumb("nav-billing", None)
        .crumb("nav-your-products", None)
        .crumb("tab-software", Some(LIST))
}

pub async fn list(
    state: web::Data<AppState>,
    need: Reader<perm::TenantProducts>,
    ctx: PageContext,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = tenant(&need.user)?;
    let view = ListView::from_query_with_product(&query);
    let conn = state.steady.get().await?;
    let reads = async {
        let (found, rows) = pages::purchases(&conn, Claim::own(scope), &view).await?;
        let (customer, counts) = match found {
            Some(found) => found,
            None => {
                let customer = own(&conn, scope).await?;
                let counts = crate::customers::queries::counts(&conn, customer.id).await?;
                (customer, counts)
            }
        };
        Ok((customer, counts, rows))
    };
    let (customer, counts, rows) = need.read(&conn, reads).await?;
    drop(conn);
    let can_keys = need.user.can(Perm::TenantKeys);
    let place = ListPlace {
        // Only the partner's Admin agents cancel.
        can_cancel: false,
        page_base: LIST.to_string(),
        base: LIST.to_string(),
        can_open: can_keys,
    };
    let list = pages::list(rows, counts, &view, place, state.clock.now(), ctx.lang);
    render(&OwnSoftwarePage {
        ctx: crumbs(ctx),
        company: customer.company_name,
        list,
        can_see_access: can_keys,
    })
}

async fn find(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase), AppError> {
    let (scope, line) = own_line(user, line)?;
    let (customer, purchase) = software::claimed_purchase(conn, Claim::own(scope), line)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((customer, scope, purchase))
}

/// `find` with the purchase's key while it is valid, for the key page.
async fn find_keyed(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase, software::Keyed), AppError> {
    let (scope, line) = own_line(user, line)?;
    let (customer, purchase, keyed) = software::claimed_purchase_key(conn, Claim::own(scope), line)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((customer, scope, purchase, keyed))
}

/// The user's own customer, and the line the address names.
fn own_line(user: &CurrentUser, line: &str) -> Result<(CustomerScope, LineId), AppError> {
    let scope = tenant(user)?;
    let line = LineId::parse(line).ok_or(AppError::NotFound)?;
    Ok((scope, line))
}

fn caller<'a>(user: &'a CurrentUser, scope: CustomerScope, customer: &Customer) -> Caller<'a> {
    Caller {
        scope,
        partner_id: customer.partner_id,
        user,
        base: LIST.to_string(),
    }
}

pub async fn purchase(
    state: web::Data<AppState>,
    session: Session,
    need: Reader<perm::TenantKeys>,
    ctx: PageContext,
    line: web::Path<String>,
    selection: web::Query<Selection>,
) -> Result<HttpResponse, AppError> {
    let conn = state.steady.get().await?;
    // The variants are read by the address's line alongside the lookup (see the partner's
    // purchase page).
    let reads = async {
        futures_util::try_join!(
            find(&conn, &need.user, &line),
            crate::software::pages::purchase_reads(
                &conn,
                need.user.customer_id,
                crate::ids::LineId::parse(&line),
                false
            ),
        )
    };
    let ((customer, scope, purchase), shown) = need.read(&conn, reads).await?;
    drop(conn);
    let ctx = crumbs(ctx).crumb_text(&purchase.product_name, None);
    // Links are the partner's to send; the customer downloads directly.
    let options = PurchaseOptions {
        selection: &selection,
        can_links: false,
        can_migrate: false,
    };
    let caller = caller(&need.user, scope, &customer);
    pages::purchase_page(&state, &session, ctx, &caller, &purchase, options, shown).await
}

/// Shows a key and records that it was shown, once the session was confirmed (`read`); the
/// key is read alongside that check.
pub async fn key(
    state: web::Data<AppState>,
    need: Reader<perm::TenantKeys>,
    ctx: PageContext,
    line: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let conn = state.steady.get().await?;
    let found = find_keyed(&conn, &need.user, &line);
    let (customer, scope, purchase, keyed) = need.read(&conn, found).await?;
    drop(conn);
    let caller = caller(&need.user, scope, &customer);
    pages::key(&state, crumbs(ctx), &caller, &purchase, &customer, keyed).await
}

pub async fn download(
    state: web::Data<AppState>,
    need: Need<perm::TenantKeys>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (line, variant) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, scope, purchase) = find(&conn, &need.user, &line).await?;
    let caller = caller(&need.user, scope, &customer);
    file_pages::download(&mut conn, &state, &caller, &purchase, &variant, &req).await
}

#[derive(Deserialize)]
pub struct AccessQuery {
    before: Option<String>,
}

pub async fn access(
    state: web::Data<AppState>,
    need: Reader<perm::TenantKeys>,
    ctx: PageContext,
    query: web::Query<AccessQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = tenant(&need.user)?;
    // Nonsense in the address just means "from the newest".
    let after = query
        .before
        .as_deref()
        .and_then(crate::activity::filter::Cursor::decode);
    let conn = state.steady.get().await?;
    let rows = need
        .read(&conn, queries::access(&conn, scope, after, ACCESS_PAGE))
        .await?;
    let older = (rows.len() as i64 == ACCESS_PAGE)
        .then(|| rows.last().map(|r| r.cursor().encode()))
        .flatten();
    let lang = ctx.lang;
    render(&AccessPage {
        ctx: ctx
            .crumb("nav-billing", None)
            .crumb("nav-your-products", Some(LIST))
            .crumb("access-title", None),
        rows: rows.iter().map(|r| AccessView::new(r, lang)).collect(),
        older,
    })
}
