-- A line keeps the SKU of the product it sold, as it keeps the product's name: the API's
-- orders list then shows a page of lines (each with its `offerId`) from the customer's
-- covering index alone, without looking up each line's product.
ALTER TABLE order_lines ADD COLUMN sku text;
UPDATE order_lines l SET sku = p.sku FROM products p WHERE p.id = l.product_id;
ALTER TABLE order_lines ALTER COLUMN sku SET NOT NULL;

-- Whatever an insert says, a line has its order's customer, time and number, its product's
-- SKU, and its window's end.
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

DROP INDEX order_lines_customer_time_idx;
CREATE INDEX order_lines_customer_time_idx
    ON order_lines (customer_id, placed_at DESC, order_id DESC, line_number)
    INCLUDE (partner_id, sku, product_name, licence_kind, term_months, quantity,
             quantity_cancelled, unit_price_minor, currency, tax_included, tax_rate_bp,
             credited_minor);
