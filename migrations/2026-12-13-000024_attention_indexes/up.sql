-- The home page's "needs attention" figures and the lists they lead to, each read off an index
-- in the order it is shown: a partner's requests waiting for it (newest first), and its live
-- download links by expiry.
CREATE INDEX support_requests_partner_waiting_idx
    ON support_requests (partner_id, created_at DESC, id DESC)
    WHERE status = 'waiting_for_partner';
CREATE INDEX download_links_partner_expiry_idx
    ON download_links (partner_id, expires_at)
    WHERE revoked_at IS NULL;
