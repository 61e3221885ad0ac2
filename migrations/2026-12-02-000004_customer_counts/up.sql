-- The Customers list shows how many customers a partner has without counting them: the number
-- is kept on the partner by the database, for every customer added however it is added.
-- Customers are never removed. Customers added while the counts are filled in would be
-- missed: writers wait for this migration.
LOCK TABLE customers IN SHARE ROW EXCLUSIVE MODE;

ALTER TABLE partners
    ADD COLUMN customer_count integer NOT NULL DEFAULT 0 CHECK (customer_count >= 0);

UPDATE partners p
   SET customer_count = s.customers
  FROM (SELECT partner_id, count(*) AS customers FROM customers GROUP BY partner_id) s
 WHERE p.id = s.partner_id;

CREATE FUNCTION customers_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE partners p
       SET customer_count = p.customer_count + s.customers
      FROM (SELECT partner_id, count(*) AS customers FROM added GROUP BY partner_id) s
     WHERE p.id = s.partner_id;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_customer_count AFTER INSERT ON customers
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION customers_count();

CREATE FUNCTION customers_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'customers are never removed' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER customers_kept BEFORE DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_refuse_delete();
