//! `cspdesk seed-demo`: the demo partners, users and customers listed in the README. It adds
//! nothing to a database that already has partners, so it is safe to run on every start.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

pub mod catalog;
pub mod orders;

use crate::auth::{Role, UserKind, password};
use crate::db::schema::{customers, partners, user_roles, users};
use crate::error::AppError;

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
pub async fn demo(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<bool, AppError> {
    let partners_count: i64 = partners::table.count().get_result(conn).await?;
    if partners_count > 0 {
        return Ok(false);
    }
    // One hash for all demo accounts: they share a password and hashing is deliberately slow.
    let hash = web_block_hash().await?;
    conn.transaction::<_, AppError, _>(async move |conn| {
        let contoso = partner(conn, "Contoso Partner", now).await?;
        for (local, name, role) in CONTOSO_STAFF {
            let email = format!("{local}@contoso-partner.test");
            user(
                conn,
                &hash,
                &email,
                name,
                (UserKind::Partner, contoso, None),
                *role,
                now,
            )
            .await?;
        }
        tenants(conn, &hash, contoso, CONTOSO_CUSTOMERS, now).await?;
        let fabrikam = partner(conn, "Fabrikam Partner", now).await?;
        let kind = (UserKind::Partner, fabrikam, None);
        user(
            conn,
            &hash,
            "admin.agent@fabrikam-partner.test",
            "Finley Admin-Agent",
            kind,
            Role::AdminAgent,
            now,
        )
        .await?;
        tenants(conn, &hash, fabrikam, FABRIKAM_CUSTOMERS, now).await?;
        support_user(conn, &hash, now).await?;
        catalog::insert(conn, now).await?;
        orders::insert(conn, now).await?;
        Ok(())
    })
    .await?;
    Ok(true)
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
) -> Result<Uuid, AppError> {
    let id = Uuid::new_v4();
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
    partner_id: Uuid,
    list: &[(&str, &str, &str, &str)],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    for (company, market, domain, currency) in list {
        let id = Uuid::new_v4();
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
        let kind = (UserKind::Customer, partner_id, Some(id));
        let admin = format!("admin@{domain}");
        user(
            conn,
            hash,
            &admin,
            &format!("{company} admin"),
            kind,
            Role::CustomerGlobalAdmin,
            now,
        )
        .await?;
        let plain = format!("user@{domain}");
        user(
            conn,
            hash,
            &plain,
            &format!("{company} user"),
            kind,
            Role::CustomerUser,
            now,
        )
        .await?;
    }
    Ok(())
}

async fn support_user(
    conn: &mut AsyncPgConnection,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let id = Uuid::new_v4();
    insert_user(
        conn,
        id,
        hash,
        "support@cspdesk.test",
        "Skyler Support-Engineer",
        UserKind::Support,
        None,
        None,
        now,
    )
    .await?;
    grant(conn, id, Role::SupportEngineer).await
}

async fn user(
    conn: &mut AsyncPgConnection,
    hash: &str,
    email: &str,
    name: &str,
    (kind, partner_id, customer_id): (UserKind, Uuid, Option<Uuid>),
    role: Role,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let id = Uuid::new_v4();
    insert_user(
        conn,
        id,
        hash,
        email,
        name,
        kind,
        Some(partner_id),
        customer_id,
        now,
    )
    .await?;
    grant(conn, id, role).await
}

#[allow(clippy::too_many_arguments)]
async fn insert_user(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    hash: &str,
    email: &str,
    name: &str,
    kind: UserKind,
    partner_id: Option<Uuid>,
    customer_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    diesel::insert_into(users::table)
        .values((
            users::id.eq(id),
            users::email.eq(email),
            users::display_name.eq(name),
            users::password_hash.eq(hash),
            users::kind.eq(kind.code()),
            users::partner_id.eq(partner_id),
            users::customer_id.eq(customer_id),
            users::created_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

async fn grant(conn: &mut AsyncPgConnection, user_id: Uuid, role: Role) -> Result<(), AppError> {
    diesel::insert_into(user_roles::table)
        .values((
            user_roles::user_id.eq(user_id),
            user_roles::role.eq(role.code()),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
