DROP INDEX customers_id_trgm_idx;
DROP INDEX customers_primary_domain_trgm_idx;
DROP INDEX customers_company_name_trgm_idx;
DROP EXTENSION pg_trgm;
DROP INDEX order_tokens_user_created_idx;
DROP INDEX orders_customer_placed_idx;
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id DESC);
