//! Support requests (R-60..R-62): partner staff report a problem — above all a refund on behalf
//! of a customer — and follow it; vendor support staff review it in their own console.

pub mod attachments;
pub mod console;
pub mod draft;
pub mod file_types;
pub mod filing;
pub mod handlers;
pub mod queries;
pub mod receive;
pub mod request_pages;
pub mod rules;
pub mod step;
pub mod stored_files;
pub mod sweep;
pub mod timeline;
pub mod upload;
pub mod views;
