//! User management for a partner's Global admins, and choosing one's own password (R-40's
//! roles table: "manage the partner's users and their roles").

pub mod changes;
pub mod handlers;
pub mod listing;
pub mod member_pages;
pub mod members;
pub mod password_pages;
pub mod passwords;
pub mod rules;
pub mod store;
pub mod views;
