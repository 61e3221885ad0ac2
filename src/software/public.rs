//! `/dl/{token}`: a download link used without signing in. The download is counted
//! and recorded in one transaction before the file is sent; a spent link answers 410 with
//! the reason and what to do, an unknown one 404.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};

use super::audit::{self, Subject};
use super::link_refusals;
use super::links::{self, Taken, Use};
use super::queries;
use super::rules::LinkState;
use super::views::LinkGonePage;
use crate::activity::{LINK_ACTOR, Operation};
use crate::auth::CustomerScope;
use crate::error::AppError;
use crate::storage::ArtifactStore;
use crate::web::routes::Route;
use crate::web::{AppState, PageContext, render_status};

pub const ROUTES: &[Route] = &[crate::route!(GET "/dl/{token}", public => download)];

/// Tokens are 32 random bytes in URL-safe base64: 43 characters.
fn plausible(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

enum Outcome {
    Send(Box<super::download::Opened>),
    Gone(LinkState),
}

pub async fn download(
    state: web::Data<AppState>,
    ctx: PageContext,
    token: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    if !plausible(&token) {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    let client = crate::web::client::info(&req);
    let artifacts = state.artifacts.as_ref();
    let mut conn = state.pool.get().await?;
    // Per client address, before anything else is read or written: guessing tokens or
    // hammering a spent link soon gets 429, in whichever app process it lands.
    let address = crate::web::client::limit_key(crate::web::client::address(&req));
    let limit = state.settings.client_requests_per_minute;
    crate::web::rate_limit::hit(&mut conn, "download-link", &address, limit, now).await?;
    let outcome = conn
        .transaction::<_, AppError, _>(async |conn| {
            use_link(conn, artifacts, &token, client, now).await
        })
        .await?;
    match outcome {
        Outcome::Send(file) => Ok(super::download::send(*file, &req)),
        Outcome::Gone(reason) => gone(ctx, reason),
    }
}

/// Counts and records one use of the link, inside the caller's transaction, and opens the
/// file if the link allows it: a missing file rolls the count back.
async fn use_link(
    conn: &mut AsyncPgConnection,
    artifacts: &dyn ArtifactStore,
    token: &str,
    mut details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<Outcome, AppError> {
    let (link, purchase, state) = take(conn, token, now).await?;
    details["link_id"] = link.id.to_string().into();
    let used = Used {
        link: &link,
        purchase: &purchase,
        now,
    };
    match state {
        None => {
            let variant = queries::variant(conn, link.variant_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let file = super::download::open(artifacts, &variant)?;
            used.record(conn, Operation::LinkUsed, details).await?;
            Ok(Outcome::Send(Box::new(file)))
        }
        Some(reason) => {
            details["reason"] = reason.code().into();
            // One record per link and hour; the rest are counted (see `count_refusal`).
            let refusal = link_refusals::count_refusal(conn, &link, now).await?;
            if refusal.record {
                if refusal.unrecorded_before > 0 {
                    details["unrecorded_before"] = refusal.unrecorded_before.into();
                }
                used.record(conn, Operation::LinkRefused, details).await?;
            }
            Ok(Outcome::Gone(reason))
        }
    }
}

/// The link, its purchase, and why it may not be used (none: one download was counted).
async fn take(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(Taken, queries::Purchase, Option<LinkState>), AppError> {
    let (link, state) = match links::take(conn, token, now).await? {
        Use::Unknown => return Err(AppError::NotFound),
        Use::Granted(link) => (link, None),
        // Refused although the row looked usable: another request took the last download
        // in between.
        Use::Refused(link, LinkState::Active { .. }) => (link, Some(LinkState::UsedUp)),
        Use::Refused(link, s) => (link, Some(s)),
    };
    let scope = CustomerScope::for_link(link.customer_id);
    let purchase = queries::purchase(conn, scope, link.order_line_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A cancelled purchase's links stop at once, whatever the link row says (`take` did not
    // count them).
    let state = if purchase.is_cancelled() {
        Some(LinkState::Revoked)
    } else {
        state
    };
    Ok((link, purchase, state))
}

/// One use of a link, for the activity log.
struct Used<'a> {
    link: &'a Taken,
    purchase: &'a queries::Purchase,
    now: DateTime<Utc>,
}

impl Used<'_> {
    async fn record(
        &self,
        conn: &mut AsyncPgConnection,
        operation: Operation,
        details: serde_json::Value,
    ) -> Result<(), AppError> {
        let subject = Subject {
            partner_id: self.link.partner_id,
            customer_id: self.link.customer_id,
            actor_user_id: None,
            actor: LINK_ACTOR,
            purchase: self.purchase,
        };
        audit::record(conn, &subject, operation, self.now, details).await
    }
}

/// 410 with why the link no longer works and what to do.
fn gone(ctx: PageContext, reason: LinkState) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let page = LinkGonePage {
        reason: lang.t(&format!("link-gone-{}", reason.code())),
        advice: lang.t("link-gone-advice"),
        ctx,
    };
    render_status(StatusCode::GONE, &page)
}
