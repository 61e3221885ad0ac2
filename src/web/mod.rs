//! What every page shares: application state, the page context, rendering, CSRF tokens,
//! flash messages, error pages, navigation and static files.

pub mod client;
pub mod context;
pub mod csrf;
pub mod csv;
pub mod cursor;
pub mod error_pages;
pub mod flash;
pub mod format;
pub mod forms;
pub mod list_view;
pub mod multipart;
pub mod nav;
pub mod pagination;
pub mod preferences;
pub mod rate_limit;
pub mod render;
pub mod routes;
pub mod session_store;
pub mod static_files;

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::DbPool;

pub use context::{Page, PageContext};
pub use csrf::CsrfForm;
pub use render::{redirect, render, render_status};

/// What a request's handlers share: one per HTTP worker, each with the worker's own pool
/// (`db::WorkerPools`); the rest is shared by all workers.
pub struct AppState {
    pub pool: DbPool,
    /// Connections that plan each statement once (`db::Plans::Steady`), for the pages whose
    /// statements were checked to suit it.
    pub steady: DbPool,
    pub clock: Arc<dyn Clock>,
    pub settings: Settings,
    pub artifacts: Arc<dyn crate::storage::ArtifactStore>,
    /// Files attached to support requests, in `<data>/attachments`: outside the web root.
    pub attachments: Arc<crate::storage::LocalDir>,
    /// Which partners' past invoices this process found all issued, per month.
    pub issued: Arc<crate::billing::issue::Checked>,
    /// The writer of the records pages wait for (`activity::batch`).
    pub recorder: Arc<crate::activity::batch::Recorder>,
    /// The API requests this process holds for each token this minute (`api::quota`).
    pub api_leases: Arc<crate::api::quota::Leases>,
    /// The API tokens this process has accepted (`api::known`).
    pub api_callers: Arc<crate::api::known::Known>,
    /// The catalog's variants as the API writes them (`api::variants`).
    pub api_variants: Arc<crate::api::variants::Kept>,
}
