-- A customer's Order history shows how many orders it has without counting them: the number
-- is kept on the customer by the database, for every order added however it is added. Orders
-- are never removed (a cancelled order stays in the history as cancelled).
-- Orders added while the counts are filled in would be missed: writers wait for this migration.
LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE customers
    ADD COLUMN order_count integer NOT NULL DEFAULT 0 CHECK (order_count >= 0);

UPDATE customers c
   SET order_count = s.orders
  FROM (SELECT customer_id, count(*) AS orders FROM orders GROUP BY customer_id) s
 WHERE c.id = s.customer_id;

CREATE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers c
       SET order_count = c.order_count + s.orders
      FROM (SELECT customer_id, count(*) AS orders FROM added GROUP BY customer_id) s
     WHERE c.id = s.customer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_order_count AFTER INSERT ON orders
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION orders_count();

CREATE FUNCTION orders_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'orders are never removed' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER orders_kept BEFORE DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_refuse_delete();
