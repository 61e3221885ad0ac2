//! Customers (tenants) of a partner: the searchable list, adding one, and the detail page
//! with its Software and Order history tabs.

pub mod claim;
pub mod forms;
pub mod handlers;
pub mod queries;
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
    /// Kept by the database as orders are placed (the `order_counts` migration).
    pub order_count: i32,
    /// Kept by the database as purchases are added (the `software_counts` migration).
    pub software_lines: i32,
}
