-- The support lists page by keyset, each page read off an index from where the last ended: a
-- partner's requests newest first, and the console's queue by how long requests have waited,
-- for the open ones (the default view), one status, or all. Ties are broken by id.
DROP INDEX support_requests_partner_idx;
CREATE INDEX support_requests_partner_idx
    ON support_requests (partner_id, created_at DESC, id DESC);
DROP INDEX support_requests_queue_idx;
CREATE INDEX support_requests_status_waiting_idx
    ON support_requests (status, waiting_since, id);
CREATE INDEX support_requests_waiting_idx ON support_requests (waiting_since, id);
-- The statuses of `Status::OPEN`; the console's query names the same list.
CREATE INDEX support_requests_open_waiting_idx ON support_requests (waiting_since, id)
    WHERE status IN ('new', 'in_review', 'waiting_for_partner');
