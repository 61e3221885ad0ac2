//! A customer named by a page's address, read in the same statement as the page's rows.
//!
//! Every page about one customer needs the customer (its name for the breadcrumbs, its kept
//! counts for the pager, and proof that it belongs to the reader). Looking it up in a
//! statement of its own cost a sixth of those pages' speed (measured), so their statements
//! join `customers` themselves: a `Claim` says which customer and for whom, the statement
//! checks it, and each row carries the customer's columns (prefixed `c_`, see `COLUMNS`).
//! A page with no rows learns nothing about the customer and looks it up as before.

use diesel::deserialize::{self, QueryableByName};
use diesel::pg::Pg;
use diesel::row::{NamedRow, Row};
use diesel::sql_types::{Integer, Text, Timestamptz, Uuid as SqlUuid};

use super::{Counts, Customer};
use crate::auth::{CustomerScope, PartnerScope};
use crate::db::columns::at;
use crate::ids::{CustomerId, PartnerId};
use crate::money::Currency;

/// The customer a page is about, as far as the address and the reader tell: a partner's
/// staff may read any customer of their partner, a customer's users only their own.
#[derive(Clone, Copy, Debug)]
pub struct Claim {
    customer_id: CustomerId,
    /// `None` for a customer's own users: their scope is the customer itself.
    partner_id: Option<PartnerId>,
}

impl Claim {
    pub fn of_partner(scope: &PartnerScope, customer_id: CustomerId) -> Claim {
        Claim {
            customer_id,
            partner_id: Some(scope.partner_id()),
        }
    }

    pub fn own(scope: CustomerScope) -> Claim {
        Claim {
            customer_id: scope.customer_id(),
            partner_id: None,
        }
    }

    pub fn customer_id(&self) -> CustomerId {
        self.customer_id
    }

    pub fn partner_id(&self) -> Option<PartnerId> {
        self.partner_id
    }

    /// The reader's scope for this customer, once a statement has shown that the customer
    /// is theirs (it returned the customer).
    pub fn scope_for(&self, customer: &Customer) -> Option<CustomerScope> {
        if customer.id != self.customer_id {
            return None;
        }
        match self.partner_id {
            Some(partner_id) => {
                (customer.partner_id == partner_id).then(|| CustomerScope::claimed(customer.id))
            }
            None => Some(CustomerScope::claimed(customer.id)),
        }
    }
}

/// The customer's columns for a statement that names `customers` as `c` and binds the
/// customer's id as `$1`, last in its select list. Its counts are added up from its slots (a
/// few rows; see the `customer_count_slots` migration) by two subqueries on `$1`, which
/// PostgreSQL runs once per statement whatever the number of rows (a subquery on `c.id` would
/// run once per row).
pub const COLUMNS: &str = "c.id AS c_id, c.partner_id AS c_partner_id, \
     c.company_name AS c_company_name, c.primary_domain AS c_primary_domain, \
     c.market AS c_market, c.currency AS c_currency, c.created_at AS c_created_at, \
     (SELECT coalesce(sum(n.order_count), 0)::integer FROM customer_counts n \
       WHERE n.customer_id = $1) AS c_order_count, \
     (SELECT coalesce(sum(n.software_lines), 0)::integer FROM customer_counts n \
       WHERE n.customer_id = $1) AS c_software_lines";

/// A row of a page together with the customer it belongs to.
pub struct OfCustomer<T> {
    pub row: T,
    pub customer: (Customer, Counts),
}

/// How many columns `COLUMNS` names.
const COLUMN_COUNT: usize = 9;

/// A programming error, not a user's: a statement that put the customer's columns elsewhere.
const NOT_LAST: &str = "the customer's columns must come last in the statement";

impl<T: QueryableByName<Pg>> QueryableByName<Pg> for OfCustomer<T> {
    fn build<'a>(row: &impl NamedRow<'a, Pg>) -> deserialize::Result<Self> {
        // The customer's columns come last in the statement: read by position there, as
        // finding each by name compared it with every column before it, on every row.
        let base = row.field_count().saturating_sub(COLUMN_COUNT);
        if !crate::db::columns::named(row, base, "c_id") {
            return Err(NOT_LAST.into());
        }
        let customer = by_position(row, base)?;
        Ok(OfCustomer {
            row: T::build(row)?,
            customer,
        })
    }
}

fn by_position<'a>(row: &impl Row<'a, Pg>, base: usize) -> deserialize::Result<(Customer, Counts)> {
    let customer = Customer {
        id: at::<SqlUuid, _>(row, base)?,
        partner_id: at::<SqlUuid, _>(row, base + 1)?,
        company_name: at::<Text, _>(row, base + 2)?,
        primary_domain: at::<Text, _>(row, base + 3)?,
        market: at::<Text, _>(row, base + 4)?,
        currency: at::<diesel::sql_types::Bpchar, Currency>(row, base + 5)?,
        created_at: at::<Timestamptz, _>(row, base + 6)?,
    };
    let counts = Counts {
        orders: at::<Integer, _>(row, base + 7)?,
        software_lines: at::<Integer, _>(row, base + 8)?,
    };
    Ok((customer, counts))
}

/// The page's rows, and their customer with its counts when there is at least one row.
pub fn split<T>(rows: Vec<OfCustomer<T>>) -> (Option<(Customer, Counts)>, Vec<T>) {
    let mut customer = None;
    let rows = rows
        .into_iter()
        .map(|r| {
            customer.get_or_insert(r.customer);
            r.row
        })
        .collect();
    (customer, rows)
}
