-- "Who accessed keys and files" (a customer's own admin) lists the customer's records newest
-- first by id: without this index PostgreSQL walked every partner's records backwards by id.
CREATE INDEX activity_customer_id_idx ON activity (customer_id, id DESC);
-- The activity log's "Download link" filter: records of anonymous link use, which have no
-- acting user, newest first, without reading the user's records of the same range.
CREATE INDEX activity_partner_link_at_idx ON activity (partner_id, at DESC, id DESC)
    WHERE actor_user_id IS NULL;
