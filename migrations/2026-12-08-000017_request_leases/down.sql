ALTER TABLE request_counts DROP COLUMN granted;
