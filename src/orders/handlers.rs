//! The buying flow's POSTs and pages: add to cart (this file grows with Review, Place order
//! and Order history).

use actix_session::Session;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use uuid::Uuid;

use super::cart::{self, AddOutcome, CartOwner};
use crate::auth::{Need, perm};
use crate::catalog::rules::{self, Availability};
use crate::catalog::{Family, queries as catalog};
use crate::customers::queries::find_or_404;
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, redirect};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/customers/{tenant}/cart", web::post().to(add_to_cart));
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    product_id: String,
    #[serde(default)]
    quantity: String,
}

/// Adds a product to the cart, after every rule the page showed has been checked again: a
/// forged form gets the same clear message as a careless one, and nothing is written.
pub async fn add_to_cart(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::OrdersPlace>,
    tenant: web::Path<String>,
    CsrfForm(form): CsrfForm<AddForm>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let mut conn = state.pool.get().await?;
    let customer = find_or_404(&mut conn, &scope, &tenant).await?;
    let back = format!("/customers/{}/add-products", customer.id);
    let refuse = |key: &str, args: &[(&str, String)]| {
        flash::push(&session, FlashKind::Error, key, args);
        Ok(redirect(&back))
    };
    let quantity = match rules::parse_quantity(&form.quantity) {
        Ok(q) => q,
        Err(key) => return refuse(key, &[]),
    };
    let offer = match Uuid::parse_str(form.product_id.trim()) {
        Ok(id) => catalog::offer(&mut conn, &customer.currency, id).await?,
        Err(_) => None,
    };
    let Some(offer) = offer else {
        return refuse("catalog-unknown-product", &[]);
    };
    let family = offer.family().unwrap_or(Family::WindowsServer);
    if let Availability::Unavailable(key) = rules::availability(family, &customer.market) {
        return refuse(key, &[("market", customer.market.clone())]);
    }
    if offer.price_minor.is_none() {
        return refuse("catalog-unavailable-no-price", &[]);
    }
    let owner = CartOwner {
        scope,
        user_id: need.user.id,
        customer_id: customer.id,
    };
    match cart::add(&mut conn, &owner, offer.id, quantity, state.clock.now()).await? {
        AddOutcome::OverLimit => refuse("quantity-cart-over-limit", &[]),
        AddOutcome::Added => {
            let args = [
                ("product", offer.name.clone()),
                ("quantity", quantity.to_string()),
            ];
            flash::push(&session, FlashKind::Success, "catalog-added", &args);
            Ok(redirect(&back))
        }
    }
}
