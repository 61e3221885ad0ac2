-- A customer's counts are kept by one function for both of its triggers: an order adds one
-- order, a software line one software line, the amounts given as the trigger's arguments. The
-- two functions it replaces differed only in the column they added to.
CREATE FUNCTION customer_counts_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added_orders integer := TG_ARGV[0]::integer;
    added_lines integer := TG_ARGV[1]::integer;
BEGIN
    -- The first slot no other transaction holds, found and added to by one statement; only
    -- when every slot is held does `customer_counts_add` make a new one.
    UPDATE customer_counts
       SET order_count = order_count + added_orders,
           software_lines = software_lines + added_lines
     WHERE customer_id = NEW.customer_id
       AND slot = (SELECT slot FROM customer_counts WHERE customer_id = NEW.customer_id
                    ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
        PERFORM customer_counts_add(NEW.customer_id, added_orders, added_lines);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER orders_order_count ON orders;
CREATE CONSTRAINT TRIGGER orders_order_count AFTER INSERT ON orders
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION customer_counts_bump(1, 0);

DROP TRIGGER order_lines_software_count ON order_lines;
CREATE CONSTRAINT TRIGGER order_lines_software_count AFTER INSERT ON order_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.family <> 'azure_reservation')
    EXECUTE FUNCTION customer_counts_bump(0, 1);

DROP FUNCTION orders_count();
DROP FUNCTION order_lines_count_software();
