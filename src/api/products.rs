//! `/v1/products`: the catalog as the original's API shows it. Each product of ours is one
//! SKU with one availability, so an offer's id (`catalogItemId`, the `offerId` of an order
//! line) is `<product>:0001:0001`, the product being our SKU code (`ws2022-std-1y`). The
//! market rules apply: reservations are not offered where they are not sold.

use actix_web::{HttpResponse, web};
use diesel::{ExpressionMethods, QueryDsl, SelectableHelper};
use diesel_async::RunQueryDsl;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::orders::term_duration;
use super::shapes::{Attributes, Collection, Link, SelfLinks};
use super::{Api, ApiError};
use crate::auth::perm;
use crate::catalog::rules::{Availability, availability};
use crate::catalog::{Family, LicenceKind};
use crate::db::schema::products;
use crate::error::AppError;
use crate::web::AppState;

/// The SKU and availability every product of ours has.
const ONLY: &str = "0001";

/// The offer id of the product with SKU code `sku`.
pub fn offer_id(sku: &str) -> String {
    [sku, ONLY, ONLY].join(":")
}

/// The SKU code an offer id names, if it is one of ours in form.
pub fn sku_of(offer: &str) -> Option<&str> {
    let mut parts = offer.trim().split(':');
    let (sku, s, a) = (parts.next()?, parts.next()?, parts.next()?);
    let fits = parts.next().is_none() && s == ONLY && a == ONLY && !sku.is_empty();
    fits.then_some(sku)
}

/// The original's views of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetView {
    Software,
    SoftwarePerpetual,
    SoftwareSubscriptions,
    AzureReservations,
}

impl TargetView {
    pub fn parse(text: &str) -> Option<TargetView> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "software" => TargetView::Software,
            "softwareperpetual" => TargetView::SoftwarePerpetual,
            "softwaresubscriptions" => TargetView::SoftwareSubscriptions,
            "azurereservations" => TargetView::AzureReservations,
            _ => return None,
        })
    }

    /// Whether a product of `family` and `kind` is in this view.
    pub fn shows(self, family: Family, kind: LicenceKind) -> bool {
        let software = family != Family::AzureReservation;
        match self {
            TargetView::Software => software,
            TargetView::SoftwarePerpetual => software && kind == LicenceKind::Perpetual,
            TargetView::SoftwareSubscriptions => software && kind == LicenceKind::Subscription,
            TargetView::AzureReservations => !software,
        }
    }
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiAvailability {
    pub id: &'static str,
    /// The `offerId` of an order line.
    pub catalog_item_id: String,
    pub country: String,
    pub attributes: Attributes,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiSku {
    pub id: &'static str,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    pub availabilities: Vec<ApiAvailability>,
    pub attributes: Attributes,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiProduct {
    pub id: String,
    pub title: String,
    /// `windows_server`, `sql_server`, `azure_reservation`, `linux_plan`, `windows_esu`.
    pub product_type: &'static str,
    pub skus: Vec<ApiSku>,
    pub links: SelfLinks,
    pub attributes: Attributes,
}

#[derive(Deserialize, Debug, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ProductsQuery {
    /// The customer's market, two letters (`TR`).
    pub country: Option<String>,
    /// `Software`, `SoftwarePerpetual`, `SoftwareSubscriptions` or `AzureReservations`.
    pub target_view: Option<String>,
}

#[derive(diesel::Queryable, diesel::Selectable, Debug)]
#[diesel(table_name = products, check_for_backend(diesel::pg::Pg))]
struct Row {
    sku: String,
    name: String,
    family: Family,
    licence_kind: LicenceKind,
    term_months: Option<i32>,
}

/// The products on sale in a market, in one of the original's views.
#[utoipa::path(
    get,
    path = "/v1/products",
    tag = "Products",
    params(ProductsQuery),
    responses(
        (status = 200, description = "The products of the view in the market", body = Collection<ApiProduct>),
        (status = 400, description = "A missing or unknown country or targetView", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
    ),
    security(("token" = ["orders:read", "orders:write"])),
)]
pub async fn list(
    api: Api<perm::CatalogRead>,
    state: web::Data<AppState>,
    query: web::Query<ProductsQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let country = query
        .country
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_ascii_uppercase();
    if !crate::markets::is_market(&country) {
        return Err(ApiError::bad_request(lang, "api-error-country", &[]));
    }
    let view = query.target_view.as_deref().and_then(TargetView::parse);
    let view = view.ok_or_else(|| ApiError::bad_request(lang, "api-error-target-view", &[]))?;
    let conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    // The catalog is the vendor's, a few dozen rows whatever the partner's size.
    let all = products::table
        .filter(products::retired_at.is_null())
        .order((products::family, products::name, products::sku))
        .select(Row::as_select())
        .load(&mut &*conn);
    let rows: Vec<Row> = api
        .read(&conn, async { all.await.map_err(|e| app(e.into())) })
        .await?;
    let items = rows
        .into_iter()
        .filter(|r| view.shows(r.family, r.licence_kind))
        .filter(|r| availability(r.family, &country) == Availability::Available)
        .map(|r| product(r, &country))
        .collect();
    let uri = format!("/products?country={country}&targetView={}", view_name(view));
    Ok(HttpResponse::Ok().json(Collection::page(items, uri, None)))
}

fn view_name(view: TargetView) -> &'static str {
    match view {
        TargetView::Software => "Software",
        TargetView::SoftwarePerpetual => "SoftwarePerpetual",
        TargetView::SoftwareSubscriptions => "SoftwareSubscriptions",
        TargetView::AzureReservations => "AzureReservations",
    }
}

fn product(r: Row, country: &str) -> ApiProduct {
    ApiProduct {
        links: SelfLinks {
            this: Link::get(format!("/products/{}?country={country}", r.sku)),
        },
        skus: vec![ApiSku {
            id: ONLY,
            title: r.name.clone(),
            term_duration: term_duration(r.licence_kind, r.term_months),
            availabilities: vec![ApiAvailability {
                id: ONLY,
                catalog_item_id: offer_id(&r.sku),
                country: country.to_string(),
                attributes: Attributes::of("Availability"),
            }],
            attributes: Attributes::of("Sku"),
        }],
        id: r.sku,
        title: r.name,
        product_type: r.family.code(),
        attributes: Attributes::of("Product"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_id_names_a_product_with_our_one_sku_and_availability() {
        assert_eq!(offer_id("ws2022-std"), "ws2022-std:0001:0001");
        assert_eq!(sku_of("ws2022-std:0001:0001"), Some("ws2022-std"));
        for bad in [
            "ws2022-std",
            "ws2022-std:0002:0001",
            ":0001:0001",
            "a:0001:0001:x",
            "",
        ] {
            assert_eq!(sku_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn views_split_software_by_licence_and_keep_reservations_apart() {
        use Family::*;
        use LicenceKind::*;
        assert!(TargetView::Software.shows(WindowsServer, Perpetual));
        assert!(TargetView::Software.shows(SqlServer, Subscription));
        assert!(!TargetView::Software.shows(AzureReservation, Subscription));
        assert!(TargetView::SoftwarePerpetual.shows(WindowsServer, Perpetual));
        assert!(!TargetView::SoftwarePerpetual.shows(WindowsServer, Subscription));
        assert!(TargetView::SoftwareSubscriptions.shows(SqlServer, Subscription));
        assert!(TargetView::AzureReservations.shows(AzureReservation, Subscription));
        assert!(!TargetView::AzureReservations.shows(WindowsServer, Perpetual));
        assert_eq!(
            TargetView::parse("azureReservations"),
            Some(TargetView::AzureReservations)
        );
        assert_eq!(TargetView::parse("Hardware"), None);
    }
}
