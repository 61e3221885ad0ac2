-- Each session keeps the version of its user's account its cookie was last told about. The
-- cookie carries the account (id, names, kind, roles, language, view, whether the password
-- must change) so a page can send its own statements alongside the session's check; the check
-- then only has to say that the session is live and its version unchanged, off the session's
-- own row, instead of reading the account and its roles again on every page (a fifth of the
-- database's time on the benchmark's list pages). Any change to an account or its roles moves
-- the version of the account's live sessions in the same transaction, so a check that finds
-- the version it was given knows the cookie's account is the database's; one that does not
-- reads the account in full, as every check did before.
ALTER TABLE user_sessions ADD COLUMN claims_version bigint NOT NULL DEFAULT 1
    CHECK (claims_version > 0);

CREATE FUNCTION user_sessions_move_version(account uuid) RETURNS void
    LANGUAGE sql AS $$
    UPDATE user_sessions SET claims_version = claims_version + 1
     WHERE user_id = account AND ended_at IS NULL
$$;

-- Every column of an account, not only those the cookie carries: a change the cookie does not
-- show costs one full check, one the cookie shows must never be missed.
CREATE FUNCTION users_move_session_versions() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM user_sessions_move_version(NEW.id);
    IF OLD.id IS DISTINCT FROM NEW.id THEN
        PERFORM user_sessions_move_version(OLD.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_move_session_versions AFTER UPDATE ON users
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION users_move_session_versions();

CREATE FUNCTION user_roles_move_session_versions() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM user_sessions_move_version(NEW.user_id);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM user_sessions_move_version(OLD.user_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER user_roles_move_session_versions AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION user_roles_move_session_versions();
