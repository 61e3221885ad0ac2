CREATE OR REPLACE FUNCTION order_lines_total_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
