//! Page structs of the customers feature.

use askama::Template;

use super::Customer;
use super::forms::NewCustomerForm;
use crate::orders::views::History;
use crate::web::PageContext;
use crate::web::forms::FieldErrors;
use crate::web::pagination::Pager;

#[derive(Template)]
#[template(path = "customers/list.html")]
pub struct CustomersPage {
    pub ctx: PageContext,
    pub q: String,
    pub search_error: Option<String>,
    pub rows: Vec<Customer>,
    pub pager: Pager,
    pub can_add: bool,
}

impl CustomersPage {
    /// Link to page `n` of the same search.
    /// The list's address with its search, for the page links.
    pub fn list_base(&self) -> String {
        let query = serde_urlencoded::to_string([("q", self.q.as_str())]).unwrap_or_default();
        format!("/customers?{query}")
    }
}

#[derive(Template)]
#[template(path = "customers/new.html")]
pub struct NewCustomerPage {
    pub ctx: PageContext,
    pub form: NewCustomerForm,
    pub errors: FieldErrors,
    pub markets: &'static [&'static str],
    pub currencies: Vec<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Software,
    Orders,
}

#[derive(Template)]
#[template(path = "customers/detail.html")]
pub struct CustomerPage {
    pub ctx: PageContext,
    pub customer: Customer,
    pub tab: Tab,
    pub can_add_products: bool,
    /// Filled on the Order history tab.
    pub history: Option<History>,
    /// Filled on the Software tab.
    pub software: Option<crate::software::views::SoftwareList>,
}

impl CustomerPage {
    pub fn added_on(&self) -> String {
        crate::web::format::date_utc(&self.customer.created_at)
    }

    pub fn is_software(&self) -> bool {
        self.tab == Tab::Software
    }
}
