//! Every route is declared once, in its feature's `ROUTES` table, with the `route!` macro:
//! method, path, the access it requires, and the handler. [`configure`] registers the tables
//! in order and [`all`] hands the same tables to the permission-matrix test, so a route cannot
//! be registered without being walked by it.
//!
//! The handler enforces the access through its extractor (`Need<perm::X>`, `SignedIn`); the
//! matrix test signs in as every role and checks that each route answers as declared here.

use actix_web::web;

use crate::auth::Perm;
use crate::{
    activity, admin_center, api, auth, billing, cancellation, catalog, customers, health, home,
    orders, software, support, users,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Public,
    SignedIn,
    Needs(Perm),
    /// An API route: a token (never a session) whose scopes cover the permission.
    Token(Perm),
}

/// One route. `{tenant}` in a path stands for a customer's tenant GUID; `{product}`, `{order}`,
/// `{line}` (a purchase) and `{variant}` for ids within that customer; `{token}` for a download
/// or set-password link; `{month}`/`{currency}` name an invoice; `{request}` a support request
/// and `{file}` one of its attachments; `{user}` one of the partner's users; `{name}` a static
/// file.
#[derive(Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    /// Registers the handler at the path it is given: `path`, less its scope's first segment.
    register: fn(&mut web::ServiceConfig, &str),
}

impl Route {
    /// Used by `route!`; call that instead.
    #[doc(hidden)]
    pub const fn declare(
        method: &'static str,
        path: &'static str,
        access: Access,
        register: fn(&mut web::ServiceConfig, &str),
    ) -> Route {
        Route {
            method,
            path,
            access,
            register,
        }
    }
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} ({:?})", self.method, self.path, self.access)
    }
}

/// `route!(GET "/customers", needs CustomersRead => list)`; the access is `public`,
/// `signed_in`, `needs <Perm variant>` or, for the API, `token <Perm variant>`.
#[macro_export]
macro_rules! route {
    ($method:ident $path:literal, public => $handler:expr) => {
        $crate::route!(@make $method $path, $crate::web::routes::Access::Public, $handler)
    };
    ($method:ident $path:literal, signed_in => $handler:expr) => {
        $crate::route!(@make $method $path, $crate::web::routes::Access::SignedIn, $handler)
    };
    ($method:ident $path:literal, needs $perm:ident => $handler:expr) => {
        $crate::route!(
            @make $method $path,
            $crate::web::routes::Access::Needs($crate::auth::Perm::$perm),
            $handler
        )
    };
    ($method:ident $path:literal, token $perm:ident => $handler:expr) => {
        $crate::route!(
            @make $method $path,
            $crate::web::routes::Access::Token($crate::auth::Perm::$perm),
            $handler
        )
    };
    (@make GET $path:literal, $access:expr, $handler:expr) => {
        $crate::web::routes::Route::declare("GET", $path, $access, |cfg, path| {
            cfg.route(path, ::actix_web::web::get().to($handler));
        })
    };
    (@make POST $path:literal, $access:expr, $handler:expr) => {
        $crate::web::routes::Route::declare("POST", $path, $access, |cfg, path| {
            cfg.route(path, ::actix_web::web::post().to($handler));
        })
    };
    (@make PATCH $path:literal, $access:expr, $handler:expr) => {
        $crate::web::routes::Route::declare("PATCH", $path, $access, |cfg, path| {
            cfg.route(path, ::actix_web::web::patch().to($handler));
        })
    };
}

/// The routes that belong to no feature: health, static files, sign-in, preferences, home.
const CORE: &[Route] = &[
    route!(GET "/healthz", public => health::healthz),
    route!(GET "/static/{name}", public => super::static_files::serve),
    route!(GET "/signin", public => auth::handlers::sign_in_page),
    route!(POST "/signin", public => auth::handlers::sign_in),
    route!(POST "/preferences/language", public => super::preferences::set_language),
    route!(POST "/signout", signed_in => auth::handlers::sign_out),
    route!(POST "/preferences/view", signed_in => super::preferences::set_view),
    route!(GET "/", signed_in => home::home),
    route!(GET "/account", signed_in => crate::account::profile),
];

/// Every table, in registration order: a literal path (`/customers/new`) must come before the
/// pattern that would also match it (`/customers/{tenant}`).
const TABLES: &[&[Route]] = &[
    CORE,
    crate::attention::handlers::ROUTES,
    activity::handlers::ROUTES,
    users::handlers::ROUTES,
    users::password_pages::ROUTES,
    customers::handlers::ROUTES,
    catalog::handlers::ROUTES,
    orders::handlers::ROUTES,
    software::handlers::ROUTES,
    cancellation::handlers::ROUTES,
    billing::handlers::ROUTES,
    support::handlers::ROUTES,
    support::console::handlers::ROUTES,
    admin_center::handlers::ROUTES,
    software::public::ROUTES,
    api::token_pages::ROUTES,
    api::ROUTES,
];

/// Every route the application serves.
pub fn all() -> impl Iterator<Item = &'static Route> {
    TABLES.iter().flat_map(|table| table.iter())
}

/// The path's first segment (`/customers` of `/customers/{tenant}`); none for `/`.
fn first_segment(path: &str) -> &str {
    let end = path[1..].find('/').map_or(path.len(), |i| i + 1);
    if end == 1 { "" } else { &path[..end] }
}

/// Registers every route, in a scope per first segment: a request is matched against the few
/// routes under its own first segment, not tried against every pattern of the table in turn
/// (each a regular expression). Within a scope the table's order is kept.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut scopes: Vec<(&str, Vec<&Route>)> = Vec::new();
    for route in all() {
        let segment = first_segment(route.path);
        match scopes.iter_mut().find(|(s, _)| *s == segment) {
            Some((_, routes)) => routes.push(route),
            None => scopes.push((segment, vec![route])),
        }
    }
    for (segment, routes) in scopes {
        if segment.is_empty() {
            routes.iter().for_each(|r| (r.register)(cfg, r.path));
            continue;
        }
        cfg.service(web::scope(segment).configure(|scope| {
            routes
                .iter()
                .for_each(|r| (r.register)(scope, &r.path[segment.len()..]));
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_has_a_literal_first_segment_to_be_scoped_by() {
        assert_eq!(first_segment("/"), "");
        assert_eq!(first_segment("/customers"), "/customers");
        assert_eq!(first_segment("/v1/customers/{tenant}"), "/v1");
        for route in all() {
            let segment = first_segment(route.path);
            assert!(
                route.path.starts_with('/') && !segment.contains('{'),
                "{route:?}"
            );
        }
    }

    #[test]
    fn no_route_is_declared_twice() {
        let mut seen = std::collections::HashSet::new();
        for route in all() {
            assert!(seen.insert((route.method, route.path)), "{route:?}");
        }
    }

    #[test]
    fn literal_paths_come_before_the_patterns_that_would_swallow_them() {
        let routes: Vec<&Route> = all().collect();
        for (i, later) in routes.iter().enumerate() {
            for earlier in &routes[..i] {
                let shadowed = earlier.method == later.method
                    && !later.path.contains('{')
                    && matches_pattern(earlier.path, later.path);
                assert!(!shadowed, "{earlier:?} hides {later:?}");
            }
        }
    }

    fn matches_pattern(pattern: &str, path: &str) -> bool {
        let (p, q): (Vec<&str>, Vec<&str>) =
            (pattern.split('/').collect(), path.split('/').collect());
        p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| a.starts_with('{') || a == b)
    }
}
