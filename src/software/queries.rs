//! Reading a customer's software: purchases, the variants a product offers, and keys. Every
//! query takes a `CustomerScope`, so it cannot read outside one customer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::CustomerScope;
use crate::catalog::Family;
use crate::customers::Customer;
use crate::customers::claim::{COLUMNS as CUSTOMER, Claim, OfCustomer};
use crate::db::schema::{artifacts, customers, order_lines, orders, product_variants};
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::{CustomerId, LineId, OrderId, ProductId, VariantId};
use crate::web::cursor::Cursor;
use crate::web::list_view::ListView;

/// One bought line of software (or software plan), as the Software page lists it.
#[derive(Queryable, Selectable, QueryableByName, Debug, Clone)]
#[diesel(table_name = order_lines, check_for_backend(diesel::pg::Pg))]
pub struct Purchase {
    #[diesel(column_name = id)]
    pub line_id: LineId,
    pub order_id: OrderId,
    pub line_number: i32,
    #[diesel(select_expression = orders::number, sql_type = diesel::sql_types::BigInt)]
    pub order_number: i64,
    #[diesel(
        select_expression = orders::placed_at,
        sql_type = diesel::sql_types::Timestamptz
    )]
    pub placed_at: DateTime<Utc>,
    pub product_id: ProductId,
    pub product_name: String,
    pub family: Family,
    pub licence_kind: crate::catalog::LicenceKind,
    pub term_months: Option<i32>,
    pub quantity: i32,
    pub quantity_cancelled: i32,
    /// Set when the purchase's keys and links were revoked (by a cancellation, or with an
    /// approved refund).
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Purchase {
    /// Cancelled, or taken back with a refund: either way its keys and files are gone.
    pub fn is_cancelled(&self) -> bool {
        self.quantity_cancelled >= self.quantity || self.revoked_at.is_some()
    }

    /// Whether this kind of product comes with a key and files at all (plans do not).
    pub fn has_keys(&self) -> bool {
        self.family.has_keys()
    }

    /// Where the Software list continues after this purchase.
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.placed_at,
            id: self.order_id.0,
            line: Some(self.line_number),
        }
    }
}

/// A purchase as the Software list shows it: with its cancellation policy and the end of its
/// window (as the line keeps them), for the "Cancellable until" column. Read by position, in
/// the order of `columns()`.
#[derive(Debug, Clone)]
pub struct Listed {
    pub purchase: Purchase,
    pub cancellation_policy: String,
    pub window_ends_at: Option<DateTime<Utc>>,
}

/// A programming error, not a user's: a statement that did not start with a purchase's
/// columns (`PURCHASE_COLUMNS`).
const NOT_FIRST: &str = "a purchase's columns must come first, as PURCHASE_COLUMNS lists them";

impl diesel::deserialize::QueryableByName<diesel::pg::Pg> for Listed {
    fn build<'a>(
        row: &impl diesel::row::NamedRow<'a, diesel::pg::Pg>,
    ) -> diesel::deserialize::Result<Self> {
        use crate::db::columns::{at, named};
        use diesel::sql_types::{Nullable, Text, Timestamptz};
        if !named(row, 14, "window_ends_at") {
            return Err(NOT_FIRST.into());
        }
        Ok(Listed {
            purchase: purchase_at(row)?,
            cancellation_policy: at::<Text, _>(row, 13)?,
            window_ends_at: at::<Nullable<Timestamptz>, _>(row, 14)?,
        })
    }
}

/// The purchase in a row's first 13 columns, as `PURCHASE_COLUMNS` lists them.
fn purchase_at<'a>(
    row: &impl diesel::row::NamedRow<'a, diesel::pg::Pg>,
) -> diesel::deserialize::Result<Purchase> {
    use crate::db::columns::{at, named};
    use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamptz, Uuid};
    if !named(row, 0, "id") || !named(row, 12, "revoked_at") {
        return Err(NOT_FIRST.into());
    }
    Ok(Purchase {
        line_id: at::<Uuid, _>(row, 0)?,
        order_id: at::<Uuid, _>(row, 1)?,
        line_number: at::<Integer, _>(row, 2)?,
        order_number: at::<BigInt, _>(row, 3)?,
        placed_at: at::<Timestamptz, _>(row, 4)?,
        product_id: at::<Uuid, _>(row, 5)?,
        product_name: at::<Text, _>(row, 6)?,
        family: at::<Text, _>(row, 7)?,
        licence_kind: at::<Text, _>(row, 8)?,
        term_months: at::<Nullable<Integer>, _>(row, 9)?,
        quantity: at::<Integer, _>(row, 10)?,
        quantity_cancelled: at::<Integer, _>(row, 11)?,
        revoked_at: at::<Nullable<Timestamptz>, _>(row, 12)?,
    })
}

impl Listed {
    /// Where the purchase stands against its policy at `now`; `None` for a policy the
    /// catalog's CHECK refuses (or a window without its end).
    pub fn window(&self, now: DateTime<Utc>) -> Option<crate::cancellation::rules::Window> {
        use crate::cancellation::rules::{Window, window_until};
        match self.cancellation_policy.as_str() {
            "window" => self.window_ends_at.map(|until| window_until(until, now)),
            "never" => Some(Window::Never),
            "support_only" => Some(Window::SupportOnly),
            _ => None,
        }
    }
}

/// Azure reservations are not software: they have their own place in Billing.
#[diesel::dsl::auto_type]
fn software_of(customer: CustomerId) -> _ {
    let not_reservation: diesel::dsl::NotEq<order_lines::family, &'static str> =
        order_lines::family.ne("azure_reservation");
    orders::customer_id.eq(customer).and(not_reservation)
}

/// Purchases newest (or oldest) first, or by product, up to `limit` after the view's cursor,
/// each with the customer it belongs to (see `customers::claim`, whose check is part of the
/// statement), in one statement. By date, the customer's software lines are read in order off
/// their (customer, time) index, starting at the cursor, so a page reads the rows it shows and
/// a later page costs what the first does. A search by product, or the order by product,
/// instead reads for each product (whose name matches) a page of the customer's lines of it
/// off the (customer, product, time) index, and merges them. A cursor has its own statement: a
/// cached generic plan for an optional cursor could not start the index scan at it.
pub async fn purchases(
    mut conn: &AsyncPgConnection,
    claim: Claim,
    view: &ListView,
    limit: i64,
) -> Result<Vec<OfCustomer<Listed>>, AppError> {
    use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid};
    let sql = match view.by_product {
        None if view.q.is_empty() => by_date(view),
        None => searched_by_date(view),
        Some(descending) => by_product(view, descending),
    };
    Ok(prepared(sql)
        .bind::<SqlUuid, _>(claim.customer_id())
        .bind::<BigInt, _>(limit)
        .bind::<Nullable<SqlUuid>, _>(claim.partner_id())
        .bind::<Nullable<Timestamptz>, _>(view.after.map(|c| c.at))
        .bind::<Nullable<SqlUuid>, _>(view.after.map(|c| c.id))
        .bind::<Integer, _>(view.after.and_then(|c| c.line).unwrap_or(-1))
        .bind::<Text, _>(crate::db::contains_pattern(&view.q))
        .load(&mut conn)
        .await?)
}

/// A purchase of the API's list, with the catalog's stamp as the statement read it.
pub struct Stamped {
    pub purchase: Purchase,
    pub stamp: i64,
}

impl diesel::deserialize::QueryableByName<diesel::pg::Pg> for Stamped {
    fn build<'a>(
        row: &impl diesel::row::NamedRow<'a, diesel::pg::Pg>,
    ) -> diesel::deserialize::Result<Self> {
        use crate::db::columns::{at, named};
        if !named(row, 13, "stamp") {
            return Err(NOT_FIRST.into());
        }
        Ok(Stamped {
            purchase: purchase_at(row)?,
            stamp: at::<diesel::sql_types::BigInt, _>(row, 13)?,
        })
    }
}

/// A page of the customer's purchases newest first, as `purchases` reads them by date, but
/// without the customer's columns: for the API, whose answer names the customer only by the
/// id it was asked for. The claim is still checked (no row for another partner's customer).
/// Each row carries the catalog's stamp (`catalog_stamp`), read once by the statement, for
/// the variants the API keeps (`api::variants`).
pub async fn purchases_newest(
    mut conn: &AsyncPgConnection,
    claim: Claim,
    view: &ListView,
    limit: i64,
) -> Result<Vec<Stamped>, AppError> {
    use diesel::sql_types::{BigInt, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid};
    let after = lines_after(view, "<=");
    let sql = format!(
        "SELECT {PURCHASE_COLUMNS}, (SELECT version FROM catalog_stamp) AS stamp
           FROM (SELECT * FROM order_lines x
                  WHERE x.customer_id = $1 AND x.family <> 'azure_reservation' {after}
                    AND EXISTS (SELECT 1 FROM customers c WHERE {CLAIMED})
                  ORDER BY x.placed_at DESC, x.order_id DESC, x.line_number
                  LIMIT $2) l
          ORDER BY l.placed_at DESC, l.order_id DESC, l.line_number"
    );
    Ok(prepared(sql)
        .bind::<SqlUuid, _>(claim.customer_id())
        .bind::<BigInt, _>(limit)
        .bind::<Nullable<SqlUuid>, _>(claim.partner_id())
        .bind::<Nullable<Timestamptz>, _>(view.after.map(|c| c.at))
        .bind::<Nullable<SqlUuid>, _>(view.after.map(|c| c.id))
        .bind::<Integer, _>(view.after.and_then(|c| c.line).unwrap_or(-1))
        .bind::<Text, _>(String::new())
        .load(&mut conn)
        .await?)
}

/// A purchase's columns over lines `l`, in `Purchase`'s order.
const PURCHASE_COLUMNS: &str = "l.id, l.order_id, l.line_number, l.order_number, l.placed_at,
         l.product_id, l.product_name, l.family, l.licence_kind, l.term_months,
         l.quantity, l.quantity_cancelled, l.revoked_at";

/// After a purchase's columns, its policy's: `Listed`'s order.
const POLICY_COLUMNS: &str = "l.cancellation_policy, l.window_ends_at";

/// The list's columns, over lines `l` and the customer `c`: the purchase's and its policy's
/// (in `Listed`'s order), then the customer's.
fn columns() -> String {
    format!("{PURCHASE_COLUMNS}, {POLICY_COLUMNS}, {CUSTOMER}")
}

/// The claim's check on the customer `c` and its counts `k` (binds $1 and $3).
const CLAIMED: &str = "c.id = $1 AND ($3::uuid IS NULL OR c.partner_id = $3)";

/// The lines (`x`) past the cursor ($4 time, $5 order, $6 line) in time order `cmp` (`<=`
/// newest first, `>=` oldest first); lines of one order always by line number.
fn past_cursor(cmp: &str) -> String {
    format!("(x.placed_at, x.order_id) {cmp} ($4, $5) AND (x.order_id <> $5 OR x.line_number > $6)")
}

fn lines_after(view: &ListView, cmp: &str) -> String {
    match view.after {
        Some(_) => format!("AND {}", past_cursor(cmp)),
        None => String::new(),
    }
}

fn time_order(view: &ListView) -> (&'static str, &'static str) {
    match view.oldest {
        true => ("ASC", ">="),
        false => ("DESC", "<="),
    }
}

/// The page's lines come first and the claimed customer is joined to them: the lines' index
/// order is then the statement's, with no sort of the page (the customer, one row, is read
/// once and kept).
fn by_date(view: &ListView) -> String {
    let (dir, cmp) = time_order(view);
    let columns = columns();
    let after = lines_after(view, cmp);
    format!(
        "SELECT {columns}
           FROM (SELECT * FROM order_lines x
                  WHERE x.customer_id = $1 AND x.family <> 'azure_reservation' {after}
                  ORDER BY x.placed_at {dir}, x.order_id {dir}, x.line_number
                  LIMIT $2) l
          CROSS JOIN customers c
          WHERE {CLAIMED}
          ORDER BY l.placed_at {dir}, l.order_id {dir}, l.line_number"
    )
}

fn searched_by_date(view: &ListView) -> String {
    let (dir, cmp) = time_order(view);
    let columns = columns();
    let after = lines_after(view, cmp);
    format!(
        "SELECT {columns}
           FROM customers c
           JOIN products p ON p.name ILIKE $7 AND p.family <> 'azure_reservation'
          CROSS JOIN LATERAL (SELECT * FROM order_lines x
                               WHERE x.customer_id = c.id AND x.product_id = p.id {after}
                               ORDER BY x.placed_at {dir}, x.order_id {dir}, x.line_number
                               LIMIT $2) l
          WHERE {CLAIMED}
          ORDER BY l.placed_at {dir}, l.order_id {dir}, l.line_number
          LIMIT $2"
    )
}

/// By product name (then newest first): the products from the cursor's on, each with a page
/// of the customer's lines of it (past the cursor for the cursor's own product).
fn by_product(view: &ListView, descending: bool) -> String {
    let (dir, cmp) = match descending {
        true => ("DESC", "<="),
        false => ("ASC", ">="),
    };
    let columns = columns();
    let search = match view.q.is_empty() {
        true => "",
        false => "AND p.name ILIKE $7",
    };
    // The cursor's product: its line's.
    let (cursor, products_from, lines_from) = match view.after {
        Some(_) => (
            "WITH cur AS (SELECT q.id, q.name FROM order_lines y JOIN products q ON q.id = y.product_id
                           WHERE y.order_id = $5 AND y.line_number = $6 AND y.customer_id = $1)",
            format!("AND (p.name, p.id) {cmp} (SELECT name, id FROM cur)"),
            format!(
                "AND (x.product_id <> (SELECT id FROM cur) OR ({}))",
                past_cursor("<=")
            ),
        ),
        None => ("", String::new(), String::new()),
    };
    format!(
        "{cursor}
         SELECT {columns}
           FROM customers c
           JOIN products p ON p.family <> 'azure_reservation' {search} {products_from}
          CROSS JOIN LATERAL (SELECT * FROM order_lines x
                               WHERE x.customer_id = c.id AND x.product_id = p.id {lines_from}
                               ORDER BY x.placed_at DESC, x.order_id DESC, x.line_number
                               LIMIT $2) l
          WHERE {CLAIMED}
          ORDER BY p.name {dir}, p.id {dir}, l.placed_at DESC, l.order_id DESC, l.line_number
          LIMIT $2"
    )
}

/// One purchase of this customer; `None` for an unknown line or another customer's.
pub async fn purchase(
    conn: &mut AsyncPgConnection,
    scope: CustomerScope,
    line_id: LineId,
) -> Result<Option<Purchase>, AppError> {
    Ok(order_lines::table
        .inner_join(orders::table)
        .filter(software_of(scope.customer_id()))
        .filter(order_lines::id.eq(line_id))
        .select(Purchase::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// One purchase of the claimed customer with the customer itself, in one statement (see
/// `customers::claim`); `None` for an unknown line, another customer's, or a customer that is
/// not the reader's.
pub async fn claimed_purchase(
    mut conn: &AsyncPgConnection,
    claim: Claim,
    line_id: LineId,
) -> Result<Option<(Customer, Purchase)>, AppError> {
    let mut query = order_lines::table
        .inner_join(orders::table.inner_join(customers::table))
        .filter(software_of(claim.customer_id()))
        .filter(order_lines::id.eq(line_id))
        .select((Customer::as_select(), Purchase::as_select()))
        .into_boxed();
    if let Some(partner_id) = claim.partner_id() {
        query = query.filter(customers::partner_id.eq(partner_id));
    }
    Ok(query.first(&mut conn).await.optional()?)
}

/// A purchase's key while it is valid (a cancelled purchase's key is revoked and gone), with
/// the product's name in the catalog now, which the record of the key's view gives.
pub struct Keyed {
    pub key: Option<String>,
    pub catalog_name: String,
}

/// `claimed_purchase` with the purchase's key, for the key page: one statement.
pub async fn claimed_purchase_key(
    mut conn: &AsyncPgConnection,
    claim: Claim,
    line_id: LineId,
) -> Result<Option<(Customer, Purchase, Keyed)>, AppError> {
    use crate::db::schema::{product_keys, products};
    let active_key = product_keys::order_line_id
        .eq(order_lines::id)
        .and(product_keys::revoked_at.is_null());
    let mut query = order_lines::table
        .inner_join(orders::table.inner_join(customers::table))
        .inner_join(products::table)
        .left_join(product_keys::table.on(active_key))
        .filter(software_of(claim.customer_id()))
        .filter(order_lines::id.eq(line_id))
        .select((
            Customer::as_select(),
            Purchase::as_select(),
            product_keys::key_text.nullable(),
            products::name,
        ))
        .into_boxed();
    if let Some(partner_id) = claim.partner_id() {
        query = query.filter(customers::partner_id.eq(partner_id));
    }
    let found: Option<(Customer, Purchase, Option<String>, String)> =
        query.first(&mut conn).await.optional()?;
    Ok(found.map(|(customer, purchase, key, catalog_name)| {
        (customer, purchase, Keyed { key, catalog_name })
    }))
}

/// A downloadable variant of a product, with its registered file if there is one.
#[derive(Queryable, Selectable, Debug, Clone)]
#[diesel(table_name = product_variants, check_for_backend(diesel::pg::Pg))]
pub struct Variant {
    pub id: VariantId,
    pub version: String,
    pub language: String,
    pub file_type: String,
    pub file_name: String,
    #[diesel(select_expression = artifacts::sha256.nullable())]
    pub sha256: Option<String>,
    #[diesel(select_expression = artifacts::size_bytes.nullable())]
    pub size_bytes: Option<i64>,
}

/// Variants with their files, in the order a purchase's page lists them.
#[diesel::dsl::auto_type]
fn variants_in_order() -> _ {
    product_variants::table.left_join(artifacts::table).order((
        product_variants::version,
        product_variants::language,
        product_variants::file_type,
    ))
}

pub async fn variants(
    mut conn: &AsyncPgConnection,
    product_id: ProductId,
) -> Result<Vec<Variant>, AppError> {
    Ok(variants_in_order()
        .filter(product_variants::product_id.eq(product_id))
        .select(Variant::as_select())
        .load(&mut conn)
        .await?)
}

/// The variants of the product of line `line` of customer `customer`, in `variants`' order;
/// none unless the line is that customer's. It needs only the address's ids, so a purchase's
/// page sends it alongside the purchase's own lookup (which decides whether it is shown).
pub async fn variants_of_line(
    mut conn: &AsyncPgConnection,
    customer: CustomerId,
    line: LineId,
) -> Result<Vec<Variant>, AppError> {
    let product = order_lines::table
        .filter(order_lines::id.eq(line))
        .filter(order_lines::customer_id.eq(customer))
        .select(order_lines::product_id);
    Ok(variants_in_order()
        .filter(product_variants::product_id.eq_any(product))
        .select(Variant::as_select())
        .load(&mut conn)
        .await?)
}

/// Every product's variants with their products' ids, in one statement, each product's in
/// `variants`' order: the whole downloadable catalog, for the API to keep (`api::variants`).
pub async fn all_variants(
    mut conn: &AsyncPgConnection,
) -> Result<Vec<(ProductId, Variant)>, AppError> {
    Ok(product_variants::table
        .left_join(artifacts::table)
        .order((
            product_variants::product_id,
            product_variants::version,
            product_variants::language,
            product_variants::file_type,
        ))
        .select((product_variants::product_id, Variant::as_select()))
        .load(&mut conn)
        .await?)
}

/// One variant by id (a download link names its variant).
pub async fn variant(
    conn: &mut AsyncPgConnection,
    variant_id: VariantId,
) -> Result<Option<Variant>, AppError> {
    Ok(product_variants::table
        .left_join(artifacts::table)
        .filter(product_variants::id.eq(variant_id))
        .select(Variant::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// The key of purchase line `line_id` while it is valid. It names no customer: callers show
/// it only with the purchase they found for the same line in the caller's scope.
pub async fn active_key(
    mut conn: &AsyncPgConnection,
    line_id: LineId,
) -> Result<Option<String>, AppError> {
    use crate::db::schema::product_keys;
    Ok(product_keys::table
        .filter(product_keys::order_line_id.eq(line_id))
        .filter(product_keys::revoked_at.is_null())
        .select(product_keys::key_text)
        .first(&mut conn)
        .await
        .optional()?)
}
