//! Paged lists: page-numbered ones (which rows to fetch and the links to neighbouring pages),
//! and long ones read by keyset (links back to the newest rows and on to older ones).

pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub per_page: i64,
}

impl Pager {
    /// `requested` is whatever the URL said; nonsense means the first page.
    pub fn new(requested: Option<&str>, total: i64, per_page: i64) -> Pager {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let page = requested
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        Pager {
            page,
            pages,
            total,
            per_page,
        }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }

    pub fn has_prev(&self) -> bool {
        self.page > 1
    }

    /// "Page 2 of 7" in the page's language.
    pub fn position(&self, lang: &crate::i18n::Lang) -> String {
        lang.t_args(
            "pager-position",
            &[
                ("page", self.page.to_string()),
                ("pages", self.pages.to_string()),
            ],
        )
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }

    /// The address of `page` of the list at `base` (which may already carry a query).
    pub fn href(&self, base: &str, page: i64) -> String {
        let joiner = if base.contains('?') { '&' } else { '?' };
        format!("{base}{joiner}page={page}")
    }
}

/// The links under a list read by keyset, with its total (a number the database keeps, in
/// words: "2000 orders"). A later page costs what the first does, so there is no page count to
/// jump to: "Newest" goes back to the start and "Older" continues after the last row shown.
pub struct Keyset {
    pub total: String,
    pub newest: Option<String>,
    pub older: Option<String>,
}

impl Keyset {
    /// `base` is the list's address (which may already carry a query); `after` says whether
    /// this page continues from a cursor; `older` is the cursor after the last row, when more
    /// rows follow.
    pub fn new(total: String, base: &str, after: bool, older: Option<String>) -> Keyset {
        let joiner = if base.contains('?') { '&' } else { '?' };
        Keyset {
            total,
            newest: after.then(|| base.to_string()),
            older: older.map(|cursor| format!("{base}{joiner}after={cursor}")),
        }
    }
}

/// Cuts `rows`, read with one row more than a page, to `per_page` rows, and gives the cursor
/// after the last one kept when more rows follow (`None` on the last page).
pub fn cut_page<T>(
    rows: &mut Vec<T>,
    per_page: i64,
    cursor: impl FnOnce(&T) -> String,
) -> Option<String> {
    let more = rows.len() as i64 > per_page;
    rows.truncate(per_page as usize);
    rows.last().filter(|_| more).map(cursor)
}

#[cfg(test)]
mod tests {
    use super::Pager;

    #[test]
    fn pages_are_clamped_to_what_exists() {
        let p = Pager::new(Some("9"), 51, 25);
        assert_eq!((p.page, p.pages, p.offset()), (3, 3, 50));
        let p = Pager::new(Some("-4"), 0, 25);
        assert_eq!((p.page, p.pages, p.offset()), (1, 1, 0));
        let p = Pager::new(Some("x"), 30, 25);
        assert!(!p.has_prev() && p.has_next());
    }

    #[test]
    fn keyset_links_go_back_to_the_newest_and_on_after_the_last_row() {
        let k = super::Keyset::new("3 orders".into(), "/c/1/orders", false, Some("9.x".into()));
        assert_eq!(k.newest, None);
        assert_eq!(k.older.as_deref(), Some("/c/1/orders?after=9.x"));
        let k = super::Keyset::new(String::new(), "/c?q=a", true, None);
        assert_eq!((k.newest.as_deref(), k.older), (Some("/c?q=a"), None));
    }

    #[test]
    fn a_page_read_with_one_more_row_has_a_cursor_only_when_more_follow() {
        let mut rows = vec![1, 2, 3];
        assert_eq!(
            super::cut_page(&mut rows, 2, |r| r.to_string()),
            Some("2".into())
        );
        assert_eq!(rows, [1, 2]);
        let mut rows = vec![1, 2];
        assert_eq!(super::cut_page(&mut rows, 2, |r| r.to_string()), None);
        assert_eq!(rows, [1, 2]);
    }

    #[test]
    fn page_links_keep_the_lists_query() {
        let p = Pager::new(None, 30, 25);
        assert_eq!(p.href("/support", 2), "/support?page=2");
        assert_eq!(p.href("/customers?q=ada", 2), "/customers?q=ada&page=2");
    }
}
