//! Reading the partner's activity log: one keyset page (or export batch) at a time, and the
//! choices its filters offer.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::filter::{Actor, Cursor, Filter, Operations};
use super::{LINK_ACTOR, Operation};
use crate::auth::PartnerScope;
use crate::db::schema::{activity, customers, users};
use crate::error::AppError;
use crate::ids::{CustomerId, UserId};

/// A record with the names it refers to, as the record keeps them (written with it).
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = activity, check_for_backend(diesel::pg::Pg))]
pub struct LogRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub operation: Operation,
    #[diesel(select_expression = activity::customer_name)]
    pub customer: Option<String>,
    #[diesel(select_expression = activity::customer_id)]
    pub tenant: Option<CustomerId>,
    #[diesel(select_expression = activity::product_name)]
    pub product: Option<String>,
    pub order_number: Option<i64>,
    /// What the log shows of the details, taken out by PostgreSQL from its stored (binary)
    /// JSON: parsing each row's JSON text here was a tenth of the page's CPU.
    #[diesel(embed)]
    pub details: Details,
}

/// The details a record may carry that the log shows.
#[derive(Queryable, Selectable, Debug, Default)]
#[diesel(table_name = activity, check_for_backend(diesel::pg::Pg))]
pub struct Details {
    #[diesel(select_expression = detail("ip"), select_expression_type = detail)]
    pub ip: Option<String>,
    #[diesel(select_expression = detail("product"), select_expression_type = detail)]
    pub product: Option<String>,
    #[diesel(select_expression = detail("file"), select_expression_type = detail)]
    pub file: Option<String>,
    #[diesel(select_expression = detail("target"), select_expression_type = detail)]
    pub target: Option<String>,
    /// A number in the JSON, as text.
    #[diesel(select_expression = detail("request"), select_expression_type = detail)]
    pub request: Option<String>,
    /// A number in the JSON, as text.
    #[diesel(select_expression = detail("unrecorded_before"), select_expression_type = detail)]
    pub unrecorded_before: Option<String>,
}

#[diesel::dsl::auto_type]
fn detail(key: &'static str) -> _ {
    activity::details.retrieve_as_text(key).nullable()
}

impl LogRow {
    pub fn cursor(&self) -> Cursor {
        Cursor {
            at: self.at,
            id: self.id,
        }
    }
}

/// The range and filters, with the customer already resolved to one of the partner's own.
pub struct Selection<'a> {
    pub filter: &'a Filter,
    pub customer_id: Option<CustomerId>,
}

/// Up to `limit` rows, newest first, older than `after` when given. The keyset condition is a
/// row comparison, which PostgreSQL answers from the (partner, at, id) indexes: a later page
/// costs what the first does.
pub async fn page(
    mut conn: &AsyncPgConnection,
    scope: PartnerScope,
    sel: &Selection<'_>,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<LogRow>, AppError> {
    let f = sel.filter;
    let mut query = activity::table
        .filter(activity::partner_id.eq(scope.partner_id()))
        .filter(activity::at.ge(f.start()))
        .filter(activity::at.lt(f.end()))
        .order((activity::at.desc(), activity::id.desc()))
        .limit(limit)
        .select(LogRow::as_select())
        .into_boxed();
    query = match f.operations {
        // `=`, not `= ANY` of one: so one plan reads the (partner, operation, time) index.
        Operations::One(op) => query.filter(activity::operation.eq(op.code())),
        // The kept flag, not `= ANY` of the five: one plan then reads the index of access
        // records in time order and stops at the page, however many the range holds. The
        // flag itself, not `= $1` of `true`, so a plan made once for every value still
        // matches that index's condition.
        Operations::Access => query.filter(activity::access),
        Operations::All => query,
    };
    if let Some(customer_id) = sel.customer_id {
        query = query.filter(activity::customer_id.eq(customer_id));
    }
    query = match &f.actor {
        Actor::Anyone => query,
        Actor::User(id) => query.filter(activity::actor_user_id.eq(*id)),
        Actor::Token(name) => query
            .filter(activity::actor_user_id.is_null())
            .filter(activity::actor.eq(name.clone())),
        Actor::Link => query
            .filter(activity::actor_user_id.is_null())
            .filter(activity::actor.eq(LINK_ACTOR)),
    };
    if let Some(c) = after {
        // Written without an SQL literal, which diesel would not prepare once per connection;
        // `at <= c.at` lets the index scan start at the cursor, the rest drops its ties.
        let older = activity::at
            .lt(c.at)
            .or(activity::at.eq(c.at).and(activity::id.lt(c.id)));
        query = query.filter(activity::at.le(c.at)).filter(older);
    }
    Ok(query.load(&mut conn).await?)
}

/// The partner's customer with this primary domain or tenant ID, if it is theirs.
pub async fn customer_by_name(
    mut conn: &AsyncPgConnection,
    scope: PartnerScope,
    domain_or_tenant: &str,
) -> Result<Option<CustomerId>, AppError> {
    let mut query = customers::table
        .filter(customers::partner_id.eq(scope.partner_id()))
        .select(customers::id)
        .into_boxed();
    query = match CustomerId::parse(domain_or_tenant) {
        Some(id) => query.filter(customers::id.eq(id)),
        None => query.filter(customers::primary_domain.eq(domain_or_tenant)),
    };
    Ok(query.first(&mut conn).await.optional()?)
}

#[derive(Clone)]
pub struct UserChoice {
    pub id: UserId,
    pub email: String,
}

/// The partner's own staff, the people the filter lists: its customers' users are found by
/// typing (`actor_by_text`), so the list does not grow with every customer.
pub async fn staff(
    mut conn: &AsyncPgConnection,
    scope: PartnerScope,
) -> Result<Vec<UserChoice>, AppError> {
    let rows: Vec<(UserId, String)> = users::table
        .filter(users::partner_id.eq(scope.partner_id()))
        .filter(users::kind.eq("partner"))
        .order(users::email)
        .select((users::id, users::email))
        .load(&mut conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, email)| UserChoice { id, email })
        .collect())
}

/// Who may have acted on the partner's data: its staff, its customers' users, and support.
#[diesel::dsl::auto_type]
fn may_act(partner: crate::ids::PartnerId) -> _ {
    let support: diesel::dsl::Eq<users::kind, &'static str> = users::kind.eq("support");
    users::partner_id.eq(partner).or(support)
}

/// Someone named in the address (`user=`) who is not staff, for the list's choice.
pub async fn actor_by_id(
    mut conn: &AsyncPgConnection,
    scope: PartnerScope,
    id: UserId,
) -> Result<Option<UserChoice>, AppError> {
    let row: Option<(UserId, String)> = users::table
        .filter(users::id.eq(id))
        .filter(may_act(scope.partner_id()))
        .select((users::id, users::email))
        .first(&mut conn)
        .await
        .optional()?;
    Ok(row.map(|(id, email)| UserChoice { id, email }))
}

/// Whoever `text` names: a user by e-mail address (any case), else one of the partner's API
/// tokens by name; `None` if neither.
pub async fn actor_by_text(
    mut conn: &AsyncPgConnection,
    scope: PartnerScope,
    text: &str,
) -> Result<Option<Actor>, AppError> {
    use crate::db::schema::api_tokens;
    // Addresses are kept in lower case (the table's check).
    let user: Option<UserId> = users::table
        .filter(users::email.eq(text.to_lowercase()))
        .filter(may_act(scope.partner_id()))
        .select(users::id)
        .first(&mut conn)
        .await
        .optional()?;
    if let Some(id) = user {
        return Ok(Some(Actor::User(id)));
    }
    let token: Option<String> = api_tokens::table
        .filter(api_tokens::partner_id.eq(scope.partner_id()))
        .filter(api_tokens::name.eq(text))
        .select(api_tokens::name)
        .first(&mut conn)
        .await
        .optional()?;
    Ok(token.map(Actor::Token))
}
