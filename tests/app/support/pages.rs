//! The pages of the route table as the benchmark names them (`setup/bench`), found by following
//! the pages' own links on seeded data, with the role that sees each: the statement counts
//! (`page_statements`) and the phone-sized browser walk (`browser_phone`) visit the same list.

use super::ordering::older_link;
use super::{TestApp, Visitor, demo};

/// Who sees a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// Contoso's Admin agent.
    Agent,
    /// Contoso's Global admin.
    Admin,
    /// Adatum's customer admin.
    Tenant,
    /// The support engineer.
    Support,
}

impl Who {
    pub const ALL: [Who; 4] = [Who::Agent, Who::Admin, Who::Tenant, Who::Support];

    pub fn email(self) -> &'static str {
        match self {
            Who::Agent => demo::ADMIN,
            Who::Admin => demo::GLOBAL,
            Who::Tenant => "admin@adatum.test",
            Who::Support => "support@cspdesk.test",
        }
    }
}

/// The signed-in visitors the benchmark uses: the Admin agent, the Global admin, a customer's
/// admin and the support engineer.
pub struct People {
    pub agent: Visitor,
    pub admin: Visitor,
    pub tenant: Visitor,
    pub support: Visitor,
}

/// Seeds the benchmark's data sets at `size` (orders, customers, support requests, activity)
/// on top of the demo data; the big customer's tenant id.
pub async fn seed(
    app: &TestApp,
    size: cspdesk::seed::bench::Size,
    now: chrono::DateTime<chrono::Utc>,
) -> cspdesk::ids::CustomerId {
    let mut conn = app.conn().await;
    let tenant = cspdesk::seed::bench::insert(&mut conn, now, size)
        .await
        .expect("bench data");
    cspdesk::seed::bench_activity::insert(&mut conn, now, size.activity_per_partner)
        .await
        .expect("bench activity");
    tenant
}

impl People {
    pub async fn sign_in(app: &TestApp) -> People {
        People {
            agent: app.signed_in(Who::Agent.email()).await,
            admin: app.signed_in(Who::Admin.email()).await,
            tenant: app.signed_in(Who::Tenant.email()).await,
            support: app.signed_in(Who::Support.email()).await,
        }
    }

    pub fn get(&self, who: Who) -> &Visitor {
        match who {
            Who::Agent => &self.agent,
            Who::Admin => &self.admin,
            Who::Tenant => &self.tenant,
            Who::Support => &self.support,
        }
    }
}

/// The benchmark's pages (`setup/bench`), found by following the pages' own links.
pub async fn pages(
    p: &People,
    tenant: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<(&'static str, Who, String)> {
    let customer = format!("/customers/{tenant}");
    let bought = first_link(&p.agent, &customer, &format!("{customer}/software/")).await;
    let order = first_link(
        &p.agent,
        &format!("{customer}/orders"),
        &format!("{customer}/orders/"),
    )
    .await;
    let month = last_month(now);
    let invoice = format!("/billing/invoices/{month}/USD");
    let request = first_link(&p.agent, "/support", "/support/requests/").await;
    let user = first_link(&p.admin, "/account/users", "/account/users/").await;
    let own = first_link(
        &p.tenant,
        "/your-products/software",
        "/your-products/software/",
    )
    .await;
    let queued = first_link(&p.support, "/console", "/console/requests/").await;
    let log = "/account/activity";
    vec![
        ("Home", Who::Agent, "/".to_string()),
        ("Software tab, first page", Who::Agent, customer.clone()),
        (
            "Software tab, second page",
            Who::Agent,
            older(&p.agent, &customer).await,
        ),
        ("A purchase", Who::Agent, bought.clone()),
        ("A purchase: Get key", Who::Agent, format!("{bought}/key")),
        (
            "A purchase: the Cancel dialog",
            Who::Agent,
            format!("{bought}/cancel"),
        ),
        ("Order history", Who::Agent, format!("{customer}/orders")),
        (
            "Order history, second page",
            Who::Agent,
            older(&p.agent, &format!("{customer}/orders")).await,
        ),
        (
            "Order history, oldest first",
            Who::Agent,
            format!("{customer}/orders?sort=oldest"),
        ),
        (
            "Order history, a search",
            Who::Agent,
            format!("{customer}/orders?q=Windows"),
        ),
        ("An order", Who::Agent, order),
        (
            "Add products",
            Who::Agent,
            format!("{customer}/add-products"),
        ),
        ("Review", Who::Agent, format!("{customer}/review")),
        ("Customers", Who::Agent, "/customers".to_string()),
        (
            "Customers, second page",
            Who::Agent,
            older(&p.agent, "/customers").await,
        ),
        (
            "Customers, search",
            Who::Agent,
            "/customers?q=bench-0000".to_string(),
        ),
        ("Add customer", Who::Agent, "/customers/new".to_string()),
        ("Billing", Who::Agent, "/billing".to_string()),
        ("An invoice", Who::Agent, invoice.clone()),
        (
            "An invoice, second page",
            Who::Agent,
            older(&p.agent, &invoice).await,
        ),
        ("Support requests", Who::Agent, "/support".to_string()),
        (
            "Support requests, second page",
            Who::Agent,
            older(&p.agent, "/support").await,
        ),
        (
            "Support requests waiting for the partner",
            Who::Agent,
            "/support?status=waiting_for_partner".to_string(),
        ),
        ("A support request", Who::Agent, request),
        ("Needs attention", Who::Agent, "/attention".to_string()),
        (
            "New support request",
            Who::Agent,
            "/support/requests/new".to_string(),
        ),
        ("Account settings", Who::Agent, "/account".to_string()),
        (
            "Change password",
            Who::Agent,
            "/account/password".to_string(),
        ),
        ("Activity log", Who::Admin, log.to_string()),
        (
            "Activity log, second page",
            Who::Admin,
            older(&p.admin, log).await,
        ),
        (
            "Activity log, downloads by link",
            Who::Admin,
            format!("{log}?op=link_used&user=link"),
        ),
        ("User management", Who::Admin, "/account/users".to_string()),
        ("A user", Who::Admin, user),
        ("Add user", Who::Admin, "/account/users/new".to_string()),
        (
            "Your products: Software",
            Who::Tenant,
            "/your-products/software".to_string(),
        ),
        (
            "Your products: who accessed keys and files",
            Who::Tenant,
            "/your-products/access".to_string(),
        ),
        ("Your products: a purchase", Who::Tenant, own.clone()),
        ("Your products: Get key", Who::Tenant, format!("{own}/key")),
        ("Support console", Who::Support, "/console".to_string()),
        (
            "Support console, second page",
            Who::Support,
            older(&p.support, "/console").await,
        ),
        ("Support console: a request", Who::Support, queued),
    ]
}

/// The first link on `page` to `prefix` followed by an id, and nothing more.
async fn first_link(v: &Visitor, page: &str, prefix: &str) -> String {
    let body = v.get(page).await.body;
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| {
            href.strip_prefix(prefix)
                .is_some_and(|id| uuid::Uuid::parse_str(id).is_ok())
        })
        .unwrap_or_else(|| panic!("{page} links to nothing under {prefix}"))
        .to_string()
}

/// The address of the "Older" link of the list at `page`.
async fn older(v: &Visitor, page: &str) -> String {
    let resp = v.get(page).await;
    assert_eq!(resp.status, 200, "{page}: {resp:?}");
    older_link(&resp.body).unwrap_or_else(|| panic!("{page} has no second page"))
}

fn last_month(now: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::{Datelike, Months};
    let first = now.date_naive().with_day(1).unwrap();
    (first - Months::new(1)).format("%Y-%m").to_string()
}
