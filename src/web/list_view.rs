//! A list's order and search as its address carries them (`?sort=oldest&q=...&after=...`):
//! Order history, the Software tab, support requests. Each list reads one page of it through an
//! index by keyset, so sorting and searching never make a later page slower.

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
    /// The text searched for, as typed (trimmed); empty: no search.
    pub q: String,
}

impl ListView {
    pub fn from_query(query: &ListQuery) -> ListView {
        let q: String = search_text(query.q.as_deref())
            .chars()
            .take(MAX_SEARCH)
            .collect();
        ListView {
            after: query.after.as_deref().and_then(Cursor::decode),
            oldest: query.sort.as_deref() == Some("oldest"),
            q,
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
        if self.oldest {
            params.push(("sort", "oldest"));
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

    /// The address the date column's header links to: the other order, the same search.
    pub fn flipped(&self, list: &str) -> String {
        ListView {
            after: None,
            oldest: !self.oldest,
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
    pub oldest: bool,
    pub clear: Option<String>,
    pub sort_href: String,
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
        let mut unsearched = ListView {
            after: None,
            oldest: view.oldest,
            q: String::new(),
        };
        let clear = (!view.q.is_empty()).then(|| unsearched.base(list));
        unsearched.q = view.q.clone();
        SearchBox {
            id,
            action: action.to_string(),
            hidden,
            q: view.q.clone(),
            oldest: view.oldest,
            clear,
            sort_href: unsearched.flipped(list),
            label: lang.t(&format!("{keys}-search")),
            hint: lang.t(&format!("{keys}-search-hint")),
            clear_label: lang.t(&format!("{keys}-search-clear")),
        }
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
    fn only_digits_can_be_an_order_number() {
        assert_eq!(view(None, Some("100042")).number(), Some(100042));
        assert_eq!(view(None, Some("2022 ")).number(), Some(2022));
        assert_eq!(view(None, Some("Windows 2022")).number(), None);
        assert_eq!(view(None, Some("99999999999999999999")).number(), None);
        assert_eq!(view(None, None).number(), None);
    }
}
