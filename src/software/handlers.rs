//! Partner side of the Software page: a purchase's keys and downloads (Admin agents only,
//! The list itself is the Software tab of the customer page.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};

use super::chooser::Selection;
use super::file_pages;
use super::lookup::{caller, find, find_keyed};
use super::pages::{self, PurchaseOptions};
use crate::auth::extract::Reader;
use crate::auth::{Need, perm};
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::forms::EmptyForm;
use crate::web::routes::Route;
use crate::web::{AppState, CsrfForm, PageContext, redirect};

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/customers/{tenant}/software/{line}", needs SoftwareKeys => purchase),
    crate::route!(GET "/customers/{tenant}/software/{line}/key", needs SoftwareKeys => key),
    crate::route!(GET "/customers/{tenant}/software/{line}/variants/{variant}/download", needs SoftwareKeys => download),
    crate::route!(POST "/customers/{tenant}/software/{line}/variants/{variant}/links", needs SoftwareKeys => create_link),
    crate::route!(POST "/customers/{tenant}/software/{line}/links/{link}/revoke", needs SoftwareKeys => revoke_link),
    crate::route!(GET "/customers/{tenant}/software/{line}/kms-migration", needs SoftwareKeys => super::migration::form),
    crate::route!(POST "/customers/{tenant}/software/{line}/kms-migration", needs SoftwareKeys => super::migration::submit),
    crate::route!(GET "/customers/{tenant}/software/{line}/kms-migration/script", needs SoftwareKeys => super::migration::script),
];

pub async fn purchase(
    state: web::Data<AppState>,
    session: Session,
    need: Reader<perm::SoftwareKeys>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    selection: web::Query<Selection>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let conn = state.steady.get().await?;
    // The variants and links are read by the address's ids alongside the lookup, and shown
    // only when it finds the purchase: one round trip for the page.
    let reads = async {
        futures_util::try_join!(
            find(&conn, need.partner()?, &tenant, &line),
            pages::purchase_reads(
                &conn,
                crate::ids::CustomerId::parse(&tenant),
                crate::ids::LineId::parse(&line),
                true
            ),
        )
    };
    let ((customer, scope, purchase), shown) = need.read(&conn, reads).await?;
    drop(conn);
    let ctx = ctx
        .customer_crumbs(&customer, true)
        .crumb_text(&purchase.product_name, None);
    let options = PurchaseOptions {
        selection: &selection,
        can_links: true,
        can_migrate: true,
    };
    let caller = caller(&need.user, scope, customer.partner_id);
    pages::purchase_page(&state, &session, ctx, &caller, &purchase, options, shown).await
}

/// Shows a key and records that it was shown: the purchase and its key are read alongside the
/// session's check, and the record is written only once that check passed (`read` returned).
pub async fn key(
    state: web::Data<AppState>,
    need: Reader<perm::SoftwareKeys>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let conn = state.steady.get().await?;
    let found = find_keyed(&conn, need.partner()?, &tenant, &line);
    let (customer, scope, purchase, keyed) = need.read(&conn, found).await?;
    drop(conn);
    let caller = caller(&need.user, scope, customer.partner_id);
    pages::key(&state, ctx, &caller, &purchase, &customer, keyed).await
}

pub async fn download(
    state: web::Data<AppState>,
    need: Need<perm::SoftwareKeys>,
    path: web::Path<(String, String, String)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (tenant, line, variant) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, scope, purchase) = find(&conn, need.partner()?, &tenant, &line).await?;
    let caller = caller(&need.user, scope, customer.partner_id);
    file_pages::download(&mut conn, &state, &caller, &purchase, &variant, &req).await
}

pub async fn create_link(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SoftwareKeys>,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line, variant) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, scope, purchase) = find(&conn, need.partner()?, &tenant, &line).await?;
    let caller = caller(&need.user, scope, customer.partner_id);
    let back =
        file_pages::create_link(&mut conn, &state, &session, &caller, &purchase, &variant).await?;
    Ok(redirect(&back))
}

/// "Revoke" on a live link: it stops at once (its next download is a 410), on the activity log.
pub async fn revoke_link(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::SoftwareKeys>,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line, link) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, scope, purchase) = find(&conn, need.partner()?, &tenant, &line).await?;
    let caller = caller(&need.user, scope, customer.partner_id);
    let revoked = file_pages::revoke_link(&mut conn, &state, &caller, &purchase, &link).await?;
    let key = if revoked {
        "link-revoked"
    } else {
        "link-already-revoked"
    };
    flash::push(&session, FlashKind::Success, key, &[]);
    Ok(redirect(&format!("/customers/{tenant}/software/{line}")))
}
