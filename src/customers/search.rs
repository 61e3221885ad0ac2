//! The customers whose name or domain contains a text, off the suffixes the database keeps of
//! every customer's search text (migration `customer_search_suffixes`): the text is the start
//! of one of them, so the search is one range of a btree index, as cheap for a word every
//! name shares as for a rare one (a trigram index decoded every trigram's whole list).

/// How many characters of each suffix are kept (the migration's `left(…, 24)`).
const KEPT: usize = 24;

/// How many suffixes a search reads at most before it stops: a text in most names (one
/// letter) would otherwise read a suffix of nearly every customer. The caller's `LIMIT` on
/// the customers found is below it.
const MOST_SUFFIXES: i64 = 1000;

/// A `SELECT` of the ids of customers whose search text contains the text bound as `text`
/// (`$n`), of the partner bound as `partner` or of every partner when `None`; each id once,
/// in no order. A text longer than the suffixes kept is found by its first 24 characters and
/// checked whole against the pattern bound as `pattern` (`db::contains_pattern` of the same
/// text). The caller adds a `LIMIT`.
pub fn containing(partner: Option<&str>, text: &str, pattern: &str) -> String {
    let of_partner = match partner {
        Some(p) => format!("s.partner_id = {p} AND"),
        None => String::new(),
    };
    format!(
        "SELECT DISTINCT f.customer_id FROM (
           SELECT s.customer_id FROM customer_search_suffixes s
            WHERE {of_partner} s.suffix >= left(lower({text}), {KEPT})
                  AND s.suffix < left(lower({text}), {KEPT}) || chr(1114111)
            LIMIT {MOST_SUFFIXES}) f
          WHERE char_length(lower({text})) <= {KEPT}
                OR EXISTS (SELECT 1 FROM customers w
                            WHERE w.id = f.customer_id
                              AND (lower(w.company_name) || chr(1) || lower(w.primary_domain))
                                  LIKE lower({pattern}))"
    )
}
