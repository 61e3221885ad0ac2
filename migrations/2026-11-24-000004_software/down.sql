DROP INDEX activity_customer_at_idx;
DROP TABLE download_links;
DROP TABLE artifacts;
