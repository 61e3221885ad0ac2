DROP TRIGGER activity_names ON activity;
DROP FUNCTION activity_names();
ALTER TABLE activity
    DROP COLUMN customer_name,
    DROP COLUMN product_name,
    DROP COLUMN order_number;
