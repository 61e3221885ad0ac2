DROP TRIGGER customers_kept ON customers;
DROP FUNCTION customers_refuse_delete();
DROP TRIGGER customers_customer_count ON customers;
DROP FUNCTION customers_count();
ALTER TABLE partners DROP COLUMN customer_count;
