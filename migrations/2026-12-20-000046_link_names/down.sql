DROP INDEX download_links_partner_expiry_idx;
CREATE INDEX download_links_partner_expiry_idx
    ON download_links (partner_id, expires_at)
    WHERE revoked_at IS NULL;
ALTER TABLE download_links DROP COLUMN product_name, DROP COLUMN customer_name;
