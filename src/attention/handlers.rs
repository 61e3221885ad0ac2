//! The "Needs attention" page: the purchases whose cancellation window ends in the next three
//! days and the download links that expire in the next two, soonest first, a page of each at
//! a time (each list read by keyset, so its later pages cost what the first does).

use actix_web::{HttpResponse, web};

use serde::Deserialize;

use super::queries;
use super::views::{AttentionPage, Overview, Pager, Shown, rows};
use crate::auth::extract::Reader;
use crate::auth::{Perm, Viewer, perm};
use crate::error::AppError;
use crate::web::cursor::Cursor;
use crate::web::routes::Route;
use crate::web::{AppState, PageContext, render};

pub const ROUTES: &[Route] = &[crate::route!(GET "/attention", needs CustomersRead => page)];

/// Where each list continues (a `web::cursor::Cursor`); nonsense means its start.
#[derive(Deserialize)]
pub struct PageQuery {
    ending_after: Option<String>,
    expiring_after: Option<String>,
}

/// The rows each list shows at once.
pub const PER_PAGE: i64 = 25;

pub async fn page(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let now = state.clock.now();
    let may_links = need.user.can(Perm::SoftwareKeys);
    let can_cancel = need.user.can(Perm::PurchasesCancel);
    let ending_after = query.ending_after.as_deref().and_then(Cursor::decode);
    let expiring_after = query.expiring_after.as_deref().and_then(Cursor::decode);
    let conn = state.steady.get().await?;
    let reads = async {
        let expiring = async {
            match may_links {
                true => queries::expiring(&conn, &scope, now, expiring_after, PER_PAGE + 1)
                    .await
                    .map(Some),
                false => Ok(None),
            }
        };
        futures_util::try_join!(
            queries::ending(&conn, &scope, now, ending_after, PER_PAGE + 1),
            expiring
        )
    };
    let (mut ending, mut expiring) = need.read(&conn, reads).await?;
    drop(conn);
    let ending_pager = Pager::new(&mut ending, ending_after.is_some(), "ending", |e| {
        e.cursor().encode()
    });
    let expiring_pager = expiring.as_mut().map(|x| {
        Pager::new(x, expiring_after.is_some(), "expiring", |e| {
            e.cursor().encode()
        })
    });
    let (ending, expiring) = rows(&ending, expiring.as_deref(), can_cancel, ctx.lang);
    render(&AttentionPage {
        ending,
        ending_pager,
        expiring,
        expiring_pager,
        ctx: ctx.crumb("attention-title", None),
    })
}

/// The home page's overview for partner staff: each figure the user may follow, read in one
/// round trip with the session's check; nothing for customers' users and support.
pub async fn overview(
    state: &AppState,
    viewer: &Viewer,
    lang: crate::i18n::Lang,
) -> Result<Overview, AppError> {
    let user = &viewer.user;
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
    let reads = async { futures_util::try_join!(queries::figures(&conn, &scope, now), invoices) };
    let (figures, invoices) = viewer.read(&conn, reads).await?;
    Ok(Overview::new(&figures, &shown, &invoices, lang))
}
