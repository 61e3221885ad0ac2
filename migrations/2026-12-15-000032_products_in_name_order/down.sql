DROP INDEX products_name_idx;
