-- Order history shows each order's total (of what is not cancelled) and its number of lines.
-- Summing every order's lines on each view cost more than the rest of the page together, so
-- the database keeps both on the order, for every line added or changed however it happens.
-- Lines are never removed. Writers wait while the figures are filled in.
LOCK TABLE order_lines IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE orders
    ADD COLUMN total_minor bigint NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
    ADD COLUMN line_count integer NOT NULL DEFAULT 0 CHECK (line_count >= 0);

UPDATE orders o
   SET total_minor = s.total, line_count = s.lines
  FROM (SELECT order_id,
               sum(unit_price_minor * (quantity - quantity_cancelled))::bigint AS total,
               count(*) AS lines
          FROM order_lines GROUP BY order_id) s
 WHERE o.id = s.order_id;

CREATE FUNCTION order_lines_total_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders o
       SET total_minor = o.total_minor + s.total, line_count = o.line_count + s.lines
      FROM (SELECT order_id,
                   sum(unit_price_minor * (quantity - quantity_cancelled))::bigint AS total,
                   count(*) AS lines
              FROM added GROUP BY order_id) s
     WHERE o.id = s.order_id;
    RETURN NULL;
END $$;
CREATE TRIGGER order_lines_total_on_insert AFTER INSERT ON order_lines
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION order_lines_total_added();

-- A change (a cancellation raises quantity_cancelled) moves the total by the difference; a
-- line moved to another order, which the product never does, would still be counted right.
CREATE FUNCTION order_lines_total_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders o
       SET total_minor = o.total_minor + s.total, line_count = o.line_count + s.lines
      FROM (SELECT order_id, sum(total)::bigint AS total, sum(lines)::integer AS lines
              FROM (SELECT order_id, unit_price_minor * (quantity - quantity_cancelled) AS total,
                           1 AS lines
                      FROM after
                    UNION ALL
                    SELECT order_id, -(unit_price_minor * (quantity - quantity_cancelled)), -1
                      FROM before) d
             GROUP BY order_id) s
     WHERE o.id = s.order_id AND (s.total <> 0 OR s.lines <> 0);
    RETURN NULL;
END $$;
CREATE TRIGGER order_lines_total_on_update AFTER UPDATE ON order_lines
    REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT
    EXECUTE FUNCTION order_lines_total_changed();
