DROP INDEX activity_partner_actor_at_idx;
CREATE INDEX activity_partner_actor_at_idx ON activity (partner_id, actor_user_id, at DESC, id DESC);
