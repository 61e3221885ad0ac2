//! CSP Desk: a self-hostable dashboard for cloud resellers selling software subscriptions.

pub mod account;
pub mod activity;
pub mod admin_center;
pub mod api;
pub mod attention;
pub mod auth;
pub mod billing;
pub mod cancellation;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod config;
pub mod customers;
pub mod db;
pub mod error;
pub mod health;
pub mod home;
pub mod i18n;
pub mod ids;
pub mod markets;
pub mod money;
pub mod orders;
pub mod pdf;
pub mod reference;
pub mod seed;
pub mod software;
pub mod storage;
pub mod support;
pub mod users;
pub mod web;

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use actix_session::SessionMiddleware;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::{Server, ServiceRequest};
use actix_web::middleware::{DefaultHeaders, Logger};
use actix_web::{HttpServer, web as aw};

use clock::Clock;
use config::Settings;
use db::DbPool;
use error::{AppError, StartupError};
use web::AppState;
use web::session_store::BoundedCookieStore;

/// A built, listening dashboard. `run` serves until the process is asked to stop.
pub struct App {
    server: Server,
    addr: SocketAddr,
}

/// Content-Security-Policy: no inline script or style, nothing from other origins.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/// Unknown addresses: the user is loaded first so the 404 page has their header and language.
async fn not_found(req: actix_web::HttpRequest) -> Result<actix_web::HttpResponse, AppError> {
    auth::extract::maybe_user(&req).await?;
    Err(AppError::NotFound)
}

fn app_state_shared(
    settings: Settings,
    pool: DbPool,
    steady: DbPool,
    clock: Arc<dyn Clock>,
    database_url: &str,
) -> Arc<AppState> {
    let artifacts = Arc::new(storage::LocalDir::new(settings.artifacts_dir.clone()));
    let attachments = Arc::new(storage::LocalDir::new(settings.attachments_dir()));
    Arc::new(AppState {
        pool,
        steady,
        clock,
        settings,
        artifacts,
        attachments,
        issued: Default::default(),
        recorder: Arc::new(activity::batch::Recorder::new(database_url)),
        api_leases: Default::default(),
        api_callers: Default::default(),
        api_variants: Default::default(),
    })
}

/// One worker's state: its own pools, and what all workers share.
fn app_state(shared: &AppState, pool: DbPool, steady: DbPool) -> AppState {
    AppState {
        pool,
        steady,
        clock: shared.clock.clone(),
        settings: shared.settings.clone(),
        artifacts: shared.artifacts.clone(),
        attachments: shared.attachments.clone(),
        issued: shared.issued.clone(),
        recorder: shared.recorder.clone(),
        api_leases: shared.api_leases.clone(),
        api_callers: shared.api_callers.clone(),
        api_variants: shared.api_variants.clone(),
    }
}

/// Sessions live in a signed cookie the page's scripts cannot read, sent on same-site
/// navigation only.
fn sessions(key: Key, secure: bool) -> SessionMiddleware<BoundedCookieStore> {
    SessionMiddleware::builder(BoundedCookieStore::default(), key)
        .cookie_name("cspdesk_session".into())
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_secure(secure)
        .build()
}

fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("Content-Security-Policy", CSP))
}

/// One line per request; the path is logged without the secrets some paths carry.
fn access_log() -> Logger {
    // Never a header with a secret (cookies, `Authorization`); the API's correlation id only
    // in its checked form.
    Logger::new("%{method}xi %{path}xi %s %b %Dms%{correlation}xi")
        .custom_request_replace("method", |r: &ServiceRequest| r.method().to_string())
        .custom_request_replace("correlation", |r: &ServiceRequest| {
            api::correlation_id(r.request())
                .map_or_else(String::new, |id| format!(" correlation {id}"))
        })
        .custom_request_replace("path", |r: &ServiceRequest| {
            web::render::loggable_path(r.path())
        })
}

impl App {
    /// The dashboard on `settings.addr`, with `workers` HTTP workers (default: one per core),
    /// each opening its own pool from `pools`.
    pub fn build(
        settings: Settings,
        pools: db::WorkerPools,
        clock: Arc<dyn Clock>,
        workers: Option<usize>,
    ) -> Result<App, StartupError> {
        let listener = TcpListener::bind(settings.addr)
            .map_err(|e| StartupError::Other(format!("cannot listen on {}: {e}", settings.addr)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| StartupError::Other(e.to_string()))?;
        // The first unknown-email sign-in would otherwise pay for building the dummy hash.
        auth::password::warm_up();
        let key = settings.session_key.clone();
        let secure = settings.secure_cookies();
        let workers = workers.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        // Opening a pool connects nothing yet; one opened here checks the settings, and is
        // what a worker falls back to if its own could not be built.
        let steady = pools.open_steady(workers)?;
        let shared = app_state_shared(settings, pools.open(workers)?, steady, clock, &pools.url);
        let mut server = HttpServer::new(move || {
            let pool = pools.open(workers).unwrap_or_else(|_| shared.pool.clone());
            let steady = pools
                .open_steady(workers)
                .unwrap_or_else(|_| shared.steady.clone());
            actix_web::App::new()
                .app_data(aw::Data::new(app_state(&shared, pool, steady)))
                .wrap(actix_web::middleware::from_fn(
                    auth::extract::confirm_before_response,
                ))
                .wrap(actix_web::middleware::from_fn(
                    api::caller::confirm_before_response,
                ))
                .wrap(web::error_pages::handlers())
                .wrap(actix_web::middleware::from_fn(api::echo_correlation))
                .wrap(sessions(key.clone(), secure))
                .wrap(security_headers())
                .wrap(access_log())
                .configure(web::routes::configure)
                .default_service(aw::to(not_found))
        })
        .listen(listener)
        .map_err(|e| StartupError::Other(e.to_string()))?;
        server = server.workers(workers);
        Ok(App {
            server: server.run(),
            addr,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    pub async fn run(self) -> Result<(), StartupError> {
        self.server
            .await
            .map_err(|e| StartupError::Other(e.to_string()))
    }
}
