//! `GET /v1/auditrecords`: the partner's activity log as the original's audit records, newest
//! first, a keyset page at a time, for a date range and one optional filter.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::audit_rules::{self, AuditFilter};
use super::shapes::{self, Attributes, Collection};
use super::{Api, ApiError};
use crate::activity::Operation;
use crate::activity::filter::{Cursor, MAX_DAYS};
use crate::auth::{PartnerScope, perm};
use crate::customers::queries;
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{CustomerId, PartnerId};
use crate::web::AppState;
use crate::web::pagination::cut_page;

/// A company-name filter may name at most this many customers: each is read by its own
/// index, so a page reads at most this many pages' worth of records.
const MOST_CUSTOMERS: i64 = 20;

/// An audit record (`attributes.objectType` "AuditRecord").
#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub id: String,
    #[schema(value_type = String, format = Uuid)]
    pub partner_id: PartnerId,
    #[schema(value_type = Option<String>, format = Uuid)]
    pub customer_id: Option<CustomerId>,
    pub customer_name: Option<String>,
    /// Who: a user's e-mail, an API token's name, or "download link".
    pub user_principal_name: String,
    pub resource_type: &'static str,
    pub operation_type: &'static str,
    #[serde(serialize_with = "super::dates::iso")]
    pub operation_date: DateTime<Utc>,
    /// Always "succeeded": only what happened is recorded.
    pub operation_status: &'static str,
    pub attributes: Attributes,
}

#[derive(Deserialize, Debug, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// First day (UTC), yyyy-mm-dd.
    pub start_date: Option<String>,
    /// Last day (UTC), yyyy-mm-dd; today without it. At most 366 days from the first.
    pub end_date: Option<String>,
    /// The original's filter JSON: `{"Field": "CustomerId" | "CompanyName" | "ResourceType",
    /// "Value": ..., "Operator": "equals" | "substring"}`.
    pub filter: Option<String>,
    /// Records per page, 1 to 500 (100 without it).
    #[param(value_type = Option<i64>)]
    pub size: Option<String>,
    /// `Next` to continue after the `MS-ContinuationToken` header's record.
    pub seek_operation: Option<String>,
}

#[derive(diesel::QueryableByName)]
struct Row {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    actor: String,
    #[diesel(sql_type = Text)]
    operation: Operation,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    customer_id: Option<CustomerId>,
    #[diesel(sql_type = Nullable<Text>)]
    customer_name: Option<String>,
}

/// What a page reads: the range, the operations, and the customers (any when `None`).
struct Selection {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    operations: Vec<&'static str>,
    customers: Option<Vec<CustomerId>>,
}

fn day(text: Option<&str>, lang: Lang, key: &'static str) -> Result<Option<NaiveDate>, ApiError> {
    match text {
        None => Ok(None),
        Some(t) => NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ApiError::bad_request(lang, key, &[])),
    }
}

/// The range as instants: from the start of the first day to the end of the last (UTC).
fn range(
    q: &AuditQuery,
    today: NaiveDate,
    lang: Lang,
) -> Result<(DateTime<Utc>, DateTime<Utc>), ApiError> {
    let start = day(q.start_date.as_deref(), lang, "api-error-audit-start")?
        .ok_or_else(|| ApiError::bad_request(lang, "api-error-audit-start", &[]))?;
    let end = day(q.end_date.as_deref(), lang, "api-error-audit-end")?.unwrap_or(today);
    if end < start || (end - start).num_days() >= MAX_DAYS {
        return Err(ApiError::bad_request(
            lang,
            "api-error-audit-range",
            &[("days", MAX_DAYS.to_string())],
        ));
    }
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    match (midnight(start), end.succ_opt().and_then(midnight)) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(ApiError::bad_request(
            lang,
            "api-error-audit-range",
            &[("days", MAX_DAYS.to_string())],
        )),
    }
}

/// The partner's customers whose company name contains `text`; 400 if more than a page
/// could read one by one.
async fn named(
    conn: &AsyncPgConnection,
    scope: PartnerScope,
    text: &str,
    lang: Lang,
) -> Result<Vec<CustomerId>, ApiError> {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = SqlUuid)]
        id: CustomerId,
    }
    // The search text's trigram index narrows; the second condition keeps the name alone.
    let found: Vec<Id> = crate::db::statement::planned_each_time(format!(
        "SELECT id FROM customers
          WHERE partner_id = $1
            AND (lower(company_name) || chr(1) || lower(primary_domain)) LIKE lower($2)
            AND lower(company_name) LIKE lower($2)
          LIMIT {}",
        MOST_CUSTOMERS + 1
    ))
    .bind::<SqlUuid, _>(scope.partner_id())
    .bind::<Text, _>(crate::db::contains_pattern(text))
    .load(&mut &*conn)
    .await
    .map_err(|e| ApiError::from_app(e.into(), lang))?;
    if found.len() as i64 > MOST_CUSTOMERS {
        return Err(ApiError::bad_request(
            lang,
            "api-error-audit-too-many",
            &[("most", MOST_CUSTOMERS.to_string())],
        ));
    }
    Ok(found.into_iter().map(|i| i.id).collect())
}

/// Up to `limit` records, newest first, older than `after`. Without customers the rows come
/// off the (partner, at, id) index, or for some operations each operation's off the
/// (partner, operation, at, id) index; with customers, each customer's off its own
/// (customer, at, id) index; at most `limit` each, merged.
async fn records(
    conn: &AsyncPgConnection,
    scope: PartnerScope,
    sel: &Selection,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<Row>, AppError> {
    const COLUMNS: &str = "a.id, a.at, a.actor, a.operation, a.customer_id, a.customer_name";
    // No `operation = ANY($4)` here: with every operation it let one plan (the connection's
    // generic one) walk the (partner, operation, at) index through the whole range and sort.
    const CONDITIONS: &str = "a.partner_id = $1 AND a.at >= $2 AND a.at < $3
        AND a.at <= $5 AND (a.at < $5 OR a.id < $6)";
    // Without a cursor: just before the end of the range.
    let (at, id) = after.map_or((sel.end, i64::MAX), |c| (c.at, c.id));
    let every_operation = sel.operations.len() == Operation::ALL.len();
    let some_operations = if every_operation {
        ""
    } else {
        " AND a.operation = ANY($4)"
    };
    let sql = match &sel.customers {
        None if every_operation => format!(
            "SELECT {COLUMNS} FROM activity a WHERE {CONDITIONS}
              ORDER BY a.at DESC, a.id DESC LIMIT {limit}"
        ),
        // Some operations only (a resource type): each off the (partner, operation, at, id)
        // index, at most `limit` each, merged; a rare one would otherwise have the page walk
        // the partner's whole range.
        None => format!(
            "SELECT x.* FROM unnest($4::text[]) AS o(op) CROSS JOIN LATERAL (
                 SELECT {COLUMNS} FROM activity a WHERE a.operation = o.op AND {CONDITIONS}
                  ORDER BY a.at DESC, a.id DESC LIMIT {limit}) x
              ORDER BY x.at DESC, x.id DESC LIMIT {limit}"
        ),
        Some(_) => format!(
            "SELECT x.* FROM unnest($7::uuid[]) AS c(id) CROSS JOIN LATERAL (
                 SELECT {COLUMNS} FROM activity a
                  WHERE a.customer_id = c.id AND {CONDITIONS}{some_operations}
                  ORDER BY a.at DESC, a.id DESC LIMIT {limit}) x
              ORDER BY x.at DESC, x.id DESC LIMIT {limit}"
        ),
    };
    let query = prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<Timestamptz, _>(sel.start)
        .bind::<Timestamptz, _>(sel.end)
        .bind::<Array<Text>, _>(sel.operations.clone())
        .bind::<Timestamptz, _>(at)
        .bind::<BigInt, _>(id);
    Ok(match &sel.customers {
        None => query.load(&mut &*conn).await?,
        Some(ids) => {
            query
                .bind::<Array<SqlUuid>, _>(ids.clone())
                .load(&mut &*conn)
                .await?
        }
    })
}

fn record(row: Row, partner: PartnerId) -> AuditRecord {
    let (resource_type, operation_type) = audit_rules::names(row.operation);
    AuditRecord {
        id: row.id.to_string(),
        partner_id: partner,
        customer_id: row.customer_id,
        customer_name: row.customer_name,
        user_principal_name: row.actor,
        resource_type,
        operation_type,
        operation_date: row.at,
        operation_status: "succeeded",
        attributes: Attributes::of("AuditRecord"),
    }
}

/// The partner's audit records in a date range, newest first.
#[utoipa::path(
    get,
    path = "/v1/auditrecords",
    tag = "Audit records",
    params(
        AuditQuery,
        ("MS-ContinuationToken" = Option<String>, Header,
         description = "With seekOperation=Next: the value from the previous page's next link"),
    ),
    responses(
        (status = 200, description = "A page of audit records", body = Collection<AuditRecord>),
        (status = 400, description = "A bad date, range, filter, size or continuation", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 429, description = "Over the token's rate limit", body = super::error::Envelope),
    ),
    security(("token" = ["audit:read"])),
)]
pub async fn list(
    api: Api<perm::ActivityLogRead>,
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let caller = &api.caller;
    let lang = caller.lang;
    let q = query.into_inner();
    let (start, end) = range(&q, state.clock.now().date_naive(), lang)?;
    let size = shapes::size(q.size.as_deref(), lang)?;
    let after = shapes::continuation(&req, q.seek_operation.as_deref(), lang, Cursor::decode)?;
    let filter = match q.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => None,
        Some(text) => Some(
            audit_rules::parse_filter(text).map_err(|key| ApiError::bad_request(lang, key, &[]))?,
        ),
    };
    // As the activity log's: reading the partner's (or a customer's) newest records through
    // their time index suits one plan; a resource type's operations or a name's customers
    // need plans of their own.
    let pool = match filter {
        None | Some(AuditFilter::Customer(_)) => &state.steady,
        Some(_) => &state.pool,
    };
    let conn = pool
        .get()
        .await
        .map_err(|e| ApiError::from_app(e.into(), lang))?;
    let scope = caller.partner;
    let limit = shapes::fetch_limit(size);
    let app = |e: AppError| ApiError::from_app(e, lang);
    let reads = async {
        let (operations, customers) = match &filter {
            None => (Operation::ALL.to_vec(), None),
            Some(AuditFilter::ResourceType(ops)) => (ops.clone(), None),
            Some(AuditFilter::Customer(id)) => (Operation::ALL.to_vec(), Some(vec![*id])),
            Some(AuditFilter::CompanyName(text)) => (
                Operation::ALL.to_vec(),
                Some(named(&conn, scope, text, lang).await?),
            ),
        };
        let sel = Selection {
            start,
            end,
            operations: operations.iter().map(|o| o.code()).collect(),
            customers,
        };
        let page = async { records(&conn, scope, &sel, after, limit).await.map_err(app) };
        // Another partner's customer is not found, as everywhere; checked alongside the page.
        let Some(AuditFilter::Customer(id)) = &filter else {
            return page.await;
        };
        let theirs = async { queries::find(&conn, &scope, *id).await.map_err(app) };
        let (found, rows) = futures_util::try_join!(theirs, page)?;
        found.ok_or_else(|| ApiError::not_found(lang))?;
        Ok(rows)
    };
    let mut rows = api.read(&conn, reads).await?;
    drop(conn);
    let next = cut_page(&mut rows, size, |r| Cursor { at: r.at, id: r.id }.encode());
    let partner = scope.partner_id();
    let items = rows.into_iter().map(|r| record(r, partner)).collect();
    let last_day = (end - chrono::Duration::days(1)).date_naive().to_string();
    let mut params = vec![
        ("startDate", start.date_naive().to_string()),
        ("endDate", last_day),
        ("size", size.to_string()),
    ];
    if let Some(f) = q.filter {
        params.push(("filter", f));
    }
    let query = serde_urlencoded::to_string(&params)
        .map_err(|e| ApiError::from_app(AppError::internal(e), lang))?;
    let uri = format!("/auditrecords?{query}");
    Ok(HttpResponse::Ok().json(Collection::page(items, uri, next)))
}
