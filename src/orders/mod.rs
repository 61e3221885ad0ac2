//! Buying for a customer: the cart, the Review page, placing orders (idempotently), product
//! keys, and the customer's order history (R-10..R-13).

pub mod cart;
pub mod handlers;
mod insert;
pub mod keys;
pub mod place;
pub mod place_pages;
pub mod pricing;
pub mod queries;
pub mod seen;
pub mod tokens;
pub mod views;

/// Where an order stands: completed when placed, cancelled once every line is; the database
/// allows these three codes.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    diesel::deserialize::FromSqlRow,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum OrderStatus {
    Completed,
    Cancelled,
    PartlyCancelled,
}

impl OrderStatus {
    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::Completed => "completed",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::PartlyCancelled => "partly_cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<OrderStatus> {
        [
            OrderStatus::Completed,
            OrderStatus::Cancelled,
            OrderStatus::PartlyCancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    pub fn label_key(self) -> String {
        format!("order-status-{}", self.code().replace('_', "-"))
    }
}

crate::stored_as_code!(OrderStatus);
