-- Support requests are found by number, by part of their title, or by their customer's name
-- or domain. A rare title is found through its trigrams and a customer's requests through
-- their own index, so a search that matches little does not walk every request of the partner
-- (or, in the console, of every partner).
CREATE INDEX support_requests_title_trgm_idx ON support_requests USING gin (lower(title) gin_trgm_ops);
CREATE INDEX support_requests_customer_idx ON support_requests (customer_id, created_at DESC, id DESC);
