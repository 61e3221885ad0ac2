-- The activity log's filter finds what an API token did by the token's name (its records name
-- no user): read through this index in time order, however rare the token's records are.
CREATE INDEX activity_partner_named_actor_at_idx ON activity (partner_id, actor, at DESC, id DESC)
    WHERE actor_user_id IS NULL;
