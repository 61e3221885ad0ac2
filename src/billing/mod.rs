//! Billing: the partner's monthly invoices, with a line for each order placed in the month
//! and a credit line for each cancellation or approved refund.

pub mod credits;
pub mod export;
pub mod handlers;
pub mod queries;
pub mod rules;
pub mod views;
