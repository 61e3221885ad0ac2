//! Buying for a customer: the cart, the Review page, placing orders (idempotently), product
//! keys, and the customer's order history (R-10..R-13).

pub mod cart;
pub mod handlers;
pub mod keys;
pub mod place;
pub mod pricing;
pub mod queries;
pub mod views;
