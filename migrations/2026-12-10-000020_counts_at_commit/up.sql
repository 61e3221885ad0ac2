-- A customer's counts (orders, software lines) are added at commit rather than when the row
-- is inserted. Updating them locks the customer's row until the transaction ends; taken at
-- the first insert, that made every other order of the customer wait for the whole of this
-- one (its lines, keys, invoice lines, activity record). At commit it is held for the commit
-- alone. Row triggers, as deferred triggers must be: one small update per order and per line.
DROP TRIGGER orders_order_count ON orders;
DROP FUNCTION orders_count();
CREATE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers SET order_count = order_count + 1 WHERE id = NEW.customer_id;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER orders_order_count AFTER INSERT ON orders
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION orders_count();

DROP TRIGGER order_lines_software_count ON order_lines;
DROP FUNCTION order_lines_count_software();
CREATE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers SET software_lines = software_lines + 1
     WHERE id = (SELECT customer_id FROM orders WHERE id = NEW.order_id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER order_lines_software_count AFTER INSERT ON order_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.family <> 'azure_reservation')
    EXECUTE FUNCTION order_lines_count_software();
