-- Refusals of a download link: the first in each hour becomes an activity record, the rest
-- are only counted here, so anonymous requests cannot flood the append-only log. The next
-- record of the link carries the count of the hour before it.
CREATE TABLE link_refusals (
    link_id            uuid PRIMARY KEY REFERENCES download_links (id) ON DELETE CASCADE,
    partner_id         uuid NOT NULL REFERENCES partners (id),
    window_start       timestamptz NOT NULL,
    refusals           integer NOT NULL CHECK (refusals > 0),
    previous_refusals  integer NOT NULL DEFAULT 0 CHECK (previous_refusals >= 0)
);

-- Requests per client and minute for limits that must hold across app processes: one row
-- per limit and client, counted by one upsert.
CREATE TABLE request_counts (
    bucket        text NOT NULL,
    client        text NOT NULL,
    window_start  timestamptz NOT NULL,
    hits          integer NOT NULL CHECK (hits > 0),
    PRIMARY KEY (bucket, client)
);
CREATE INDEX request_counts_window_idx ON request_counts (window_start);
