//! Buying and cancelling through the API: `POST /v1/customers/{id}/orders` places an order
//! by the dashboard's rules (market, price in the customer's currency, tax, keys, activity
//! record) and `PATCH …/orders/{order}` cancels lines by the dashboard's cancellation (window,
//! credit, revocation), every line of it in one transaction. With `MS-RequestId` either is
//! done once (`once`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use diesel_async::{AsyncConnection, AsyncPgConnection, TransactionManager};
use serde::Deserialize;
use serde::de::IgnoredAny;
use utoipa::ToSchema;

use super::body::{self, Body};
use super::customers::{customer_on, tenant_id};
use super::once::{self, Answer, Claim, Once};
use super::order_rules::{self, Refusal};
use super::orders::{LineRow, OrderRow, assemble, status_of};
use super::{Api, ApiError, Caller};
use crate::auth::perm;
use crate::cancellation::cancel::{self, Outcome};
use crate::cancellation::queries as locking;
use crate::customers::Customer;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::ids::OrderId;
use crate::orders::insert::insert_order;
use crate::orders::place::Placement;
use crate::web::AppState;

/// An order to place. Fields the original's clients send and this ignores are accepted.
#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NewOrder {
    pub line_items: Vec<NewLineItem>,
    /// If sent, the customer of the address.
    pub reference_customer_id: Option<String>,
    /// If sent, the customer's currency.
    pub currency_code: Option<String>,
    #[schema(value_type = Option<String>)]
    pub billing_cycle: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<IgnoredAny>,
}

#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NewLineItem {
    /// 0, 1, 2, … : the lines of an order are numbered from 0 without gaps.
    pub line_item_number: i32,
    /// An availability's `catalogItemId` from `/v1/products`.
    pub offer_id: String,
    pub quantity: i32,
    #[schema(value_type = Option<String>)]
    pub friendly_name: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<IgnoredAny>,
}

/// The original's cancellation body: `status` `cancelled`, and the lines to cancel (every
/// line without `lineItems`). The order's other fields may come along and are ignored.
#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OrderPatch {
    pub status: String,
    /// If sent, the order of the address.
    pub id: Option<String>,
    pub line_items: Option<Vec<PatchLineItem>>,
    #[schema(value_type = Option<String>)]
    pub reference_customer_id: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub currency_code: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub creation_date: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub billing_cycle: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub links: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<IgnoredAny>,
}

#[derive(Deserialize, Debug, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PatchLineItem {
    pub line_item_number: i32,
    #[schema(value_type = Option<String>)]
    pub offer_id: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub friendly_name: Option<IgnoredAny>,
    #[schema(value_type = Option<i32>)]
    pub quantity: Option<IgnoredAny>,
    #[schema(value_type = Option<String>)]
    pub term_duration: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub pricing: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub links: Option<IgnoredAny>,
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<IgnoredAny>,
}

/// What fails inside a write's transaction: a refusal to answer, or a fault. Either rolls
/// everything back, the claim on the request id included.
pub(super) enum TxError {
    Api(ApiError),
    App(AppError),
}

impl From<diesel::result::Error> for TxError {
    fn from(e: diesel::result::Error) -> Self {
        TxError::App(e.into())
    }
}

impl From<AppError> for TxError {
    fn from(e: AppError) -> Self {
        TxError::App(e)
    }
}

impl From<ApiError> for TxError {
    fn from(e: ApiError) -> Self {
        TxError::Api(e)
    }
}

/// Runs `write` in one transaction on `conn`, once per `MS-RequestId` if the request has one,
/// and answers with what it (or the first request with that id) answered.
pub(super) async fn once_only(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    req: &HttpRequest,
    fingerprint: [u8; 32],
    now: chrono::DateTime<chrono::Utc>,
    write: impl AsyncFnOnce(&mut AsyncPgConnection) -> Result<Answer, TxError>,
) -> Result<HttpResponse, ApiError> {
    let lang = caller.lang;
    let id = once::request_id(req, lang)?;
    let claim = id.as_deref().map(|id| Once {
        token: caller.token,
        id,
        fingerprint,
    });
    // The transaction is opened and closed by hand: diesel-async's `transaction` wants a
    // future it can send between threads, which a handler's `write` need not be. A request
    // dropped half-way leaves its connection in a transaction, which the pool discards.
    type Tm = <AsyncPgConnection as AsyncConnection>::TransactionManager;
    Tm::begin_transaction(conn)
        .await
        .map_err(|e| ApiError::from_app(e.into(), lang))?;
    let result = async {
        if let Some(claim) = &claim {
            match claim.claim(conn, now).await? {
                Claim::Ours => {}
                Claim::Answered(answer) => return Ok(answer),
                Claim::OtherBody => return Err(TxError::Api(once::other_body(lang))),
            }
        }
        let answer = write(conn).await?;
        if let Some(claim) = &claim {
            claim.keep(conn, &answer).await?;
        }
        Ok(answer)
    }
    .await;
    let result = match result {
        Ok(answer) => match Tm::commit_transaction(conn).await {
            Ok(()) => Ok(answer),
            Err(e) => Err(TxError::App(e.into())),
        },
        Err(e) => {
            // Rolled back whether or not this succeeds: a failed rollback breaks the connection.
            let _ = Tm::rollback_transaction(conn).await;
            Err(e)
        }
    };
    match result {
        Ok(answer) => {
            let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
            Ok(HttpResponse::build(status).json(answer.body))
        }
        Err(TxError::Api(e)) => Err(e),
        Err(TxError::App(e)) => Err(ApiError::from_app(e, lang)),
    }
}

fn line_state(locked: &locking::Locked) -> order_rules::LineState {
    order_rules::LineState {
        line_number: locked.line_number,
        product_id: locked.line.product_id,
        open: !locked.line.is_cancelled(),
    }
}

fn refused(lang: Lang, r: Refusal) -> ApiError {
    let (status, code, key, args) = r.message();
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    ApiError::new(status, code, lang, key, &args)
}

/// Places an order for a customer.
#[utoipa::path(
    post,
    path = "/v1/customers/{tenant}/orders",
    tag = "Orders",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        ("MS-RequestId" = Option<String>, Header,
         description = "Sent again with the same body, the first answer comes back; with another body, 409"),
    ),
    request_body = NewOrder,
    responses(
        (status = 201, description = "The order placed", body = super::orders::ApiOrder),
        (status = 400, description = "A bad body, offer, quantity or line number, naming it", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer of this partner (20000)", body = super::error::Envelope),
        (status = 409, description = "The MS-RequestId was used with another body", body = super::error::Envelope),
    ),
    security(("token" = ["orders:write"])),
)]
pub async fn place(
    api: Api<perm::OrdersPlace>,
    state: web::Data<AppState>,
    req: HttpRequest,
    tenant: web::Path<String>,
    bytes: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let Body { value, fingerprint } = body::read::<NewOrder>(&bytes, lang)?;
    let tenant = tenant_id(&tenant, lang)?;
    // Every statement finds its rows by key (the offers by their SKUs), so one plan each
    // suits every request.
    let mut conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    let caller = &api.caller;
    let now = state.clock.now();
    let skus = order_rules::named_skus(&value);
    let write = async |conn: &mut AsyncPgConnection| {
        // The token's check, the customer's and the offers named (priced in the customer's
        // currency) in one round trip: the transaction holds its connection for one round
        // trip less than with the customer looked up first. What the body asks is judged once
        // the customer is known to be the partner's (else 404, whatever it says).
        let (customer, found) = {
            let shared: &AsyncPgConnection = conn;
            let customer = customer_on(shared, &api, tenant);
            let found = order_rules::find_offers(shared, &caller.partner, tenant, &skus);
            futures_util::join!(customer, found)
        };
        let customer = customer?;
        let wanted = order_rules::new_order(&value, &customer).map_err(|r| refused(lang, r))?;
        let lines = order_rules::priced(&found?, &customer, &wanted);
        let lines = lines.map_err(|r| TxError::Api(refused(lang, r)))?;
        let placement = Placement {
            partner_id: caller.partner.partner_id(),
            customer: &customer,
            placed_by: caller.creator,
            actor: &caller.name,
            actor_user_id: None,
            idempotency: crate::ids::ordered_uuid(),
            now,
        };
        let placed = insert_order(conn, &placement, &lines)
            .await
            .map_err(|e| match e {
                crate::orders::place::TxError::App(e) => TxError::App(e),
                crate::orders::place::TxError::Refused(_) => {
                    TxError::App(AppError::internal("an API order refused as a cart"))
                }
            })?;
        answer_of_placed(&customer, &wanted, &lines, placed.order_id, now)
    };
    once_only(&mut conn, caller, &req, fingerprint, now, write).await
}

/// Cancels an order's lines (every line without `lineItems`).
#[utoipa::path(
    patch,
    path = "/v1/customers/{tenant}/orders/{order}",
    tag = "Orders",
    params(
        ("tenant" = String, Path, description = "The customer's tenant id"),
        ("order" = String, Path, description = "The order's id"),
        ("MS-RequestId" = Option<String>, Header,
         description = "Sent again with the same body, the first answer comes back; with another body, 409"),
    ),
    request_body = OrderPatch,
    responses(
        (status = 200, description = "The order, its cancelled lines at quantity 0", body = super::orders::ApiOrder),
        (status = 400, description = "Past the window (900117), not cancellable (800061), no such line (800071), or a bad body", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such customer or order (20000)", body = super::error::Envelope),
        (status = 409, description = "The MS-RequestId was used with another body", body = super::error::Envelope),
    ),
    security(("token" = ["orders:write"])),
)]
pub async fn cancel(
    api: Api<perm::PurchasesCancel>,
    state: web::Data<AppState>,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    bytes: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let (tenant, order) = path.into_inner();
    let Body { value, fingerprint } = body::read::<OrderPatch>(&bytes, lang)?;
    let tenant = tenant_id(&tenant, lang)?;
    let order = OrderId::parse(&order).ok_or_else(|| ApiError::not_found(lang))?;
    // Every statement finds its rows by key, so one plan each suits every request.
    let mut conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    // What the body asks is judged once the customer is known to be the partner's: an
    // unknown customer is a 404 whatever the body says.
    let asked = order_rules::patch(&value, order);
    let caller = &api.caller;
    let scope = &caller.partner;
    let now = state.clock.now();
    let write = async |conn: &mut AsyncPgConnection| {
        // The token's check, the customer's and the order's lines, locked, in one round trip
        // (the lines only of an order of the token's partner): a cancellation's transaction
        // holds its connection for one round trip less than with the customer looked up first.
        let (customer, lines) = {
            let shared: &AsyncPgConnection = conn;
            let customer = customer_on(shared, &api, tenant);
            let lines = locking::lock_partner_order(shared, scope, tenant, order);
            futures_util::join!(customer, lines)
        };
        let customer = customer?;
        let asked = asked.map_err(|r| TxError::Api(refused(lang, r)))?;
        let claimed = crate::auth::CustomerScope::claimed(customer.id);
        // None if the order is not this customer's (404).
        let mut lines = lines?;
        if lines.is_empty() {
            return Err(ApiError::not_found(lang).into());
        }
        let states: Vec<_> = lines.iter().map(line_state).collect();
        let products = order_rules::to_cancel(&states, &asked).map_err(|r| refused(lang, r))?;
        for product in products {
            let request = cancel::Request {
                scope: claimed,
                partner_id: scope.partner_id(),
                user_id: caller.creator,
                actor_email: &caller.name,
                customer_name: &customer.company_name,
                actor_user_id: None,
                order_id: order,
                product_id: product,
                now,
            };
            match cancel::cancel_product(conn, &request, &mut lines).await? {
                Outcome::Cancelled(_) => {}
                Outcome::AlreadyCancelled { .. } | Outcome::NotInOrder => {
                    return Err(refused(lang, Refusal::NotCancellable).into());
                }
                Outcome::Refused(window) => {
                    let policy = lines.iter().find(|l| l.line.product_id == product);
                    let policy = policy.map(|l| l.policy()).transpose()?;
                    let refusal = match policy {
                        Some(policy) => order_rules::window_refusal(window, policy),
                        None => Refusal::NotCancellable,
                    };
                    return Err(refused(lang, refusal).into());
                }
            }
        }
        answer_of_locked(&customer, order, lines)
    };
    once_only(&mut conn, caller, &req, fingerprint, now, write).await
}

/// The order just placed as the API shows it, from what was written (each line numbered in
/// the order asked, the time as PostgreSQL keeps it, to the microsecond): nothing to read
/// back.
fn answer_of_placed(
    customer: &Customer,
    wanted: &order_rules::Wanted,
    lines: &[crate::orders::cart::CartLine],
    order: OrderId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Answer, TxError> {
    use chrono::SubsecRound;
    let tax = crate::catalog::rules::tax_treatment(&customer.market);
    let row = OrderRow {
        id: order,
        placed_at: now.trunc_subsecs(6),
        status: crate::orders::OrderStatus::Completed,
        currency: customer.currency,
    };
    let lines = lines
        .iter()
        .zip(&wanted.lines)
        .enumerate()
        .map(|(n, (l, (sku, _)))| LineRow {
            order_id: order,
            line_number: n as i32,
            sku: sku.clone(),
            product_name: l.name.clone(),
            licence_kind: l.licence_kind,
            term_months: l.term_months,
            quantity: l.quantity,
            quantity_cancelled: 0,
            unit_price_minor: l.unit_price_minor.unwrap_or_default(),
            tax_included: tax.included,
            tax_rate_bp: tax.rate_bp,
            credited_minor: 0,
        })
        .collect();
    answer(customer, row, lines, 201)
}

/// The cancelled order as the API shows it, from its lines as locked and then cancelled in
/// this transaction (each cancellation updates the lines it holds): nothing to read back. The
/// order is cancelled when every line is, as the trigger that keeps its status decides.
fn answer_of_locked(
    customer: &Customer,
    order: OrderId,
    lines: Vec<locking::Locked>,
) -> Result<Answer, TxError> {
    let first = lines.first().ok_or(TxError::App(AppError::NotFound))?;
    let (placed_at, currency) = (first.line.placed_at, first.line.currency);
    let lines: Vec<LineRow> = lines
        .into_iter()
        .map(|l| LineRow {
            order_id: l.line.order_id,
            line_number: l.line_number,
            sku: l.sku,
            product_name: l.line.product_name,
            licence_kind: l.line.licence_kind,
            term_months: l.line.term_months,
            quantity: l.line.quantity,
            quantity_cancelled: l.line.quantity_cancelled,
            unit_price_minor: l.line.unit_price_minor,
            tax_included: l.tax_included,
            tax_rate_bp: l.tax_rate_bp,
            credited_minor: l.line.credited_minor,
        })
        .collect();
    let row = OrderRow {
        id: order,
        placed_at,
        status: status_of(&lines),
        currency,
    };
    answer(customer, row, lines, 200)
}

/// The answer with `status` and the order of `row` and `lines` as the API shows it.
fn answer(
    customer: &Customer,
    row: OrderRow,
    lines: Vec<LineRow>,
    status: u16,
) -> Result<Answer, TxError> {
    let order = assemble(customer.id, vec![(row, lines)]).pop();
    let body = serde_json::to_value(order).map_err(AppError::internal)?;
    Ok(Answer { status, body })
}
