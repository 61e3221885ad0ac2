DROP INDEX activity_partner_access_at_idx;
CREATE INDEX activity_partner_access_at_idx
    ON activity (partner_id, access, at DESC, id DESC);
CREATE INDEX activity_partner_link_at_idx ON activity (partner_id, at DESC, id DESC)
    WHERE actor_user_id IS NULL;
