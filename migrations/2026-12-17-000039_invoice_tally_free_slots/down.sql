-- Nothing is added to the tallies while they are folded back.
LOCK TABLE invoice_lines, invoice_tallies IN SHARE ROW EXCLUSIVE MODE;

CREATE OR REPLACE FUNCTION invoice_lines_add_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted integer;
    open integer;
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
    INSERT INTO invoice_tallies AS t (invoice_id, slot, charges_minor, credits_minor, line_count)
    SELECT invoice_id, pg_backend_pid() % 16,
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'charge'), 0),
           coalesce(-sum(amount_minor) FILTER (WHERE kind <> 'charge'), 0),
           count(*)
      FROM added GROUP BY invoice_id
    ON CONFLICT (invoice_id, slot) DO UPDATE
       SET charges_minor = t.charges_minor + excluded.charges_minor,
           credits_minor = t.credits_minor + excluded.credits_minor,
           line_count = t.line_count + excluded.line_count;
    RETURN NULL;
END $$;

DROP FUNCTION invoice_tallies_add(uuid, bigint, bigint, bigint);

-- Slots past 15 folded into the sixteen the process ids use.
CREATE TEMPORARY TABLE folded AS
SELECT invoice_id, slot % 16 AS slot, sum(charges_minor)::bigint AS charges_minor,
       sum(credits_minor)::bigint AS credits_minor, sum(line_count)::bigint AS line_count
  FROM invoice_tallies GROUP BY invoice_id, slot % 16;
ALTER TABLE invoice_tallies DISABLE TRIGGER invoice_tallies_issued_are_final;
DELETE FROM invoice_tallies;
INSERT INTO invoice_tallies (invoice_id, slot, charges_minor, credits_minor, line_count)
SELECT invoice_id, slot, charges_minor, credits_minor, line_count FROM folded;
ALTER TABLE invoice_tallies ENABLE TRIGGER invoice_tallies_issued_are_final;
DROP TABLE folded;
ALTER TABLE invoice_tallies DROP CONSTRAINT invoice_tallies_slot_check,
    ADD CONSTRAINT invoice_tallies_slot_check CHECK (slot BETWEEN 0 AND 15);
