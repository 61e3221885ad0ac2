-- An open invoice's tallies: each transaction adds to the first of the invoice's slots that
-- no other transaction holds, and makes a new slot only when all are held (as a customer's
-- counts do). Until now the slot was the connection's process id modulo 16: two of the app's
-- connections with the same remainder (one start in three, with four connections) waited for
-- each other from their first invoice line until they committed, for as long as both lived.
ALTER TABLE invoice_tallies DROP CONSTRAINT invoice_tallies_slot_check,
    ADD CONSTRAINT invoice_tallies_slot_check CHECK (slot >= 0);

CREATE FUNCTION invoice_tallies_add(invoice uuid, charges bigint, credits bigint, lines bigint)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    free smallint;
    candidate integer;
BEGIN
    LOOP
        SELECT slot INTO free FROM invoice_tallies
         WHERE invoice_id = invoice ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF FOUND THEN
            UPDATE invoice_tallies
               SET charges_minor = charges_minor + charges,
                   credits_minor = credits_minor + credits,
                   line_count = line_count + lines
             WHERE invoice_id = invoice AND slot = free;
            RETURN;
        END IF;
        -- Every slot is held (or there is none yet): a new one, numbered past those this
        -- transaction sees. Another transaction making a slot at the same moment sees the
        -- same numbers, so each number is first claimed by an advisory lock (held until the
        -- transaction ends), and a number claimed by another is passed over: neither waits
        -- for the other. A number committed meanwhile is skipped by the insert and the loop
        -- starts again (it may be free).
        candidate := (SELECT coalesce(max(slot) + 1, 0) FROM invoice_tallies WHERE invoice_id = invoice);
        WHILE NOT pg_try_advisory_xact_lock(hashtext('invoice_tallies:' || invoice), candidate) LOOP
            candidate := candidate + 1;
        END LOOP;
        INSERT INTO invoice_tallies (invoice_id, slot, charges_minor, credits_minor, line_count)
        VALUES (invoice, candidate, charges, credits, lines)
        ON CONFLICT DO NOTHING;
        IF FOUND THEN
            RETURN;
        END IF;
    END LOOP;
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
