//! `cspdesk seed-bench`: the benchmark's data set, added to the demo data. Contoso gets 10,000
//! US customers and 200,000 orders over the last 88 days; the first customer
//! (bench-00001.test) has 2,000 of them, and the admin agent's cart for it holds three
//! products, so Order history and Review have something heavy to show. `seed-bench --tenth`
//! adds a tenth of each (1,000 customers, 20,000 orders, 200 for the first customer): the
//! benchmark measures every page on both and compares, so a page whose cost grows with the
//! data shows up.
//!
//! Bulk SQL rather than the Place order path: the point is the size of the tables the pages
//! read, and placing 200,000 orders one by one would take far longer than the measurement.
//! Lines copy the catalog's USD prices and software lines get keys, as placed orders do.
//! No activity records are written for these orders.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::auth::store;
use crate::db::schema::customers;
use crate::error::AppError;
use crate::ids::{CustomerId, LineId, ProductId, VariantId};

pub const BIG_CUSTOMER_DOMAIN: &str = "bench-00001.test";

/// How much benchmark data to add.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub customers: i32,
    /// Orders of the first customer.
    pub big_orders: i32,
    pub orders: i32,
    /// Activity records of each of the ten partners.
    pub activity_per_partner: i64,
    /// Contoso's support requests, a third of them decided.
    pub support_requests: i32,
    /// Contoso's API tokens made over the last year.
    pub api_tokens: i32,
    /// Key views and downloads by Adatum's own admin over the last year.
    pub tenant_access: i32,
}

impl Size {
    pub const FULL: Size = Size {
        customers: 10_000,
        big_orders: 2_000,
        orders: 200_000,
        activity_per_partner: 100_000,
        support_requests: 20_000,
        api_tokens: 250,
        tenant_access: 500,
    };

    pub const TENTH: Size = Size {
        customers: 1_000,
        big_orders: 200,
        orders: 20_000,
        activity_per_partner: 10_000,
        support_requests: 2_000,
        api_tokens: 25,
        tenant_access: 50,
    };
}
const BUYER: &str = "admin.agent@contoso-partner.test";

const CUSTOMERS: &str = "
INSERT INTO customers (id, partner_id, company_name, primary_domain, market, currency, created_at)
SELECT gen_random_uuid(), $1, 'Benchmark Customer ' || lpad(i::text, 5, '0'),
       'bench-' || lpad(i::text, 5, '0') || '.test', 'US', 'USD', $2
  FROM generate_series(1, $4) i";

/// Orders 1..2,000 go to customer 1, the rest round-robin over customers 2..10,000 (for the
/// full size); one order every 38 seconds back from now, ten times as far apart for a tenth,
/// so both span the same 88 days. Generated oldest first so numbers grow with time.
const ORDERS: &str = "
WITH c AS (SELECT id, row_number() OVER (ORDER BY primary_domain) AS n
             FROM customers WHERE partner_id = $1 AND primary_domain LIKE 'bench-%'),
     g AS (SELECT i, CASE WHEN i <= $5 THEN 1 ELSE 2 + i % ($4 - 1) END AS n
             FROM generate_series(1, $6) i)
INSERT INTO orders (id, partner_id, customer_id, placed_by, placed_at, currency, idempotency_token)
SELECT gen_random_uuid(), $1, c.id, $3, $2 - g.i * (200000 / $6) * interval '38 seconds', 'USD',
       gen_random_uuid()
  FROM g JOIN c USING (n)
 ORDER BY g.i DESC";

/// One or two lines an order, cycling through the products priced in USD.
const LINES: &str = "
WITH p AS (SELECT pr.id, pr.name, pr.family, pr.licence_kind, pr.term_months, pc.amount_minor,
                  row_number() OVER (ORDER BY pr.sku) - 1 AS k, count(*) OVER () AS total
             FROM products pr JOIN prices pc ON pc.product_id = pr.id AND pc.currency = 'USD'
            WHERE pr.retired_at IS NULL),
     l AS (SELECT o.id, o.number, ln
             FROM orders o
             JOIN customers c ON c.id = o.customer_id AND c.primary_domain LIKE 'bench-%'
            CROSS JOIN LATERAL generate_series(0, (o.number % 2)::int) ln
            WHERE o.partner_id = $1)
INSERT INTO order_lines (id, order_id, partner_id, line_number, product_id, product_name, family,
                         licence_kind, term_months, quantity, unit_price_minor, currency,
                         tax_included, tax_rate_bp)
SELECT gen_random_uuid(), l.id, $1, l.ln, p.id, p.name, p.family, p.licence_kind, p.term_months,
       1 + ((l.number + l.ln) % 5)::int, p.amount_minor, 'USD', false, 0
  FROM l JOIN p ON p.k = (l.number + l.ln * 7) % p.total";

/// A key shaped like a generated one (A-Z and 2-9), derived from the line id: unique, and the
/// UNIQUE constraint would say so if it were not.
const KEYS: &str = "
INSERT INTO product_keys (order_line_id, partner_id, key_text, created_at)
SELECT l.id, $1, translate(upper(left(md5(l.id::text) || md5(l.order_id::text), 32)), '01', 'XY'), $2
  FROM order_lines l
  JOIN orders o ON o.id = l.order_id
  JOIN customers c ON c.id = o.customer_id AND c.primary_domain LIKE 'bench-%'
 WHERE l.partner_id = $1 AND l.family IN ('windows_server', 'sql_server', 'windows_esu')";

/// The bench orders' invoices, one per month they fall in (the demo orders may have opened
/// some already), as placing them one by one would have opened them.
const INVOICES: &str = "
INSERT INTO invoices (id, partner_id, month, currency)
SELECT gen_random_uuid(), $1, m.month, m.currency
  FROM (SELECT DISTINCT date_trunc('month', o.placed_at AT TIME ZONE 'UTC')::date AS month,
               o.currency
          FROM orders o WHERE o.partner_id = $1) m
ON CONFLICT (partner_id, month, currency) DO NOTHING";

/// Each bench order line as a charge on its month's invoice (the database adds up the totals).
const INVOICE_LINES: &str = "
INSERT INTO invoice_lines (invoice_id, kind, at, id, order_number, customer, customer_id,
                           product, quantity, amount_minor, tax_included, tax_rate_bp)
SELECT i.id, 'charge', o.placed_at, l.id, o.number, c.company_name, c.id, l.product_name,
       l.quantity, l.unit_price_minor * l.quantity, l.tax_included, l.tax_rate_bp
  FROM orders o
  JOIN order_lines l ON l.order_id = o.id
  JOIN customers c ON c.id = o.customer_id AND c.primary_domain LIKE 'bench-%'
  JOIN invoices i ON i.partner_id = o.partner_id AND i.currency = o.currency
                 AND i.month = date_trunc('month', o.placed_at AT TIME ZONE 'UTC')::date
 WHERE o.partner_id = $1";

/// Support requests of Contoso's bench customers over the same 83 days, two in three still
/// open, so the support lists and the console's queue have pages to turn. Added once, also to
/// a data set seeded before requests were part of it.
const SUPPORT: &str = "
WITH c AS (SELECT id, row_number() OVER (ORDER BY primary_domain) AS n
             FROM customers WHERE partner_id = $1 AND primary_domain LIKE 'bench-%'),
     g AS (SELECT i, $2 - i * (20000 / $7) * interval '6 minutes' AS at
             FROM generate_series(1, $7) i)
INSERT INTO support_requests (id, partner_id, customer_id, problem_type, impact, title, reason,
                              contact_name, contact_email, contact_phone, status, decided_by,
                              decided_at, created_by, created_at, waiting_since)
SELECT gen_random_uuid(), $1, c.id, 'other', 'low', 'Benchmark request ' || g.i,
       'Filed by seed-bench.', 'Benchmark', 'admin.agent@contoso-partner.test', '+1 555 0100',
       CASE g.i % 3 WHEN 0 THEN 'rejected' WHEN 1 THEN 'new' ELSE 'in_review' END,
       CASE WHEN g.i % 3 = 0 THEN $3 END, CASE WHEN g.i % 3 = 0 THEN $2 END, $3, g.at, g.at
  FROM g JOIN c ON c.n = 1 + g.i % $4
 WHERE NOT EXISTS (SELECT 1 FROM support_requests WHERE title LIKE 'Benchmark request %')
 ORDER BY g.i DESC";

/// API tokens Contoso's Global admin made over the last year, one every 35 hours (ten times
/// as far apart for a tenth), each for 90 days, so the API tokens page has a page to show on
/// both sizes and more to turn to on the larger. Without them the page listed only the tokens
/// earlier benchmark runs had made, as many as there had been runs on that data set: a page
/// that grew with the runs, not the data. Added once, also to a data set seeded before.
const TOKENS: &str = "
INSERT INTO api_tokens (id, partner_id, name, secret_hash, scopes, created_by, created_at,
                        expires_at)
SELECT gen_random_uuid(), $1, 'Benchmark token ' || g.i,
       sha256(convert_to('bench-token:' || $1::text || ':' || g.i, 'UTF8')),
       ARRAY['customers:read', 'orders:read'], u.id, g.at, g.at + interval '90 days'
  FROM (SELECT i, $2 - i * (interval '8750 hours' / $8) AS at
          FROM generate_series(1, $8) i) g
  JOIN users u ON u.email = 'global.admin@contoso-partner.test'
 WHERE NOT EXISTS (SELECT 1 FROM api_tokens
                    WHERE partner_id = $1 AND name LIKE 'Benchmark token %')";

/// Key views and downloads of Adatum's purchases by its own admin, over the last year at even
/// steps (ten times as far apart for a tenth), recorded as the dashboard records them, so that
/// the customer admin's "who accessed keys and files" (50 a page) has a whole page on both
/// sizes. Without them it listed the few records earlier runs had left on that data set.
/// Added once, also to a data set seeded before: the downloads' file names say it is done.
const TENANT_ACCESS: &str = "
WITH t AS (SELECT c.id AS customer_id, c.partner_id, u.id AS user_id, u.email
             FROM users u JOIN customers c ON c.id = u.customer_id
            WHERE u.email = 'admin@adatum.test'),
     l AS (SELECT l.id, l.order_id, l.order_number, l.product_id, l.product_name,
                  row_number() OVER (ORDER BY l.id) - 1 AS k, count(*) OVER () AS n
             FROM order_lines l JOIN t ON t.customer_id = l.customer_id
            WHERE l.family IN ('windows_server', 'sql_server')),
     g AS (SELECT i, $2 - i * (interval '8760 hours' / $9) AS at
             FROM generate_series(1, $9) i)
INSERT INTO activity (partner_id, at, actor_user_id, actor, operation, customer_id, order_id,
                      product_id, details)
SELECT t.partner_id, g.at, t.user_id, t.email,
       CASE WHEN g.i % 2 = 0 THEN 'key_viewed' ELSE 'downloaded' END, t.customer_id,
       l.order_id, l.product_id,
       jsonb_build_object('product', l.product_name, 'order_number', l.order_number,
                          'order_line_id', l.id)
         || CASE WHEN g.i % 2 = 0 THEN '{}'::jsonb
                 ELSE jsonb_build_object('file', 'adatum_bench_' || g.i || '.iso') END
  FROM g CROSS JOIN t JOIN l ON l.k = g.i % l.n
 WHERE NOT EXISTS (SELECT 1 FROM activity a
                    WHERE a.customer_id = t.customer_id
                      AND a.details ->> 'file' LIKE 'adatum\\_bench\\_%')
 ORDER BY g.i DESC";

const CART: &str = "
INSERT INTO cart_items (user_id, customer_id, product_id, partner_id, quantity, added_at)
SELECT $3, c.id, p.id, $1, 2, $2
  FROM customers c, products p
 WHERE c.primary_domain = 'bench-00001.test'
   AND p.sku IN ('ws2022-std', 'sql2022-std-3y', 'ws2022-dc')
ON CONFLICT DO NOTHING";

/// Download links made over the weeks, one for every twentieth software line of the benchmark
/// customers (most expired by now), as a partner's links spread over its purchases. Without
/// them the table held only the benchmark's own links, all of one purchase, and PostgreSQL
/// took any purchase to have all of them: revoking a cancelled purchase's links then read the
/// whole table instead of its index. Added again on every run, skipping those present.
const LINKS: &str = "
INSERT INTO download_links (id, token_hash, partner_id, customer_id, order_line_id, variant_id,
                            created_by, created_at, expires_at, max_downloads, downloads,
                            product_name, customer_name)
SELECT gen_random_uuid(), sha256(convert_to('bench-link:' || l.id, 'UTF8')), $1,
       l.customer_id, l.id, v.id, $3, l.placed_at + interval '1 hour',
       l.placed_at + interval '7 days 1 hour', 3, 1, l.product_name, c.company_name
  FROM customers c
  JOIN order_lines l ON l.customer_id = c.id
 CROSS JOIN LATERAL (SELECT id FROM product_variants
                      WHERE product_id = l.product_id ORDER BY id LIMIT 1) v
 WHERE c.partner_id = $1 AND c.primary_domain LIKE 'bench-%'
   AND get_byte(uuid_send(l.id), 15) % 20 = 0
ON CONFLICT (token_hash) DO NOTHING";

/// Adds the benchmark data unless it is there already; returns the big customer's tenant id.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
    size: Size,
) -> Result<CustomerId, AppError> {
    insert_all(conn, now, size).await
}

/// A Windows Server 2022 Standard purchase of the big customer and its en-US x64 ISO variant:
/// what the download benchmark makes links for.
pub async fn download_target(
    conn: &mut AsyncPgConnection,
    tenant: CustomerId,
) -> Result<(LineId, VariantId), AppError> {
    use crate::db::schema::{order_lines, orders, product_variants};
    let (line, product): (LineId, ProductId) = order_lines::table
        .inner_join(orders::table)
        .filter(orders::customer_id.eq(tenant))
        .filter(order_lines::product_name.eq("Windows Server 2022 Standard"))
        .order(orders::placed_at.desc())
        .select((order_lines::id, order_lines::product_id))
        .first(conn)
        .await?;
    let variant: VariantId = product_variants::table
        .filter(product_variants::product_id.eq(product))
        .filter(product_variants::version.eq("Windows Server 2022"))
        .filter(product_variants::language.eq("en-US"))
        .filter(product_variants::file_type.eq("x64_iso"))
        .select(product_variants::id)
        .first(conn)
        .await?;
    Ok((line, variant))
}

async fn insert_all(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
    size: Size,
) -> Result<CustomerId, AppError> {
    let buyer = store::load_user(conn, BUYER)
        .await?
        .ok_or(AppError::internal(
            "demo buyer missing: run seed-demo on an empty database",
        ))?;
    let partner = buyer
        .partner_scope()
        .ok_or(AppError::internal("demo buyer is not partner staff"))?
        .partner_id();
    let run = |sql: &'static str| {
        diesel::sql_query(sql)
            .bind::<SqlUuid, _>(partner)
            .bind::<Timestamptz, _>(now)
            .bind::<SqlUuid, _>(buyer.id)
            .bind::<Integer, _>(size.customers)
            .bind::<Integer, _>(size.big_orders)
            .bind::<Integer, _>(size.orders)
            .bind::<Integer, _>(size.support_requests)
            .bind::<Integer, _>(size.api_tokens)
            .bind::<Integer, _>(size.tenant_access)
    };
    let present = big_customer(conn).await?;
    if present.is_none() {
        conn.transaction::<_, AppError, _>(async |conn| {
            // Every statement gets the same values ($1 partner, $2 now, $3 buyer, $4..$9 the
            // size); the types are sent along, so one that uses fewer is fine.
            for sql in [CUSTOMERS, ORDERS, LINES, KEYS, INVOICES, INVOICE_LINES] {
                run(sql).execute(conn).await?;
            }
            Ok(())
        })
        .await?;
    }
    run(SUPPORT).execute(conn).await?;
    run(TOKENS).execute(conn).await?;
    run(TENANT_ACCESS).execute(conn).await?;
    run(CART).execute(conn).await?;
    run(LINKS).execute(conn).await?;
    // Fresh statistics and visibility map, so the planner sees the new table sizes and
    // index-only scans work straight away rather than after autovacuum's next round.
    diesel::sql_query(
        "VACUUM ANALYZE customers, orders, order_lines, product_keys, cart_items, invoices, \
         invoice_lines, support_requests, download_links, api_tokens",
    )
    .execute(conn)
    .await?;
    big_customer(conn)
        .await?
        .ok_or(AppError::internal("benchmark customer missing"))
}

async fn big_customer(conn: &mut AsyncPgConnection) -> Result<Option<CustomerId>, AppError> {
    Ok(customers::table
        .filter(customers::primary_domain.eq(BIG_CUSTOMER_DOMAIN))
        .select(customers::id)
        .first(conn)
        .await
        .optional()?)
}
