DROP TRIGGER orders_order_count ON orders;
DROP FUNCTION orders_count();
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

DROP TRIGGER order_lines_software_count ON order_lines;
DROP FUNCTION order_lines_count_software();
CREATE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customers c
       SET software_lines = c.software_lines + s.lines
      FROM (SELECT o.customer_id, count(*) AS lines
              FROM added a JOIN orders o ON o.id = a.order_id
             WHERE a.family <> 'azure_reservation'
             GROUP BY o.customer_id) s
     WHERE c.id = s.customer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER order_lines_software_count AFTER INSERT ON order_lines
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION order_lines_count_software();
