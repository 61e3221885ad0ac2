//! `PageContext`: what every page's template needs besides its own data.

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use super::csrf;
use super::flash::{self, FlashView};
use super::nav::{self, NavItem};
use crate::auth::{CurrentUser, ViewMode, extract};
use crate::i18n::{self, Lang};

pub const LANG_COOKIE: &str = "cspdesk_lang";

pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

pub struct PageContext {
    pub user: Option<CurrentUser>,
    pub lang: Lang,
    pub view: ViewMode,
    pub csrf: String,
    pub flashes: Vec<FlashView>,
    pub nav: Vec<&'static NavItem>,
    /// Path and query of this page, for forms that come back here.
    pub here: String,
    pub crumbs: Vec<Crumb>,
}

impl PageContext {
    pub fn from_parts(req: &HttpRequest, user: Option<CurrentUser>) -> PageContext {
        let session = req.get_session();
        let lang = request_lang(req, user.as_ref());
        PageContext {
            view: user.as_ref().map_or(ViewMode::Workspaces, |u| u.view_mode),
            nav: user.as_ref().map(nav::items).unwrap_or_default(),
            csrf: csrf::token(&session),
            flashes: flash::take(&session, lang),
            here: req
                .uri()
                .path_and_query()
                .map_or("/".into(), |p| p.as_str().to_string()),
            crumbs: Vec::new(),
            user,
            lang,
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.lang.t_args(key, &[(name, value.to_string())])
    }

    /// Adds a breadcrumb; the last one is the current page and has no link.
    pub fn crumb(mut self, label_key: &str, href: Option<&str>) -> PageContext {
        let label = self.t(label_key);
        self.crumbs.push(Crumb {
            label,
            href: href.map(str::to_string),
        });
        self
    }

    /// "Customers / <company>": the trail every page about one customer starts with.
    pub fn customer_crumbs(self, customer: &crate::customers::Customer, link: bool) -> PageContext {
        let href = format!("/customers/{}", customer.id);
        self.crumb("nav-customers", Some("/customers"))
            .crumb_text(&customer.company_name, link.then_some(href.as_str()))
    }

    pub fn crumb_text(mut self, label: &str, href: Option<&str>) -> PageContext {
        self.crumbs.push(Crumb {
            label: label.to_string(),
            href: href.map(str::to_string),
        });
        self
    }

    pub fn is_current_view(&self) -> bool {
        self.view == ViewMode::Current
    }

    pub fn languages(&self) -> &'static [Lang] {
        Lang::OFFERED
    }

    pub fn lang_name(&self, lang: &Lang) -> String {
        self.t(&format!("language-{}", lang.code()))
    }

    /// A country's name in the page's language, from its ISO code (`TR` → `Türkiye`).
    pub fn country(&self, code: &str) -> String {
        crate::i18n::locale::country(code, self.lang)
    }

    pub fn is_lang(&self, lang: &Lang) -> bool {
        *lang == self.lang
    }

    pub fn is_active(&self, href: &str) -> bool {
        self.here == href
            || self.here.starts_with(&format!("{href}/"))
            || self.here.starts_with(&format!("{href}?"))
    }
}

pub fn request_lang(req: &HttpRequest, user: Option<&CurrentUser>) -> Lang {
    let cookie = req.cookie(LANG_COOKIE);
    let accept = req
        .headers()
        .get("accept-language")
        .and_then(|v| v.to_str().ok());
    i18n::negotiate(
        user.and_then(|u| u.language).map(crate::i18n::Lang::code),
        cookie.as_ref().map(|c| c.value()),
        accept,
    )
}

impl FromRequest for PageContext {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = extract::maybe_user(&req).await?;
            Ok(PageContext::from_parts(&req, user))
        })
    }
}

/// Shorthand used in handler signatures.
pub type Page = PageContext;
