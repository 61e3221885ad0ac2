DROP INDEX order_lines_customer_time_idx;
CREATE INDEX order_lines_customer_time_idx
    ON order_lines (customer_id, placed_at DESC, order_id DESC, line_number)
    INCLUDE (partner_id, product_id, product_name, licence_kind, term_months, quantity,
             quantity_cancelled, unit_price_minor, currency, tax_included, tax_rate_bp,
             credited_minor);

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

ALTER TABLE order_lines DROP COLUMN sku;
