-- "Cancellation window ends in the next 3 days" on the home page: each software line now
-- carries the instant its window ends, kept by the database with the line's time, and a
-- partial index holds only the lines that can still be cancelled. The figure reads at most
-- 101 index entries; before, it walked the partner's orders of those days one by one.
-- Reservations are cancelled from their own page, not the Software tab, so they have none.
ALTER TABLE order_lines ADD COLUMN window_ends_at timestamptz;
UPDATE order_lines l
   SET window_ends_at = l.placed_at + p.cancellation_window_days * interval '1 day'
  FROM products p
 WHERE p.id = l.product_id AND p.cancellation_policy = 'window'
   AND l.family <> 'azure_reservation';

-- Whatever an insert says, a line has its order's customer and time, and its window's end.
CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at INTO NEW.customer_id, NEW.placed_at
      FROM orders o WHERE o.id = NEW.order_id;
    NEW.window_ends_at := NULL;
    IF NEW.family <> 'azure_reservation' THEN
        SELECT NEW.placed_at + p.cancellation_window_days * interval '1 day'
          INTO NEW.window_ends_at
          FROM products p
         WHERE p.id = NEW.product_id AND p.cancellation_policy = 'window';
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER order_lines_of_order ON order_lines;
CREATE TRIGGER order_lines_of_order
    BEFORE INSERT OR UPDATE OF order_id, customer_id, placed_at, product_id, family,
                               window_ends_at
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_of_order();

CREATE INDEX order_lines_window_ends_idx ON order_lines (partner_id, window_ends_at, id)
    WHERE window_ends_at IS NOT NULL AND revoked_at IS NULL AND quantity_cancelled < quantity;
