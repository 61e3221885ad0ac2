CREATE INDEX order_lines_product_idx ON order_lines (product_id);
