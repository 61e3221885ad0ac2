DROP INDEX order_lines_customer_product_idx;
DROP TRIGGER orders_lines_follow ON orders;
DROP FUNCTION orders_lines_follow();
DROP TRIGGER order_lines_of_order ON order_lines;
DROP FUNCTION order_lines_of_order();
ALTER TABLE order_lines DROP COLUMN customer_id, DROP COLUMN placed_at;
