//! The permission matrix, generated from the policy table: every route × every kind of user
//! × own tenant / another partner's tenant.

use cspdesk::auth::{Perm, Role, UserKind};
use cspdesk::ids::{CustomerId, PartnerId};
use cspdesk::web::routes::{self, Access, Route};

use crate::support::fixtures_people::other_shop;
use crate::support::{TestApp, Visitor, product_id};

/// Who the matrix signs in as: anonymous (None), then one user of each role.
const IDENTITIES: &[Option<Role>] = &[
    None,
    Some(Role::AdminAgent),
    Some(Role::GlobalAdmin),
    Some(Role::SalesAgent),
    Some(Role::HelpdeskAgent),
    Some(Role::BillingAdmin),
    Some(Role::AccountAdmin),
    Some(Role::ReferralAdmin),
    Some(Role::MarketingAdmin),
    Some(Role::CustomerGlobalAdmin),
    Some(Role::CustomerUser),
    Some(Role::SupportEngineer),
];

/// A user with only `role`: staff of `partner`, a user of its customer `own`, or a support
/// engineer. Their e-mail.
async fn user_with(app: &TestApp, partner: PartnerId, own: CustomerId, role: Role) -> String {
    match role.kind() {
        UserKind::Partner => app.user(partner).roles(&[role]).await,
        UserKind::Customer => app.user(partner).customer(own).roles(&[role]).await,
        UserKind::Support => app.support_engineer().await,
    }
}

fn holds(roles: &[Role], perm: Perm) -> bool {
    perm.roles().iter().any(|r| roles.contains(r))
}

/// What a route should answer: (status, for own tenant; status, for another partner's).
fn expected(route: &Route, signed_in: bool, roles: &[Role]) -> (u16, u16) {
    let ok = match (route.method, route.path) {
        ("GET", _) => 200,
        // Adding a user answers with the page that shows the new sign-in details once, and
        // so does creating an API token with its secret.
        ("POST", "/account/users" | "/account/api-tokens") => 200,
        // The matrix sends no new password: the form comes back with its message.
        ("POST", "/account/password") => 422,
        _ => 303,
    };
    let allowed = match route.access {
        Access::Public => return public_expectation(route, signed_in),
        Access::SignedIn if !signed_in => return (303, 303),
        Access::SignedIn => true,
        Access::Needs(_) if !signed_in => return (303, 303),
        Access::Needs(perm) => holds(roles, perm),
        // A session, whoever's, never authorizes an API call: no token, 401.
        Access::Token(_) => return (401, 401),
    };
    // The matrix names a product or order the customer does not have: found nowhere.
    let inner_id = [
        "{product}",
        "{order}",
        "{line}",
        "{variant}",
        "{request}",
        "{file}",
        "{user}",
        "{token}",
    ]
    .iter()
    .any(|id| route.path.contains(id));
    match (allowed, route.path.contains("{tenant}")) {
        (false, _) => (403, 403),
        (true, _) if inner_id => (404, 404),
        (true, true) => (ok, 404),
        (true, false) => (ok, ok),
    }
}

fn public_expectation(route: &Route, signed_in: bool) -> (u16, u16) {
    match (route.method, route.path) {
        // A signed-in user is sent on from the sign-in page.
        ("GET", "/signin") if signed_in => (303, 303),
        // The matrix uses a token no link has.
        ("GET", "/dl/{token}") => (404, 404),
        (_, "/set-password/{token}") => (404, 404),
        // The matrix posts a wrong password: the form comes back with its message.
        ("POST", "/signin") => (422, 422),
        ("GET", _) => (200, 200),
        _ => (303, 303),
    }
}

/// A valid form for each POST route, so "allowed" means the action succeeds. `product` is a
/// catalog product sold in every market.
fn form_for(path: &str, n: usize, product: &str, tenant: &str) -> Vec<(&'static str, String)> {
    match path {
        "/support/requests" => vec![
            ("problem_type", "other".into()),
            ("impact", "low".into()),
            ("title", format!("Matrix question {n}")),
            ("tenant", tenant.to_string()),
            ("reason", "A question from the permission matrix.".into()),
            ("contact_name", "Matrix".into()),
            ("contact_email", "matrix@example.test".into()),
            ("contact_phone", "+1 425 555 0100".into()),
        ],
        "/customers/{tenant}/cart" => vec![
            ("product_id", product.to_string()),
            ("quantity", "1".into()),
        ],
        "/customers" => vec![
            ("company_name", format!("Matrix {n}")),
            ("primary_domain", format!("matrix{n}.test")),
            ("market", "US".into()),
            ("currency", "USD".into()),
        ],
        "/signin" => vec![
            ("email", format!("nobody{n}@example.test")),
            ("password", "wrong".into()),
        ],
        "/preferences/view" => vec![("view", "workspaces".into())],
        "/account/users" => vec![
            ("name", format!("Matrix User {n}")),
            ("email", format!("matrix{n}@contoso.example")),
            ("roles", "sales_agent".into()),
            ("credential", "link".into()),
        ],
        "/preferences/language" => vec![("lang", "en".into())],
        "/account/api-tokens" => vec![
            ("name", format!("Matrix token {n}")),
            ("days", "30".into()),
            ("scopes", "customers:read".into()),
        ],
        "/customers/{tenant}/cart/{product}/quantity" => vec![("quantity", "2".into())],
        _ => vec![],
    }
}

/// A concrete path: the given tenant, and ids (and a link token) that name nothing.
fn fill(path: &str, tenant: &str, unknown: &str) -> String {
    path.replace("{tenant}", tenant)
        .replace("{product}", unknown)
        .replace("{order}", unknown)
        .replace("{line}", unknown)
        .replace("{request}", unknown)
        .replace("{file}", unknown)
        .replace("{user}", unknown)
        .replace("{variant}", unknown)
        .replace("{token}", &"A".repeat(43))
        // A past month's invoice always exists (empty if nothing happened in it).
        .replace("{month}", "2020-01")
        .replace("{currency}", "USD")
        .replace("{name}", "app.css")
}

async fn call(
    v: &Visitor,
    route: &Route,
    path: &str,
    n: usize,
    product: &str,
    tenant: &str,
) -> u16 {
    match route.method {
        "GET" => return v.get(path).await.status,
        "PATCH" => {
            let body = r#"{"status": "cancelled"}"#;
            return v.send_json(reqwest::Method::PATCH, path, body).await.status;
        }
        _ => {}
    }
    let form = form_for(route.path, n, product, tenant);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    v.post(path, &fields).await.status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_answers_every_role_as_the_policy_says() {
    let app = TestApp::spawn().await;
    // A partner and its customer; another partner's customer is found nowhere.
    let partner = app.partner("Contoso").await;
    let customer = app.customer(partner).await;
    let own = customer.to_string();
    let other = other_shop(&app).await.customer.to_string();
    let product = product_id(&app, "ws2022-std").await;
    // Sign-out ends the session, so it goes last.
    let mut routes: Vec<&Route> = routes::all().collect();
    routes.sort_by_key(|r| r.path == "/signout");
    let mut failures = Vec::new();
    let mut n = 0;
    for role in IDENTITIES {
        let (email, roles) = match role {
            Some(role) => (
                Some(user_with(&app, partner, customer, *role).await),
                vec![*role],
            ),
            None => (None, Vec::new()),
        };
        let v = match &email {
            Some(e) => app.signed_in(e).await,
            None => app.visitor(),
        };
        for route in &routes {
            let (want_own, want_other) = expected(route, email.is_some(), &roles);
            for (tenant, want) in [(&own, want_own), (&other, want_other)] {
                n += 1;
                let unknown = uuid::Uuid::new_v4().to_string();
                let path = fill(route.path, tenant, &unknown);
                let got = call(&v, route, &path, n, &product, tenant).await;
                if got != want {
                    failures.push(format!(
                        "{} {path} as {role:?}: got {got}, want {want}",
                        route.method
                    ));
                }
                if !route.path.contains("{tenant}") {
                    break;
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_post_route_refuses_a_missing_or_wrong_csrf_token() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let own = shop.customer.to_string();
    let v = app.signed_in(&shop.agent).await;
    let unknown = uuid::Uuid::new_v4().to_string();
    // API routes take a token, never a session or its CSRF token (see the API's tests).
    let forms =
        routes::all().filter(|r| r.method == "POST" && !matches!(r.access, Access::Token(_)));
    for route in forms {
        let path = fill(route.path, &own, &unknown);
        let form = form_for(route.path, 0, &unknown, &own);
        let mut fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            v.post_raw(&path, &fields).await.status,
            403,
            "{path} without a token"
        );
        fields.push(("csrf_token", "forged"));
        assert_eq!(
            v.post_raw(&path, &fields).await.status,
            403,
            "{path} with a wrong token"
        );
    }
    assert_eq!(
        v.get("/customers").await.status,
        200,
        "still signed in: nothing was changed"
    );
}
