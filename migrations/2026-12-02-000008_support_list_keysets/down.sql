DROP INDEX support_requests_open_waiting_idx;
DROP INDEX support_requests_waiting_idx;
DROP INDEX support_requests_status_waiting_idx;
CREATE INDEX support_requests_queue_idx ON support_requests (status, waiting_since);
DROP INDEX support_requests_partner_idx;
CREATE INDEX support_requests_partner_idx ON support_requests (partner_id, created_at DESC);
