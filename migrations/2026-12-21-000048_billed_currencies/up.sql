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

-- Only for an invoice really made (an order or a credit finds its month's invoice far more
-- often than it makes one, and then nothing here runs). The row is added if there is none,
-- and moved back when the invoice is of an earlier month (seeded history); neither statement
-- locks or writes a row it leaves as it is.
CREATE FUNCTION invoices_billed_currency() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO billed_currencies (partner_id, currency, first_month)
    VALUES (NEW.partner_id, NEW.currency, NEW.month)
    ON CONFLICT (partner_id, currency) DO NOTHING;
    UPDATE billed_currencies SET first_month = NEW.month
     WHERE partner_id = NEW.partner_id AND currency = NEW.currency
       AND first_month > NEW.month;
    RETURN NULL;
END $$;
CREATE TRIGGER invoices_billed_currency AFTER INSERT ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_billed_currency();
