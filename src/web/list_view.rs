//! A list's order and search as its address carries them (`?sort=oldest&q=...&after=...`):
//! Order history, the Software tab, support requests. Each list reads one page of it through an
//! index by keyset, so sorting and searching never make a later page slower. The Software tab
//! also sorts by product (`sort=product`, `sort=product_desc`; newest first within a product).

use serde::Deserialize;

use crate::web::cursor::Cursor;
use crate::web::forms::{MAX_SEARCH, search_text};

/// The address's part of the list: `?sort=oldest&q=...&after=...`.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    pub after: Option<String>,
    pub sort: Option<String>,
    pub q: Option<String>,
}

/// What the list shows, from the address; nonsense in it means the default (newest first,
/// everything).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ListView {
    pub after: Option<Cursor>,
    pub oldest: bool,
    /// Sorted by product name instead of by date: `Some(false)` A to Z, `Some(true)` Z to A.
    pub by_product: Option<bool>,
    /// The text searched for, as typed (trimmed); empty: no search.
    pub q: String,
}

impl ListView {
    /// A list sorted by date only: any other order in the address means the default.
    pub fn from_query(query: &ListQuery) -> ListView {
        ListView {
            by_product: None,
            ..ListView::from_query_with_product(query)
        }
    }

    /// A list that also sorts by product (the Software tab).
    pub fn from_query_with_product(query: &ListQuery) -> ListView {
        let q: String = search_text(query.q.as_deref())
            .chars()
            .take(MAX_SEARCH)
            .collect();
        let sort = query.sort.as_deref();
        ListView {
            after: query.after.as_deref().and_then(Cursor::decode),
            oldest: sort == Some("oldest"),
            by_product: match sort {
                Some("product") => Some(false),
                Some("product_desc") => Some(true),
                _ => None,
            },
            q,
        }
    }

    /// The address's `sort` value; `None` for the default (newest first).
    pub fn sort_param(&self) -> Option<&'static str> {
        match (self.by_product, self.oldest) {
            (Some(false), _) => Some("product"),
            (Some(true), _) => Some("product_desc"),
            (None, true) => Some("oldest"),
            (None, false) => None,
        }
    }

    /// The number (an order's, a request's) the text can be (all digits), for the search.
    pub fn number(&self) -> Option<i64> {
        (self.q.chars().all(|c| c.is_ascii_digit()))
            .then(|| self.q.parse().ok())
            .flatten()
    }

    /// The list's address with its order and search, without a cursor.
    pub fn base(&self, list: &str) -> String {
        let mut params: Vec<(&str, &str)> = Vec::new();
        if let Some(sort) = self.sort_param() {
            params.push(("sort", sort));
        }
        if !self.q.is_empty() {
            params.push(("q", &self.q));
        }
        let joiner = if list.contains('?') { '&' } else { '?' };
        match serde_urlencoded::to_string(&params) {
            Ok(query) if !query.is_empty() => format!("{list}{joiner}{query}"),
            _ => list.to_string(),
        }
    }

    /// The address the date column's header links to: the other order (newest first when
    /// sorted by product), the same search.
    pub fn flipped(&self, list: &str) -> String {
        ListView {
            after: None,
            oldest: self.by_product.is_none() && !self.oldest,
            by_product: None,
            q: self.q.clone(),
        }
        .base(list)
    }

    /// The address the product column's header links to: A to Z, or Z to A when already A to
    /// Z; the same search.
    pub fn by_product_href(&self, list: &str) -> String {
        ListView {
            after: None,
            oldest: false,
            by_product: Some(self.by_product == Some(false)),
            q: self.q.clone(),
        }
        .base(list)
    }
}

/// The search box above a list and its sortable date column, as `list_search.html` shows
/// them. `list` is the list's address with any filter of its own (e.g. a status) but without
/// order, search or cursor; `keys` names its catalog messages: `{keys}-search` (the label),
/// `{keys}-search-hint` and `{keys}-search-clear`.
pub struct SearchBox {
    pub id: &'static str,
    pub action: String,
    /// The list's own filter, kept as hidden fields (the form's GET replaces the query).
    pub hidden: Vec<(&'static str, String)>,
    pub q: String,
    /// The order, kept by the search (`sort`'s value in the address).
    pub sort: Option<&'static str>,
    pub oldest: bool,
    /// See `ListView::by_product`.
    pub by_product: Option<bool>,
    pub clear: Option<String>,
    /// Where the date column's header leads.
    pub sort_href: String,
    /// Where the product column's header leads (on a list that sorts by product).
    pub product_href: String,
    pub label: String,
    pub hint: String,
    pub clear_label: String,
}

impl SearchBox {
    pub fn new(
        view: &ListView,
        list: &str,
        id: &'static str,
        keys: &str,
        lang: crate::i18n::Lang,
    ) -> SearchBox {
        let (action, query) = list.split_once('?').unwrap_or((list, ""));
        let hidden = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(k, v)| (k == "status").then_some(("status", v)))
            .collect();
        let unsearched = ListView {
            after: None,
            q: String::new(),
            ..*view
        };
        let clear = (!view.q.is_empty()).then(|| unsearched.base(list));
        SearchBox {
            id,
            action: action.to_string(),
            hidden,
            q: view.q.clone(),
            sort: view.sort_param(),
            oldest: view.oldest,
            by_product: view.by_product,
            clear,
            sort_href: view.flipped(list),
            product_href: view.by_product_href(list),
            label: lang.t(&format!("{keys}-search")),
            hint: lang.t(&format!("{keys}-search-hint")),
            clear_label: lang.t(&format!("{keys}-search-clear")),
        }
    }

    /// `aria-sort` of the product column's header, when the list is sorted by it.
    pub fn product_aria(&self) -> Option<&'static str> {
        self.by_product.map(|desc| match desc {
            true => "descending",
            false => "ascending",
        })
    }

    /// The arrow beside the product column's header, when the list is sorted by it.
    pub fn product_arrow(&self) -> Option<&'static str> {
        self.by_product.map(|desc| if desc { "↓" } else { "↑" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(sort: Option<&str>, q: Option<&str>) -> ListView {
        ListView::from_query(&ListQuery {
            after: None,
            sort: sort.map(str::to_string),
            q: q.map(str::to_string),
        })
    }

    #[test]
    fn the_address_keeps_the_order_and_the_search_and_nonsense_means_the_default() {
        let list = "/customers/x/orders";
        assert_eq!(view(None, None).base(list), list);
        assert_eq!(view(Some("sideways"), Some("  ")), ListView::default());
        let v = view(Some("oldest"), Some(" SQL & Server "));
        assert_eq!(v.base(list), format!("{list}?sort=oldest&q=SQL+%26+Server"));
        assert_eq!(v.flipped(list), format!("{list}?q=SQL+%26+Server"));
        assert_eq!(
            view(None, None).flipped(list),
            format!("{list}?sort=oldest")
        );
        let waiting = "/support?status=waiting_for_partner";
        assert_eq!(
            view(Some("oldest"), Some("key")).base(waiting),
            format!("{waiting}&sort=oldest&q=key")
        );
    }

    #[test]
    fn the_product_header_sorts_a_to_z_then_z_to_a_and_the_date_header_goes_back_to_dates() {
        let list = "/c/x";
        let with = |sort: &str| {
            ListView::from_query_with_product(&ListQuery {
                after: None,
                sort: Some(sort.to_string()),
                q: Some("sql".to_string()),
            })
        };
        let newest = with("newest");
        assert_eq!(newest.by_product_href(list), "/c/x?sort=product&q=sql");
        let a_to_z = with("product");
        assert_eq!(a_to_z.by_product, Some(false));
        assert_eq!(a_to_z.by_product_href(list), "/c/x?sort=product_desc&q=sql");
        assert_eq!(
            with("product_desc").by_product_href(list),
            "/c/x?sort=product&q=sql"
        );
        assert_eq!(a_to_z.flipped(list), "/c/x?q=sql");
        assert_eq!(a_to_z.base(list), "/c/x?sort=product&q=sql");
        // A list sorted by date only takes no product order from the address.
        assert_eq!(view(Some("product"), None), ListView::default());
    }

    #[test]
    fn only_digits_can_be_an_order_number() {
        assert_eq!(view(None, Some("100042")).number(), Some(100042));
        assert_eq!(view(None, Some("2022 ")).number(), Some(2022));
        assert_eq!(view(None, Some("Windows 2022")).number(), None);
        assert_eq!(view(None, Some("99999999999999999999")).number(), None);
        assert_eq!(view(None, None).number(), None);
    }
}
