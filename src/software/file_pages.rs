//! A purchase's files, for the partner's Admin agents and the customer's admins alike: a
//! download (recorded before the file is sent) and a download link.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use serde_json::json;

use super::audit::{self};
use super::link_views::NewLink;
use super::links;
use super::pages::{Caller, NEW_LINK, usable, variant_of};
use super::queries::{Purchase, Variant};
use crate::activity::Operation;
use crate::error::AppError;
use crate::ids::LineId;
use crate::web::AppState;

pub async fn download(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    caller: &Caller<'_>,
    purchase: &Purchase,
    variant_id: &str,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    usable(purchase)?;
    let variant = variant_of(conn, purchase, variant_id).await?;
    let opened = super::download::open(state.artifacts.as_ref(), &variant)?;
    let mut details = crate::web::client::info(req);
    details["file"] = variant.file_name.clone().into();
    audit::record(
        conn,
        &caller.subject(purchase),
        Operation::Downloaded,
        state.clock.now(),
        details,
    )
    .await?;
    Ok(super::download::send(opened, req))
}

/// Makes a fresh link (another 14 days / 50 downloads) and keeps its URL for the next page.
pub async fn create_link(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    session: &Session,
    caller: &Caller<'_>,
    purchase: &Purchase,
    variant_id: &str,
) -> Result<String, AppError> {
    use diesel_async::AsyncConnection;
    usable(purchase)?;
    let variant = variant_of(conn, purchase, variant_id).await?;
    let now = state.clock.now();
    let new = links::NewLink {
        partner_id: caller.partner_id,
        customer_id: caller.scope.customer_id(),
        order_line_id: purchase.line_id,
        variant_id: variant.id,
        created_by: caller.user.id,
    };
    let subject = caller.subject(purchase);
    let token = conn
        .transaction::<_, AppError, _>(async |conn| {
            let (link_id, token) = links::create(conn, &new, now).await?;
            let details = json!({ "link_id": link_id.to_string(), "file": variant.file_name });
            audit::record(conn, &subject, Operation::LinkCreated, now, details).await?;
            Ok(token)
        })
        .await?;
    remember(state, session, purchase.line_id, &token, now)?;
    Ok(chooser_address(caller, purchase, &variant))
}

/// Revokes one of the purchase's links, recorded in the same transaction; `false` when it was
/// already revoked (nothing is written then).
pub async fn revoke_link(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    caller: &Caller<'_>,
    purchase: &Purchase,
    link_id: &str,
) -> Result<bool, AppError> {
    use diesel_async::AsyncConnection;
    let link_id = uuid::Uuid::parse_str(link_id).map_err(|_| AppError::NotFound)?;
    let now = state.clock.now();
    let subject = caller.subject(purchase);
    conn.transaction::<_, AppError, _>(async |conn| {
        let revoked = links::revoke(conn, caller.scope, purchase.line_id, link_id, now).await?;
        if revoked {
            let details = json!({ "link_id": link_id.to_string() });
            audit::record(conn, &subject, Operation::LinkRevoked, now, details).await?;
        }
        Ok(revoked)
    })
    .await
}

/// Keeps the new link's URL in the session for the next page, which shows it once. The
/// session cookie is encrypted; the URL is then forgotten.
fn remember(
    state: &AppState,
    session: &Session,
    line_id: LineId,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let url = state
        .settings
        .public_url
        .join(&format!("dl/{token}"))
        .map_err(AppError::internal)?;
    let _ = session.insert(
        NEW_LINK,
        NewLink {
            line_id,
            url: url.to_string(),
            expires_at: super::rules::link_expiry(now),
        },
    );
    Ok(())
}

/// The purchase's file chooser with this file chosen.
fn chooser_address(caller: &Caller<'_>, purchase: &Purchase, variant: &Variant) -> String {
    format!(
        "{}/{}?{}",
        caller.base,
        purchase.line_id,
        serde_urlencoded::to_string([
            ("version", &variant.version),
            ("language", &variant.language),
            ("file_type", &variant.file_type),
        ])
        .unwrap_or_default()
    )
}
