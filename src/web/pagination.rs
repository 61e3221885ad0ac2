//! Paging of long lists by keyset: "Newest" and "Older" links, a page read with one row more
//! than it shows, and totals that are kept by the database or counted only up to a bound.

/// How many rows a list has, in words under it: a number the database keeps, or one counted
/// up to `MAX_COUNTED` (counting every match of a broad filter would read them all).
#[derive(Debug, PartialEq, Eq)]
pub enum Total {
    Exactly(i64),
    MoreThan(i64),
}

pub const MAX_COUNTED: i64 = 1000;

/// The row of a count made with `LIMIT MAX_COUNTED + 1`, named `n`.
#[derive(diesel::QueryableByName)]
pub struct Counted {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

impl From<Counted> for Total {
    fn from(c: Counted) -> Total {
        Total::counted(c.n)
    }
}

impl Total {
    /// From a count made with `LIMIT MAX_COUNTED + 1`.
    pub fn counted(n: i64) -> Total {
        if n > MAX_COUNTED {
            Total::MoreThan(MAX_COUNTED)
        } else {
            Total::Exactly(n)
        }
    }

    /// The total of a list whose rows carry the count the database keeps (`first`, of the
    /// first row read): that count, or none on an empty first page. `None` for an empty later
    /// page, which has no row to carry it.
    pub fn kept(first: Option<i64>, after: bool) -> Option<Total> {
        match first {
            Some(n) => Some(Total::Exactly(n)),
            None => (!after).then_some(Total::Exactly(0)),
        }
    }

    /// The total in words: message `exactly` or `more` with the number as `$count`.
    pub fn text(&self, lang: crate::i18n::Lang, exactly: &str, more: &str) -> String {
        let (key, n) = match self {
            Total::Exactly(n) => (exactly, n),
            Total::MoreThan(n) => (more, n),
        };
        lang.t_args(key, &[("count", n.to_string())])
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
    fn counts_past_the_bound_say_more_than() {
        use super::Total;
        assert_eq!(Total::counted(1000), Total::Exactly(1000));
        assert_eq!(Total::counted(1001), Total::MoreThan(1000));
        assert_eq!(Total::counted(0), Total::Exactly(0));
    }

    #[test]
    fn a_page_whose_rows_carry_the_kept_count_knows_its_total() {
        use super::Total;
        assert_eq!(Total::kept(Some(2000), true), Some(Total::Exactly(2000)));
        assert_eq!(Total::kept(None, false), Some(Total::Exactly(0)));
        assert_eq!(Total::kept(None, true), None);
    }
}
