-- A cart becomes at most one order, whatever the number of Review pages open on it. When an
-- order is placed, every Review page's token of that cart records the order, so a later
-- submit of any of them is answered with that order and writes nothing.
ALTER TABLE order_tokens ADD COLUMN ordered_as uuid REFERENCES orders (id);
CREATE INDEX order_tokens_cart_idx ON order_tokens (user_id, customer_id);
