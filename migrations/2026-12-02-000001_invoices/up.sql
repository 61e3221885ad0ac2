-- Invoices as documents (R-35, R-62). Each partner has one invoice per month (UTC) and
-- currency. Its lines are written when they happen — a charge per order line when an order
-- is placed, a credit when one is booked — in the same transaction, and a statement trigger
-- keeps the invoice's totals, so the Billing list reads a few rows and never the orders.
-- When the month has ended the invoice is issued: it gets the next number and an issue date,
-- and from then on the database refuses any change to it or its lines.

-- No order, line or credit may be written while existing data is turned into invoices (an app
-- process of the previous version would write one the invoices do not know): writers wait
-- until this migration commits. Upgrade by stopping every process of the previous version.
LOCK TABLE orders, order_lines, credits IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE invoices (
    id             uuid PRIMARY KEY,
    partner_id     uuid NOT NULL REFERENCES partners (id),
    -- The first day of the month the invoice covers.
    month          date NOT NULL CHECK (extract(day FROM month) = 1),
    currency       char(3) NOT NULL,
    charges_minor  bigint NOT NULL DEFAULT 0,
    -- Positive: the sum of the credits.
    credits_minor  bigint NOT NULL DEFAULT 0,
    line_count     bigint NOT NULL DEFAULT 0,
    -- Both set when the invoice is issued, never before, never changed after.
    number         bigint UNIQUE,
    issued_at      timestamptz,
    CONSTRAINT invoices_issued_whole CHECK ((number IS NULL) = (issued_at IS NULL)),
    CONSTRAINT invoices_one_per_month UNIQUE (partner_id, month, currency)
);

-- The Billing list (newest first) and the invoices still waiting to be issued.
CREATE INDEX invoices_partner_month_idx ON invoices (partner_id, month DESC, currency);
CREATE INDEX invoices_open_idx ON invoices (month) WHERE issued_at IS NULL;

-- Invoice numbers have no gaps: the next one is taken from this row in the transaction that
-- issues, so a rolled-back issue gives its number back.
CREATE TABLE invoice_numbers (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last      bigint NOT NULL
);
INSERT INTO invoice_numbers (last) VALUES (0);

CREATE TABLE invoice_lines (
    invoice_id    uuid NOT NULL REFERENCES invoices (id),
    -- 'charge', or the credit's reason ('cancellation', 'refund').
    kind          text NOT NULL CHECK (kind IN ('charge', 'cancellation', 'refund')),
    at            timestamptz NOT NULL,
    -- The order line's id for a charge, the credit's id for a credit.
    id            uuid NOT NULL,
    order_number  bigint NOT NULL,
    customer      text NOT NULL,
    customer_id   uuid NOT NULL,
    product       text NOT NULL,
    quantity      integer NOT NULL,
    -- Negative for a credit.
    amount_minor  bigint NOT NULL,
    tax_included  boolean NOT NULL,
    tax_rate_bp   integer NOT NULL,
    PRIMARY KEY (invoice_id, at, id)
);
-- One line per charge or credit, whichever invoice it landed on.
CREATE UNIQUE INDEX invoice_lines_source_idx ON invoice_lines (id);

-- Totals follow the lines, once per statement however many lines it adds.
CREATE FUNCTION invoice_lines_add_totals() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER invoice_lines_totals AFTER INSERT ON invoice_lines
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION invoice_lines_add_totals();

-- A line, once written, is never changed or removed: a correction is a credit.
CREATE FUNCTION invoice_lines_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invoice lines cannot be changed or removed'
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER invoice_lines_append_only BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION invoice_lines_refuse_change();
CREATE TRIGGER invoice_lines_no_truncate BEFORE TRUNCATE ON invoice_lines
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_lines_refuse_change();

-- An issued invoice never changes (so no line can be added to it: the totals would change).
CREATE FUNCTION invoices_refuse_change_when_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.issued_at IS NOT NULL THEN
        RAISE EXCEPTION 'invoice % is issued and cannot change', OLD.number
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_issued_are_final BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_refuse_change_when_issued();

-- Existing data: every month and currency with an order or a credit becomes an invoice with
-- the lines and totals the Billing pages computed from the orders until now.
INSERT INTO invoices (id, partner_id, month, currency)
SELECT gen_random_uuid(), partner_id, month, currency
  FROM (SELECT o.partner_id, date_trunc('month', o.placed_at AT TIME ZONE 'UTC')::date AS month,
               o.currency
          FROM orders o JOIN order_lines l ON l.order_id = o.id
        UNION
        SELECT partner_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date, currency
          FROM credits) AS months;

INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer, customer_id,
                           product, quantity, amount_minor, tax_included, tax_rate_bp)
SELECT i.id, 'charge', o.placed_at, l.id, o.number, c.company_name, c.id, l.product_name,
       l.quantity, l.unit_price_minor * l.quantity, l.tax_included, l.tax_rate_bp
  FROM order_lines l
  JOIN orders o ON o.id = l.order_id
  JOIN customers c ON c.id = o.customer_id
  JOIN invoices i ON i.partner_id = o.partner_id AND i.currency = o.currency
                 AND i.month = date_trunc('month', o.placed_at AT TIME ZONE 'UTC')::date
UNION ALL
SELECT i.id, cr.reason, cr.created_at, cr.id, o.number, c.company_name, c.id, l.product_name,
       cr.quantity, -cr.amount_minor, l.tax_included, l.tax_rate_bp
  FROM credits cr
  JOIN order_lines l ON l.id = cr.order_line_id
  JOIN orders o ON o.id = cr.order_id
  JOIN customers c ON c.id = cr.customer_id
  JOIN invoices i ON i.partner_id = cr.partner_id AND i.currency = cr.currency
                 AND i.month = date_trunc('month', cr.created_at AT TIME ZONE 'UTC')::date;

-- Months that have ended are issued, numbered in order of month, on the day after they end.
WITH numbered AS (
    SELECT id, row_number() OVER (ORDER BY month, partner_id, currency) AS n,
           (month + interval '1 month') AT TIME ZONE 'UTC' AS issued
      FROM invoices
     WHERE month < date_trunc('month', now() AT TIME ZONE 'UTC')::date
)
UPDATE invoices i SET number = numbered.n, issued_at = numbered.issued
  FROM numbered WHERE i.id = numbered.id;
UPDATE invoice_numbers SET last = (SELECT coalesce(max(number), 0) FROM invoices);
