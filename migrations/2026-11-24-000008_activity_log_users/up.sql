-- The activity log's filters, sign-in credentials handed out by a Global admin, and the rule
-- that a partner always keeps an enabled Global admin.

-- Set by a one-time password: the next sign-in must choose a new password first.
ALTER TABLE users ADD COLUMN password_must_change boolean NOT NULL DEFAULT false;

-- Set-password links (valid 24 hours, used once). Only the token's hash is stored.
CREATE TABLE password_links (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by  uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    used_at     timestamptz CHECK (used_at IS NULL OR used_at >= created_at)
);
CREATE INDEX password_links_user_idx ON password_links (user_id);

-- The log filtered by operation or by user stays an index range, newest first.
CREATE INDEX activity_partner_operation_at_idx ON activity (partner_id, operation, at DESC, id DESC);
CREATE INDEX activity_partner_actor_at_idx ON activity (partner_id, actor_user_id, at DESC, id DESC);

-- Checked at commit, after every change in the transaction: the partner row is locked first,
-- so two admins removing each other at once are checked one after the other, and the second
-- sees the first's change.
CREATE FUNCTION partner_keeps_a_global_admin() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p uuid;
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        -- Only disabling a Global admin can leave the partner without one.
        IF NOT EXISTS (SELECT 1 FROM user_roles WHERE user_id = NEW.id AND role = 'global_admin') THEN
            RETURN NULL;
        END IF;
        p := NEW.partner_id;
    ELSE
        SELECT partner_id INTO p FROM users WHERE id = OLD.user_id AND kind = 'partner';
    END IF;
    IF p IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM partners WHERE id = p FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id
                    WHERE u.partner_id = p AND u.kind = 'partner' AND u.disabled_at IS NULL
                      AND r.role = 'global_admin') THEN
        RAISE EXCEPTION 'partner % would have no enabled Global admin', p
            USING ERRCODE = 'check_violation', CONSTRAINT = 'partner_keeps_a_global_admin';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER user_roles_keep_a_global_admin AFTER DELETE ON user_roles
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.role = 'global_admin')
    EXECUTE FUNCTION partner_keeps_a_global_admin();
CREATE CONSTRAINT TRIGGER users_keep_a_global_admin AFTER UPDATE OF disabled_at ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL AND NEW.kind = 'partner')
    EXECUTE FUNCTION partner_keeps_a_global_admin();
