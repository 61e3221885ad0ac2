//! `cspdesk seed-demo`: the demo partners, users and customers listed in the README. It adds
//! nothing to a database that already has partners, so it is safe to run on every start.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

pub mod artifacts;
pub mod bench;
pub mod bench_activity;
pub mod catalog;
mod catalog_items;
pub mod orders;

use crate::auth::{Role, password};
use crate::db::schema::{customers, partners, user_roles, users};
use crate::error::AppError;
use crate::ids::{CustomerId, PartnerId, UserId};
use crate::storage::ArtifactStore;

pub const DEMO_PASSWORD: &str = "cspdesk-demo";

const CONTOSO_STAFF: &[(&str, &str, Role)] = &[
    ("admin.agent", "Avery Admin-Agent", Role::AdminAgent),
    ("global.admin", "Gabriel Global-Admin", Role::GlobalAdmin),
    ("sales.agent", "Sam Sales-Agent", Role::SalesAgent),
    (
        "helpdesk.agent",
        "Harper Helpdesk-Agent",
        Role::HelpdeskAgent,
    ),
    ("billing.admin", "Blake Billing-Admin", Role::BillingAdmin),
    ("account.admin", "Alex Account-Admin", Role::AccountAdmin),
    (
        "referral.admin",
        "Riley Referral-Admin",
        Role::ReferralAdmin,
    ),
    (
        "marketing.admin",
        "Morgan Marketing-Admin",
        Role::MarketingAdmin,
    ),
];

/// (company, market, domain, currency)
const CONTOSO_CUSTOMERS: &[(&str, &str, &str, &str)] = &[
    ("Northwind Traders", "US", "northwind.test", "USD"),
    ("Tailspin Toys", "AU", "tailspintoys.test", "AUD"),
    ("Woodgrove Bank", "BR", "woodgrove.test", "BRL"),
    ("Adatum Corporation", "TR", "adatum.test", "TRY"),
    ("Litware Inc.", "PL", "litware.test", "PLN"),
    ("Fourth Coffee", "HU", "fourthcoffee.test", "HUF"),
    ("Alpine Ski House", "RU", "alpineskihouse.test", "RUB"),
    ("Proseware", "KR", "proseware.test", "KRW"),
    ("Trey Research", "CN", "treyresearch.test", "CNY"),
    (
        "Wide World Importers",
        "AZ",
        "wideworldimporters.test",
        "USD",
    ),
];

const FABRIKAM_CUSTOMERS: &[(&str, &str, &str, &str)] = &[
    ("Lamna Healthcare", "US", "lamna.test", "USD"),
    ("Relecloud", "DE", "relecloud.test", "EUR"),
];

/// Returns false (and changes nothing) when the database already has data.
pub async fn demo(
    conn: &mut AsyncPgConnection,
    store: &dyn ArtifactStore,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let partners_count: i64 = partners::table.count().get_result(conn).await?;
    if partners_count > 0 {
        return Ok(false);
    }
    // One hash for all demo accounts: they share a password and hashing is deliberately slow.
    let hash = web_block_hash().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        partners_and_people(conn, &hash, now).await?;
        catalog::insert(conn, now).await?;
        artifacts::insert(conn, store, now).await?;
        orders::insert(conn, now).await?;
        Ok(())
    })
    .await?;
    Ok(true)
}

/// The two demo partners with their staff and customers, and the support engineer.
async fn partners_and_people(
    conn: &mut AsyncPgConnection,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let contoso = partner(conn, "Contoso Partner", now).await?;
    for (local, name, role) in CONTOSO_STAFF {
        let email = format!("{local}@contoso-partner.test");
        let account = Account {
            email: &email,
            name,
            role: *role,
            partner_id: Some(contoso),
            customer_id: None,
        };
        user(conn, hash, account, now).await?;
    }
    integration(conn, hash, contoso, now).await?;
    tenants(conn, hash, contoso, CONTOSO_CUSTOMERS, now).await?;
    let fabrikam = partner(conn, "Fabrikam Partner", now).await?;
    let account = Account {
        email: "admin.agent@fabrikam-partner.test",
        name: "Finley Admin-Agent",
        role: Role::AdminAgent,
        partner_id: Some(fabrikam),
        customer_id: None,
    };
    user(conn, hash, account, now).await?;
    tenants(conn, hash, fabrikam, FABRIKAM_CUSTOMERS, now).await?;
    let account = Account {
        email: "support@cspdesk.test",
        name: "Skyler Support-Engineer",
        role: Role::SupportEngineer,
        partner_id: None,
        customer_id: None,
    };
    user(conn, hash, account, now).await?;
    Ok(())
}

const INTEGRATION: &str = "integration@contoso-partner.test";

/// Contoso's integration admin: a Global admin who is also an Admin agent, so the API tokens
/// they make can be granted every scope (a token never exceeds its creator).
async fn integration(
    conn: &mut AsyncPgConnection,
    hash: &str,
    contoso: PartnerId,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let account = Account {
        email: INTEGRATION,
        name: "Ira Integration-Admin",
        role: Role::GlobalAdmin,
        partner_id: Some(contoso),
        customer_id: None,
    };
    let id = user(conn, hash, account, now).await?;
    grant(conn, id, Role::AdminAgent).await
}

/// Adds the integration admin to demo data made before it existed (the benchmark's data
/// directory is kept from run to run); nothing if it is there.
pub async fn integration_admin(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if crate::auth::store::user_by_email(conn, INTEGRATION)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let contoso: Option<PartnerId> = partners::table
        .filter(partners::name.eq("Contoso Partner"))
        .select(partners::id)
        .first(conn)
        .await
        .optional()?;
    let Some(contoso) = contoso else {
        return Ok(());
    };
    let hash = web_block_hash().await?;
    integration(conn, &hash, contoso, now).await
}

async fn web_block_hash() -> Result<String, AppError> {
    tokio::task::spawn_blocking(|| password::hash(DEMO_PASSWORD))
        .await
        .map_err(AppError::internal)?
}

async fn partner(
    conn: &mut AsyncPgConnection,
    name: &str,
    now: DateTime<Utc>,
) -> Result<PartnerId, AppError> {
    let id = PartnerId::random();
    diesel::insert_into(partners::table)
        .values((
            partners::id.eq(id),
            partners::name.eq(name),
            partners::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(id)
}

async fn tenants(
    conn: &mut AsyncPgConnection,
    hash: &str,
    partner_id: PartnerId,
    list: &[(&str, &str, &str, &str)],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    for (company, market, domain, currency) in list {
        let id = CustomerId::random();
        diesel::insert_into(customers::table)
            .values((
                customers::id.eq(id),
                customers::partner_id.eq(partner_id),
                customers::company_name.eq(company),
                customers::primary_domain.eq(domain),
                customers::market.eq(market),
                customers::currency.eq(currency),
                customers::created_at.eq(now),
            ))
            .execute(conn)
            .await?;
        for (local, role) in [
            ("admin", Role::CustomerGlobalAdmin),
            ("user", Role::CustomerUser),
        ] {
            let email = format!("{local}@{domain}");
            let name = format!("{company} {local}");
            let account = Account {
                email: &email,
                name: &name,
                role,
                partner_id: Some(partner_id),
                customer_id: Some(id),
            };
            user(conn, hash, account, now).await?;
        }
    }
    Ok(())
}

/// A demo account. Its kind (partner, customer, support staff) follows from its role.
struct Account<'a> {
    email: &'a str,
    name: &'a str,
    role: Role,
    partner_id: Option<PartnerId>,
    customer_id: Option<CustomerId>,
}

async fn user(
    conn: &mut AsyncPgConnection,
    hash: &str,
    a: Account<'_>,
    now: DateTime<Utc>,
) -> Result<UserId, AppError> {
    let id = UserId::random();
    diesel::insert_into(users::table)
        .values((
            users::id.eq(id),
            users::email.eq(a.email),
            users::display_name.eq(a.name),
            users::password_hash.eq(hash),
            users::kind.eq(a.role.kind()),
            users::partner_id.eq(a.partner_id),
            users::customer_id.eq(a.customer_id),
            users::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    grant(conn, id, a.role).await?;
    Ok(id)
}

async fn grant(conn: &mut AsyncPgConnection, user_id: UserId, role: Role) -> Result<(), AppError> {
    diesel::insert_into(user_roles::table)
        .values((
            user_roles::user_id.eq(user_id),
            user_roles::role.eq(role.code()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
