//! `/v1/customers/{id}/orders`: a customer's orders as the original's API shows them, a
//! keyset page at a time, each with its line items. Writes are in `order_writes`.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use diesel::QueryableByName;
use diesel::pg::Pg;
use diesel::row::NamedRow;
use diesel::sql_types::{Array, BigInt, Timestamptz, Uuid as SqlUuid};
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use utoipa::ToSchema;

use super::customers::{customer_of, tenant_id};
use super::products::offer_id;
use super::shapes::{self, Attributes, Collection, Link, SelfLinks};
use super::{Api, ApiError};
use crate::auth::{PartnerScope, perm};
use crate::billing::export::plain_amount;
use crate::catalog::LicenceKind;
use crate::db::columns::at;
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::{CustomerId, OrderId};
use crate::money::Currency;
use crate::orders::OrderStatus;
use crate::web::AppState;
use crate::web::cursor::Cursor;
use crate::web::pagination::cut_page;

/// What a line costs, as the dashboard shows it.
#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Pricing {
    /// The list price of one, as a decimal string.
    pub unit_price: String,
    /// Unit price × quantity bought, before any cancellation.
    pub amount: String,
    /// `excluded`, or `included` with `taxRate` (Australia, Brazil).
    pub tax_treatment: &'static str,
    /// The tax rate included in the price, in percent, as a decimal string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<String>,
    /// What cancelling the line credited, as a decimal string.
    pub credited: String,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LineItem {
    pub line_item_number: i32,
    pub offer_id: String,
    pub friendly_name: String,
    /// 0 once the line is cancelled.
    pub quantity: i32,
    /// `P1Y`, `P3Y` (or `P{n}M`) for a subscription; absent for a perpetual licence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    pub pricing: Pricing,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiOrder {
    #[schema(value_type = String, format = Uuid)]
    pub id: OrderId,
    #[schema(value_type = String, format = Uuid)]
    pub reference_customer_id: CustomerId,
    pub line_items: Vec<LineItem>,
    pub currency_code: &'static str,
    #[serde(serialize_with = "super::dates::iso")]
    pub creation_date: DateTime<Utc>,
    /// `completed`, or `cancelled` once every line is.
    pub status: &'static str,
    pub links: SelfLinks,
    pub attributes: Attributes,
}

#[derive(QueryableByName, Debug)]
pub struct OrderRow {
    #[diesel(sql_type = SqlUuid)]
    pub id: OrderId,
    #[diesel(sql_type = Timestamptz)]
    pub placed_at: DateTime<Utc>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub status: OrderStatus,
    #[diesel(sql_type = diesel::sql_types::Bpchar)]
    pub currency: Currency,
}

#[derive(QueryableByName, Debug)]
pub struct LineRow {
    #[diesel(sql_type = SqlUuid)]
    pub order_id: OrderId,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub line_number: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub sku: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub product_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub licence_kind: LicenceKind,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Integer>)]
    pub term_months: Option<i32>,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub quantity: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub quantity_cancelled: i32,
    #[diesel(sql_type = BigInt)]
    pub unit_price_minor: i64,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub tax_included: bool,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub tax_rate_bp: i32,
    #[diesel(sql_type = BigInt)]
    pub credited_minor: i64,
}

/// A term as ISO 8601: `P1Y`, `P3Y`, `P{n}M`; none for a perpetual licence.
pub fn term_duration(kind: LicenceKind, months: Option<i32>) -> Option<String> {
    match (kind, months) {
        (LicenceKind::Perpetual, _) | (_, None) => None,
        (_, Some(m)) if m > 0 && m % 12 == 0 => Some(format!("P{}Y", m / 12)),
        (_, Some(m)) => Some(format!("P{m}M")),
    }
}

fn line_item(l: LineRow, currency: Currency) -> LineItem {
    let amount = crate::orders::pricing::line_amount(l.unit_price_minor, l.quantity);
    LineItem {
        line_item_number: l.line_number,
        offer_id: offer_id(&l.sku),
        friendly_name: l.product_name,
        quantity: l.quantity - l.quantity_cancelled,
        term_duration: term_duration(l.licence_kind, l.term_months),
        pricing: Pricing {
            unit_price: plain_amount(l.unit_price_minor, currency),
            amount: plain_amount(amount, currency),
            tax_treatment: if l.tax_included {
                "included"
            } else {
                "excluded"
            },
            tax_rate: l
                .tax_included
                .then(|| crate::catalog::rules::rate_percent(l.tax_rate_bp)),
            credited: plain_amount(l.credited_minor, currency),
        },
    }
}

/// Orders with their lines (`lines` in any order) as the API shows them.
pub fn assemble(customer: CustomerId, orders: Vec<(OrderRow, Vec<LineRow>)>) -> Vec<ApiOrder> {
    orders
        .into_iter()
        .map(|(o, mut lines)| {
            lines.sort_by_key(|l| l.line_number);
            ApiOrder {
                id: o.id,
                reference_customer_id: customer,
                line_items: lines
                    .into_iter()
                    .map(|l| line_item(l, o.currency))
                    .collect(),
                currency_code: o.currency.code(),
                creation_date: o.placed_at,
                status: match o.status {
                    OrderStatus::Cancelled => "cancelled",
                    OrderStatus::Completed | OrderStatus::PartlyCancelled => "completed",
                },
                links: SelfLinks {
                    this: Link::get(format!("/customers/{customer}/orders/{}", o.id)),
                },
                attributes: Attributes::of("Order"),
            }
        })
        .collect()
}

/// About what an order of a line or two takes in JSON: a page's buffer is sized by it.
const PER_ITEM: usize = 768;

const ORDER_COLUMNS: &str = "o.id, o.placed_at, o.status, o.currency";

/// A row of a page of orders: one line, with what its order shows (each line carries its
/// order's time and currency). Read by position, in the order of `page`'s select list.
#[derive(Debug)]
struct PagedLine {
    placed_at: DateTime<Utc>,
    currency: Currency,
    line: LineRow,
}

impl QueryableByName<Pg> for PagedLine {
    fn build<'a>(row: &impl NamedRow<'a, Pg>) -> diesel::deserialize::Result<Self> {
        use diesel::sql_types::{Bool, Bpchar, Integer, Nullable, Text};
        Ok(PagedLine {
            placed_at: at::<Timestamptz, _>(row, 0)?,
            currency: at::<Bpchar, _>(row, 1)?,
            line: LineRow {
                order_id: at::<SqlUuid, _>(row, 2)?,
                line_number: at::<Integer, _>(row, 3)?,
                sku: at::<Text, _>(row, 4)?,
                product_name: at::<Text, _>(row, 5)?,
                licence_kind: at::<Text, _>(row, 6)?,
                term_months: at::<Nullable<Integer>, _>(row, 7)?,
                quantity: at::<Integer, _>(row, 8)?,
                quantity_cancelled: at::<Integer, _>(row, 9)?,
                unit_price_minor: at::<BigInt, _>(row, 10)?,
                tax_included: at::<Bool, _>(row, 11)?,
                tax_rate_bp: at::<Integer, _>(row, 12)?,
                credited_minor: at::<BigInt, _>(row, 13)?,
            },
        })
    }
}

/// An order is cancelled once every one of its lines is (as the database closes it).
pub fn status_of(lines: &[LineRow]) -> OrderStatus {
    match lines.iter().all(|l| l.quantity_cancelled >= l.quantity) {
        true => OrderStatus::Cancelled,
        false => OrderStatus::Completed,
    }
}

/// Lines of consecutive orders, in the list's order, grouped into their orders.
fn group(rows: Vec<PagedLine>) -> Vec<(OrderRow, Vec<LineRow>)> {
    let mut runs: Vec<(PagedLine, Vec<LineRow>)> = Vec::new();
    for row in rows {
        match runs.last_mut() {
            Some((first, lines)) if first.line.order_id == row.line.order_id => {
                lines.push(row.line)
            }
            _ => runs.push((row, Vec::new())),
        }
    }
    runs.into_iter()
        .map(|(first, rest)| {
            let order = (first.line.order_id, first.placed_at, first.currency);
            let lines: Vec<LineRow> = std::iter::once(first.line).chain(rest).collect();
            let row = OrderRow {
                id: order.0,
                placed_at: order.1,
                status: status_of(&lines),
                currency: order.2,
            };
            (row, lines)
        })
        .collect()
}

/// A page of the customer's orders (`limit` of them), newest first, with their lines: the
/// lines from the newest order to the page's last, as one range of the customer's lines in
/// time order, the last order found on the (customer_id, placed_at, id) index. One
/// statement, so it goes with the token's and the customer's checks.
async fn page(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    customer: CustomerId,
    after: Option<&Cursor>,
    limit: i64,
) -> Result<Vec<(OrderRow, Vec<LineRow>)>, AppError> {
    // With fewer orders than the page holds, the range runs to the customer's first line.
    let lines = |after_o: &str, after_l: &str| {
        format!(
            "SELECT l.placed_at, l.currency, l.order_id, l.line_number, l.sku,
                    l.product_name, l.licence_kind, l.term_months, l.quantity,
                    l.quantity_cancelled, l.unit_price_minor, l.tax_included, l.tax_rate_bp,
                    l.credited_minor
               FROM order_lines l
              WHERE l.customer_id = $1 AND l.partner_id = $2 {after_l}
                AND (l.placed_at, l.order_id) >= (
                    SELECT COALESCE(last.placed_at, '-infinity'),
                           COALESCE(last.id, '00000000-0000-0000-0000-000000000000')
                      FROM (SELECT) one LEFT JOIN LATERAL (
                           SELECT o.placed_at, o.id FROM orders o
                            WHERE o.customer_id = $1 AND o.partner_id = $2 {after_o}
                            ORDER BY o.placed_at DESC, o.id DESC
                           OFFSET $3 - 1 LIMIT 1) last ON true)
              ORDER BY l.placed_at DESC, l.order_id DESC, l.line_number"
        )
    };
    let first = prepared(lines("", ""))
        .bind::<SqlUuid, _>(customer)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<BigInt, _>(limit);
    let rows: Vec<PagedLine> = match after {
        None => diesel_async::RunQueryDsl::load(first, &mut conn).await?,
        Some(c) => {
            let next = prepared(lines(
                "AND (o.placed_at, o.id) < ($4, $5)",
                "AND (l.placed_at, l.order_id) < ($4, $5)",
            ))
            .bind::<SqlUuid, _>(customer)
            .bind::<SqlUuid, _>(scope.partner_id())
            .bind::<BigInt, _>(limit)
            .bind::<Timestamptz, _>(c.at)
            .bind::<SqlUuid, _>(c.id);
            diesel_async::RunQueryDsl::load(next, &mut conn).await?
        }
    };
    Ok(group(rows))
}

/// One order of the customer, if it is theirs.
pub async fn one_order(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    customer: CustomerId,
    order: OrderId,
) -> Result<Option<OrderRow>, AppError> {
    let query = prepared(format!(
        "SELECT {ORDER_COLUMNS} FROM orders o
          WHERE o.id = $1 AND o.customer_id = $2 AND o.partner_id = $3"
    ))
    .bind::<SqlUuid, _>(order)
    .bind::<SqlUuid, _>(customer)
    .bind::<SqlUuid, _>(scope.partner_id());
    use diesel::OptionalExtension;
    Ok(diesel_async::RunQueryDsl::get_result(query, &mut conn)
        .await
        .optional()?)
}

/// The lines of `orders` (of this partner).
pub async fn lines_of(
    mut conn: &AsyncPgConnection,
    scope: &PartnerScope,
    orders: &[OrderId],
) -> Result<Vec<LineRow>, AppError> {
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    let query = prepared(
        "SELECT l.order_id, l.line_number, l.sku, l.product_name, l.licence_kind,
                l.term_months, l.quantity, l.quantity_cancelled, l.unit_price_minor,
                l.tax_included, l.tax_rate_bp, l.credited_minor
           FROM order_lines l
          WHERE l.order_id = ANY($1) AND l.partner_id = $2",
    )
    .bind::<Array<SqlUuid>, _>(orders.to_vec())
    .bind::<SqlUuid, _>(scope.partner_id());
    Ok(diesel_async::RunQueryDsl::load(query, &mut conn).await?)
}

/// A customer's orders, newest first.
#[utoipa::path(
    get,
    path = "/v1/customers/{tenant}/orders",
    tag = "Orders",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        shapes::ListQuery,
        ("MS-ContinuationToken" = Option<String>, Header,
         description = "With seekOperation=Next: the value from the previous page's next link"),
    ),
    responses(
        (status = 200, description = "A page of orders", body = Collection<ApiOrder>),
        (status = 400, description = "A bad id, size, seekOperation or continuation", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer of this partner (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["orders:read"])),
)]
pub async fn list(
    api: Api<perm::OrdersRead>,
    state: web::Data<AppState>,
    req: HttpRequest,
    tenant: web::Path<String>,
    query: web::Query<shapes::ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let size = shapes::size(query.size.as_deref(), lang)?;
    let after = shapes::continuation(&req, query.seek_operation.as_deref(), lang, Cursor::decode)?;
    let tenant = tenant_id(&tenant, lang)?;
    let conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let scope = &api.caller.partner;
    let limit = shapes::bound_limit(size);
    // The page's lines are the partner's lines of this customer, so a page with any shows
    // the customer is the partner's; only an empty page looks the customer up, to tell a
    // customer without orders from one that is not there.
    let reads = async {
        page(&conn, scope, tenant, after.as_ref(), limit)
            .await
            .map_err(app)
    };
    let mut orders = api.read(&conn, reads).await?;
    if orders.is_empty() {
        let found = crate::customers::queries::find(&conn, scope, tenant);
        found
            .await
            .map_err(app)?
            .ok_or_else(|| ApiError::not_found(lang))?;
    }
    drop(conn);
    let next = cut_page(&mut orders, size, |(o, _)| {
        Cursor {
            at: o.placed_at,
            id: o.id.0,
            line: None,
        }
        .encode()
    });
    let items = assemble(tenant, orders);
    let uri = format!("/customers/{tenant}/orders?size={size}");
    Ok(Collection::page(items, uri, next).respond_written(PER_ITEM, super::list_json::push_order))
}

/// One order of a customer.
#[utoipa::path(
    get,
    path = "/v1/customers/{tenant}/orders/{order}",
    tag = "Orders",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        ("order" = String, Path, description = "The order's id"),
    ),
    responses(
        (status = 200, description = "The order", body = ApiOrder),
        (status = 400, description = "Not a tenant id (900118)", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer or order (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["orders:read"])),
)]
pub async fn one(
    api: Api<perm::OrdersRead>,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (tenant, order) = path.into_inner();
    let order = read_order(&state, &api, &tenant, &order).await?;
    Ok(HttpResponse::Ok().json(order))
}

/// The order `order` of customer `tenant` as the API shows it; 404 if it is not theirs.
pub async fn read_order<P: crate::auth::policy::Permission>(
    state: &AppState,
    api: &Api<P>,
    tenant: &str,
    order: &str,
) -> Result<ApiOrder, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let customer = customer_of(state, api, tenant).await?;
    let order = OrderId::parse(order).ok_or_else(|| ApiError::not_found(lang))?;
    let conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let scope = &api.caller.partner;
    let row = one_order(&conn, scope, customer.id, order)
        .await
        .map_err(app)?
        .ok_or_else(|| ApiError::not_found(lang))?;
    let lines = lines_of(&conn, scope, &[row.id]).await.map_err(app)?;
    let mut orders = assemble(customer.id, vec![(row, lines)]);
    orders.pop().ok_or_else(|| ApiError::not_found(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_iso_durations_and_perpetual_licences_have_none() {
        assert_eq!(
            term_duration(LicenceKind::Subscription, Some(12)).as_deref(),
            Some("P1Y")
        );
        assert_eq!(
            term_duration(LicenceKind::Subscription, Some(36)).as_deref(),
            Some("P3Y")
        );
        assert_eq!(
            term_duration(LicenceKind::Subscription, Some(1)).as_deref(),
            Some("P1M")
        );
        assert_eq!(term_duration(LicenceKind::Perpetual, None), None);
    }
}
