CREATE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_counts SET order_count = order_count + 1
     WHERE customer_id = NEW.customer_id
       AND slot = (SELECT slot FROM customer_counts WHERE customer_id = NEW.customer_id
                    ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
        PERFORM customer_counts_add(NEW.customer_id, 1, 0);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_counts SET software_lines = software_lines + 1
     WHERE customer_id = NEW.customer_id
       AND slot = (SELECT slot FROM customer_counts WHERE customer_id = NEW.customer_id
                    ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
        PERFORM customer_counts_add(NEW.customer_id, 0, 1);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER orders_order_count ON orders;
CREATE CONSTRAINT TRIGGER orders_order_count AFTER INSERT ON orders
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION orders_count();

DROP TRIGGER order_lines_software_count ON order_lines;
CREATE CONSTRAINT TRIGGER order_lines_software_count AFTER INSERT ON order_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.family <> 'azure_reservation')
    EXECUTE FUNCTION order_lines_count_software();

DROP FUNCTION customer_counts_bump();
