//! Catalog queries: what can be bought, at which price in a given currency.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::Family;
use crate::db::schema::{customers, prices, products};
use crate::error::AppError;
use crate::ids::{CustomerId, ProductId};

/// A product with its list price in one currency (`None`: not priced in that currency).
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = products, check_for_backend(diesel::pg::Pg))]
pub struct Offer {
    pub id: ProductId,
    pub name: String,
    pub family: Family,
    pub licence_kind: crate::catalog::LicenceKind,
    pub term_months: Option<i32>,
    #[diesel(select_expression = prices::amount_minor.nullable())]
    pub price_minor: Option<i64>,
}

#[derive(Default)]
pub struct Filter {
    pub id: Option<ProductId>,
    pub family: Option<Family>,
    pub licence_kind: Option<super::LicenceKind>,
    pub text: String,
}

/// The products still sold that pass `filter`, each with its list price in the currency of
/// customer `customer` (read from the customer's row by the same statement, so a page can send
/// this alongside the customer's own lookup; an unknown customer has no offers).
pub async fn offers(
    mut conn: &AsyncPgConnection,
    customer: CustomerId,
    filter: &Filter,
) -> Result<Vec<Offer>, AppError> {
    let in_currency = prices::product_id
        .eq(products::id)
        .and(prices::currency.eq(customers::currency));
    let mut query = products::table
        .inner_join(customers::table.on(customers::id.eq(customer)))
        .left_join(prices::table.on(in_currency))
        .filter(products::retired_at.is_null())
        .select(Offer::as_select())
        .order((
            products::family,
            products::name,
            products::term_months.asc().nulls_first(),
        ))
        .into_boxed();
    if let Some(id) = filter.id {
        query = query.filter(products::id.eq(id));
    }
    if let Some(family) = filter.family {
        query = query.filter(products::family.eq(family));
    }
    if let Some(kind) = filter.licence_kind {
        query = query.filter(products::licence_kind.eq(kind));
    }
    if !filter.text.is_empty() {
        query = query.filter(products::name.ilike(crate::db::contains_pattern(&filter.text)));
    }
    Ok(query.load(&mut conn).await?)
}

/// One product that is still sold, with its price in customer `customer`'s currency.
pub async fn offer(
    conn: &mut AsyncPgConnection,
    customer: CustomerId,
    id: ProductId,
) -> Result<Option<Offer>, AppError> {
    let filter = Filter {
        id: Some(id),
        ..Filter::default()
    };
    Ok(offers(conn, customer, &filter).await?.into_iter().next())
}
