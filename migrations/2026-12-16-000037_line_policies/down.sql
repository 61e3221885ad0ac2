DROP TRIGGER products_policy_to_lines ON products;
DROP FUNCTION products_policy_to_lines();

-- The trigger as `line_skus` left it (repeated here on purpose: this restores it).
CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at, o.number
      INTO NEW.customer_id, NEW.placed_at, NEW.order_number
      FROM orders o WHERE o.id = NEW.order_id;
    SELECT p.sku,
           CASE WHEN NEW.family <> 'azure_reservation' AND p.cancellation_policy = 'window'
                THEN NEW.placed_at + p.cancellation_window_days * interval '1 day' END
      INTO NEW.sku, NEW.window_ends_at
      FROM products p WHERE p.id = NEW.product_id;
    RETURN NEW;
END $$;
DROP TRIGGER order_lines_of_order ON order_lines;
CREATE TRIGGER order_lines_of_order
    BEFORE INSERT OR UPDATE OF order_id, customer_id, placed_at, order_number, product_id,
                               sku, family, window_ends_at
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_of_order();

ALTER TABLE order_lines DROP COLUMN cancellation_policy;
