DROP TRIGGER customer_search_suffixes_kept ON customers;
DROP FUNCTION customer_search_suffixes_keep();
DROP FUNCTION customer_search_suffixes_of(text, text);
DROP TABLE customer_search_suffixes;
