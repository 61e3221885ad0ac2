-- Each line also carries its order's number, kept by the database like its customer and time:
-- "Needs attention" lists lines off their own index and read each one's order only for its
-- number (a quarter of that page's time).
ALTER TABLE order_lines ADD COLUMN order_number bigint;
UPDATE order_lines l SET order_number = o.number FROM orders o WHERE o.id = l.order_id;
ALTER TABLE order_lines ALTER COLUMN order_number SET NOT NULL;

CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at, o.number
      INTO NEW.customer_id, NEW.placed_at, NEW.order_number
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
    BEFORE INSERT OR UPDATE OF order_id, customer_id, placed_at, order_number, product_id,
                               family, window_ends_at
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_of_order();

-- An order's number never changes.
CREATE FUNCTION orders_number_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an order''s number cannot change' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER orders_number_is_fixed BEFORE UPDATE OF number ON orders
    FOR EACH ROW WHEN (OLD.number IS DISTINCT FROM NEW.number)
    EXECUTE FUNCTION orders_number_is_fixed();
