//! `/v1/customers`: a partner's customers as the original's API shows them, a keyset page at
//! a time (page 1000 costs what page 1 does).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::shapes::{self, Attributes, Collection, Link, SelfLinks};
use super::{Api, ApiError};
use crate::auth::perm;
use crate::customers::sorting::Sort;
use crate::customers::{Customer, queries};
use crate::error::AppError;
use crate::ids::CustomerId;
use crate::web::AppState;
use crate::web::pagination::cut_page;

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    #[schema(value_type = String, format = Uuid)]
    pub tenant_id: CustomerId,
    pub domain: String,
    pub company_name: String,
}

#[derive(Serialize, Debug, ToSchema)]
pub struct Address {
    /// The market, as an ISO 3166 two-letter code.
    pub country: String,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    pub default_address: Address,
    /// The currency the customer is billed in (ISO 4217).
    pub currency_code: &'static str,
}

/// A customer (`attributes.objectType` "Customer").
#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiCustomer {
    /// The tenant id.
    #[schema(value_type = String, format = Uuid)]
    pub id: CustomerId,
    pub company_profile: CompanyProfile,
    pub billing_profile: BillingProfile,
    /// Always "reseller".
    pub relationship_to_partner: &'static str,
    pub links: SelfLinks,
    pub attributes: Attributes,
}

impl ApiCustomer {
    pub fn new(c: Customer) -> ApiCustomer {
        ApiCustomer {
            id: c.id,
            links: SelfLinks {
                this: Link::get(format!("/customers/{}", c.id)),
            },
            company_profile: CompanyProfile {
                tenant_id: c.id,
                domain: c.primary_domain,
                company_name: c.company_name,
            },
            billing_profile: BillingProfile {
                default_address: Address {
                    country: c.market.trim().to_string(),
                },
                currency_code: c.currency.code(),
            },
            relationship_to_partner: "reseller",
            attributes: Attributes::of("Customer"),
        }
    }
}

/// The partner's customers in name order, a page at a time.
#[utoipa::path(
    get,
    path = "/v1/customers",
    tag = "Customers",
    params(
        shapes::ListQuery,
        ("MS-ContinuationToken" = Option<String>, Header,
         description = "With seekOperation=Next: the value from the previous page's next link"),
    ),
    responses(
        (status = 200, description = "A page of customers", body = Collection<ApiCustomer>),
        (status = 400, description = "A bad size, seekOperation or continuation", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 429, description = "Over the token's rate limit", body = super::error::Envelope),
    ),
    security(("token" = ["customers:read"])),
)]
pub async fn list(
    api: Api<perm::CustomersRead>,
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<shapes::ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let caller = &api.caller;
    let lang = caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let size = shapes::size(query.size.as_deref(), lang)?;
    let after = shapes::continuation(
        &req,
        query.seek_operation.as_deref(),
        lang,
        CustomerId::parse,
    )?;
    // As the Customers page without a search: one plan suits every partner.
    let conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let limit = shapes::fetch_limit(size);
    let page = queries::page(&conn, &caller.partner, ("", Sort::default()), after, limit);
    let mut rows = api
        .read(&conn, async { page.await.map_err(app) })
        .await?
        .rows;
    let next = cut_page(&mut rows, size, |c| c.id.to_string());
    let items = rows.into_iter().map(ApiCustomer::new).collect();
    let uri = format!("/customers?size={size}");
    Ok(HttpResponse::Ok().json(Collection::page(items, uri, next)))
}

/// One of the partner's customers; another partner's or an unknown one is 404.
#[utoipa::path(
    get,
    path = "/v1/customers/{tenant}",
    tag = "Customers",
    params(("tenant" = String, Path, description = "The customer's tenant id")),
    responses(
        (status = 200, description = "The customer", body = ApiCustomer),
        (status = 400, description = "Not a tenant id (900118)", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer of this partner (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["customers:read"])),
)]
pub async fn one(
    api: Api<perm::CustomersRead>,
    state: web::Data<AppState>,
    tenant: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let customer = customer_of(&state, &api, &tenant).await?;
    Ok(HttpResponse::Ok().json(ApiCustomer::new(customer)))
}

/// The caller's partner's customer named by `tenant`: 400 (900118) if it is not a tenant id,
/// 404 if it is no customer of this partner.
/// The tenant id of an address, or 900118.
pub fn tenant_id(tenant: &str, lang: crate::i18n::Lang) -> Result<CustomerId, ApiError> {
    CustomerId::parse(tenant).ok_or_else(|| {
        ApiError::new(
            actix_web::http::StatusCode::BAD_REQUEST,
            super::error::code::INVALID_CUSTOMER_ID,
            lang,
            "api-error-customer-id",
            &[],
        )
    })
}

pub async fn customer_of<P: crate::auth::policy::Permission>(
    state: &AppState,
    api: &Api<P>,
    tenant: &str,
) -> Result<Customer, ApiError> {
    let lang = api.caller.lang;
    let id = tenant_id(tenant, lang)?;
    // Found by its key: one plan suits every customer.
    let conn = state
        .steady
        .get()
        .await
        .map_err(|e| ApiError::from_app(e.into(), lang))?;
    customer_on(&conn, api, id).await
}

/// `customer_of` by the tenant id already read, on a connection the caller holds to go on
/// using it: a write that takes a connection once waits in the pool's queue once.
pub async fn customer_on<P: crate::auth::policy::Permission>(
    conn: &diesel_async::AsyncPgConnection,
    api: &Api<P>,
    id: CustomerId,
) -> Result<Customer, ApiError> {
    let lang = api.caller.lang;
    let found = queries::find(conn, &api.caller.partner, id);
    api.read(conn, async {
        found.await.map_err(|e| ApiError::from_app(e, lang))
    })
    .await?
    .ok_or_else(|| ApiError::not_found(lang))
}
