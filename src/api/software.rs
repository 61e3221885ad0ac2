//! A customer's software through the API (scope `software:keys`): the purchases with their
//! downloadable variants, a purchase's key, and a download link, each by the dashboard's
//! rules (a cancelled purchase has neither key nor links) and on the activity log as the
//! dashboard's are, done by the token.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use serde::Serialize;
use serde_json::json;
use serde_json::value::RawValue;
use utoipa::ToSchema;

use super::customers::customer_of;
use super::orders::term_duration;
use super::shapes::{self, Attributes, Collection, Link, SelfLinks};
use super::variants::Written;
use super::{Api, ApiError, Caller};
use crate::activity::Operation;
use crate::auth::perm;
use crate::customers::Customer;
use crate::customers::claim::Claim;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::{CustomerId, LineId, OrderId};
use crate::software::audit::{self, Subject};
use crate::software::queries::{self, Purchase, Variant};
use crate::software::{links, pages};
use crate::web::AppState;
use crate::web::cursor::Cursor;
use crate::web::pagination::cut_page;

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiVariant {
    pub id: String,
    pub version: String,
    pub language: String,
    pub file_type: String,
    pub file_name: String,
    /// Whether a file is there to download.
    pub available: bool,
}

impl ApiVariant {
    pub fn of(v: &Variant) -> ApiVariant {
        ApiVariant {
            id: v.id.to_string(),
            version: v.version.clone(),
            language: v.language.clone(),
            file_type: v.file_type.clone(),
            file_name: v.file_name.clone(),
            available: v.sha256.is_some(),
        }
    }
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiPurchase<'a> {
    /// The purchase's id: the order line's.
    #[schema(value_type = String, format = Uuid)]
    pub id: LineId,
    #[schema(value_type = String, format = Uuid)]
    pub order_id: OrderId,
    pub line_item_number: i32,
    pub friendly_name: String,
    /// `windows_server`, `sql_server`, `linux_plan`, `windows_esu`.
    pub product_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_duration: Option<String>,
    pub quantity: i32,
    #[serde(serialize_with = "super::dates::iso")]
    pub purchase_date: DateTime<Utc>,
    /// `active`, or `cancelled` (its key and links revoked).
    pub status: &'static str,
    /// Whether it comes with a key and files (plans do not).
    pub has_keys: bool,
    // Written once per product (`api::variants`).
    #[schema(value_type = Vec<ApiVariant>)]
    pub variants: &'a RawValue,
    pub links: SelfLinks,
    pub attributes: Attributes,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiKey {
    pub product_key: String,
    pub friendly_name: String,
    pub attributes: Attributes,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiDownloadLink {
    /// The link: anyone with it can download the file until it expires.
    pub uri: String,
    pub file_name: String,
    pub expires_at: DateTime<Utc>,
    pub max_downloads: i32,
    pub attributes: Attributes,
}

fn purchase_of(p: Purchase, variants: &Written, tenant: CustomerId) -> ApiPurchase<'_> {
    let id = p.line_id;
    ApiPurchase {
        links: SelfLinks {
            this: Link::get(format!("/customers/{tenant}/software/{}", id.0)),
        },
        order_id: p.order_id,
        line_item_number: p.line_number,
        product_type: p.family.code(),
        term_duration: term_duration(p.licence_kind, p.term_months),
        quantity: p.quantity - p.quantity_cancelled,
        purchase_date: p.placed_at,
        status: if p.is_cancelled() {
            "cancelled"
        } else {
            "active"
        },
        has_keys: p.has_keys(),
        variants: if p.has_keys() {
            variants.of_product(p.product_id)
        } else {
            variants.none()
        },
        friendly_name: p.product_name,
        id,
        attributes: Attributes::of("SoftwarePurchase"),
    }
}

/// A customer's software purchases, newest first, with the variants each can download.
#[utoipa::path(
    get,
    path = "/v1/customers/{tenant}/software",
    tag = "Software",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        shapes::ListQuery,
        ("MS-ContinuationToken" = Option<String>, Header,
         description = "With seekOperation=Next: the value from the previous page's next link"),
    ),
    responses(
        (status = 200, description = "A page of purchases", body = Collection<ApiPurchase>),
        (status = 400, description = "A bad id, size, seekOperation or continuation", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer of this partner (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["software:keys"])),
)]
pub async fn list(
    api: Api<perm::SoftwareKeys>,
    state: web::Data<AppState>,
    req: HttpRequest,
    tenant: web::Path<String>,
    query: web::Query<shapes::ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let size = shapes::size(query.size.as_deref(), lang)?;
    let after = shapes::continuation(&req, query.seek_operation.as_deref(), lang, Cursor::decode)?;
    let tenant = super::customers::tenant_id(&tenant, lang)?;
    let conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let scope = &api.caller.partner;
    let claim = Claim::of_partner(scope, tenant);
    let limit = shapes::bound_limit(size);
    let view = crate::web::list_view::ListView {
        after,
        ..Default::default()
    };
    // The page's purchases are of the partner's customer only (the statement checks the
    // claim), so a page with any shows the customer is the partner's; only an empty page
    // looks the customer up. Each row carries the catalog's stamp.
    let reads = async {
        queries::purchases_newest(&conn, claim, &view, limit)
            .await
            .map_err(app)
    };
    let mut rows = api.read(&conn, reads).await?;
    let Some(stamp) = rows.first().map(|r| r.stamp) else {
        crate::customers::queries::find(&conn, scope, tenant)
            .await
            .map_err(app)?
            .ok_or_else(|| ApiError::not_found(lang))?;
        let uri = format!("/customers/{tenant}/software?size={size}");
        return Ok(Collection::<ApiPurchase>::page(Vec::new(), uri, None).respond(0));
    };
    let next = cut_page(&mut rows, size, |r| r.purchase.cursor().encode());
    let variants = state.api_variants.at(&conn, stamp).await.map_err(app)?;
    drop(conn);
    let items = rows
        .into_iter()
        .map(|r| purchase_of(r.purchase, &variants, tenant))
        .collect();
    let uri = format!("/customers/{tenant}/software?size={size}");
    Ok(Collection::page(items, uri, next)
        .respond_written(PER_ITEM, super::list_json::push_purchase))
}

/// About what a purchase takes as JSON with its variants, to size the answer's buffer.
const PER_ITEM: usize = 4096;

/// The purchase `line` of the customer `tenant`, for a key or a link: 404 if it is not
/// theirs or has no keys, 400 (800061's kind: it was cancelled) once revoked.
async fn usable_purchase(
    state: &AppState,
    api: &Api<perm::SoftwareKeys>,
    tenant: &str,
    line: &str,
) -> Result<(Customer, Purchase, queries::Keyed), ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let customer = customer_of(state, api, tenant).await?;
    let line = LineId::parse(line).ok_or_else(|| ApiError::not_found(lang))?;
    let conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let claim = Claim::of_partner(&api.caller.partner, customer.id);
    let (customer, purchase, keyed) = queries::claimed_purchase_key(&conn, claim, line)
        .await
        .map_err(app)?
        .ok_or_else(|| ApiError::not_found(lang))?;
    pages::usable(&purchase).map_err(|e| match e {
        AppError::Gone => cancelled(lang),
        e => app(e),
    })?;
    Ok((customer, purchase, keyed))
}

fn cancelled(lang: Lang) -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::BAD_REQUEST,
        super::error::code::NOT_CANCELLABLE,
        lang,
        "api-error-software-cancelled",
        &[],
    )
}

fn subject<'a>(caller: &'a Caller, customer: &Customer, purchase: &'a Purchase) -> Subject<'a> {
    Subject {
        partner_id: caller.partner.partner_id(),
        customer_id: customer.id,
        actor_user_id: None,
        actor: &caller.name,
        purchase,
    }
}

/// A purchase's Multiple Activation Key, recorded as viewed (`get_software_key`) before it
/// is returned.
#[utoipa::path(
    post,
    path = "/v1/customers/{tenant}/software/{purchase}/key",
    tag = "Software",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        ("purchase" = String, Path, description = "The purchase's id"),
    ),
    responses(
        (status = 200, description = "The key", body = ApiKey),
        (status = 400, description = "The purchase was cancelled: its key is revoked", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer or purchase with keys (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["software:keys"])),
)]
pub async fn key(
    api: Api<perm::SoftwareKeys>,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let (tenant, line) = path.into_inner();
    let (customer, purchase, keyed) = usable_purchase(&state, &api, &tenant, &line).await?;
    let key = keyed.key.ok_or_else(|| cancelled(lang))?;
    let entry = audit::entry(
        &subject(&api.caller, &customer, &purchase),
        Operation::KeyViewed,
        state.clock.now(),
        json!({ "via": "api" }),
    );
    // As on the dashboard: no key leaves unless its view is on the log.
    let names = audit::names(&customer, &purchase, &keyed.catalog_name);
    state
        .recorder
        .record_named(entry, names)
        .await
        .map_err(|e| ApiError::from_app(e, lang))?;
    Ok(crate::web::render::no_store(HttpResponse::Ok().json(
        ApiKey {
            product_key: crate::orders::keys::grouped(&key),
            friendly_name: purchase.product_name,
            attributes: Attributes::of("ProductKey"),
        },
    )))
}

/// A new download link for one variant of a purchase (`get_software_download_link`).
#[utoipa::path(
    post,
    path = "/v1/customers/{tenant}/software/{purchase}/variants/{variant}/links",
    tag = "Software",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        ("purchase" = String, Path, description = "The purchase's id"),
        ("variant" = String, Path, description = "The variant's id"),
    ),
    responses(
        (status = 201, description = "The link, shown once", body = ApiDownloadLink),
        (status = 400, description = "The purchase was cancelled", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer, purchase or variant with a file (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["software:keys"])),
)]
pub async fn link(
    api: Api<perm::SoftwareKeys>,
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let (tenant, line, variant) = path.into_inner();
    let (customer, purchase, _) = usable_purchase(&state, &api, &tenant, &line).await?;
    let mut conn = state.pool.get().await.map_err(|e| app(e.into()))?;
    let variant = pages::variant_of(&mut conn, &purchase, &variant)
        .await
        .map_err(app)?;
    let now = state.clock.now();
    let caller = &api.caller;
    let new = links::NewLink {
        partner_id: caller.partner.partner_id(),
        customer_id: customer.id,
        order_line_id: purchase.line_id,
        variant_id: variant.id,
        created_by: caller.creator,
    };
    let subject = subject(caller, &customer, &purchase);
    let file = variant.file_name.clone();
    let token = conn
        .transaction::<_, AppError, _>(async |conn| {
            let (link_id, token) = links::create(conn, &new, now).await?;
            let details = json!({ "link_id": link_id.to_string(), "file": file, "via": "api" });
            audit::record(conn, &subject, Operation::LinkCreated, now, details).await?;
            Ok(token)
        })
        .await
        .map_err(|e| match e {
            AppError::Gone => cancelled(lang),
            e => app(e),
        })?;
    let url = state
        .settings
        .public_url
        .join(&format!("dl/{token}"))
        .map_err(|e| app(AppError::internal(e)))?;
    let body = ApiDownloadLink {
        uri: url.to_string(),
        file_name: variant.file_name,
        expires_at: crate::software::rules::link_expiry(now),
        max_downloads: crate::software::rules::LINK_MAX_DOWNLOADS,
        attributes: Attributes::of("DownloadLink"),
    };
    Ok(crate::web::render::no_store(
        HttpResponse::Created().json(body),
    ))
}
