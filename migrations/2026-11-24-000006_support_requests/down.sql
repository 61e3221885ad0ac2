ALTER TABLE credits DROP CONSTRAINT credits_refund_has_request, DROP COLUMN support_request_id;
DROP TABLE support_attachments;
DROP TABLE support_events;
DROP TABLE support_requests;
DROP SEQUENCE support_request_number_seq;
