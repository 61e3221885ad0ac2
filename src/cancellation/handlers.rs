//! The Cancel dialog's routes on a customer's Software tab (Admin agents only, R-30): GET shows
//! where an order stands, POST cancels it. Every rule is checked again on POST, whatever the
//! form says.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use super::cancel::{self, Done, Outcome, Request};
use super::queries::{self, Line};
use super::rules::Policy;
use super::views::{self, CancelPage, Chosen, OrderLines};
use crate::auth::{CustomerScope, Need, perm};
use crate::customers::Customer;
use crate::db::DbConn;
use crate::error::AppError;
use crate::money::{self, Currency};
use crate::software::queries::Purchase;
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render_status};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/customers/{tenant}/software/{line}/cancel",
        web::get().to(form),
    )
    .route(
        "/customers/{tenant}/software/{line}/cancel",
        web::post().to(submit),
    );
}

type CancelNeed = Need<perm::PurchasesCancel>;

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

async fn find(
    conn: &mut DbConn,
    need: &CancelNeed,
    tenant: &str,
    line: &str,
) -> Result<Found, AppError> {
    let partner = need.partner()?;
    let customer = crate::customers::queries::find_or_404(conn, &partner, tenant).await?;
    let scope = partner.customer(&customer).ok_or(AppError::NotFound)?;
    let line = Uuid::parse_str(line).map_err(|_| AppError::NotFound)?;
    let purchase = crate::software::queries::purchase(conn, scope, line)
        .await?
        .ok_or(AppError::NotFound)?;
    let lines = queries::lines_of_product(conn, scope, purchase.product_id).await?;
    let policy = queries::policy(conn, purchase.product_id).await?;
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
    order_id: Uuid,
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
        orders: CancelPage::options(&orders, order_id),
        chosen,
        error,
        ctx,
    })
}

#[derive(Deserialize)]
pub struct OrderQuery {
    order: Option<String>,
}

fn order_id(text: Option<&str>, default: Uuid) -> Result<Uuid, AppError> {
    match text {
        None | Some("") => Ok(default),
        Some(text) => Uuid::parse_str(text).map_err(|_| AppError::NotFound),
    }
}

pub async fn form(
    state: web::Data<AppState>,
    need: CancelNeed,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    query: web::Query<OrderQuery>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let found = find(&mut conn, &need, &tenant, &line).await?;
    let order = order_id(query.order.as_deref(), found.purchase.order_id)?;
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
    need: CancelNeed,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<CancelForm>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let found = find(&mut conn, &need, &tenant, &line).await?;
    let order = Uuid::parse_str(&form.order).map_err(|_| AppError::NotFound)?;
    // Another customer's order, or none at all, does not exist here.
    if !crate::orders::queries::exists(&mut conn, found.scope, order).await? {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    let refuse = |ctx: PageContext, order: Uuid, key: &str, args: &[(&str, String)]| {
        let message = ctx.lang.t_args(key, args);
        let shown = if found.lines.iter().any(|l| l.order_id == order) {
            order
        } else {
            found.purchase.order_id
        };
        let page = page(ctx, &found, shown, now, Some(message))?;
        render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    if form.acknowledge.as_deref() != Some("yes") {
        return refuse(ctx, order, "cancel-error-acknowledge", &[]);
    }
    let request = Request {
        scope: found.scope,
        partner_id: found.customer.partner_id,
        user_id: need.user.id,
        actor_email: &need.user.email,
        order_id: order,
        product_id: found.purchase.product_id,
        now,
    };
    match cancel::cancel(&mut conn, &request).await? {
        Outcome::Cancelled(done) => {
            confirm(&session, &done, now, ctx.lang)?;
            Ok(redirect(&found.back()))
        }
        Outcome::AlreadyCancelled { .. } => {
            let message = ctx.lang.t("cancel-already");
            let page = page(ctx, &found, order, now, Some(message))?;
            render_status(StatusCode::OK, &page)
        }
        Outcome::NotInOrder => refuse(
            ctx,
            order,
            "cancel-error-not-in-order",
            &[("product", found.purchase.product_name.clone())],
        ),
        Outcome::Refused(window) => {
            let reason = views::window_message(window, ctx.lang);
            refuse(ctx, order, "cancel-error-refused", &[("reason", reason)])
        }
    }
}

/// The confirmation, shown at once on the Software tab.
fn confirm(
    session: &Session,
    done: &Done,
    now: DateTime<Utc>,
    lang: crate::i18n::Lang,
) -> Result<(), AppError> {
    let currency = Currency::from_code(&done.currency)
        .ok_or_else(|| AppError::internal("order in an unknown currency"))?;
    flash::push(
        session,
        FlashKind::Success,
        "cancel-done",
        &[
            ("order", done.order_number.to_string()),
            ("product", done.product_name.clone()),
            ("amount", money::display(done.credit_minor, currency, lang)),
            ("invoice", views::invoice_label(now, lang)),
        ],
    );
    Ok(())
}
