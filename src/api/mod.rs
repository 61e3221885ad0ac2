//! The Partner Center-compatible REST API under `/v1`: the dashboard's flows for a
//! partner's own programs, with the original's paths, JSON names, paging and error envelope.
//! Requests carry an API token (`caller`), made and revoked in Account settings
//! (`token_pages`); the OpenAPI document is generated from the handlers (`openapi`).

pub mod audit;
pub mod audit_rules;
pub mod body;
pub mod caller;
pub mod customer_writes;
pub mod customers;
pub mod dates;
pub mod error;
pub mod invoices;
pub mod known;
pub mod list_json;
pub mod once;
pub mod openapi;
pub mod order_rules;
pub mod order_writes;
pub mod orders;
pub mod products;
pub mod quota;
pub mod scope;
pub mod shapes;
pub mod software;
pub mod token_form;
pub mod token_pages;
pub mod tokens;
pub mod variants;

use crate::web::routes::Route;

pub use caller::{Api, Caller};
pub use error::ApiError;

/// Whether `path` is the API's (under `/v1`).
pub fn is_api_path(path: &str) -> bool {
    path == "/v1" || path.starts_with("/v1/")
}

/// Every `/v1` route. The OpenAPI document must describe each (a test compares them).
pub const ROUTES: &[Route] = &[
    crate::route!(GET "/v1/openapi.json", public => openapi::document),
    crate::route!(GET "/v1/customers", token CustomersRead => customers::list),
    crate::route!(POST "/v1/customers", token CustomersCreate => customer_writes::create),
    crate::route!(GET "/v1/customers/{tenant}", token CustomersRead => customers::one),
    crate::route!(GET "/v1/customers/{tenant}/orders", token OrdersRead => orders::list),
    crate::route!(POST "/v1/customers/{tenant}/orders", token OrdersPlace => order_writes::place),
    crate::route!(GET "/v1/customers/{tenant}/orders/{order}", token OrdersRead => orders::one),
    crate::route!(PATCH "/v1/customers/{tenant}/orders/{order}", token PurchasesCancel => order_writes::cancel),
    crate::route!(GET "/v1/customers/{tenant}/software", token SoftwareKeys => software::list),
    crate::route!(POST "/v1/customers/{tenant}/software/{purchase}/key", token SoftwareKeys => software::key),
    crate::route!(POST "/v1/customers/{tenant}/software/{purchase}/variants/{variant}/links", token SoftwareKeys => software::link),
    crate::route!(GET "/v1/products", token CatalogRead => products::list),
    crate::route!(GET "/v1/invoices", token BillingRead => invoices::list),
    crate::route!(GET "/v1/invoices/{invoice}/lineitems", token BillingRead => invoices::line_items),
    crate::route!(GET "/v1/auditrecords", token ActivityLogRead => audit::list),
];

/// The header a caller may send to follow a request through our logs; it comes back on the
/// response.
pub const CORRELATION: &str = "MS-CorrelationId";

/// The caller's correlation id as it may be logged and echoed: letters, digits and dashes,
/// at most 64 (a GUID, as the original's clients send); anything else is dropped.
pub fn correlation_id(req: &actix_web::HttpRequest) -> Option<String> {
    let value = req.headers().get(CORRELATION)?.to_str().ok()?.trim();
    let fine = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    fine.then(|| value.to_string())
}

/// Echoes `MS-CorrelationId` on the API's responses.
pub async fn echo_correlation<B: actix_web::body::MessageBody>(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<B>,
) -> Result<actix_web::dev::ServiceResponse<B>, actix_web::Error> {
    let id = is_api_path(req.path())
        .then(|| correlation_id(req.request()))
        .flatten();
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id| actix_web::http::header::HeaderValue::from_str(&id).ok())
    {
        res.headers_mut().insert(
            actix_web::http::header::HeaderName::from_static("ms-correlationid"),
            value,
        );
    }
    Ok(res)
}
