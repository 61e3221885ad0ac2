//! Page structs of the customers feature.

use askama::Template;

use super::Customer;
use super::forms::NewCustomerForm;
use super::sorting::{Column, Sort};
use crate::orders::views::History;
use crate::web::PageContext;
use crate::web::forms::FieldErrors;
use crate::web::pagination::Keyset;

#[derive(Template)]
#[template(path = "customers/list.html")]
pub struct CustomersPage {
    pub ctx: PageContext,
    pub q: String,
    pub sort: Sort,
    pub search_error: Option<String>,
    pub rows: Vec<Customer>,
    /// The number of customers (or matches) and the links to the newest and next rows.
    pub pager: Keyset,
    pub can_add: bool,
}

impl CustomersPage {
    /// Where the header of `column` leads: that column's order (flipped when it is the one
    /// sorted by), the same search.
    fn header_href(&self, column: Column) -> String {
        self.sort.by(column).href(&self.q)
    }

    pub fn name_href(&self) -> String {
        self.header_href(Column::Name)
    }

    pub fn domain_href(&self) -> String {
        self.header_href(Column::Domain)
    }

    pub fn name_sort(&self) -> Option<&'static str> {
        self.sort.aria(Column::Name)
    }

    pub fn domain_sort(&self) -> Option<&'static str> {
        self.sort.aria(Column::Domain)
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
        crate::web::format::date_utc(&self.customer.created_at, self.ctx.lang)
    }

    pub fn is_software(&self) -> bool {
        self.tab == Tab::Software
    }
}
