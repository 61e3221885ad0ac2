DROP TRIGGER user_roles_move_session_versions ON user_roles;
DROP FUNCTION user_roles_move_session_versions();
DROP TRIGGER users_move_session_versions ON users;
DROP FUNCTION users_move_session_versions();
DROP FUNCTION user_sessions_move_version(uuid);
ALTER TABLE user_sessions DROP COLUMN claims_version;
