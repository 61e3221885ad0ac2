//! GET /customers/{tenant}/add-products: browse and filter the catalog for one customer.

use actix_web::{HttpResponse, web};

use crate::web::routes::Route;
use serde::Deserialize;

use super::queries::{self, Filter};
use super::rules;
use super::views::{CatalogPage, OfferView, tax_note};
use super::{Family, LicenceKind};
use crate::auth::extract::Reader;
use crate::auth::{Perm, perm};
use crate::customers::queries::find_or_404;
use crate::error::AppError;
use crate::ids::CustomerId;
use crate::orders::cart::{self, CartOwner};
use crate::web::{AppState, PageContext, render};

use crate::web::forms::MAX_SEARCH;

pub const ROUTES: &[Route] =
    &[crate::route!(GET "/customers/{tenant}/add-products", needs CustomersRead => browse)];

#[derive(Deserialize)]
pub struct BrowseQuery {
    family: Option<String>,
    kind: Option<String>,
    q: Option<String>,
}

impl BrowseQuery {
    /// Unknown filter values are ignored rather than refused: they come from a URL.
    fn filter(&self) -> Filter {
        Filter {
            id: None,
            family: self.family.as_deref().and_then(Family::from_code),
            licence_kind: self.kind.as_deref().and_then(LicenceKind::from_code),
            text: crate::web::forms::search_text(self.q.as_deref())
                .chars()
                .take(MAX_SEARCH)
                .collect(),
        }
    }
}

pub async fn browse(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    tenant: web::Path<String>,
    query: web::Query<BrowseQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let customer_id = CustomerId::parse(&tenant).ok_or(AppError::NotFound)?;
    let conn = state.steady.get().await?;
    let can_buy = need.user.can(Perm::OrdersPlace);
    // The cart is counted under the address's customer alongside the customer itself.
    let owner = CartOwner {
        scope,
        user_id: need.user.id,
        customer_id,
    };
    let cart_count = async {
        match can_buy {
            true => cart::count(&conn, &owner).await,
            false => Ok(0),
        }
    };
    // The offers are priced in the customer's currency by their own statement, so all three
    // reads go in one round trip behind the session's check.
    let filter = query.filter();
    let offers = queries::offers(&conn, customer_id, &filter);
    let reads =
        async { futures_util::try_join!(find_or_404(&conn, &scope, &tenant), cart_count, offers) };
    let (customer, cart_count, offers) = need.read(&conn, reads).await?;
    drop(conn);
    let tax = rules::tax_treatment(&customer.market);
    let lang = ctx.lang;
    let ctx = ctx
        .customer_crumbs(&customer, true)
        .crumb("add-products", None);
    render(&CatalogPage {
        offers: offers
            .iter()
            .map(|o| OfferView::new(o, &customer, &tax, lang))
            .collect(),
        families: CatalogPage::family_options(filter.family, lang),
        kind: filter
            .licence_kind
            .map_or("", LicenceKind::code)
            .to_string(),
        q: filter.text,
        tax_note: tax_note(&tax, lang),
        ctx,
        customer,
        can_buy,
        cart_count,
    })
}
