-- "Who accessed keys and files" lists one customer's access records newest first by time, off
-- the (customer_id, at, id) index the activity log's customer filter uses too. Listed by id,
-- off this (customer_id, id) index, PostgreSQL preferred walking the whole table backwards by
-- id and filtering, and a run of key views for another customer left it reading thousands of
-- rows per page. Nothing else reads this index; every record written paid for it.
DROP INDEX activity_customer_id_idx;
