-- Order history filters by partner as well as by customer. With partner_id carried in the
-- index, counting a customer's orders reads the index alone and a page visits only its rows.
DROP INDEX orders_customer_placed_idx;
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id DESC) INCLUDE (partner_id);

-- Every view of Review drops the viewer's day-old form tokens before issuing a new one.
CREATE INDEX order_tokens_user_created_idx ON order_tokens (user_id, created_at);

-- The customer search matches anywhere in the name or domain, and the start of the tenant
-- GUID: trigram indexes answer those without reading every customer of the partner.
-- pg_trgm ships with PostgreSQL and is a trusted extension (the database owner may add it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_company_name_trgm_idx ON customers USING gin (company_name gin_trgm_ops);
CREATE INDEX customers_primary_domain_trgm_idx ON customers USING gin (primary_domain gin_trgm_ops);
CREATE INDEX customers_id_trgm_idx ON customers USING gin ((id::text) gin_trgm_ops);
