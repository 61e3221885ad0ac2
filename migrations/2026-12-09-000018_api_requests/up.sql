-- API writes sent with an `MS-RequestId` header: the first request of a token with an id
-- writes this row in the same transaction as what it does, with its answer; a repeat with the
-- same body gets that answer again, one with another body is refused (409). A second request
-- with the same id waits on the primary key until the first commits or rolls back.
CREATE TABLE api_requests (
    token_id    uuid NOT NULL REFERENCES api_tokens (id),
    request_id  text NOT NULL CHECK (request_id ~ '^[A-Za-z0-9-]{1,64}$'),
    body_hash   bytea NOT NULL CHECK (length(body_hash) = 32),
    status      smallint NOT NULL CHECK (status BETWEEN 200 AND 299),
    response    jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (token_id, request_id)
);
CREATE INDEX api_requests_created_idx ON api_requests (created_at);
