//! What each field of a support request must be, as pure functions, so the form, the
//! reply and the console all check the same way.

mod fields;
mod kinds;
mod refund;
mod status;
#[cfg(test)]
mod tests;

pub use fields::*;
pub use kinds::*;
pub use refund::*;
pub use status::*;
