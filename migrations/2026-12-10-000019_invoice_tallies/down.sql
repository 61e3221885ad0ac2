-- Open invoices take their tallies back into their rows before the tallies go; no line may
-- be added meanwhile.
LOCK TABLE invoice_lines, invoice_tallies IN SHARE ROW EXCLUSIVE MODE;
UPDATE invoices i
   SET charges_minor = i.charges_minor + t.charges,
       credits_minor = i.credits_minor + t.credits,
       line_count = i.line_count + t.lines
  FROM (SELECT invoice_id, sum(charges_minor) AS charges, sum(credits_minor) AS credits,
               sum(line_count) AS lines
          FROM invoice_tallies GROUP BY invoice_id) t
 WHERE i.id = t.invoice_id AND i.issued_at IS NULL;
DROP TRIGGER invoices_take_tallies ON invoices;
DROP FUNCTION invoices_take_tallies_when_issued();
DROP TABLE invoice_tallies;
DROP FUNCTION invoice_tallies_refuse_change_when_issued();
DROP FUNCTION invoice_tallies_refuse_truncate();
CREATE OR REPLACE FUNCTION invoice_lines_add_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE invoices i
       SET charges_minor = i.charges_minor + s.charges,
           credits_minor = i.credits_minor + s.credits,
           line_count = i.line_count + s.lines
      FROM (SELECT invoice_id,
                   coalesce(sum(amount_minor) FILTER (WHERE kind = 'charge'), 0) AS charges,
                   coalesce(-sum(amount_minor) FILTER (WHERE kind <> 'charge'), 0) AS credits,
                   count(*) AS lines
              FROM added GROUP BY invoice_id) s
     WHERE i.id = s.invoice_id;
    RETURN NULL;
END $$;
