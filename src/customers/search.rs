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

/// The suffixes of the partner bound as `partner` that start with the text bound as `text`,
/// one more than `MOST_SUFFIXES` at most, as a `WITH` list named `few`: its customers are then
/// all the customers containing the text (checked whole with `contains`) unless it holds more
/// than `MOST_SUFFIXES` (a text in many names), which `too_many` and `not_too_many` tell.
pub fn few(partner: &str, text: &str) -> String {
    format!(
        "few AS MATERIALIZED (
           SELECT s.customer_id FROM customer_search_suffixes s
            WHERE s.partner_id = {partner} AND s.suffix >= left(lower({text}), {KEPT})
                  AND s.suffix < left(lower({text}), {KEPT}) || chr(1114111)
            LIMIT {})",
        MOST_SUFFIXES + 1
    )
}

/// Whether `few` stopped short of every suffix: a condition on no row, which PostgreSQL
/// decides once and which then keeps the statement's other branch from running at all.
pub fn too_many() -> String {
    format!("(SELECT count(*) FROM few) > {MOST_SUFFIXES}")
}

/// The opposite of `too_many`: `few` holds every suffix, so its customers are every match.
pub fn not_too_many() -> String {
    format!("(SELECT count(*) FROM few) <= {MOST_SUFFIXES}")
}

/// The customers of `few`, each once, for `id = ANY (…)`.
pub const FEW_CUSTOMERS: &str = "ARRAY(SELECT DISTINCT customer_id FROM few)";

/// Whether a customer's (unqualified columns') search text contains the text bound as `text`:
/// a plain substring, with no wildcard to escape. Not one a trigram index answers, so a text
/// in many names walks the list's own index in its order and stops at the page's end.
pub fn contains(text: &str) -> String {
    format!("strpos(lower(company_name) || chr(1) || lower(primary_domain), lower({text})) > 0")
}

/// How many customers contain the text bound as `text`, when `few` holds every suffix that
/// starts with it: a text no longer than the suffixes kept is in every customer `few` names
/// (its count needs no customer's row); a longer one is checked whole.
pub fn few_matches(text: &str) -> String {
    format!(
        "CASE WHEN char_length(lower({text})) <= {KEPT}
              THEN (SELECT count(DISTINCT customer_id) FROM few)
              ELSE (SELECT count(*) FROM customers
                     WHERE id = ANY ({FEW_CUSTOMERS}) AND {})
         END",
        contains(text)
    )
}
