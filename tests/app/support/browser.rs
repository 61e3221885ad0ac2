//! A real headless Chromium driven through chromedriver (Debian's chromium and
//! chromium-driver). One chromedriver per test run; a fresh browser profile per test.

use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

static DRIVER: OnceLock<u16> = OnceLock::new();
static DRIVER_CHILD: Mutex<Option<Child>> = Mutex::new(None);

extern "C" fn stop_driver() {
    if let Ok(mut guard) = DRIVER_CHILD.lock()
        && let Some(mut child) = guard.take()
    {
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn driver_port() -> u16 {
    *DRIVER.get_or_init(|| {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let child = Command::new(&path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {path} (install chromium-driver): {e}"));
        *DRIVER_CHILD.lock().unwrap() = Some(child);
        // SAFETY: registering a plain `extern "C"` function with no captured state.
        unsafe { libc::atexit(stop_driver) };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return port;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not start on port {port}");
    })
}

/// Chromium's console messages since the last call (chromedriver's log endpoint).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    profile: std::path::PathBuf,
}

impl Browser {
    pub async fn open(base: &str) -> Browser {
        let port = driver_port();
        let profile =
            std::env::temp_dir().join(format!("cspdesk-chromium-{}", uuid::Uuid::new_v4()));
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": binary,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                // Files the pages offer for download land here (see `downloaded`).
                "prefs": {
                    "download.default_directory": profile.join("downloads"),
                    "download.prompt_for_download": false
                }
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        });
        let caps = caps.as_object().unwrap().clone().into_iter().collect();
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session starts");
        Browser {
            client,
            base: base.to_string(),
            profile,
        }
    }

    /// The bytes of the first file with this extension the browser finished downloading,
    /// waiting up to 15 seconds for it.
    pub async fn downloaded(&self, extension: &str) -> Vec<u8> {
        let dir = self.profile.join("downloads");
        for _ in 0..150 {
            let done = std::fs::read_dir(&dir)
                .into_iter()
                .flatten()
                .flatten()
                .find(|e| e.path().extension().is_some_and(|x| x == extension));
            if let Some(file) = done {
                return std::fs::read(file.path()).expect("read the downloaded file");
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("no .{extension} file was downloaded into {}", dir.display());
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    pub async fn click(&self, css: &str) {
        let el = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    pub async fn click_link(&self, text: &str) {
        let el = self
            .client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("link {text}: {e}"));
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {text}: {e}"));
    }

    pub async fn text(&self, css: &str) -> String {
        let el = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        // Non-breaking spaces (money and dates are full of them) read as spaces, as a
        // reader sees them.
        el.text()
            .await
            .expect("text")
            .replace(['\u{a0}', '\u{202f}'], " ")
    }

    /// Marks the current document, so `wait_new_page` can tell when a click has replaced it
    /// (an element present on both pages would otherwise be found on the old one).
    pub async fn mark_page(&self) {
        self.client
            .execute("document.documentElement.dataset.old = '1'", vec![])
            .await
            .expect("mark the page");
    }

    pub async fn wait_new_page(&self) {
        self.wait_for("html:not([data-old])").await;
    }

    /// Clicks something that loads a page and waits until that page has replaced this one.
    pub async fn click_to_new_page(&self, css: &str) {
        self.mark_page().await;
        self.click(css).await;
        self.wait_new_page().await;
    }

    pub async fn wait_for(&self, css: &str) {
        self.client
            .wait()
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("waiting for {css}: {e}"));
    }

    pub async fn exists(&self, css: &str) -> bool {
        !self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .is_empty()
    }

    pub async fn sign_in(&self, email: &str) {
        self.goto("/signin").await;
        self.fill("#email", email).await;
        self.fill("#password", super::PASSWORD).await;
        self.click("form.stacked button[type=submit]").await;
        // Password hashing makes sign-in slower than a click: wait for the home page.
        let home: url::Url = format!("{}/", self.base).parse().unwrap();
        self.client
            .wait()
            .for_url(&home)
            .await
            .unwrap_or_else(|e| panic!("sign-in of {email}: {e}"));
    }

    /// Fails the test on any console error or warning the page produced (CSP violations,
    /// missing files, script errors).
    pub async fn assert_console_clean(&self) {
        self.assert_console_clean_but(None).await;
    }

    /// As `assert_console_clean`, allowing Chromium's report of one expected HTTP status
    /// (it logs every 4xx page load as an error).
    pub async fn assert_console_clean_but(&self, status: Option<u16>) {
        let log = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("read the browser log");
        let bad: Vec<&Value> = log
            .as_array()
            .map(|entries| {
                let expected = status.map(|s| format!("status of {s}"));
                entries
                    .iter()
                    .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
                    .filter(|e| {
                        let text = e["message"].as_str().unwrap_or("");
                        !expected.as_ref().is_some_and(|x| text.contains(x.as_str()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert!(bad.is_empty(), "console errors: {bad:#?}");
    }

    pub async fn close(self) {
        self.assert_console_clean().await;
        self.quit().await;
    }

    /// Ends the session without the console check, for tests that visit error pages on
    /// purpose (Chromium logs every 4xx response as an error).
    pub async fn quit(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A browser signed in as `email`, in the chosen view (Current view: the left-hand menu).
pub async fn signed_in(app: &super::TestApp, email: &str, current_view: bool) -> Browser {
    let b = Browser::open(&app.base).await;
    b.sign_in(email).await;
    if current_view {
        b.click("button[data-test=view-switch]").await;
        b.wait_for("nav.side-nav").await;
    }
    b
}

/// A workspace from the home page's tile, or from the left-hand menu.
pub async fn open_workspace(b: &Browser, current_view: bool, href: &str) {
    if current_view {
        b.click(&format!("nav.side-nav a[href='{href}']")).await;
    } else {
        b.goto("/").await;
        b.click(&format!("a.tile[href='{href}']")).await;
    }
}

/// Customers → search → the customer's Software tab.
pub async fn open_customer(b: &Browser, current_view: bool, name: &str) {
    if current_view {
        b.click("nav.side-nav a[href='/customers']").await;
    } else {
        b.goto("/").await;
        b.click("a.tile-customers").await;
    }
    b.wait_for("#customer-search").await;
    b.fill("#customer-search", name).await;
    // The list is already shown before the search: wait for the page the search brings.
    b.click_to_new_page("form.search button[type=submit]").await;
    b.wait_for("table[data-test=customers]").await;
    b.mark_page().await;
    b.click_link(name).await;
    b.wait_new_page().await;
    b.wait_for("table[data-test=software]").await;
}

/// The row of `product` on the Software tab (the newest, when bought more than once).
pub fn purchase_row(product: &str) -> String {
    format!("(//tr[@data-test='purchase-row'][td[1][normalize-space()='{product}']])[1]")
}

/// Opens the Cancel dialog of `product`'s row on the Software tab.
pub async fn click_cancel(b: &Browser, product: &str) {
    b.client
        .find(Locator::XPath(&format!(
            "{}//a[@data-test='cancel-purchase']",
            purchase_row(product)
        )))
        .await
        .unwrap_or_else(|e| panic!("Cancel on {product}: {e}"))
        .click()
        .await
        .expect("click Cancel");
    b.wait_for("dialog[open] [data-test=cancel-state]").await;
}
