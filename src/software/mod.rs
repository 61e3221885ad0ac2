//! The Software page (R-20..R-27): a customer's software purchases, their Multiple Activation
//! Keys, downloads and expiring download links, for partner Admin agents and for the
//! customer's own Global admin.

pub mod audit;
pub mod chooser;
pub mod download;
pub mod file_pages;
pub mod handlers;
pub mod kms;
pub mod link_refusals;
pub mod link_views;
pub mod links;
pub mod lookup;
pub mod migration;
pub mod migration_form;
pub mod pages;
pub mod public;
pub mod queries;
pub mod rules;
pub mod views;
