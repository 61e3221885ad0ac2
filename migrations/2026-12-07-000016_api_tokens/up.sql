-- API tokens (Account settings › API tokens): a partner's programs call the /v1 API with
-- one. The secret is shown once and kept only as its SHA-256 (it is 256 random bits, so a
-- slow hash adds nothing); a token acts for its partner with its scopes, never beyond what
-- its creator may do.
CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    partner_id uuid NOT NULL REFERENCES partners(id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    secret_hash bytea NOT NULL UNIQUE,
    scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
        CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days'),
    revoked_at timestamptz,
    revoked_by uuid REFERENCES users(id),
    last_used_at timestamptz,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- A token's name is how the activity log and the audit records name what it did, so one
-- partner never has two tokens of one name, revoked ones included.
CREATE UNIQUE INDEX api_tokens_partner_name_idx ON api_tokens (partner_id, lower(name));

-- The list: newest first, a page at a time.
CREATE INDEX api_tokens_partner_created_idx ON api_tokens (partner_id, created_at DESC, id DESC);
