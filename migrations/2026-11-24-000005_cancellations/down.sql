DROP TABLE credits;
ALTER TABLE order_lines DROP CONSTRAINT order_lines_credit_within_paid, DROP COLUMN credited_minor;
