ALTER TABLE customers
    ADD COLUMN order_count integer NOT NULL DEFAULT 0 CHECK (order_count >= 0),
    ADD COLUMN software_lines integer NOT NULL DEFAULT 0 CHECK (software_lines >= 0);
UPDATE customers c SET order_count = k.order_count, software_lines = k.software_lines
  FROM customer_counts k WHERE k.customer_id = c.id;

CREATE OR REPLACE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers SET order_count = order_count + 1 WHERE id = NEW.customer_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers SET software_lines = software_lines + 1
     WHERE id = (SELECT customer_id FROM orders WHERE id = NEW.order_id);
    RETURN NULL;
END $$;

DROP TRIGGER customers_counted ON customers;
DROP FUNCTION customers_counted();
DROP TABLE customer_counts;
