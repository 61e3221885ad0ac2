//! Every route, the access it requires, and where it is registered. The permission-matrix test
//! walks this list for every role; keep it in step with `configure`.

use actix_web::web;

use crate::auth::Perm;
use crate::{
    account, activity, admin_center, auth, billing, cancellation, catalog, customers, health, home,
    orders, software, support, users,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Public,
    SignedIn,
    Needs(Perm),
}

#[derive(Clone, Copy, Debug)]
pub struct RouteDoc {
    pub method: &'static str,
    /// `{tenant}` stands for a customer's tenant GUID; `{product}`, `{order}`, `{line}` (a
    /// purchase) and `{variant}` for ids within that customer; `{token}` for a download link;
    /// `{month}`/`{currency}` name an invoice; `{request}` a support request and `{file}` one of its attachments;
    /// `{user}` one of the partner's users; `{token}` also names a set-password link.
    pub path: &'static str,
    pub access: Access,
}

const fn r(method: &'static str, path: &'static str, access: Access) -> RouteDoc {
    RouteDoc {
        method,
        path,
        access,
    }
}

pub const ROUTES: &[RouteDoc] = &[
    r("GET", "/healthz", Access::Public),
    r("GET", "/signin", Access::Public),
    r("POST", "/signin", Access::Public),
    r("POST", "/preferences/language", Access::Public),
    r("POST", "/signout", Access::SignedIn),
    r("POST", "/preferences/view", Access::SignedIn),
    r("GET", "/", Access::SignedIn),
    r("GET", "/account", Access::SignedIn),
    r(
        "GET",
        "/account/activity",
        Access::Needs(Perm::ActivityLogRead),
    ),
    r(
        "GET",
        "/account/activity/csv",
        Access::Needs(Perm::ActivityLogRead),
    ),
    r("GET", "/account/users", Access::Needs(Perm::UsersManage)),
    r("POST", "/account/users", Access::Needs(Perm::UsersManage)),
    r(
        "GET",
        "/account/users/new",
        Access::Needs(Perm::UsersManage),
    ),
    r(
        "GET",
        "/account/users/{user}",
        Access::Needs(Perm::UsersManage),
    ),
    r(
        "POST",
        "/account/users/{user}/roles",
        Access::Needs(Perm::UsersManage),
    ),
    r(
        "POST",
        "/account/users/{user}/disable",
        Access::Needs(Perm::UsersManage),
    ),
    r(
        "POST",
        "/account/users/{user}/enable",
        Access::Needs(Perm::UsersManage),
    ),
    r(
        "POST",
        "/account/users/{user}/credentials",
        Access::Needs(Perm::UsersManage),
    ),
    r("GET", "/account/password", Access::SignedIn),
    r("POST", "/account/password", Access::SignedIn),
    r("GET", "/set-password/{token}", Access::Public),
    r("POST", "/set-password/{token}", Access::Public),
    r("GET", "/customers", Access::Needs(Perm::CustomersRead)),
    r(
        "GET",
        "/customers/new",
        Access::Needs(Perm::CustomersCreate),
    ),
    r("POST", "/customers", Access::Needs(Perm::CustomersCreate)),
    r(
        "GET",
        "/customers/{tenant}",
        Access::Needs(Perm::CustomersRead),
    ),
    r(
        "GET",
        "/customers/{tenant}/orders",
        Access::Needs(Perm::CustomersRead),
    ),
    r(
        "GET",
        "/customers/{tenant}/orders/{order}",
        Access::Needs(Perm::CustomersRead),
    ),
    r(
        "GET",
        "/customers/{tenant}/add-products",
        Access::Needs(Perm::CustomersRead),
    ),
    r(
        "POST",
        "/customers/{tenant}/cart",
        Access::Needs(Perm::OrdersPlace),
    ),
    r(
        "GET",
        "/customers/{tenant}/review",
        Access::Needs(Perm::OrdersPlace),
    ),
    r(
        "POST",
        "/customers/{tenant}/cart/{product}/quantity",
        Access::Needs(Perm::OrdersPlace),
    ),
    r(
        "POST",
        "/customers/{tenant}/cart/{product}/remove",
        Access::Needs(Perm::OrdersPlace),
    ),
    r(
        "POST",
        "/customers/{tenant}/orders",
        Access::Needs(Perm::OrdersPlace),
    ),
    r(
        "GET",
        "/customers/{tenant}/software/{line}",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "GET",
        "/customers/{tenant}/software/{line}/key",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "GET",
        "/customers/{tenant}/software/{line}/variants/{variant}/download",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "POST",
        "/customers/{tenant}/software/{line}/variants/{variant}/links",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "GET",
        "/customers/{tenant}/software/{line}/kms-migration",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "POST",
        "/customers/{tenant}/software/{line}/kms-migration",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "GET",
        "/customers/{tenant}/software/{line}/kms-migration/script",
        Access::Needs(Perm::SoftwareKeys),
    ),
    r(
        "GET",
        "/customers/{tenant}/software/{line}/cancel",
        Access::Needs(Perm::PurchasesCancel),
    ),
    r(
        "POST",
        "/customers/{tenant}/software/{line}/cancel",
        Access::Needs(Perm::PurchasesCancel),
    ),
    r("GET", "/dl/{token}", Access::Public),
    r(
        "GET",
        "/your-products/software",
        Access::Needs(Perm::TenantProducts),
    ),
    r(
        "GET",
        "/your-products/software/{line}",
        Access::Needs(Perm::TenantKeys),
    ),
    r(
        "GET",
        "/your-products/software/{line}/key",
        Access::Needs(Perm::TenantKeys),
    ),
    r(
        "GET",
        "/your-products/software/{line}/variants/{variant}/download",
        Access::Needs(Perm::TenantKeys),
    ),
    r(
        "GET",
        "/your-products/access",
        Access::Needs(Perm::TenantKeys),
    ),
    r("GET", "/billing", Access::Needs(Perm::BillingRead)),
    r(
        "GET",
        "/billing/invoices/{month}/{currency}",
        Access::Needs(Perm::BillingRead),
    ),
    r(
        "GET",
        "/billing/invoices/{month}/{currency}/csv",
        Access::Needs(Perm::BillingRead),
    ),
    r("GET", "/support", Access::Needs(Perm::SupportFile)),
    r(
        "GET",
        "/support/requests/new",
        Access::Needs(Perm::SupportFile),
    ),
    r(
        "POST",
        "/support/requests",
        Access::Needs(Perm::SupportFile),
    ),
    r(
        "GET",
        "/support/requests/{request}",
        Access::Needs(Perm::SupportFile),
    ),
    r(
        "POST",
        "/support/requests/{request}/reply",
        Access::Needs(Perm::SupportFile),
    ),
    r(
        "GET",
        "/support/requests/{request}/files/{file}",
        Access::Needs(Perm::SupportFile),
    ),
    r("GET", "/console", Access::Needs(Perm::SupportConsole)),
    r(
        "GET",
        "/console/requests/{request}",
        Access::Needs(Perm::SupportConsole),
    ),
    r(
        "GET",
        "/console/requests/{request}/files/{file}",
        Access::Needs(Perm::SupportConsole),
    ),
    r(
        "POST",
        "/console/requests/{request}/take",
        Access::Needs(Perm::SupportConsole),
    ),
    r(
        "POST",
        "/console/requests/{request}/ask",
        Access::Needs(Perm::SupportConsole),
    ),
    r(
        "POST",
        "/console/requests/{request}/approve",
        Access::Needs(Perm::SupportConsole),
    ),
    r(
        "POST",
        "/console/requests/{request}/reject",
        Access::Needs(Perm::SupportConsole),
    ),
];

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::healthz))
        .route("/static/{name}", web::get().to(super::static_files::serve))
        .route("/signin", web::get().to(auth::handlers::sign_in_page))
        .route("/signin", web::post().to(auth::handlers::sign_in))
        .route("/signout", web::post().to(auth::handlers::sign_out))
        .route(
            "/preferences/language",
            web::post().to(super::preferences::set_language),
        )
        .route(
            "/preferences/view",
            web::post().to(super::preferences::set_view),
        )
        .route("/", web::get().to(home::home))
        .route("/account", web::get().to(account::profile))
        .configure(activity::handlers::configure)
        .configure(users::handlers::configure)
        .configure(users::password_pages::configure)
        .configure(customers::handlers::configure)
        .configure(catalog::handlers::configure)
        .configure(orders::handlers::configure)
        .configure(software::handlers::configure)
        .configure(cancellation::handlers::configure)
        .configure(billing::handlers::configure)
        .configure(support::handlers::configure)
        .configure(support::console::handlers::configure)
        .configure(admin_center::handlers::configure)
        .route("/dl/{token}", web::get().to(software::public::download));
}
