-- The activity log names partners, customers, orders, products and users by id without
-- foreign keys. Why: each key recorded checked five referenced rows and locked each one
-- (FOR KEY SHARE, a write to the row), so recording a key view cost more than the page that
-- shows it, and concurrent records of one partner contended on the partner's row. Measured
-- on the benchmark data (pgbench, one record a transaction, 8 clients): 6,700–8,400
-- records/s with the keys, 10,700–11,700 without.
--
-- What keeps the ids right instead: the log is append-only (its triggers), nothing in the
-- product deletes a partner, customer, order, product or user, and every record is written
-- with ids the same request has just read. The log also has to outlive what it names, as the
-- names it shows are copied into its details.
ALTER TABLE activity
    DROP CONSTRAINT activity_actor_user_id_fkey,
    DROP CONSTRAINT activity_customer_id_fkey,
    DROP CONSTRAINT activity_order_id_fkey,
    DROP CONSTRAINT activity_partner_id_fkey,
    DROP CONSTRAINT activity_product_id_fkey;
