-- Partners, their customers (tenants) and the three kinds of users.
-- Every table of partner data carries partner_id so it can be distributed by partner later.

CREATE TABLE partners (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL
);

CREATE TABLE customers (
    -- The customer's tenant GUID is its identity in URLs and in the source dashboard.
    id              uuid PRIMARY KEY,
    partner_id      uuid NOT NULL REFERENCES partners (id),
    company_name    text NOT NULL CHECK (char_length(company_name) BETWEEN 1 AND 200),
    primary_domain  text NOT NULL CHECK (primary_domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'
                                         AND char_length(primary_domain) <= 253),
    market          char(2) NOT NULL CHECK (market ~ '^[A-Z]{2}$'),
    currency        char(3) NOT NULL CHECK (currency IN
                        ('USD','EUR','GBP','AUD','BRL','TRY','PLN','HUF','RUB','KRW','CNY')),
    created_at      timestamptz NOT NULL
);
-- A domain belongs to exactly one tenant.
CREATE UNIQUE INDEX customers_primary_domain_key ON customers (primary_domain);
CREATE INDEX customers_partner_name_idx ON customers (partner_id, lower(company_name), id);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text NOT NULL CHECK (email = lower(email) AND char_length(email) BETWEEN 3 AND 254),
    display_name   text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    password_hash  text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('partner', 'customer', 'support')),
    partner_id     uuid REFERENCES partners (id),
    customer_id    uuid REFERENCES customers (id),
    language       text CHECK (language IN ('en', 'tr', 'hu', 'pl', 'ru', 'zh-Hans', 'ko')),
    view_mode      text NOT NULL DEFAULT 'workspaces' CHECK (view_mode IN ('workspaces', 'current')),
    disabled_at    timestamptz,
    created_at     timestamptz NOT NULL,
    -- Partner staff belong to a partner, customer staff to a tenant of that partner,
    -- vendor support staff to neither.
    CHECK ((kind = 'partner'  AND partner_id IS NOT NULL AND customer_id IS NULL)
        OR (kind = 'customer' AND partner_id IS NOT NULL AND customer_id IS NOT NULL)
        OR (kind = 'support'  AND partner_id IS NULL AND customer_id IS NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_partner_idx ON users (partner_id);

CREATE TABLE user_roles (
    user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     text NOT NULL CHECK (role IN (
                 'admin_agent', 'global_admin', 'sales_agent', 'helpdesk_agent', 'billing_admin',
                 'account_admin', 'referral_admin', 'marketing_admin',
                 'customer_global_admin', 'customer_user',
                 'support_engineer')),
    PRIMARY KEY (user_id, role)
);

-- Server-side half of a signed-in session: the cookie carries a random token, the database
-- its hash, so sign-out and disabling a user end the session everywhere at once.
CREATE TABLE user_sessions (
    token_hash    bytea PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    ended_at      timestamptz
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id);

-- Failed sign-ins per e-mail address (known or not, so the lockout reveals nothing).
CREATE TABLE sign_in_throttle (
    email              text PRIMARY KEY,
    window_started_at  timestamptz NOT NULL,
    failures           integer NOT NULL CHECK (failures >= 0),
    locked_until       timestamptz
);
