-- The API's rate limit is reserved in leases (`api::quota`): the last reservation's grant is
-- returned by the same upsert that counts it, computed from the count before it.
ALTER TABLE request_counts
    ADD COLUMN granted integer NOT NULL DEFAULT 0 CHECK (granted >= 0);
