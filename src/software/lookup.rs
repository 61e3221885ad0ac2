//! Finding a purchase from a page's address, for every page about one purchase: the
//! Software page's handlers, the KMS move and the Cancel dialog.

use super::pages::Caller;
use super::queries::{self, Purchase};
use crate::auth::{CustomerScope, Need, PartnerScope, perm};
use crate::customers::Customer;
use crate::customers::claim::Claim;
use crate::db::DbConn;
use crate::error::AppError;

/// This partner's customer and one of its purchases, or 404.
pub async fn find(
    conn: &mut DbConn,
    need: &Need<perm::SoftwareKeys>,
    tenant: &str,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase), AppError> {
    purchase_of(conn, &need.partner()?, tenant, line).await
}

/// A purchase of one of this partner's customers, named by the URL's tenant and line; 404
/// for anything else.
pub async fn purchase_of(
    conn: &mut DbConn,
    scope: &PartnerScope,
    tenant: &str,
    line: &str,
) -> Result<(Customer, CustomerScope, Purchase), AppError> {
    let id = crate::ids::CustomerId::parse(tenant).ok_or(AppError::NotFound)?;
    let line = crate::ids::LineId::parse(line).ok_or(AppError::NotFound)?;
    let claim = Claim::of_partner(scope, id);
    let (customer, purchase) = queries::claimed_purchase(conn, claim, line)
        .await?
        .ok_or(AppError::NotFound)?;
    let customer_scope = claim.scope_for(&customer).ok_or(AppError::NotFound)?;
    Ok((customer, customer_scope, purchase))
}

pub fn caller<'a>(
    need: &'a Need<perm::SoftwareKeys>,
    scope: CustomerScope,
    partner_id: crate::ids::PartnerId,
) -> Caller<'a> {
    Caller {
        scope,
        partner_id,
        user: &need.user,
        base: format!("/customers/{}/software", scope.customer_id()),
    }
}
