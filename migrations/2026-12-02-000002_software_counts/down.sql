DROP TRIGGER order_lines_kept ON order_lines;
DROP FUNCTION order_lines_refuse_delete();
DROP TRIGGER order_lines_software_count ON order_lines;
DROP FUNCTION order_lines_count_software();
ALTER TABLE customers DROP COLUMN software_lines;
