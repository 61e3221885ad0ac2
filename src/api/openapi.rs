//! `GET /v1/openapi.json`: the API's OpenAPI 3.1 document, generated from the handlers'
//! `#[utoipa::path]` descriptions and the types they send (never written by hand). A test
//! checks that it describes every `/v1` route of the route table.

use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{
    audit, customer_writes, customers, invoices, order_writes, orders, products, software,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "CSP Desk API",
        description = "The Partner Center-compatible REST API of CSP Desk. Send an API token \
                       (Account settings › API tokens) as `Authorization: Bearer <token>`.",
    ),
    paths(
        customers::list,
        customer_writes::create,
        customers::one,
        orders::list,
        orders::one,
        order_writes::place,
        order_writes::cancel,
        products::list,
        software::list,
        software::key,
        software::link,
        invoices::list,
        invoices::line_items,
        audit::list,
    ),
    modifiers(&TokenAuth),
    tags(
        (name = "Customers", description = "The partner's customers"),
        (name = "Orders", description = "A customer's orders: buying and cancelling"),
        (name = "Products", description = "The catalog, per market"),
        (name = "Software", description = "A customer's software: keys and download links"),
        (name = "Invoices", description = "The partner's monthly invoices and their line items"),
        (name = "Audit records", description = "The partner's activity log"),
    ),
)]
pub struct ApiDoc;

/// Declares the bearer token the operations' `security` refers to.
struct TokenAuth;

impl Modify for TokenAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from Account settings › API tokens"))
                    .build(),
            ),
        );
    }
}

/// The document, served without a token.
pub async fn document() -> HttpResponse {
    // Made from the code, so it is the same for the process's whole life: built and written
    // out once (building it each time made this the slowest of the API's pages).
    static DOCUMENT: std::sync::LazyLock<actix_web::web::Bytes> = std::sync::LazyLock::new(|| {
        serde_json::to_vec(&ApiDoc::openapi())
            .map(actix_web::web::Bytes::from)
            .unwrap_or_default()
    });
    HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(DOCUMENT.clone())
}
