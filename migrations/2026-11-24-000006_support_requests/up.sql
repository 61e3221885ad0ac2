-- Support requests (R-60..R-62): filed by partner staff, reviewed by vendor support. A request
-- names one of the partner's customers and, for a refund, one of that customer's orders and
-- the amount asked for in the order's currency.

CREATE SEQUENCE support_request_number_seq START 2000001;

CREATE TABLE support_requests (
    id              uuid PRIMARY KEY,
    number          bigint NOT NULL UNIQUE DEFAULT nextval('support_request_number_seq'),
    partner_id      uuid NOT NULL REFERENCES partners (id),
    customer_id     uuid NOT NULL REFERENCES customers (id),
    order_id        uuid REFERENCES orders (id),
    product_id      uuid REFERENCES products (id),
    problem_type    text NOT NULL CHECK (problem_type IN
                        ('refund', 'billing', 'order', 'keys_downloads', 'other')),
    impact          text NOT NULL CHECK (impact IN ('critical', 'high', 'moderate', 'low')),
    title           text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
    reason          text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 4000),
    requested_minor bigint CHECK (requested_minor > 0),
    currency        char(3),
    contact_name    text NOT NULL CHECK (char_length(contact_name) BETWEEN 1 AND 200),
    contact_email   text NOT NULL CHECK (char_length(contact_email) BETWEEN 3 AND 254),
    contact_phone   text NOT NULL CHECK (char_length(contact_phone) BETWEEN 3 AND 40),
    status          text NOT NULL DEFAULT 'new' CHECK (status IN
                        ('new', 'in_review', 'waiting_for_partner', 'approved', 'rejected')),
    assigned_to     uuid REFERENCES users (id),
    approved_minor  bigint CHECK (approved_minor > 0),
    decided_by      uuid REFERENCES users (id),
    decided_at      timestamptz,
    created_by      uuid NOT NULL REFERENCES users (id),
    created_at      timestamptz NOT NULL,
    -- The queue sorts by how long a request has waited for support.
    waiting_since   timestamptz NOT NULL,
    -- A refund names its order and amount, in the order's currency.
    CHECK (problem_type <> 'refund'
           OR (order_id IS NOT NULL AND requested_minor IS NOT NULL AND currency IS NOT NULL)),
    -- Only an approved request carries an approved amount, never above what was asked.
    CHECK ((status = 'approved') = (approved_minor IS NOT NULL)),
    CHECK (approved_minor IS NULL OR approved_minor <= requested_minor),
    CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL))
);
CREATE INDEX support_requests_partner_idx ON support_requests (partner_id, created_at DESC);
CREATE INDEX support_requests_queue_idx ON support_requests (status, waiting_since);

-- The request's timeline: the filing, messages both ways and every decision.
CREATE TABLE support_events (
    id          uuid PRIMARY KEY,
    request_id  uuid NOT NULL REFERENCES support_requests (id),
    at          timestamptz NOT NULL,
    author_id   uuid NOT NULL REFERENCES users (id),
    kind        text NOT NULL CHECK (kind IN
                    ('filed', 'taken', 'info_requested', 'replied', 'approved', 'rejected')),
    body        text NOT NULL DEFAULT '' CHECK (char_length(body) <= 4000)
);
CREATE INDEX support_events_request_idx ON support_events (request_id, at);

-- Files are stored outside the web root under their SHA-256; the row says what they are.
CREATE TABLE support_attachments (
    id          uuid PRIMARY KEY,
    request_id  uuid NOT NULL REFERENCES support_requests (id),
    event_id    uuid NOT NULL REFERENCES support_events (id),
    file_name   text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    media_type  text NOT NULL CHECK (media_type IN
                    ('application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv',
                     'message/rfc822')),
    size_bytes  bigint NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256      char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL
);
CREATE INDEX support_attachments_request_idx ON support_attachments (request_id);

-- An approved refund is a credit on the partner's invoice, linked to its request.
ALTER TABLE credits ADD COLUMN support_request_id uuid REFERENCES support_requests (id);
ALTER TABLE credits ADD CONSTRAINT credits_refund_has_request
    CHECK ((reason = 'refund') = (support_request_id IS NOT NULL));
