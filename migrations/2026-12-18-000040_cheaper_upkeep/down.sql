-- The upkeep as the slots left it: each count and tally added through its function.
CREATE OR REPLACE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_counts_add(NEW.customer_id, 1, 0);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM customer_counts_add(NEW.customer_id, 0, 1);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION invoice_lines_add_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted integer;
    open integer;
    added_up record;
BEGIN
    -- Every invoice the lines go on must be open, and stays open until this transaction
    -- ends: an issuer waits for the share lock, and a line added after an invoice was issued
    -- finds it issued once the lock is granted (the row is read again then).
    SELECT count(DISTINCT invoice_id) INTO wanted FROM added;
    SELECT count(*) INTO open
      FROM (SELECT id FROM invoices
             WHERE id IN (SELECT invoice_id FROM added) AND issued_at IS NULL
               FOR SHARE) locked;
    IF open <> wanted THEN
        RAISE EXCEPTION 'lines cannot be added to an issued invoice'
            USING ERRCODE = 'restrict_violation';
    END IF;
    FOR added_up IN
        SELECT invoice_id,
               coalesce(sum(amount_minor) FILTER (WHERE kind = 'charge'), 0)::bigint AS charges,
               coalesce(-sum(amount_minor) FILTER (WHERE kind <> 'charge'), 0)::bigint AS credits,
               count(*) AS lines
          FROM added GROUP BY invoice_id ORDER BY invoice_id
    LOOP
        PERFORM invoice_tallies_add(added_up.invoice_id, added_up.charges, added_up.credits,
                                    added_up.lines);
    END LOOP;
    RETURN NULL;
END $$;

DROP TRIGGER invoice_tallies_issued_are_final ON invoice_tallies;
CREATE TRIGGER invoice_tallies_issued_are_final BEFORE INSERT OR UPDATE OR DELETE
    ON invoice_tallies
    FOR EACH ROW EXECUTE FUNCTION invoice_tallies_refuse_change_when_issued();

CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at, o.number
      INTO NEW.customer_id, NEW.placed_at, NEW.order_number
      FROM orders o WHERE o.id = NEW.order_id;
    SELECT p.sku, p.cancellation_policy,
           CASE WHEN NEW.family <> 'azure_reservation' AND p.cancellation_policy = 'window'
                THEN NEW.placed_at + p.cancellation_window_days * interval '24 hours' END
      INTO NEW.sku, NEW.cancellation_policy, NEW.window_ends_at
      FROM products p WHERE p.id = NEW.product_id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION activity_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.customer_id IS NOT NULL AND NEW.customer_name IS NULL THEN
        SELECT company_name INTO NEW.customer_name FROM customers WHERE id = NEW.customer_id;
    END IF;
    IF NEW.product_id IS NOT NULL AND NEW.product_name IS NULL THEN
        SELECT name INTO NEW.product_name FROM products WHERE id = NEW.product_id;
    END IF;
    IF NEW.order_id IS NOT NULL AND NEW.order_number IS NULL THEN
        SELECT number INTO NEW.order_number FROM orders WHERE id = NEW.order_id;
    END IF;
    RETURN NEW;
END $$;
