//! Place order, and the order page it leads to.

use actix_session::Session;
use actix_web::{HttpResponse, web};

use crate::ids::{CustomerId, OrderId};
use serde::Deserialize;

use actix_web::http::StatusCode;

use super::handlers::{cart_context, review_page};
use super::place::{self, Outcome, Refusal};
use super::queries;
use super::seen;
use super::tokens::{FormKey, FormToken};
use super::views::OrderPage;
use crate::auth::extract::Reader;
use crate::auth::{Need, perm};
use crate::customers::queries::find_or_404;
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render, render_status};

#[derive(Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    order_token: String,
    #[serde(default)]
    seen: String,
}

pub async fn place_order(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::OrdersPlace>,
    ctx: PageContext,
    tenant: web::Path<String>,
    CsrfForm(form): CsrfForm<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let mut conn = state.pool.get().await?;
    let (customer, owner) = cart_context(&conn, &need.user, &tenant).await?;
    let review = format!("/customers/{}/review", customer.id);
    let key = FormKey::new(&state.settings.session_key);
    let (Some(token), Some(seen)) = (
        FormToken::open(&form.order_token, &key, &owner),
        seen::decode_seen(&form.seen),
    ) else {
        flash::push(&session, FlashKind::Error, "order-form-expired", &[]);
        return Ok(redirect(&review));
    };
    let now = state.clock.now();
    let request = place::Request {
        owner,
        customer: &customer,
        actor_email: &need.user.email,
        token,
        seen,
        now,
    };
    let outcome = place::place(&mut conn, request).await?;
    let to_order = |kind, key, p| Ok(to_order(&session, customer.id, kind, key, p));
    match outcome {
        Outcome::Placed(p) => to_order(FlashKind::Success, "order-placed", p),
        Outcome::AlreadyPlaced(p) => to_order(FlashKind::Success, "order-already-placed", p),
        Outcome::CartOrdered(p) => to_order(FlashKind::Error, "order-cart-already-ordered", p),
        Outcome::Refused(Refusal::Changed) => {
            // Show the new prices at once and ask again, with a fresh token.
            let warning = Some(ctx.t("order-prices-changed"));
            let page = review_page(&conn, &state, ctx, customer, &owner, warning).await?;
            render_status(StatusCode::CONFLICT, &page)
        }
        Outcome::Refused(refusal) => {
            let (key, args) = refusal_message(refusal, &customer.market);
            flash::push(&session, FlashKind::Error, key, &args);
            Ok(redirect(&review))
        }
    }
}

/// Every outcome that has an order leads to its page, with a message saying which it was.
fn to_order(
    session: &Session,
    customer: CustomerId,
    kind: FlashKind,
    key: &str,
    placed: place::Placed,
) -> HttpResponse {
    let number = placed.number.to_string();
    flash::push(session, kind, key, &[("number", number)]);
    redirect(&format!("/customers/{customer}/orders/{}", placed.order_id))
}

/// The message a refused Place order brings back to the Review page.
fn refusal_message(refusal: Refusal, market: &str) -> (&'static str, Vec<(&'static str, String)>) {
    match refusal {
        Refusal::EmptyCart => ("order-empty-cart", vec![]),
        Refusal::NotSellable(key, product) => (
            key,
            vec![("product", product), ("market", market.to_string())],
        ),
        _ => ("order-form-expired", vec![]),
    }
}

pub async fn order_detail(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (tenant, order) = path.into_inner();
    let scope = need.partner()?;
    let customer_id = CustomerId::parse(&tenant).ok_or(AppError::NotFound)?;
    let order = OrderId::parse(&order).ok_or(AppError::NotFound)?;
    let conn = state.pool.get().await?;
    // The order is looked up under the address's customer alongside the customer itself.
    let reads = async {
        futures_util::try_join!(
            find_or_404(&conn, &scope, &tenant),
            queries::order(&conn, &scope, customer_id, order),
        )
    };
    let (customer, found) = need.read(&conn, reads).await?;
    let (head, lines) = found.ok_or(AppError::NotFound)?;
    let history = format!("/customers/{}/orders", customer.id);
    let ctx = ctx
        .customer_crumbs(&customer, true)
        .crumb("tab-order-history", Some(&history))
        .crumb_text(&head.number.to_string(), None);
    render(&OrderPage::build(ctx, customer, head, lines))
}
