-- Each view of the Review page stores a one-time token for its "Place order" form; waiting for
-- that row to reach the disk was most of the page's time. After a crash PostgreSQL empties an
-- unlogged table, and nothing is lost that matters: an order remembers the token that placed
-- it (orders.idempotency_token), so a form submitted again still places it once, and a Review
-- page shown before the crash is shown again to get a new token.
ALTER TABLE order_tokens SET UNLOGGED;
