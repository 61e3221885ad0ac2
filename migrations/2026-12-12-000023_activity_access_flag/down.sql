DROP INDEX activity_partner_access_at_idx;
ALTER TABLE activity DROP COLUMN access;
