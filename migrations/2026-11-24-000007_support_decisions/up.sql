-- Support decisions (R-61, R-62). A request that is not a refund can be approved (resolved)
-- without an amount; a refund's approval always carries one. An approved refund is at most
-- one credit per order line, so a decision cannot be credited twice.

ALTER TABLE support_requests DROP CONSTRAINT support_requests_check1;
ALTER TABLE support_requests ADD CONSTRAINT support_requests_approved_amount
    CHECK ((status = 'approved' AND problem_type = 'refund') = (approved_minor IS NOT NULL));
-- Who decided is known exactly when it was decided.
ALTER TABLE support_requests ADD CONSTRAINT support_requests_decided_by
    CHECK ((decided_by IS NOT NULL) = (decided_at IS NOT NULL));

CREATE UNIQUE INDEX credits_one_refund_per_line_and_request ON credits (support_request_id, order_line_id)
    WHERE reason = 'refund';
-- A purchase taken back with its refund: its keys and links are revoked and no new ones are
-- made, though it is not cancelled (a cancellation also sets this).
ALTER TABLE order_lines ADD COLUMN revoked_at timestamptz;

-- The credits of an order, shown to support next to the order.
CREATE INDEX credits_order_idx ON credits (order_id, created_at);
