-- The upkeep the database does on every order and credit, in fewer statements: each
-- statement a trigger runs costs about as much to start as to run, and placing an order ran
-- some twenty of them. Same results, same locks.

-- A customer's counts: the first slot no other transaction holds is found and added to by one
-- statement; only when every slot is held does `customer_counts_add` make a new one.
CREATE OR REPLACE FUNCTION orders_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_counts SET order_count = order_count + 1
     WHERE customer_id = NEW.customer_id
       AND slot = (SELECT slot FROM customer_counts WHERE customer_id = NEW.customer_id
                    ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
        PERFORM customer_counts_add(NEW.customer_id, 1, 0);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION order_lines_count_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_counts SET software_lines = software_lines + 1
     WHERE customer_id = NEW.customer_id
       AND slot = (SELECT slot FROM customer_counts WHERE customer_id = NEW.customer_id
                    ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED);
    IF NOT FOUND THEN
        PERFORM customer_counts_add(NEW.customer_id, 0, 1);
    END IF;
    RETURN NULL;
END $$;

-- An open invoice's tallies: one statement reads what the lines add up to per invoice and
-- takes each invoice's share lock (an issuer waits for it; a line added after an invoice was
-- issued finds it issued once the lock is granted, the row read again), and one more adds to
-- a free slot.
CREATE OR REPLACE FUNCTION invoice_lines_add_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added_up record;
BEGIN
    FOR added_up IN
        SELECT a.invoice_id, a.charges, a.credits, a.lines, open.id IS NOT NULL AS open
          FROM (SELECT invoice_id,
                       coalesce(sum(amount_minor) FILTER (WHERE kind = 'charge'), 0)::bigint AS charges,
                       coalesce(-sum(amount_minor) FILTER (WHERE kind <> 'charge'), 0)::bigint AS credits,
                       count(*) AS lines
                  FROM added GROUP BY invoice_id) a
          LEFT JOIN LATERAL (SELECT i.id FROM invoices i
                              WHERE i.id = a.invoice_id AND i.issued_at IS NULL
                                FOR SHARE) open ON true
         ORDER BY a.invoice_id
    LOOP
        IF NOT added_up.open THEN
            RAISE EXCEPTION 'lines cannot be added to an issued invoice'
                USING ERRCODE = 'restrict_violation';
        END IF;
        UPDATE invoice_tallies
           SET charges_minor = charges_minor + added_up.charges,
               credits_minor = credits_minor + added_up.credits,
               line_count = line_count + added_up.lines
         WHERE invoice_id = added_up.invoice_id
           AND slot = (SELECT slot FROM invoice_tallies WHERE invoice_id = added_up.invoice_id
                        ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED);
        IF NOT FOUND THEN
            PERFORM invoice_tallies_add(added_up.invoice_id, added_up.charges, added_up.credits,
                                        added_up.lines);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- The tallies of an issued invoice stay refused to every statement a client sends. Statements
-- run by triggers are not checked again: the only trigger that writes tallies
-- (`invoice_lines_add_totals`, here and through `invoice_tallies_add`) holds the invoice's
-- share lock and has just seen it open, so the check would read the invoice a second time for
-- each tally it adds to.
DROP TRIGGER invoice_tallies_issued_are_final ON invoice_tallies;
CREATE TRIGGER invoice_tallies_issued_are_final
    BEFORE INSERT OR UPDATE OR DELETE ON invoice_tallies
    FOR EACH ROW WHEN (pg_trigger_depth() = 0)
    EXECUTE FUNCTION invoice_tallies_refuse_change_when_issued();

-- A line's copies of its order's and product's fields, read in one statement.
CREATE OR REPLACE FUNCTION order_lines_of_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.placed_at, o.number, p.sku, p.cancellation_policy,
           CASE WHEN NEW.family <> 'azure_reservation' AND p.cancellation_policy = 'window'
                THEN o.placed_at + p.cancellation_window_days * interval '24 hours' END
      INTO NEW.customer_id, NEW.placed_at, NEW.order_number, NEW.sku, NEW.cancellation_policy,
           NEW.window_ends_at
      FROM orders o, products p
     WHERE o.id = NEW.order_id AND p.id = NEW.product_id;
    RETURN NEW;
END $$;

-- An activity record's names, those the writer did not give read in one statement (a name
-- given is kept: `coalesce` reads no further).
CREATE OR REPLACE FUNCTION activity_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT coalesce(NEW.customer_name,
                    (SELECT company_name FROM customers WHERE id = NEW.customer_id)),
           coalesce(NEW.product_name, (SELECT name FROM products WHERE id = NEW.product_id)),
           coalesce(NEW.order_number, (SELECT number FROM orders WHERE id = NEW.order_id))
      INTO NEW.customer_name, NEW.product_name, NEW.order_number;
    RETURN NEW;
END $$;
