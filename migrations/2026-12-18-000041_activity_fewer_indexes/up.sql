-- Every activity record went into eight indexes; two did work no query needs.
--
-- The "Download link" filter asks for records with no user whose actor is the link's
-- (`actor_user_id IS NULL AND actor = 'link'`), which the (partner, actor, time) index of
-- records without a user answers exactly. The (partner, time) index of every record without a
-- user held the API's records too, and no query reads it any more.
DROP INDEX activity_partner_link_at_idx;

-- The default view asks for access records only: an index of them alone, in time order. The
-- other records (orders, cancellations, settings) no longer go into it.
DROP INDEX activity_partner_access_at_idx;
CREATE INDEX activity_partner_access_at_idx ON activity (partner_id, at DESC, id DESC)
    WHERE access;
