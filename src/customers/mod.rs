//! Customers (tenants) of a partner: the searchable list, adding one, and the detail page
//! with its Software and Order history tabs.

pub mod claim;
pub mod forms;
pub mod handlers;
pub mod queries;
pub mod search;
pub mod sorting;
pub mod views;

use crate::ids::{CustomerId, PartnerId};
use crate::money::Currency;
use chrono::{DateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::customers;

#[derive(Clone, Debug, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = customers)]
pub struct Customer {
    /// The tenant GUID.
    pub id: CustomerId,
    pub partner_id: PartnerId,
    pub company_name: String,
    pub primary_domain: String,
    pub market: String,
    pub currency: Currency,
    pub created_at: DateTime<Utc>,
}

/// A customer's counts, kept by the database as orders are placed, in rows of their own so
/// that the customer's row does not change with every order (the `customer_counts`
/// migration), one per slot (the `customer_count_slots` migration).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub orders: i32,
    /// The software lines bought (the Software list's purchases).
    pub software_lines: i32,
}
