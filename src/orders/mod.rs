//! Buying for a customer: the cart, the Review page, placing orders (idempotently), product
//! keys, and the customer's order history (R-10..R-13).

pub mod cart;
pub mod handlers;
pub mod history;
pub mod insert;
pub mod keys;
pub mod place;
pub mod place_pages;
pub mod pricing;
pub mod queries;
pub mod seen;
pub mod tokens;
pub mod views;

crate::stored_enum! {
    /// Where an order stands: completed when placed, cancelled once every line is; the
    /// database allows these three codes.
    pub enum OrderStatus {
        Completed = "completed",
        Cancelled = "cancelled",
        PartlyCancelled = "partly_cancelled",
    }
}

impl OrderStatus {
    pub fn label_key(self) -> String {
        format!("order-status-{}", self.code().replace('_', "-"))
    }
}
