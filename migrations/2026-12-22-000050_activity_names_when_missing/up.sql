-- A record's names are looked up only when its writer left one out: placing an order and
-- cancelling a purchase give all three (they have them at hand in their transaction), and
-- their records then cost no call of the lookup function, about 3% of PostgreSQL's time per
-- order placed or purchase cancelled through the API on the benchmark data. Any other writer,
-- or a record written by hand, still gets its names from the ids.
DROP TRIGGER activity_names ON activity;
CREATE TRIGGER activity_names BEFORE INSERT ON activity
    FOR EACH ROW
    WHEN ((NEW.customer_id IS NOT NULL AND NEW.customer_name IS NULL)
          OR (NEW.product_id IS NOT NULL AND NEW.product_name IS NULL)
          OR (NEW.order_id IS NOT NULL AND NEW.order_number IS NULL))
    EXECUTE FUNCTION activity_names();
