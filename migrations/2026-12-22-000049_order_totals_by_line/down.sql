DROP TRIGGER order_lines_amount_on_update ON order_lines;
DROP FUNCTION order_line_amount_changed();

-- The statement trigger of the `order_closes_with_its_lines` migration, as it was.
CREATE OR REPLACE FUNCTION public.order_lines_total_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$

;
CREATE TRIGGER order_lines_total_on_update AFTER UPDATE ON order_lines
    REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT
    EXECUTE FUNCTION order_lines_total_changed();
