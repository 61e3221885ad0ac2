//! What needs attention today, for partner staff: the home page's figures above the tiles and
//! the "Needs attention" page they lead to. Every figure is one statement read off an index and
//! capped (`CAP`), so the home page costs the same for a partner with 10 orders or 200,000.

pub mod handlers;
pub mod queries;
pub mod views;

/// The most any figure counts; more reads "100+".
pub const CAP: i64 = 100;
/// A cancellation window "ends soon" within this many days.
pub const WINDOW_DAYS_AHEAD: i64 = 3;
/// A download link "expires soon" within this many days.
pub const LINK_DAYS_AHEAD: i64 = 2;
