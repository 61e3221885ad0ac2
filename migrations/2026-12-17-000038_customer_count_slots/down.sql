-- Nothing is added to the counts while they are folded back.
LOCK TABLE customers, orders, order_lines, customer_counts IN SHARE ROW EXCLUSIVE MODE;

CREATE OR REPLACE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_counts SET order_count = order_count + 1
     WHERE customer_id = NEW.customer_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_counts SET software_lines = software_lines + 1
     WHERE customer_id = NEW.customer_id;
    RETURN NULL;
END $$;

DROP FUNCTION customer_counts_add(uuid, integer, integer);

-- The slots folded back into one row per customer.
CREATE TEMPORARY TABLE folded AS
SELECT customer_id, sum(order_count)::integer AS order_count,
       sum(software_lines)::integer AS software_lines
  FROM customer_counts GROUP BY customer_id;
DELETE FROM customer_counts;
ALTER TABLE customer_counts DROP CONSTRAINT customer_counts_pkey;
ALTER TABLE customer_counts DROP COLUMN slot;
INSERT INTO customer_counts SELECT customer_id, order_count, software_lines FROM folded;
ALTER TABLE customer_counts ADD PRIMARY KEY (customer_id);
DROP TABLE folded;
