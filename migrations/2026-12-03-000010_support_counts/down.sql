DROP TRIGGER support_requests_counted_insert ON support_requests;
DROP TRIGGER support_requests_counted_update ON support_requests;
DROP TRIGGER support_requests_counted_delete ON support_requests;
DROP FUNCTION support_counts_inserted();
DROP FUNCTION support_counts_updated();
DROP FUNCTION support_counts_deleted();
DROP FUNCTION support_counts_add(jsonb);
DROP TABLE support_status_counts;
ALTER TABLE partners DROP COLUMN support_request_count;
