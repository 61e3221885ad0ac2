//! Cancelling a software purchase (R-30..R-36): the dialog on the Software page, the rules,
//! and the one transaction that cancels the lines, revokes their keys and links, books the
//! credit and records the activity — exactly once.

pub mod cancel;
pub mod handlers;
pub mod queries;
pub mod rules;
pub mod views;
