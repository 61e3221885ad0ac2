DROP INDEX order_tokens_cart_idx;
ALTER TABLE order_tokens DROP COLUMN ordered_as;
