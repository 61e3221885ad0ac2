-- Billing's filter offers the currencies a partner was ever billed in and the years since its
-- first invoice. Kept here by the database, a row per partner and currency with its first
-- month, for every invoice however it is made, so the page reads a few rows instead of
-- probing the invoices per currency (a tenth of the page's database time). Invoices made
-- while this is filled in would be missed: their writers wait for this migration.
LOCK TABLE invoices IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE billed_currencies (
    partner_id  uuid NOT NULL REFERENCES partners (id),
    currency    char(3) NOT NULL,
    first_month date NOT NULL,
    PRIMARY KEY (partner_id, currency)
);

INSERT INTO billed_currencies (partner_id, currency, first_month)
SELECT partner_id, currency, min(month) FROM invoices GROUP BY partner_id, currency;

-- An invoice of an earlier month than the kept one (seeded history) moves the first month
-- back; any other leaves the row as it is, without writing it.
CREATE FUNCTION invoices_billed_currency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO billed_currencies (partner_id, currency, first_month)
    SELECT partner_id, currency, min(month) FROM made GROUP BY partner_id, currency
    ON CONFLICT (partner_id, currency) DO UPDATE SET first_month = EXCLUDED.first_month
     WHERE billed_currencies.first_month > EXCLUDED.first_month;
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_billed_currency AFTER INSERT ON invoices
    REFERENCING NEW TABLE AS made FOR EACH STATEMENT
    EXECUTE FUNCTION invoices_billed_currency();
