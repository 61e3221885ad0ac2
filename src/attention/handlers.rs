//! The "Needs attention" page: the purchases whose cancellation window ends in the next three
//! days and the download links that expire in the next two, soonest first, at most `CAP` each.

use actix_web::{HttpResponse, web};

use super::views::{AttentionPage, Overview, Shown, rows};
use super::{CAP, queries};
use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, Perm, perm};
use crate::error::AppError;
use crate::web::routes::Route;
use crate::web::{AppState, PageContext, render};

pub const ROUTES: &[Route] = &[crate::route!(GET "/attention", needs CustomersRead => page)];

pub async fn page(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let now = state.clock.now();
    let conn = state.steady.get().await?;
    let (ending, expiring) = need.read(&conn, queries::lists(&conn, &scope, now)).await?;
    drop(conn);
    let may_links = need.user.can(Perm::SoftwareKeys);
    let can_cancel = need.user.can(Perm::PurchasesCancel);
    let expiring = may_links.then_some(expiring.as_slice());
    let (ending, expiring) = rows(&ending, expiring, can_cancel, ctx.lang);
    render(&AttentionPage {
        ending,
        expiring,
        cap: CAP,
        ctx: ctx.crumb("attention-title", None),
    })
}

/// The home page's overview for partner staff: each figure the user may follow, read in one
/// round trip; nothing for customers' users and support.
pub async fn overview(
    state: &AppState,
    user: &CurrentUser,
    lang: crate::i18n::Lang,
) -> Result<Overview, AppError> {
    let Some(scope) = user.partner_scope() else {
        return Ok(Overview::default());
    };
    let shown = Shown {
        waiting: user.can(Perm::SupportFile),
        ending: user.can(Perm::CustomersRead),
        expiring: user.can(Perm::CustomersRead) && user.can(Perm::SoftwareKeys),
    };
    let billing = user.can(Perm::BillingRead);
    if !(shown.waiting || shown.ending || shown.expiring || billing) {
        return Ok(Overview::default());
    }
    let now = state.clock.now();
    let conn = state.steady.get().await?;
    let invoices = async {
        if billing {
            crate::billing::queries::open_invoices(&conn, &scope).await
        } else {
            Ok(Vec::new())
        }
    };
    let (figures, invoices) =
        futures_util::try_join!(queries::figures(&conn, &scope, now), invoices)?;
    Ok(Overview::new(&figures, &shown, &invoices, lang))
}
