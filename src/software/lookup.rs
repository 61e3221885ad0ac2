//! Finding a purchase from a page's address, for every page about one purchase: the
//! Software page's handlers, the KMS move and the Cancel dialog.

use diesel_async::AsyncPgConnection;

use super::pages::Caller;
use super::queries::{self, Purchase};
use crate::auth::{CurrentUser, CustomerScope, PartnerScope};
use crate::customers::Customer;
use crate::customers::claim::Claim;
use crate::error::AppError;
use crate::ids::LineId;

/// This partner's customer and one of its purchases, or 404.
pub async fn find(
    conn: &AsyncPgConnection,
    partner: PartnerScope,
    tenant: &str,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase), AppError> {
    purchase_of(conn, &partner, tenant, line).await
}

/// A purchase of one of this partner's customers, named by the URL's tenant and line; 404
/// for anything else.
pub async fn purchase_of(
    conn: &AsyncPgConnection,
    scope: &PartnerScope,
    tenant: &str,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase), AppError> {
    let (claim, line) = claimed(scope, tenant, line)?;
    let (customer, purchase) = queries::claimed_purchase(conn, claim, line)
        .await?
        .ok_or(AppError::NotFound)?;
    let customer_scope = claim.scope_for(&customer).ok_or(AppError::NotFound)?;
    Ok((customer, customer_scope, purchase))
}

/// `find` with the purchase's key while it is valid, for the key page.
pub async fn find_keyed(
    conn: &AsyncPgConnection,
    partner: PartnerScope,
    tenant: &str,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase, queries::Keyed), AppError> {
    let (claim, line) = claimed(&partner, tenant, line)?;
    let (customer, purchase, key) = queries::claimed_purchase_key(conn, claim, line)
        .await?
        .ok_or(AppError::NotFound)?;
    let customer_scope = claim.scope_for(&customer).ok_or(AppError::NotFound)?;
    Ok((customer, customer_scope, purchase, key))
}

/// What the address claims: this partner's customer `tenant` and its line `line`.
fn claimed(scope: &PartnerScope, tenant: &str, line: &str) -> Result<(Claim, LineId), AppError> {
    let id = crate::ids::CustomerId::parse(tenant).ok_or(AppError::NotFound)?;
    let line = LineId::parse(line).ok_or(AppError::NotFound)?;
    Ok((Claim::of_partner(scope, id), line))
}

pub fn caller(
    user: &CurrentUser,
    scope: CustomerScope,
    partner_id: crate::ids::PartnerId,
) -> Caller<'_> {
    Caller {
        scope,
        partner_id,
        user,
        base: format!("/customers/{}/software", scope.customer_id()),
    }
}
