//! The demo data (`cspdesk::seed::demo`), which every test database starts with. Tests build
//! the data they need (`build.rs`); only the demo data's own tests use it: the README's demo
//! accounts (`sign_in::the_readmes_demo_accounts_sign_in_with_their_roles`), the demo orders
//! (`ordering::demo_orders_span_ninety_days_...`) and the benchmark set built on top of it
//! (`bench_data.rs`).

/// Contoso's Admin agent, who placed every demo order.
pub const ADMIN: &str = "admin.agent@contoso-partner.test";
/// Contoso's Global admin.
pub const GLOBAL: &str = "global.admin@contoso-partner.test";
