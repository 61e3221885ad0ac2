//! `POST /v1/customers` (scope `customers:write`): adds a customer by the dashboard's "Add
//! customer" rules (name, domain unique across the installation, market, currency), once per
//! `MS-RequestId`. The original's `culture` and `language` are accepted and not kept: the
//! dashboard has no use for them yet.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use serde::de::IgnoredAny;
use utoipa::ToSchema;

use super::body::{self, Body};
use super::customers::ApiCustomer;
use super::once::Answer;
use super::order_writes::{TxError, once_only};
use super::{Api, ApiError};
use crate::auth::perm;
use crate::customers::forms::NewCustomerForm;
use crate::customers::queries::{self, InsertOutcome};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::AppState;

#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NewCustomer {
    pub company_profile: NewCompanyProfile,
    pub billing_profile: NewBillingProfile,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<IgnoredAny>,
}

#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NewCompanyProfile {
    pub company_name: String,
    /// The customer's primary domain (`northwind.example`).
    pub domain: String,
}

#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NewBillingProfile {
    pub default_address: NewAddress,
    /// The currency the customer is billed in (`USD`, `EUR`, `TRY`…).
    pub currency_code: String,
    /// Accepted as the original's clients send it; not kept.
    pub culture: Option<String>,
    /// Accepted as the original's clients send it; not kept.
    pub language: Option<String>,
    #[schema(value_type = Option<String>)]
    pub email: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub company_name: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub first_name: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub last_name: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<IgnoredAny>,
}

#[derive(Deserialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewAddress {
    /// The market: two letters (`TR`). The address's other fields are accepted and not kept.
    pub country: String,
}

/// The first problem of a customer's fields, as the API names them.
fn refusal(form: &NewCustomerForm, lang: Lang) -> Option<ApiError> {
    let errors = form.validate().err()?;
    let key = [
        ("company_name", "api-error-customer-name"),
        ("primary_domain", "api-error-customer-domain"),
        ("market", "api-error-customer-country"),
        ("currency", "api-error-customer-currency"),
    ]
    .into_iter()
    .find(|(field, _)| errors.has(field))
    .map_or("api-error-bad-request", |(_, key)| key);
    Some(ApiError::bad_request(lang, key, &[]))
}

/// Adds a customer.
#[utoipa::path(
    post,
    path = "/v1/customers",
    tag = "Customers",
    params(
        ("MS-RequestId" = Option<String>, Header,
         description = "Sent again with the same body, the first answer comes back; with another body, 409"),
    ),
    request_body = NewCustomer,
    responses(
        (status = 201, description = "The customer added", body = ApiCustomer),
        (status = 400, description = "A missing or bad field, naming it", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 409, description = "The domain belongs to a customer already, or the MS-RequestId was used with another body", body = super::error::Envelope),
    ),
    security(("token" = ["customers:write"])),
)]
pub async fn create(
    api: Api<perm::CustomersCreate>,
    state: web::Data<AppState>,
    req: HttpRequest,
    bytes: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let Body { value, fingerprint } = body::read::<NewCustomer>(&bytes, lang)?;
    let form = NewCustomerForm {
        company_name: value.company_profile.company_name,
        primary_domain: value.company_profile.domain,
        market: value.billing_profile.default_address.country,
        currency: value.billing_profile.currency_code,
    };
    if let Some(refused) = refusal(&form, lang) {
        return Err(refused);
    }
    let valid = form
        .validate()
        .map_err(|_| ApiError::bad_request(lang, "api-error-bad-request", &[]))?;
    let mut conn = state.pool.get().await.map_err(|e| app(e.into()))?;
    api.confirm(&conn).await?;
    let caller = &api.caller;
    let now = state.clock.now();
    let by = queries::AddedBy {
        user_id: None,
        actor: &caller.name,
    };
    let write = async |conn: &mut AsyncPgConnection| match queries::insert(
        conn,
        &caller.partner,
        &valid,
        now,
        &by,
    )
    .await?
    {
        InsertOutcome::Created(customer) => {
            let body =
                serde_json::to_value(ApiCustomer::new(customer)).map_err(AppError::internal)?;
            Ok(Answer { status: 201, body })
        }
        InsertOutcome::DomainTaken => Err(TxError::Api(ApiError::new(
            StatusCode::CONFLICT,
            super::error::code::CONFLICT,
            lang,
            "customer-error-domain-taken",
            &[],
        ))),
    };
    once_only(&mut conn, caller, &req, fingerprint, now, write).await
}
