-- A customer's Software tab shows how many purchases it has (its pager) without counting
-- them: the number is kept on the customer by the database, for every line added however it
-- is added. Lines are never removed (a cancelled purchase stays listed as cancelled).
-- Lines added while the counts are filled in would be missed: writers wait for this migration.
LOCK TABLE order_lines IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE customers
    ADD COLUMN software_lines integer NOT NULL DEFAULT 0 CHECK (software_lines >= 0);

UPDATE customers c
   SET software_lines = s.lines
  FROM (SELECT o.customer_id, count(*) AS lines
          FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE l.family <> 'azure_reservation'
         GROUP BY o.customer_id) s
 WHERE c.id = s.customer_id;

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

CREATE FUNCTION order_lines_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'order lines are never removed' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER order_lines_kept BEFORE DELETE ON order_lines
    FOR EACH ROW EXECUTE FUNCTION order_lines_refuse_delete();
