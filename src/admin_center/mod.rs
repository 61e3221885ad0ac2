//! The customer's own admin center: Billing › Your products › Software for the
//! tenant's staff, with keys and downloads for its Global admin, and — beyond the original —
//! the record of who accessed those keys and downloads.

pub mod handlers;
pub mod queries;
pub mod views;
