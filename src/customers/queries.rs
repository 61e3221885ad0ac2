//! Customer queries. Each takes a `PartnerScope`: one partner never reads another's customers.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::forms::ValidCustomer;
use super::sorting::Sort;
use super::{Counts, Customer, search};
use crate::auth::PartnerScope;
use crate::db::schema::{customer_counts, customers};
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::CustomerId;
use crate::web::pagination::{Counted, MAX_COUNTED, Total};

/// What a search of the Customers list looks for: everything, one tenant GUID, or text in
/// the company name or domain (and, for hex digits and dashes, the start of a tenant GUID).
enum Search {
    All,
    Tenant(CustomerId),
    Text {
        text: String,
        pattern: String,
        prefix: Option<String>,
    },
}

impl Search {
    fn new(q: &str) -> Search {
        if q.is_empty() {
            return Search::All;
        }
        if let Some(id) = CustomerId::parse(q) {
            return Search::Tenant(id);
        }
        let hex = q.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        Search::Text {
            text: q.to_string(),
            pattern: crate::db::contains_pattern(q),
            prefix: hex.then(|| format!("{}%", q.to_ascii_lowercase())),
        }
    }

    /// The condition on `customers`, over the binds every list statement has: $3 the text
    /// pattern, $4 the GUID prefix, $5 the tenant GUID (each unused one bound to a blank).
    /// The name and domain are searched as one text, the expression of their trigram index
    /// (migration `customer_search_text`); chr(1) between them keeps a match from spanning both.
    fn condition(&self) -> &'static str {
        match self {
            Search::All => "",
            Search::Tenant(_) => "AND id = $5",
            Search::Text { prefix: None, .. } => {
                "AND (lower(company_name) || chr(1) || lower(primary_domain)) LIKE lower($3)"
            }
            Search::Text {
                prefix: Some(_), ..
            } => {
                "AND ((lower(company_name) || chr(1) || lower(primary_domain)) LIKE lower($3)
                      OR id::text LIKE $4)"
            }
        }
    }

    /// Whether the text is looked for off the suffixes the database keeps (`search::few`):
    /// any text but one that may also start a tenant GUID, which the GUIDs' trigram index
    /// answers along with the names'.
    fn by_suffixes(&self) -> bool {
        matches!(self, Search::Text { prefix: None, .. })
    }

    /// A text that may start a GUID is planned for its pattern: a plan cached for any pattern
    /// would either walk every customer in name order for a rare one or sort every match of a
    /// common one. Any other search's statement has one plan that suits every value: off the
    /// suffixes when they hold every match, else the list's own index in its order.
    fn statement(&self, sql: String) -> crate::db::statement::Prepared {
        match self {
            Search::Text {
                prefix: Some(_), ..
            } => crate::db::statement::planned_each_time(sql),
            _ => prepared(sql),
        }
    }

    /// The binds $3 (the text's pattern), $4 (a GUID's start), $5 (a tenant GUID) and $7 (the
    /// text itself), each unused one blank.
    fn binds(&self) -> (&str, &str, CustomerId, &str) {
        match self {
            Search::All => ("", "", CustomerId::nil(), ""),
            Search::Tenant(id) => ("", "", *id, ""),
            Search::Text {
                text,
                pattern,
                prefix,
            } => (
                pattern,
                prefix.as_deref().unwrap_or(""),
                CustomerId::nil(),
                text,
            ),
        }
    }
}

/// Whether the list's statements for the search `q` have one plan that suits every value (the
/// pool that keeps plans may run them).
pub fn suits_one_plan(q: &str) -> bool {
    !matches!(
        Search::new(q),
        Search::Text {
            prefix: Some(_),
            ..
        }
    )
}

/// How many customers the list shows: the partner's count, kept by the database, or the
/// matches of a search counted up to `MAX_COUNTED` (a search matching most customers would
/// otherwise read them all).
pub async fn total(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    q: &str,
) -> Result<Total, AppError> {
    use diesel::sql_types::{BigInt, Uuid as SqlUuid};
    let search = Search::new(q);
    if let Search::All = search {
        let kept: i32 = crate::db::schema::partners::table
            .find(scope.partner_id())
            .select(crate::db::schema::partners::customer_count)
            .first(&mut conn)
            .await?;
        return Ok(Total::Exactly(i64::from(kept)));
    }
    let (pattern, prefix, id, text) = search.binds();
    let counted: Counted = search
        .statement(count_sql(&search))
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<BigInt, _>(MAX_COUNTED + 1)
        .bind::<Text, _>(pattern)
        .bind::<Text, _>(prefix)
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(CustomerId::nil())
        .bind::<Text, _>(text)
        .get_result(&mut conn)
        .await?;
    Ok(counted.into())
}

/// The count's statement. A text found off the suffixes counts the customers they name when
/// they are every match (at most `MOST_SUFFIXES`, so at most `MAX_COUNTED`; see
/// `search::few_matches`), and otherwise the matches up to the bound `$2`; only the branch
/// that applies runs.
fn count_sql(search: &Search) -> String {
    if !search.by_suffixes() {
        return format!(
            "SELECT count(*) AS n FROM (SELECT 1 FROM customers
              WHERE partner_id = $1 {} LIMIT $2) matched",
            search.condition()
        );
    }
    let contains = search::contains("$7");
    format!(
        "WITH {}
         SELECT CASE WHEN {} THEN {}
                     ELSE (SELECT count(*) FROM (SELECT 1 FROM customers
                            WHERE partner_id = $1 AND {contains} LIMIT $2) matched)
                END AS n",
        search::few("$1", "$7"),
        search::not_too_many(),
        search::few_matches("$7"),
    )
}

/// A page of the list and, when it has rows, the partner's count of customers kept by the
/// database (read in the same statement: a second one cost a sixth of the page's speed).
pub struct Page {
    pub rows: Vec<Customer>,
    pub partner_total: Option<i64>,
}

#[derive(QueryableByName)]
struct Listed {
    #[diesel(embed)]
    customer: Customer,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    partner_total: i32,
}

/// A page of the list in `sort`'s order, continuing after customer `after` (the last one
/// shown): the rows come off the (partner, lower(name), id) or (partner, domain, id) index,
/// forwards or backwards, starting at that customer, so a later page costs what the first does. A cursor that is not one of the partner's customers
/// continues from nowhere: the page is empty. The limit is written into the statement (`$2`,
/// the count's bound, is unused here): with `LIMIT $n` PostgreSQL planned the list again on
/// every view, as if a tenth of the table were wanted; the index gives the order for any
/// partner, so the plan it keeps is the same walk for a small partner or a large one.
pub async fn page(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    (q, sort): (&str, Sort),
    after: Option<CustomerId>,
    limit: i64,
) -> Result<Page, AppError> {
    use diesel::sql_types::{BigInt, Uuid as SqlUuid};
    let search = Search::new(q);
    let (key, (dir, cmp)) = (sort.key(""), sort.direction());
    let keyset = match after {
        Some(_) => format!(
            "AND ({key}, id) {cmp} (SELECT {}, c.id FROM customers c
                                     WHERE c.id = $6 AND c.partner_id = $1)",
            sort.key("c.")
        ),
        None => String::new(),
    };
    let (pattern, prefix, id, text) = search.binds();
    let order = format!("ORDER BY {key} {dir}, id {dir} LIMIT {limit}");
    let listed: Vec<Listed> = search
        .statement(page_sql(&search, &keyset, &order))
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<BigInt, _>(limit)
        .bind::<Text, _>(pattern)
        .bind::<Text, _>(prefix)
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(after.unwrap_or_else(CustomerId::nil))
        .bind::<Text, _>(text)
        .load(&mut conn)
        .await?;
    let partner_total = <[Listed]>::first(&listed).map(|l| i64::from(l.partner_total));
    Ok(Page {
        rows: listed.into_iter().map(|l| l.customer).collect(),
        partner_total,
    })
}

const COLUMNS: &str = "id, partner_id, company_name, primary_domain, market, currency, \
                       created_at";

/// The page's statement, past the cursor's condition `keyset`, in `order` (with its limit).
/// A text found off the suffixes has two branches, of which only one runs: the customers the
/// suffixes name, when they are every match (a text in few names: a few rows by their key,
/// sorted), or else the list's own index walked in its order, each customer checked, up to the
/// page's end (a text in many names finds a page soon).
fn page_sql(search: &Search, keyset: &str, order: &str) -> String {
    let total = "(SELECT p.customer_count FROM partners p WHERE p.id = $1) AS partner_total";
    if !search.by_suffixes() {
        return format!(
            "SELECT {COLUMNS}, {total} FROM customers
              WHERE partner_id = $1 {} {keyset} {order}",
            search.condition()
        );
    }
    let contains = search::contains("$7");
    format!(
        "WITH {}
         SELECT {COLUMNS}, {total} FROM (
             (SELECT {COLUMNS} FROM customers
               WHERE id = ANY ({}) AND partner_id = $1 AND {contains} {keyset} AND {}
               {order})
             UNION ALL
             (SELECT {COLUMNS} FROM customers
               WHERE partner_id = $1 AND {contains} {keyset} AND {}
               {order})
         ) found {order}",
        search::few("$1", "$7"),
        search::FEW_CUSTOMERS,
        search::not_too_many(),
        search::too_many(),
    )
}

/// `None` both when the customer does not exist and when it belongs to another partner.
pub async fn find(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    id: CustomerId,
) -> Result<Option<Customer>, AppError> {
    Ok(customers::table
        .filter(customers::partner_id.eq(scope.partner_id()))
        .filter(customers::id.eq(id))
        .select(Customer::as_select())
        .first(&mut conn)
        .await
        .optional()?)
}

/// The customer a customer scope stands for (a customer user's own tenant).
pub async fn own(
    mut conn: &AsyncPgConnection,
    scope: crate::auth::CustomerScope,
) -> Result<Customer, AppError> {
    Ok(customers::table
        .filter(customers::id.eq(scope.customer_id()))
        .select(Customer::as_select())
        .first(&mut conn)
        .await?)
}

/// The customer's kept counts, for a page whose own statement found no rows to bring them
/// (see `claim`): added up from its slots.
pub async fn counts(mut conn: &AsyncPgConnection, id: CustomerId) -> Result<Counts, AppError> {
    use diesel::dsl::sum;
    let (orders, software_lines): (Option<i64>, Option<i64>) = customer_counts::table
        .filter(customer_counts::customer_id.eq(id))
        .select((
            sum(customer_counts::order_count),
            sum(customer_counts::software_lines),
        ))
        .first(&mut conn)
        .await?;
    let count = |n: Option<i64>| i32::try_from(n.unwrap_or(0)).map_err(AppError::internal);
    Ok(Counts {
        orders: count(orders)?,
        software_lines: count(software_lines)?,
    })
}

pub async fn find_by_domain(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    domain: &str,
) -> Result<Option<Customer>, AppError> {
    Ok(customers::table
        .filter(customers::partner_id.eq(scope.partner_id()))
        .filter(customers::primary_domain.eq(domain))
        .select(Customer::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// The customer named by a tenant GUID in a URL; 404 when malformed, unknown or another
/// partner's.
pub async fn find_or_404(
    conn: &AsyncPgConnection,
    scope: &PartnerScope,
    tenant: &str,
) -> Result<Customer, AppError> {
    let id = CustomerId::parse(tenant).ok_or(AppError::NotFound)?;
    find(conn, scope, id).await?.ok_or(AppError::NotFound)
}

pub enum InsertOutcome {
    Created(Customer),
    DomainTaken,
}

/// Who adds a customer, as the activity log names them.
pub struct AddedBy<'a> {
    /// The signed-in user; `None` for an API token.
    pub user_id: Option<crate::ids::UserId>,
    /// A user's e-mail, or an API token's name.
    pub actor: &'a str,
}

/// Adds the customer and its record on the activity log, in one transaction the caller opened
/// (the dashboard's `add`, or the API's request). A domain already taken adds nothing: the
/// unique index decides, so two people adding the same domain at once cannot both win.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    new: &ValidCustomer,
    now: DateTime<Utc>,
    by: &AddedBy<'_>,
) -> Result<InsertOutcome, AppError> {
    let added: Option<Customer> = diesel::insert_into(customers::table)
        .values((
            customers::id.eq(CustomerId::random()),
            customers::partner_id.eq(scope.partner_id()),
            customers::company_name.eq(&new.company_name),
            customers::primary_domain.eq(&new.primary_domain),
            customers::market.eq(&new.market),
            customers::currency.eq(new.currency),
            customers::created_at.eq(now),
        ))
        .on_conflict(customers::primary_domain)
        .do_nothing()
        .returning(Customer::as_returning())
        .get_result(conn)
        .await
        .optional()?;
    let Some(customer) = added else {
        return Ok(InsertOutcome::DomainTaken);
    };
    let entry = crate::activity::Entry {
        partner_id: Some(scope.partner_id()),
        at: now,
        actor_user_id: by.user_id,
        actor: by.actor,
        operation: crate::activity::Operation::CustomerAdded,
        customer_id: Some(customer.id),
        order_id: None,
        product_id: None,
        details: serde_json::json!({
            "company": customer.company_name,
            "domain": customer.primary_domain,
            "market": customer.market,
            "currency": customer.currency,
        }),
    };
    crate::activity::record(conn, entry).await?;
    Ok(InsertOutcome::Created(customer))
}

/// `insert` in a transaction of its own: the dashboard's "Add customer".
pub async fn add(
    conn: &mut AsyncPgConnection,
    scope: &PartnerScope,
    new: &ValidCustomer,
    now: DateTime<Utc>,
    by: &AddedBy<'_>,
) -> Result<InsertOutcome, AppError> {
    use diesel_async::AsyncConnection;
    conn.transaction::<_, AppError, _>(async |conn| insert(conn, scope, new, now, by).await)
        .await
}
