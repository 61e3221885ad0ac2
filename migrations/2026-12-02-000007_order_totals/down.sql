DROP TRIGGER order_lines_total_on_update ON order_lines;
DROP TRIGGER order_lines_total_on_insert ON order_lines;
DROP FUNCTION order_lines_total_changed();
DROP FUNCTION order_lines_total_added();
ALTER TABLE orders DROP COLUMN line_count, DROP COLUMN total_minor;
