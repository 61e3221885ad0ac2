CREATE INDEX customers_company_name_trgm_idx ON customers USING gin (company_name gin_trgm_ops);
CREATE INDEX customers_primary_domain_trgm_idx ON customers USING gin (primary_domain gin_trgm_ops);
DROP INDEX customers_search_text_trgm_idx;
