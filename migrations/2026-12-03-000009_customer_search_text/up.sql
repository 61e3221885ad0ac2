-- The customer search looks for its text in the name or the domain. One trigram index over
-- both (lower-cased, joined by a character no search can contain, so no match spans the two)
-- answers it with one index scan instead of two OR-ed ones: a third of the time on a
-- partner whose customers' names share most of their trigrams.
CREATE INDEX customers_search_text_trgm_idx ON customers
    USING gin ((lower(company_name) || chr(1) || lower(primary_domain)) gin_trgm_ops);
DROP INDEX customers_company_name_trgm_idx;
DROP INDEX customers_primary_domain_trgm_idx;
