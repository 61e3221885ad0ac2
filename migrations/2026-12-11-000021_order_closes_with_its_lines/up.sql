-- An order becomes cancelled in the statement that cancels its last open line, by the
-- trigger that already keeps its totals: one update of the order's row per cancellation.
-- Updated a second time in the same transaction (its status, after the totals), the row made
-- PostgreSQL check the order's customer, partner and buyer again (a row the transaction has
-- already changed is always re-checked), and each check locks that row: the customer's row
-- was locked by every cancellation of the customer at once.
CREATE OR REPLACE FUNCTION order_lines_total_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders o
       SET total_minor = o.total_minor + s.total,
           line_count = o.line_count + s.lines,
           status = CASE WHEN s.closing AND NOT EXISTS (
                                 SELECT 1 FROM order_lines l
                                  WHERE l.order_id = o.id AND l.quantity_cancelled < l.quantity)
                         THEN 'cancelled' ELSE o.status END
      FROM (SELECT order_id, sum(total)::bigint AS total, sum(lines)::integer AS lines,
                   bool_or(closing) AS closing
              FROM (SELECT a.order_id, a.unit_price_minor * (a.quantity - a.quantity_cancelled) AS total,
                           1 AS lines,
                           a.quantity_cancelled >= a.quantity
                               AND b.quantity_cancelled < b.quantity AS closing
                      FROM after a JOIN before b ON b.id = a.id
                    UNION ALL
                    SELECT order_id, -(unit_price_minor * (quantity - quantity_cancelled)), -1, false
                      FROM before) d
             GROUP BY order_id) s
     WHERE o.id = s.order_id AND (s.total <> 0 OR s.lines <> 0 OR s.closing);
    RETURN NULL;
END $$;
