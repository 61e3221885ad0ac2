//! The support console: vendor support engineers review all partners' requests,
//! ask for information, and approve or reject them. Approving a refund credits the partner.

pub mod actions;
pub mod confirm;
pub mod decide;
pub mod handlers;
pub mod queries;
pub mod queue_views;
pub mod views;
