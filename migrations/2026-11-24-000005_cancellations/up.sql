-- Cancellations and credits (R-30..R-36). A line is cancelled whole; its credit is a row in
-- `credits`. The database makes a second cancellation impossible (one 'cancellation' credit
-- per line) and over-crediting impossible (`credited_minor` never exceeds what was paid).

ALTER TABLE order_lines
    ADD COLUMN credited_minor bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT order_lines_credit_within_paid
        CHECK (credited_minor BETWEEN 0 AND unit_price_minor * quantity);

CREATE TABLE credits (
    id              uuid PRIMARY KEY,
    partner_id      uuid NOT NULL REFERENCES partners (id),
    customer_id     uuid NOT NULL REFERENCES customers (id),
    order_id        uuid NOT NULL REFERENCES orders (id),
    order_line_id   uuid NOT NULL REFERENCES order_lines (id),
    -- 'cancellation' from the Software page; 'refund' from an approved support request.
    reason          text NOT NULL CHECK (reason IN ('cancellation', 'refund')),
    -- Units the credit takes back (the whole line for a cancellation; 0 for a refund).
    quantity        integer NOT NULL CHECK (quantity >= 0),
    amount_minor    bigint NOT NULL CHECK (amount_minor >= 0),
    currency        char(3) NOT NULL,
    created_by      uuid NOT NULL REFERENCES users (id),
    created_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX credits_one_cancellation_per_line ON credits (order_line_id)
    WHERE reason = 'cancellation';
-- The monthly invoice reads a partner's credits by time (orders have their own index).
CREATE INDEX credits_partner_at_idx ON credits (partner_id, created_at);
