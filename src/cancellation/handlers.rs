//! The Cancel dialog's routes on a customer's Software tab (Admin agents only, R-30): GET shows
//! where an order stands, POST cancels it. Every rule is checked again on POST, whatever the
//! form says.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::ids::{CustomerId, LineId, OrderId};
use crate::web::routes::Route;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::cancel::{self, Done, Outcome, Request};
use super::queries::{self, Line};
use super::rules::Policy;
use super::views::{self, CancelPage, Chosen, OrderLines};
use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, CustomerScope, Need, PartnerScope, perm};
use crate::customers::Customer;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::money;
use crate::software::queries::Purchase;
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render_status};
use diesel_async::AsyncPgConnection;

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/customers/{tenant}/software/{line}/cancel", needs PurchasesCancel => form),
    crate::route!(POST "/customers/{tenant}/software/{line}/cancel", needs PurchasesCancel => submit),
];

/// The purchase the dialog was opened from, and every order of its product for this customer.
struct Found {
    customer: Customer,
    scope: CustomerScope,
    purchase: Purchase,
    lines: Vec<Line>,
    policy: Policy,
}

impl Found {
    fn action(&self) -> String {
        format!(
            "/customers/{}/software/{}/cancel",
            self.customer.id, self.purchase.line_id
        )
    }

    fn back(&self) -> String {
        format!("/customers/{}", self.customer.id)
    }
}

/// `order` (by default the purchase's own) is listed even when it is older than the
/// drop-down's newest orders.
async fn find(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    tenant: &str,
    line: &str,
    order: Option<OrderId>,
) -> Result<Found, AppError> {
    let partner = user.partner()?;
    let read = read(conn, &partner, tenant, line).await?;
    complete(conn, read, order).await
}

/// The purchase and its product's orders and policy, the statements sent together.
type Read = ((Customer, CustomerScope, Purchase), (Vec<Line>, Policy));

async fn read(
    conn: &AsyncPgConnection,
    partner: &PartnerScope,
    tenant: &str,
    line: &str,
) -> Result<Read, AppError> {
    futures_util::try_join!(
        crate::software::lookup::purchase_of(conn, partner, tenant, line),
        queries::lines_and_policy(
            conn,
            partner.partner_id(),
            CustomerId::parse(tenant),
            LineId::parse(line),
        ),
    )
}

/// The order asked for, or the purchase's own, even when the drop-down's newest orders leave
/// it out.
async fn complete(
    conn: &AsyncPgConnection,
    ((customer, scope, purchase), (mut lines, policy)): Read,
    order: Option<OrderId>,
) -> Result<Found, AppError> {
    let order = order.unwrap_or(purchase.order_id);
    if !lines.iter().any(|l| l.order_id == order) {
        lines.extend(queries::order_lines(conn, scope, order, purchase.product_id).await?);
    }
    Ok(Found {
        customer,
        scope,
        purchase,
        lines,
        policy,
    })
}

fn page(
    ctx: PageContext,
    found: &Found,
    order_id: OrderId,
    now: DateTime<Utc>,
    error: Option<String>,
) -> Result<CancelPage, AppError> {
    let orders = OrderLines::group(&found.lines);
    let order = orders
        .iter()
        .find(|o| o.order_id == order_id)
        .ok_or(AppError::NotFound)?;
    let chosen = Chosen::new(order, found.policy, found.customer.id, now, ctx.lang)?;
    let ctx = ctx
        .customer_crumbs(&found.customer, true)
        .crumb("cancel-title", None);
    Ok(CancelPage {
        product: found.purchase.product_name.clone(),
        action: found.action(),
        back: found.back(),
        orders: CancelPage::options(&orders, order_id, ctx.lang),
        chosen,
        error,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct OrderQuery {
    order: Option<String>,
}

pub async fn form(
    state: web::Data<AppState>,
    need: Reader<perm::PurchasesCancel>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    query: web::Query<OrderQuery>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let conn = state.steady.get().await?;
    let wanted = match query.order.as_deref() {
        None | Some("") => None,
        Some(text) => Some(OrderId::parse(text).ok_or(AppError::NotFound)?),
    };
    let partner = need.partner()?;
    let read = need
        .read(&conn, read(&conn, &partner, &tenant, &line))
        .await?;
    let found = complete(&conn, read, wanted).await?;
    let order = wanted.unwrap_or(found.purchase.order_id);
    let page = page(ctx, &found, order, state.clock.now(), None)?;
    render_status(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct CancelForm {
    #[serde(default)]
    order: String,
    acknowledge: Option<String>,
}

pub async fn submit(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::PurchasesCancel>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let order = OrderId::parse(&form.order).ok_or(AppError::NotFound)?;
    let found = find(&conn, &need.user, &tenant, &line, Some(order)).await?;
    // Another customer's order, or none at all, does not exist here.
    if !crate::orders::queries::exists(&mut conn, found.scope, order).await? {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    if form.acknowledge.as_deref() != Some("yes") {
        let message = ctx.lang.t("cancel-error-acknowledge");
        return again(ctx, &found, order, now, UNPROCESSABLE, message);
    }
    let request = Request {
        scope: found.scope,
        partner_id: found.customer.partner_id,
        user_id: need.user.id,
        actor_email: &need.user.email,
        customer_name: &found.customer.company_name,
        actor_user_id: Some(need.user.id),
        order_id: order,
        product_id: found.purchase.product_id,
        now,
    };
    let outcome = cancel::cancel(&mut conn, &request).await?;
    if let Outcome::Cancelled(done) = &outcome {
        confirm(&session, done, now, ctx.lang);
        return Ok(redirect(&found.back()));
    }
    // The order as the transaction found it, not as it was read before the lock.
    let found = find(&conn, &need.user, &tenant, &line, Some(order)).await?;
    let product = &found.purchase.product_name;
    let Some((status, message)) = refusal(outcome, product, ctx.lang) else {
        return Ok(redirect(&found.back()));
    };
    again(ctx, &found, order, now, status, message)
}

/// The status and message the dialog shows for an order that was not cancelled; none if it
/// was.
fn refusal(outcome: Outcome, product: &str, lang: Lang) -> Option<(StatusCode, String)> {
    Some(match outcome {
        Outcome::Cancelled(_) => return None,
        Outcome::AlreadyCancelled { .. } => (StatusCode::OK, lang.t("cancel-already")),
        Outcome::NotInOrder => (
            UNPROCESSABLE,
            lang.t_args(
                "cancel-error-not-in-order",
                &[("product", product.to_string())],
            ),
        ),
        Outcome::Refused(window) => (
            UNPROCESSABLE,
            lang.t_args(
                "cancel-error-refused",
                &[("reason", views::window_message(window, lang))],
            ),
        ),
    })
}

const UNPROCESSABLE: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

/// The dialog again, with a message, for `order` — or for the purchase's own order when
/// `order` has no line of this product.
fn again(
    ctx: PageContext,
    found: &Found,
    order: OrderId,
    now: DateTime<Utc>,
    status: StatusCode,
    message: String,
) -> Result<HttpResponse, AppError> {
    let shown = if found.lines.iter().any(|l| l.order_id == order) {
        order
    } else {
        found.purchase.order_id
    };
    render_status(status, &page(ctx, found, shown, now, Some(message))?)
}

/// The confirmation, shown at once on the Software tab.
fn confirm(session: &Session, done: &Done, now: DateTime<Utc>, lang: crate::i18n::Lang) {
    let amount = money::display(done.credit_minor, done.currency, lang);
    flash::push(
        session,
        FlashKind::Success,
        "cancel-done",
        &[
            ("order", done.order_number.to_string()),
            ("product", done.product_name.clone()),
            ("amount", amount),
            ("invoice", views::invoice_label(now, lang)),
        ],
    );
}
