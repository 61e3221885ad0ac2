//! Support requests (R-60..R-62): partner staff report a problem — above all a refund on behalf
//! of a customer — and follow it; vendor support staff review it in their own console.

pub mod attachments;
pub mod console;
pub mod file;
pub mod files;
pub mod handlers;
pub mod keep;
pub mod queries;
pub mod rules;
pub mod step;
pub mod sweep;
pub mod upload;
pub mod views;
