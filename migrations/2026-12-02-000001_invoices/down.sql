DROP TABLE invoice_lines;
DROP TABLE invoice_numbers;
DROP TABLE invoices;
DROP FUNCTION invoice_lines_add_totals();
DROP FUNCTION invoice_lines_refuse_change();
DROP FUNCTION invoices_refuse_change_when_issued();
