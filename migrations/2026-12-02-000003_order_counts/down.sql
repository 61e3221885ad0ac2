DROP TRIGGER orders_kept ON orders;
DROP FUNCTION orders_refuse_delete();
DROP TRIGGER orders_order_count ON orders;
DROP FUNCTION orders_count();
ALTER TABLE customers DROP COLUMN order_count;
