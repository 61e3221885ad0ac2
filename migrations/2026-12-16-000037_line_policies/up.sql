-- A line keeps its product's cancellation policy, as it keeps the product's name and SKU, so
-- the Software list shows "Cancellable until" from the line alone instead of joining the
-- catalog on every view. A change of a product's policy is copied onto its lines at once
-- (below), so the copy is always the catalog's.
--
-- A window now ends a whole number of 24-hour days after the purchase. It was
-- `days * interval '1 day'`, which counts calendar days in the database session's time zone:
-- with a server whose time zone has summer time, a window across the change ended an hour
-- away from the instant the cancellation rules use (UTC days, `cancellation::rules::window`).

-- The backfill changes no amount: the statement trigger that keeps invoice totals in step
-- with the lines' amounts is left out of it, and the row trigger is replaced after it.
DROP TRIGGER order_lines_of_order ON order_lines;
ALTER TABLE order_lines DISABLE TRIGGER order_lines_total_on_update;

ALTER TABLE order_lines ADD COLUMN cancellation_policy text;
UPDATE order_lines l
   SET cancellation_policy = p.cancellation_policy,
       window_ends_at = CASE
           WHEN l.family <> 'azure_reservation' AND p.cancellation_policy = 'window'
           THEN l.placed_at + p.cancellation_window_days * interval '24 hours' END
  FROM products p
 WHERE p.id = l.product_id;
ALTER TABLE order_lines ALTER COLUMN cancellation_policy SET NOT NULL;

ALTER TABLE order_lines ENABLE TRIGGER order_lines_total_on_update;

-- Whatever an insert says, a line has its order's customer, time and number, its product's
-- SKU and cancellation policy, and its window's end.
CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at, o.number
      INTO NEW.customer_id, NEW.placed_at, NEW.order_number
      FROM orders o WHERE o.id = NEW.order_id;
    SELECT p.sku, p.cancellation_policy,
           CASE WHEN NEW.family <> 'azure_reservation' AND p.cancellation_policy = 'window'
                THEN NEW.placed_at + p.cancellation_window_days * interval '24 hours' END
      INTO NEW.sku, NEW.cancellation_policy, NEW.window_ends_at
      FROM products p WHERE p.id = NEW.product_id;
    RETURN NEW;
END $$;
CREATE TRIGGER order_lines_of_order
    BEFORE INSERT OR UPDATE OF order_id, customer_id, placed_at, order_number, product_id,
                               sku, family, window_ends_at, cancellation_policy
    ON order_lines FOR EACH ROW EXECUTE FUNCTION order_lines_of_order();

-- A product's new policy reaches the lines that sold it: naming the product in an update of
-- them has the trigger above set their policy and window's end again.
CREATE FUNCTION products_policy_to_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE order_lines SET product_id = NEW.id WHERE product_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER products_policy_to_lines
    AFTER UPDATE OF cancellation_policy, cancellation_window_days ON products
    FOR EACH ROW
    WHEN (OLD.cancellation_policy IS DISTINCT FROM NEW.cancellation_policy
          OR OLD.cancellation_window_days IS DISTINCT FROM NEW.cancellation_window_days)
    EXECUTE FUNCTION products_policy_to_lines();
