-- Orders and credits of one partner no longer wait for each other on the open invoice.
-- Until now each line added to an invoice updated the invoice's row (its totals), so every
-- order and credit of the partner in that currency, whichever customer, held that row from
-- its first invoice line until it committed, one after the other. Now:
--   * an open invoice's totals are its row's totals plus its tallies: a few rows, one per
--     slot, each added to by the transactions of the database connections with that slot
--     (the connection's process id modulo 16), so two transactions rarely share one;
--   * adding lines locks the invoice only in share mode, which any number of writers hold at
--     once; issuing locks it for update, so it waits for those writers and they for it;
--   * issuing adds the tallies to the invoice's row (a trigger, whoever issues), after which
--     they are no longer read.
CREATE TABLE invoice_tallies (
    invoice_id     uuid NOT NULL REFERENCES invoices (id),
    slot           smallint NOT NULL CHECK (slot BETWEEN 0 AND 15),
    charges_minor  bigint NOT NULL DEFAULT 0,
    -- Positive: the sum of the credits.
    credits_minor  bigint NOT NULL DEFAULT 0,
    line_count     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (invoice_id, slot)
);

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

-- Whoever issues an invoice (this version or one before it), its tallies go into its row in
-- the same update: an issued invoice's totals are its row's alone. The issuer has locked the
-- row for update first, so every writer that added to the tallies has committed.
CREATE FUNCTION invoices_take_tallies_when_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.issued_at IS NULL AND NEW.issued_at IS NOT NULL THEN
        SELECT NEW.charges_minor + coalesce(sum(t.charges_minor), 0),
               NEW.credits_minor + coalesce(sum(t.credits_minor), 0),
               NEW.line_count + coalesce(sum(t.line_count), 0)
          INTO NEW.charges_minor, NEW.credits_minor, NEW.line_count
          FROM invoice_tallies t WHERE t.invoice_id = NEW.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_take_tallies BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_take_tallies_when_issued();

-- An issued invoice's tallies are part of its totals: none is added, changed or removed.
CREATE FUNCTION invoice_tallies_refuse_change_when_issued() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    invoice uuid := CASE TG_OP WHEN 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM invoices WHERE id = invoice AND issued_at IS NOT NULL) THEN
        RAISE EXCEPTION 'the invoice is issued and its totals cannot change'
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoice_tallies_issued_are_final BEFORE INSERT OR UPDATE OR DELETE
    ON invoice_tallies
    FOR EACH ROW EXECUTE FUNCTION invoice_tallies_refuse_change_when_issued();

CREATE FUNCTION invoice_tallies_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invoice tallies cannot be removed' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER invoice_tallies_no_truncate BEFORE TRUNCATE ON invoice_tallies
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_tallies_refuse_truncate();
