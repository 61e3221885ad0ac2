DROP TRIGGER invoices_billed_currency ON invoices;
DROP FUNCTION invoices_billed_currency();
DROP TABLE billed_currencies;
