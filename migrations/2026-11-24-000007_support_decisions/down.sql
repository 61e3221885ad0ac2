ALTER TABLE order_lines DROP COLUMN revoked_at;
DROP INDEX credits_order_idx;
DROP INDEX credits_one_refund_per_line_and_request;
ALTER TABLE support_requests DROP CONSTRAINT support_requests_decided_by;
ALTER TABLE support_requests DROP CONSTRAINT support_requests_approved_amount;
ALTER TABLE support_requests ADD CONSTRAINT support_requests_check1
    CHECK ((status = 'approved') = (approved_minor IS NOT NULL));
