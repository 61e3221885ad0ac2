-- The Software page: the files behind each product variant, and the download links that can
-- be sent to a customer.

-- One registered file per variant. Files are stored under their SHA-256, so the name in the
-- store is also the checksum the page shows.
CREATE TABLE artifacts (
    variant_id     uuid PRIMARY KEY REFERENCES product_variants (id),
    sha256         char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes     bigint NOT NULL CHECK (size_bytes >= 0),
    registered_at  timestamptz NOT NULL
);

-- A download link (R-24). Only the SHA-256 of its token is kept: the link itself is shown once.
-- A download is counted by one conditional UPDATE; the CHECK makes over-counting impossible.
CREATE TABLE download_links (
    id             uuid PRIMARY KEY,
    token_hash     bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    partner_id     uuid NOT NULL REFERENCES partners (id),
    customer_id    uuid NOT NULL REFERENCES customers (id),
    order_line_id  uuid NOT NULL REFERENCES order_lines (id),
    variant_id     uuid NOT NULL REFERENCES product_variants (id),
    created_by     uuid NOT NULL REFERENCES users (id),
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL CHECK (expires_at > created_at),
    max_downloads  integer NOT NULL CHECK (max_downloads > 0),
    downloads      integer NOT NULL DEFAULT 0 CHECK (downloads BETWEEN 0 AND max_downloads),
    revoked_at     timestamptz
);
CREATE INDEX download_links_line_idx ON download_links (order_line_id, created_at DESC);

-- A customer's admin reads who accessed their keys and downloads.
CREATE INDEX activity_customer_at_idx ON activity (customer_id, at DESC, id DESC);
