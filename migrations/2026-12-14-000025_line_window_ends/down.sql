DROP INDEX order_lines_window_ends_idx;
CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at INTO NEW.customer_id, NEW.placed_at
      FROM orders o WHERE o.id = NEW.order_id;
    RETURN NEW;
END $$;
DROP TRIGGER order_lines_of_order ON order_lines;
CREATE TRIGGER order_lines_of_order BEFORE INSERT OR UPDATE OF order_id, customer_id, placed_at
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_of_order();
ALTER TABLE order_lines DROP COLUMN window_ends_at;
