-- The Cancel dialog lists a customer's lines of one product, newest first. Each line now
-- carries its order's customer and time, kept by the database from the order, and one index
-- gives that list directly: it read up to 100 orders' lines one order at a time before.
ALTER TABLE order_lines ADD COLUMN customer_id uuid, ADD COLUMN placed_at timestamptz;
UPDATE order_lines l SET customer_id = o.customer_id, placed_at = o.placed_at
  FROM orders o WHERE o.id = l.order_id;
ALTER TABLE order_lines ALTER COLUMN customer_id SET NOT NULL,
                        ALTER COLUMN placed_at SET NOT NULL;

-- Whatever an insert says, a line has its order's customer and time.
CREATE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at INTO NEW.customer_id, NEW.placed_at
      FROM orders o WHERE o.id = NEW.order_id;
    RETURN NEW;
END $$;
CREATE TRIGGER order_lines_of_order BEFORE INSERT OR UPDATE OF order_id, customer_id, placed_at
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_of_order();

-- And follow it if the order's customer or time is ever corrected.
CREATE FUNCTION orders_lines_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE order_lines SET customer_id = NEW.customer_id, placed_at = NEW.placed_at
     WHERE order_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_lines_follow AFTER UPDATE OF customer_id, placed_at ON orders
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id
                       OR OLD.placed_at IS DISTINCT FROM NEW.placed_at)
    EXECUTE FUNCTION orders_lines_follow();

CREATE INDEX order_lines_customer_product_idx
    ON order_lines (customer_id, product_id, placed_at DESC, order_id DESC, line_number);
