//! The buying flow: add to cart, Review (change quantity, remove), Place order, and the
//! order page.

use actix_session::Session;
use actix_web::{HttpResponse, web};

use crate::ids::{CustomerId, ProductId};
use crate::web::routes::Route;
use serde::Deserialize;

use super::cart::{self, AddOutcome, CartOwner};
use super::views::ReviewPage;
use super::{seen, tokens};
use crate::auth::extract::Reader;
use crate::auth::{CurrentUser, Need, perm};
use crate::catalog::queries as catalog;
use crate::catalog::rules::{self, Availability};
use crate::catalog::views::tax_note;
use crate::customers::queries::find_or_404;
use crate::error::AppError;
use crate::web::flash::{self, FlashKind};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render};
use diesel_async::AsyncPgConnection;

pub const ROUTES: &[Route] = &[
    crate::route!(POST "/customers/{tenant}/cart", needs OrdersPlace => add_to_cart),
    crate::route!(GET "/customers/{tenant}/review", needs OrdersPlace => review),
    crate::route!(POST "/customers/{tenant}/cart/{product}/quantity", needs OrdersPlace => set_quantity),
    crate::route!(POST "/customers/{tenant}/cart/{product}/remove", needs OrdersPlace => remove),
    crate::route!(POST "/customers/{tenant}/orders", needs OrdersPlace => super::place_pages::place_order),
    crate::route!(GET "/customers/{tenant}/orders/{order}", needs CustomersRead => super::place_pages::order_detail),
];

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
    let customer = find_or_404(&conn, &scope, &tenant).await?;
    let back = format!("/customers/{}/add-products", customer.id);
    let refuse = |key: &str, args: &[(&str, String)]| {
        flash::push(&session, FlashKind::Error, key, args);
        Ok(redirect(&back))
    };
    let quantity = match rules::parse_quantity(&form.quantity) {
        Ok(q) => q,
        Err(key) => return refuse(key, &[]),
    };
    let offer = match ProductId::parse(form.product_id.trim()) {
        Some(id) => catalog::offer(&mut conn, customer.id, id).await?,
        None => None,
    };
    let Some(offer) = offer else {
        return refuse("catalog-unknown-product", &[]);
    };
    let family = offer.family;
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

/// The customer and this user's cart for it, for every handler of the flow.
pub(super) async fn cart_context(
    conn: &AsyncPgConnection,
    user: &CurrentUser,
    tenant: &str,
) -> Result<(crate::customers::Customer, CartOwner), AppError> {
    let scope = user.partner()?;
    let customer = find_or_404(conn, &scope, tenant).await?;
    let owner = CartOwner {
        scope,
        user_id: user.id,
        customer_id: customer.id,
    };
    Ok((customer, owner))
}

/// The Review page of `owner`'s cart. Showing it writes nothing: its form's token is signed,
/// and names the cart's newest order so that Place order can tell whether the cart was
/// ordered since.
pub(super) async fn review_page(
    conn: &AsyncPgConnection,
    state: &AppState,
    ctx: PageContext,
    customer: crate::customers::Customer,
    owner: &CartOwner,
    warning: Option<String>,
) -> Result<ReviewPage, AppError> {
    let reads = review_reads(conn, owner).await?;
    Ok(review_of(state, ctx, customer, owner, reads, warning))
}

/// What the Review page reads besides the customer: the cart's lines, priced in the
/// customer's currency, and the newest order placed from the cart.
type ReviewReads = (Vec<cart::CartLine>, i64);

async fn review_reads(
    conn: &AsyncPgConnection,
    owner: &CartOwner,
) -> Result<ReviewReads, AppError> {
    let newest = async { Ok::<_, AppError>(tokens::newest_order(conn, owner).await?) };
    futures_util::try_join!(cart::lines(conn, owner), newest)
}

fn review_of(
    state: &AppState,
    ctx: PageContext,
    customer: crate::customers::Customer,
    owner: &CartOwner,
    (lines, newest): ReviewReads,
    warning: Option<String>,
) -> ReviewPage {
    let key = tokens::FormKey::new(&state.settings.session_key);
    let token = tokens::FormToken::new(newest, state.clock.now()).seal(&key, owner);
    let tax = rules::tax_treatment(&customer.market);
    let lang = ctx.lang;
    let (total, included_tax) = ReviewPage::totals_text(&lines, &customer, &tax, lang);
    let ctx = ctx
        .customer_crumbs(&customer, true)
        .crumb("review-title", None);
    ReviewPage {
        lines: ReviewPage::lines_from(&lines, &customer, lang),
        seen: seen::encode_seen(&lines),
        tax_note: tax_note(&tax, lang),
        total,
        included_tax,
        token,
        warning,
        ctx,
        customer,
    }
}

/// The customer, the cart and its newest order are read in one round trip behind the
/// session's check: the cart is the address's customer's (and the partner's, which the
/// lookup of the customer confirms; a cart of another partner's customer cannot exist).
pub async fn review(
    state: web::Data<AppState>,
    need: Reader<perm::OrdersPlace>,
    ctx: PageContext,
    tenant: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let scope = need.user.partner()?;
    let customer_id = CustomerId::parse(&tenant).ok_or(AppError::NotFound)?;
    let owner = CartOwner {
        scope,
        user_id: need.user.id,
        customer_id,
    };
    let conn = state.pool.get().await?;
    let reads = async {
        futures_util::try_join!(
            find_or_404(&conn, &scope, &tenant),
            review_reads(&conn, &owner)
        )
    };
    let (customer, reads) = need.read(&conn, reads).await?;
    drop(conn);
    render(&review_of(&state, ctx, customer, &owner, reads, None))
}

#[derive(Deserialize)]
pub struct QuantityForm {
    #[serde(default)]
    quantity: String,
}

pub async fn set_quantity(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::OrdersPlace>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<QuantityForm>,
) -> Result<HttpResponse, AppError> {
    let (tenant, product) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, owner) = cart_context(&conn, &need.user, &tenant).await?;
    let back = format!("/customers/{}/review", customer.id);
    let product = ProductId::parse(&product).ok_or(AppError::NotFound)?;
    match rules::parse_quantity(&form.quantity) {
        Err(key) => flash::push(&session, FlashKind::Error, key, &[]),
        Ok(quantity) => {
            if !cart::set_quantity(&mut conn, &owner, product, quantity).await? {
                return Err(AppError::NotFound);
            }
            flash::push(&session, FlashKind::Success, "review-updated", &[]);
        }
    }
    Ok(redirect(&back))
}

pub async fn remove(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::OrdersPlace>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<crate::web::forms::EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let (tenant, product) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, owner) = cart_context(&conn, &need.user, &tenant).await?;
    let product = ProductId::parse(&product).ok_or(AppError::NotFound)?;
    if !cart::remove(&mut conn, &owner, product).await? {
        return Err(AppError::NotFound);
    }
    flash::push(&session, FlashKind::Success, "review-removed", &[]);
    Ok(redirect(&format!("/customers/{}/review", customer.id)))
}
