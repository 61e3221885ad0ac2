-- Every read of order lines by product also names their customer or order, each with an
-- index that leads with it, and products are retired, never deleted (the foreign key never
-- looks for a product's lines). The index cost every order line placed or cancelled an
-- entry of its own and was read by nothing.
DROP INDEX order_lines_product_idx;
