DROP TRIGGER users_keep_a_global_admin ON users;
DROP TRIGGER user_roles_keep_a_global_admin ON user_roles;
DROP FUNCTION partner_keeps_a_global_admin();
DROP INDEX activity_partner_actor_at_idx;
DROP INDEX activity_partner_operation_at_idx;
DROP TABLE password_links;
ALTER TABLE users DROP COLUMN password_must_change;
