CREATE UNLOGGED TABLE order_tokens (
    token        uuid PRIMARY KEY,
    partner_id   uuid NOT NULL REFERENCES partners (id),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    customer_id  uuid NOT NULL REFERENCES customers (id),
    created_at   timestamptz NOT NULL,
    ordered_as   uuid REFERENCES orders (id)
);
CREATE INDEX order_tokens_cart_idx ON order_tokens (user_id, customer_id);
DROP INDEX orders_cart_idx;
