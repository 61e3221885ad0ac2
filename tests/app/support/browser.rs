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

/// A Chrome DevTools command through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({"cmd": self.0, "params": self.1});
        (http::Method::POST, Some(body.to_string()))
    }
}

/// axe-core's script, which `./setup/test` fetches (`CSPDESK_AXE`, or its place under `var/`).
fn axe_source() -> &'static str {
    static AXE: OnceLock<String> = OnceLock::new();
    AXE.get_or_init(|| {
        let path = std::env::var("CSPDESK_AXE")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| {
                let tools = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("var/tools");
                std::fs::read_dir(&tools)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path().join("axe.min.js"))
                    .find(|p| p.exists())
                    .unwrap_or_default()
            });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("axe-core at {path:?}: {e} (./setup/test fetches it into var/tools)")
        })
    })
}

pub struct Browser {
    pub client: Client,
    pub base: String,
    profile: std::path::PathBuf,
    /// Whether `phone` has made its screen a phone's.
    on_phone: std::sync::atomic::AtomicBool,
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
            on_phone: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The bytes of the first file with this extension the browser finished downloading,
    /// waiting up to 15 seconds for it.
    /// Chromium may create the file under its final name before the bytes are in it, so the
    /// file counts once no download is in progress and its size has held still for a poll.
    pub async fn downloaded(&self, extension: &str) -> Vec<u8> {
        let dir = self.profile.join("downloads");
        let mut last_size = None;
        for _ in 0..150 {
            let entries: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            let busy = entries
                .iter()
                .any(|p| p.extension().is_some_and(|x| x == "crdownload"));
            let done = entries
                .iter()
                .find(|p| p.extension().is_some_and(|x| x == extension));
            if let (Some(file), false) = (done, busy) {
                let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
                if size > 0 && last_size == Some(size) {
                    return std::fs::read(file).expect("read the downloaded file");
                }
                last_size = Some(size);
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("no .{extension} file was downloaded into {}", dir.display());
    }

    /// A phone's screen from here on: 390×844 CSS pixels, touch, the page's viewport meta.
    pub async fn phone(&self) {
        let metrics = json!({"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true});
        self.client
            .issue_cmd(Cdp("Emulation.setDeviceMetricsOverride", metrics))
            .await
            .expect("emulate a phone");
        self.on_phone
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// How far the page is wider than the phone's screen, in CSS pixels, and the outermost
    /// element that sticks out (`None`: no horizontal scrolling). Measured against the screen,
    /// not `innerWidth`: a mobile browser widens its layout viewport to a page that does not fit.
    /// A page found wider is measured again after two frames and a pause: a measurement taken
    /// while the page was still laying out once reported an overflow with no element past the
    /// edge, which the page did not have once laid out.
    pub async fn overflow(&self) -> Option<String> {
        self.overflow_now().await?;
        self.client
            .execute_async(
                "var done = arguments[arguments.length - 1];
                 requestAnimationFrame(function () { requestAnimationFrame(function () {
                   setTimeout(done, 200); }); });",
                vec![],
            )
            .await
            .expect("wait for the page's layout");
        self.overflow_now().await
    }

    async fn overflow_now(&self) -> Option<String> {
        let found = self
            .client
            .execute(
                "var over = Math.max(document.documentElement.scrollWidth, window.innerWidth) - screen.width;
                 if (over <= 0) { return null; }
                 var culprit = Array.from(document.body.querySelectorAll('*')).find(function (e) {
                   return e.getBoundingClientRect().right > screen.width + 0.5 && !(e.parentElement && e.parentElement.closest('.table-scroll'))
                     && !e.closest('dialog:not([open])') && Array.from(e.children).every(function (c) {
                       return c.getBoundingClientRect().right <= screen.width + 0.5; });
                 });
                 var name = culprit ? culprit.tagName.toLowerCase() + (culprit.id ? '#' + culprit.id : '')
                   + (culprit.className ? '.' + String(culprit.className).replace(/ /g, '.') : '')
                   + ' ' + (culprit.textContent || '').trim().slice(0, 40) : '?';
                 return over + ' px wider than the screen: ' + name;",
                vec![],
            )
            .await
            .expect("measure the page");
        found.as_str().map(str::to_string)
    }

    /// What is wrong in the page's own layout: buttons that touch another button (less than
    /// 4 px apart), and a breadcrumb trail that names the same page twice in a row.
    pub async fn layout_faults(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                "var out = [];
                 var crumbs = Array.from(document.querySelectorAll('.breadcrumbs li'))
                   .map(function (li) { return li.textContent.trim(); });
                 for (var i = 1; i < crumbs.length; i++) {
                   if (crumbs[i] === crumbs[i - 1]) { out.push('breadcrumbs repeat ' + crumbs[i]); }
                 }
                 var open = document.querySelector('dialog[open]');
                 var buttons = Array.from(document.querySelectorAll('button, a.button'))
                   .filter(function (b) {
                     return b.getClientRects().length > 0 && !b.closest('dialog:not([open])')
                       && !b.closest('details:not([open]) > :not(summary)') && (!open || open.contains(b));
                   })
                   .map(function (b) { return [b, b.getBoundingClientRect()]; });
                 buttons.forEach(function (a, i) {
                   buttons.slice(i + 1).forEach(function (b) {
                     var r = a[1], s = b[1];
                     var gapX = Math.max(r.left, s.left) - Math.min(r.right, s.right);
                     var gapY = Math.max(r.top, s.top) - Math.min(r.bottom, s.bottom);
                     if (gapX < 4 && gapY < 4) {
                       out.push('buttons touch: ' + a[0].textContent.trim() + ' | ' + b[0].textContent.trim());
                     }
                   });
                 });
                 return out;",
                vec![],
            )
            .await
            .expect("check the layout");
        serde_json::from_value(found).expect("a list")
    }

    /// With `CSPDESK_SCREENSHOTS=<dir>`, saves what the window shows as `<dir>/<name>.png`, for
    /// a person to look at; without it, nothing.
    pub async fn screenshot_if_asked(&self, name: &str) {
        let Ok(dir) = std::env::var("CSPDESK_SCREENSHOTS") else {
            return;
        };
        let png = self.client.screenshot().await.expect("a screenshot");
        let file: String = name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        std::fs::create_dir_all(&dir).expect("the screenshot directory");
        std::fs::write(std::path::Path::new(&dir).join(format!("{file}.png")), png)
            .expect("write the screenshot");
    }

    /// Open dialogs that do not fit inside the window, with their sizes.
    pub async fn dialogs_outside_viewport(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                "return Array.from(document.querySelectorAll('dialog[open]')).map(function (d) {
                   var r = d.getBoundingClientRect();
                   var inside = r.left >= 0 && r.top >= 0 && r.right <= screen.width
                     && r.bottom <= screen.height && d.scrollWidth <= d.clientWidth;
                   return inside ? null : (d.id + ' ' + Math.round(r.left) + ',' + Math.round(r.top)
                     + ' ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' scroll '
                     + d.scrollWidth + '/' + d.clientWidth);
                 }).filter(Boolean);",
                vec![],
            )
            .await
            .expect("measure the dialogs");
        serde_json::from_value(found).expect("a list")
    }

    /// axe-core's violations on the page as it is now, one line each (rule and elements).
    pub async fn axe_violations(&self) -> Vec<String> {
        let script = format!(
            "var done = arguments[arguments.length - 1];
             if (!window.axe) {{ {} }}
             axe.run(document, {{ resultTypes: ['violations'] }}).then(function (r) {{
               done(r.violations.map(function (v) {{
                 return v.id + ': ' + v.nodes.map(function (n) {{ return n.target.join(' '); }}).join(' | ');
               }}));
             }}, function (e) {{ done(['axe failed: ' + e]); }});",
            axe_source()
        );
        let found = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("run axe-core");
        serde_json::from_value(found).expect("a list")
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

    /// How many elements `css` finds.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .len()
    }

    /// The texts of the elements `css` finds, in page order.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.expect("find") {
            out.push(el.text().await.expect("text"));
        }
        out
    }

    /// The value of `attribute` on each element `css` finds, in page order.
    pub async fn attributes(&self, css: &str, attribute: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.expect("find") {
            out.push(el.attr(attribute).await.expect("attr").unwrap_or_default());
        }
        out
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

/// A browser signed in for one of a story's two runs: in Workspaces view on a phone's screen
/// (390×844), or in Current view at the desktop size. Each story runs both ways, so every flow
/// is shown working on a phone as well.
pub async fn story_browser(app: &super::TestApp, email: &str, current_view: bool) -> Browser {
    let b = signed_in(app, email, current_view).await;
    if !current_view {
        b.phone().await;
    }
    b
}

/// On a phone's screen, the page fits it: nothing sticks out sideways (see `overflow`). The
/// desktop-sized runs are not measured: `overflow` measures against a phone's screen.
pub async fn assert_fits(b: &Browser) {
    if b.on_phone.load(std::sync::atomic::Ordering::Relaxed) {
        let path = b.path().await;
        assert_eq!(b.overflow().await, None, "{path}");
    }
}

/// A workspace from the home page's tile, or from the left-hand menu. Returns once the
/// workspace's page has replaced the one clicked on: a click does not always wait for the
/// page it loads, and reading the old page then fails only on a busy machine.
pub async fn open_workspace(b: &Browser, current_view: bool, href: &str) {
    let link = if current_view {
        format!("nav.side-nav a[href='{href}']")
    } else {
        b.goto("/").await;
        format!("a.tile[href='{href}']")
    };
    b.click_to_new_page(&link).await;
}

/// Customers → search → the customer's Software tab.
pub async fn open_customer(b: &Browser, current_view: bool, name: &str) {
    // From the customer list itself, its search box is on the old page too: wait for the new.
    open_workspace(b, current_view, "/customers").await;
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
