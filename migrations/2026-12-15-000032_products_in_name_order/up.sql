-- The Software tab sorted by product walks the products in name order (forwards or backwards),
-- each with a page of the customer's lines of it; read off this index, the walk stops as soon
-- as a page is full instead of reading a page of every product and sorting them all.
CREATE INDEX products_name_idx ON products (name, id);
