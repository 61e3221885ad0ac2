-- Catalog, prices, carts, orders, product keys and the append-only activity record.

CREATE TABLE products (
    id                        uuid PRIMARY KEY,
    sku                       text NOT NULL UNIQUE CHECK (sku ~ '^[a-z0-9-]{3,64}$'),
    name                      text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    family                    text NOT NULL CHECK (family IN
                                  ('windows_server', 'sql_server', 'azure_reservation', 'linux_plan', 'windows_esu')),
    licence_kind              text NOT NULL CHECK (licence_kind IN ('perpetual', 'subscription')),
    term_months               integer CHECK (term_months IN (12, 36)),
    cancellation_policy       text NOT NULL DEFAULT 'window' CHECK (cancellation_policy IN ('window', 'never', 'support_only')),
    cancellation_window_days  integer CHECK (cancellation_window_days > 0),
    retired_at                timestamptz,
    created_at                timestamptz NOT NULL,
    CHECK ((licence_kind = 'perpetual') = (term_months IS NULL)),
    CHECK ((cancellation_policy = 'window') = (cancellation_window_days IS NOT NULL))
);

-- What can be downloaded for a software product: version × language × file type.
CREATE TABLE product_variants (
    id          uuid PRIMARY KEY,
    product_id  uuid NOT NULL REFERENCES products (id),
    version     text NOT NULL CHECK (char_length(version) BETWEEN 1 AND 100),
    language    text NOT NULL CHECK (language ~ '^[a-z]{2}-[A-Z]{2}$'),
    file_type   text NOT NULL CHECK (file_type ~ '^[a-z0-9_]{2,32}$'),
    file_name   text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
    UNIQUE (product_id, version, language, file_type)
);

-- List prices in integer minor units of the currency.
CREATE TABLE prices (
    product_id    uuid NOT NULL REFERENCES products (id),
    currency      char(3) NOT NULL,
    amount_minor  bigint NOT NULL CHECK (amount_minor >= 0),
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (product_id, currency)
);

-- A cart belongs to one user buying for one customer.
CREATE TABLE cart_items (
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    customer_id  uuid NOT NULL REFERENCES customers (id),
    product_id   uuid NOT NULL REFERENCES products (id),
    partner_id   uuid NOT NULL REFERENCES partners (id),
    quantity     integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (user_id, customer_id, product_id)
);

-- One-time tokens of the "Place order" form: a token places at most one order.
CREATE TABLE order_tokens (
    token        uuid PRIMARY KEY,
    partner_id   uuid NOT NULL REFERENCES partners (id),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    customer_id  uuid NOT NULL REFERENCES customers (id),
    created_at   timestamptz NOT NULL
);

CREATE SEQUENCE order_number_seq START WITH 100001;

CREATE TABLE orders (
    id                 uuid PRIMARY KEY,
    number             bigint NOT NULL UNIQUE DEFAULT nextval('order_number_seq'),
    partner_id         uuid NOT NULL REFERENCES partners (id),
    customer_id        uuid NOT NULL REFERENCES customers (id),
    placed_by          uuid NOT NULL REFERENCES users (id),
    placed_at          timestamptz NOT NULL,
    currency           char(3) NOT NULL,
    status             text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'cancelled', 'partly_cancelled')),
    -- The form token that placed it: the database refuses a second order for one token.
    idempotency_token  uuid NOT NULL UNIQUE
);
ALTER SEQUENCE order_number_seq OWNED BY orders.number;
CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id DESC);
CREATE INDEX orders_partner_placed_idx ON orders (partner_id, placed_at);

-- What was bought, with the price and tax treatment actually paid copied from the catalog.
CREATE TABLE order_lines (
    id                  uuid PRIMARY KEY,
    order_id            uuid NOT NULL REFERENCES orders (id),
    partner_id          uuid NOT NULL REFERENCES partners (id),
    line_number         integer NOT NULL CHECK (line_number >= 0),
    product_id          uuid NOT NULL REFERENCES products (id),
    product_name        text NOT NULL,
    family              text NOT NULL,
    licence_kind        text NOT NULL,
    term_months         integer,
    quantity            integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    quantity_cancelled  integer NOT NULL DEFAULT 0 CHECK (quantity_cancelled BETWEEN 0 AND quantity),
    unit_price_minor    bigint NOT NULL CHECK (unit_price_minor >= 0),
    currency            char(3) NOT NULL,
    tax_included        boolean NOT NULL,
    tax_rate_bp         integer NOT NULL CHECK (tax_rate_bp >= 0),
    UNIQUE (order_id, line_number)
);
CREATE INDEX order_lines_product_idx ON order_lines (product_id);

-- Multiple Activation Keys: one per software order line, unique across the product.
CREATE TABLE product_keys (
    order_line_id  uuid PRIMARY KEY REFERENCES order_lines (id),
    partner_id     uuid NOT NULL REFERENCES partners (id),
    key_text       char(32) NOT NULL UNIQUE CHECK (key_text ~ '^[A-Z2-9]{32}$'),
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz
);

-- Audit trail. Rows are only ever added: the trigger refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE activity (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id     uuid REFERENCES partners (id),
    at             timestamptz NOT NULL,
    actor_user_id  uuid REFERENCES users (id),
    actor          text NOT NULL,
    operation      text NOT NULL,
    customer_id    uuid REFERENCES customers (id),
    order_id       uuid REFERENCES orders (id),
    product_id     uuid REFERENCES products (id),
    details        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX activity_partner_at_idx ON activity (partner_id, at DESC, id DESC);

CREATE FUNCTION activity_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'activity records cannot be changed or removed';
END;
$$;
CREATE TRIGGER activity_no_update_or_delete BEFORE UPDATE OR DELETE ON activity
    FOR EACH ROW EXECUTE FUNCTION activity_is_append_only();
CREATE TRIGGER activity_no_truncate BEFORE TRUNCATE ON activity
    FOR EACH STATEMENT EXECUTE FUNCTION activity_is_append_only();
