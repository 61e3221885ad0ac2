//! The cart: kept in the database per user and customer, so it survives restarts and works the
//! same behind several app processes.

use crate::catalog::Family;
use crate::ids::{CustomerId, PartnerId, ProductId, UserId};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::auth::PartnerScope;
use crate::db::schema::{cart_items, customers, prices, products};
use crate::db::statement::Reuse;
use crate::error::AppError;

/// Whose cart: one user buying for one customer of their partner.
#[derive(Clone, Copy)]
pub struct CartOwner {
    pub scope: PartnerScope,
    pub user_id: UserId,
    pub customer_id: CustomerId,
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = products, check_for_backend(diesel::pg::Pg))]
pub struct CartLine {
    #[diesel(column_name = id)]
    pub product_id: ProductId,
    pub name: String,
    pub family: Family,
    pub licence_kind: crate::catalog::LicenceKind,
    pub term_months: Option<i32>,
    #[diesel(select_expression = cart_items::quantity)]
    pub quantity: i32,
    /// Current list price in the customer's currency; `None` if no longer priced.
    #[diesel(select_expression = prices::amount_minor.nullable())]
    pub unit_price_minor: Option<i64>,
    #[diesel(select_expression = products::retired_at.is_not_null())]
    pub retired: bool,
}

pub enum AddOutcome {
    Added,
    /// The cart would hold more than 1000 of the product.
    OverLimit,
}

#[diesel::dsl::auto_type]
fn owned_by(user_id: UserId, customer_id: CustomerId, partner_id: PartnerId) -> _ {
    cart_items::user_id
        .eq(user_id)
        .and(cart_items::customer_id.eq(customer_id))
        .and(cart_items::partner_id.eq(partner_id))
}

fn mine(owner: &CartOwner) -> owned_by {
    owned_by(owner.user_id, owner.customer_id, owner.scope.partner_id())
}

pub async fn add(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    product_id: ProductId,
    quantity: i32,
    now: DateTime<Utc>,
) -> Result<AddOutcome, AppError> {
    let result = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            lock(conn, owner).await?;
            insert_or_add(conn, owner, product_id, quantity, now).await
        })
        .await;
    use diesel::result::{DatabaseErrorKind, Error};
    match result {
        Ok(_) => Ok(AddOutcome::Added),
        // The table's CHECK keeps every line between 1 and 1000.
        Err(Error::DatabaseError(DatabaseErrorKind::CheckViolation, _)) => {
            Ok(AddOutcome::OverLimit)
        }
        Err(e) => Err(e.into()),
    }
}

async fn insert_or_add(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    product_id: ProductId,
    quantity: i32,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::insert_into(cart_items::table)
        .values((
            cart_items::user_id.eq(owner.user_id),
            cart_items::customer_id.eq(owner.customer_id),
            cart_items::partner_id.eq(owner.scope.partner_id()),
            cart_items::product_id.eq(product_id),
            cart_items::quantity.eq(quantity),
            cart_items::added_at.eq(now),
        ))
        .on_conflict((
            cart_items::user_id,
            cart_items::customer_id,
            cart_items::product_id,
        ))
        .do_update()
        .set(cart_items::quantity.eq(cart_items::quantity
            + diesel::dsl::sql::<diesel::sql_types::Integer>("EXCLUDED.quantity")))
        .reused()
        .execute(conn)
        .await
}

/// Sets a line's quantity; false when the line is not in this cart.
pub async fn set_quantity(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    product_id: ProductId,
    quantity: i32,
) -> Result<bool, AppError> {
    let n = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            lock(conn, owner).await?;
            diesel::update(
                cart_items::table
                    .filter(mine(owner))
                    .filter(cart_items::product_id.eq(product_id)),
            )
            .set(cart_items::quantity.eq(quantity))
            .reused()
            .execute(conn)
            .await
        })
        .await?;
    Ok(n == 1)
}

pub async fn remove(
    conn: &mut AsyncPgConnection,
    owner: &CartOwner,
    product_id: ProductId,
) -> Result<bool, AppError> {
    let n = conn
        .transaction::<_, diesel::result::Error, _>(async |conn| {
            lock(conn, owner).await?;
            diesel::delete(
                cart_items::table
                    .filter(mine(owner))
                    .filter(cart_items::product_id.eq(product_id)),
            )
            .execute(conn)
            .await
        })
        .await?;
    Ok(n == 1)
}

pub async fn clear(conn: &mut AsyncPgConnection, owner: &CartOwner) -> Result<(), AppError> {
    diesel::delete(cart_items::table.filter(mine(owner)))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn count(mut conn: &AsyncPgConnection, owner: &CartOwner) -> Result<i64, AppError> {
    Ok(cart_items::table
        .filter(mine(owner))
        .count()
        .get_result(&mut conn)
        .await?)
}

/// The cart's lines with today's prices in its customer's currency, in the order they were
/// added. The currency is the customer's row's, read by the same statement, so a page can
/// send this alongside the customer's own lookup.
pub async fn lines(
    mut conn: &AsyncPgConnection,
    owner: &CartOwner,
) -> Result<Vec<CartLine>, AppError> {
    let in_currency = prices::product_id
        .eq(products::id)
        .and(prices::currency.eq(customers::currency));
    Ok(cart_items::table
        .filter(mine(owner))
        .inner_join(products::table)
        .inner_join(customers::table.on(customers::id.eq(cart_items::customer_id)))
        .left_join(prices::table.on(in_currency))
        .order((cart_items::added_at, products::name))
        .select(CartLine::as_select())
        .load(&mut conn)
        .await?)
}

/// Takes the cart's lock until the transaction ends. Placing an order and every change to
/// the cart take it, in whichever app process they run, so an order is placed from a cart
/// nobody is changing and a second Place order finds the cart already emptied. The key is a
/// 64-bit hash of the cart's owner: a collision only makes two carts wait for each other.
pub async fn lock(conn: &mut AsyncPgConnection, owner: &CartOwner) -> QueryResult<()> {
    crate::db::statement::prepared(
        "SELECT pg_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 1))",
    )
    .bind::<diesel::sql_types::Uuid, _>(owner.user_id)
    .bind::<diesel::sql_types::Uuid, _>(owner.customer_id)
    .execute(conn)
    .await
    .map(|_| ())
}
