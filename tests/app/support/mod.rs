//! Test harness: the real app on a random port, its own database, and HTTP visitors that keep
//! cookies and do not follow redirects.

pub mod api;
pub mod browser;
pub mod build;
pub mod db;
pub mod demo;
pub mod files;
pub mod fixtures;
pub mod fixtures_orders;
pub mod fixtures_people;
pub mod html;
pub mod ordering;
pub mod pages;
pub mod pdf;
pub mod process;
pub mod requests;
pub mod software;

pub use build::{Purchase, Shop};

use std::sync::Arc;

use actix_web::cookie::Key;
use chrono::Utc;
use cspdesk::App;
use cspdesk::clock::ManualClock;
use cspdesk::config::Settings;
use cspdesk::db::DbPool;

pub const PASSWORD: &str = "cspdesk-demo";

pub struct TestApp {
    pub base: String,
    pub pool: DbPool,
    pub clock: Arc<ManualClock>,
    /// Statements sent by the app's pool (and by `conn()`, which shares it).
    pub queries: cspdesk::db::QueryCounter,
    handle: actix_web::dev::ServerHandle,
    database: Option<String>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// The app with settings changed by `configure` (a lower rate limit, a trusted proxy).
    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let database = db::fresh_database().await;
        let url = db::url_for(&database);
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let mut settings = Settings {
            database_url: Some(url.clone()),
            addr: "127.0.0.1:0".parse().unwrap(),
            data_dir: std::env::temp_dir().join(format!("cspdesk-data-{database}")),
            artifacts_dir: db::artifacts_dir(),
            session_key: Key::from(&rand::random::<[u8; 64]>()),
            public_url: "http://127.0.0.1/".parse().unwrap(),
            client_requests_per_minute: 100_000,
            trusted_proxies: Vec::new(),
            db_connections: 8,
            api_requests_per_minute: 600,
        };
        configure(&mut settings);
        let queries = cspdesk::db::QueryCounter::watching();
        let pool = cspdesk::db::pool(&url, 8, queries.clone()).expect("pool");
        let pools = cspdesk::db::WorkerPools {
            url: url.clone(),
            max_size: 8,
            queries: queries.clone(),
        };
        let app = App::build(settings, pools, clock.clone(), Some(2)).expect("app builds");
        let base = format!("http://{}", app.addr());
        let handle = app.handle();
        tokio::spawn(app.run());
        TestApp {
            base,
            pool,
            clock,
            queries,
            handle,
            database: Some(database),
        }
    }

    /// A new visitor with an empty cookie jar.
    pub fn visitor(&self) -> Visitor {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Visitor {
            client,
            base: self.base.clone(),
            jar,
        }
    }

    /// A visitor signed in as `email` with the demo password.
    pub async fn signed_in(&self, email: &str) -> Visitor {
        let v = self.visitor();
        let res = v.sign_in(email, PASSWORD).await;
        assert_eq!(res.status, 303, "sign-in of {email} failed: {}", res.body);
        v
    }

    /// Where this app keeps support attachments.
    pub fn attachments_dir(&self) -> std::path::PathBuf {
        let database = self.database.as_deref().unwrap_or_default();
        std::env::temp_dir()
            .join(format!("cspdesk-data-{database}"))
            .join("attachments")
    }

    /// The names of the files in the attachment directory.
    pub fn attachment_names(&self) -> std::collections::BTreeSet<String> {
        std::fs::read_dir(self.attachments_dir())
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn database_url(&self) -> String {
        db::url_for(self.database.as_deref().unwrap_or_default())
    }

    pub async fn conn(&self) -> cspdesk::db::DbConn {
        self.pool.get().await.expect("db connection")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // `stop` sends the command at once; the returned future only waits for completion.
        drop(self.handle.stop(false));
        if let Some(name) = self.database.take() {
            db::drop_database(name);
        }
    }
}

#[derive(Clone)]
pub struct Visitor {
    client: reqwest::Client,
    base: String,
    jar: Arc<reqwest::cookie::Jar>,
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn contains(&self, text: &str) -> bool {
        self.body.contains(text)
    }
}

impl Visitor {
    async fn into_resp(res: reqwest::Response) -> Resp {
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let headers = res.headers().clone();
        let body = res.text().await.unwrap_or_default();
        Resp {
            status,
            location,
            headers,
            body,
        }
    }

    /// The same visitor (same cookies) talking to another server, e.g. a second app process.
    pub fn at(&self, base: &str) -> Visitor {
        Visitor {
            client: self.client.clone(),
            base: base.to_string(),
            jar: self.jar.clone(),
        }
    }

    /// The `Cookie` header this visitor sends, to replay it from elsewhere.
    pub fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url = self.base.parse().unwrap();
        self.jar
            .cookies(&url)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    pub async fn get(&self, path: &str) -> Resp {
        Self::into_resp(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .expect("GET"),
        )
        .await
    }

    /// A download as it arrives: status, headers and the raw bytes.
    pub async fn get_bytes(&self, path: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("GET");
        let (status, headers) = (res.status().as_u16(), res.headers().clone());
        let body = res.bytes().await.expect("body").to_vec();
        (status, headers, body)
    }

    pub async fn get_with(&self, path: &str, header: (&str, &str)) -> Resp {
        let req = self
            .client
            .get(format!("{}{path}", self.base))
            .header(header.0, header.1);
        Self::into_resp(req.send().await.expect("GET")).await
    }

    /// POSTs a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let req = self
            .client
            .post(format!("{}{path}", self.base))
            .form(fields);
        Self::into_resp(req.send().await.expect("POST")).await
    }

    /// POSTs a form with this session's CSRF token, as the page's form would.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.csrf().await;
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// A JSON request with another method (the API's PATCH), with this visitor's cookies.
    pub async fn send_json(&self, method: reqwest::Method, path: &str, body: &str) -> Resp {
        let res = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("Content-Type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .expect("request");
        Self::into_resp(res).await
    }

    /// POSTs a multipart form (text fields and one file) with this session's CSRF token.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, Vec<u8>),
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new().text("csrf_token", self.csrf().await);
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let (name, file_name, bytes) = file;
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        form = form.part(name.to_string(), part);
        let req = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form);
        Self::into_resp(req.send().await.expect("POST")).await
    }

    /// POSTs a multipart form with this session's CSRF token first, then the text fields, then
    /// each `(file name, bytes)` as a `files` part, as the support forms send them.
    pub async fn post_files(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, Vec<u8>)],
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new().text("csrf_token", self.csrf().await);
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        for (file_name, bytes) in files {
            let part =
                reqwest::multipart::Part::bytes(bytes.clone()).file_name(file_name.to_string());
            form = form.part("files", part);
        }
        let req = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form);
        Self::into_resp(req.send().await.expect("POST")).await
    }

    /// POSTs a prepared multipart form; the status, or `None` when the server closed the
    /// connection before the client could read an answer (it may refuse a body as it arrives).
    pub async fn try_post_form(&self, path: &str, form: reqwest::multipart::Form) -> Option<u16> {
        let res = self
            .client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .ok()?;
        Some(res.status().as_u16())
    }

    /// The session's CSRF token, read from a page (every page's header has a form).
    pub async fn csrf(&self) -> String {
        let page = self.get("/no-such-page").await;
        csrf_in(&page.body).expect("a page carries a CSRF token")
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Resp {
        self.post("/signin", &[("email", email), ("password", password)])
            .await
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_string())
}

/// The tenant GUID of a customer, by domain.
pub async fn tenant_id(app: &TestApp, domain: &str) -> cspdesk::ids::CustomerId {
    use cspdesk::db::schema::customers;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    customers::table
        .filter(customers::primary_domain.eq(domain))
        .select(customers::id)
        .first(&mut app.conn().await)
        .await
        .unwrap_or_else(|e| panic!("customer {domain}: {e}"))
}

/// The id of a demo catalog product, by SKU.
pub async fn product_id(app: &TestApp, sku: &str) -> String {
    use cspdesk::db::schema::products;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let id: uuid::Uuid = products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(&mut app.conn().await)
        .await
        .expect("demo product exists");
    id.to_string()
}
