//! Integration tests: the real app, a real PostgreSQL, a real headless Chromium.

mod activity_log;
mod admin_center;
mod bench_data;
mod billing;
mod browser_activity;
mod browser_buying;
mod browser_cancel;
mod browser_flows;
mod browser_software;
mod browser_support;
mod buying;
mod cancellation;
mod customers;
mod layout;
mod ordering;
mod ordering_edges;
mod permissions;
mod quality;
mod sign_in;
mod software;
mod startup;
mod support;
mod support_console;
mod support_files;
mod support_requests;
mod users;
