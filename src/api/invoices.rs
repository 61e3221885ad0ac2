//! `/v1/invoices`: the partner's monthly invoices per currency (scope `billing:read`), the
//! issued documents and the open month, and an invoice's line items (its charges and
//! credits) a keyset page at a time. Past months are issued first, as on the Billing page.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use utoipa::ToSchema;

use super::shapes::{self, Attributes, Collection, Link, SelfLinks};
use super::{Api, ApiError};
use crate::auth::perm;
use crate::billing::export::plain_amount;
use crate::billing::queries::{self, InvoiceKey, InvoiceLine, InvoiceSummary};
use crate::billing::rules::Month;
use crate::billing::views::invoice_number;
use crate::error::AppError;
use crate::money::Currency;
use crate::web::AppState;
use crate::web::cursor::Cursor;
use crate::web::pagination::cut_page;

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiInvoice {
    /// `<month>-<currency>` (`2026-11-USD`): the address of its line items.
    pub id: String,
    /// The document's number once issued (`CD-000123`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// `open` for the month still running, `issued` after.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_date: Option<DateTime<Utc>>,
    pub billing_period_start_date: DateTime<Utc>,
    pub billing_period_end_date: DateTime<Utc>,
    pub currency_code: &'static str,
    pub total_charges: String,
    pub total_credits: String,
    pub total_amount: String,
    pub line_item_count: i64,
    pub links: SelfLinks,
    pub attributes: Attributes,
}

#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiLineItem {
    /// `charge`, or the credit's reason (`cancellation`, `refund`).
    pub kind: &'static str,
    #[serde(serialize_with = "super::dates::iso")]
    pub date: DateTime<Utc>,
    pub order_number: i64,
    pub customer_id: String,
    pub customer_name: String,
    pub product_name: String,
    pub quantity: i32,
    /// Negative for a credit.
    pub amount: String,
    pub currency_code: &'static str,
    /// `excluded`, or `included` with `taxRate`.
    pub tax_treatment: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax_rate: Option<String>,
    pub attributes: Attributes,
}

fn invoice(s: InvoiceSummary) -> ApiInvoice {
    let month = s.month();
    let currency = s.currency;
    let totals = s.totals();
    let id = format!("{}-{}", month.code(), currency.code());
    ApiInvoice {
        links: SelfLinks {
            this: Link::get(format!("/invoices/{id}/lineitems")),
        },
        id,
        invoice_number: s.number.map(invoice_number),
        status: if s.is_issued() { "issued" } else { "open" },
        invoice_date: s.issued_at,
        billing_period_start_date: month.start(),
        billing_period_end_date: month.end(),
        currency_code: currency.code(),
        total_charges: plain_amount(totals.charges_minor, currency),
        total_credits: plain_amount(totals.credits_minor, currency),
        total_amount: plain_amount(totals.net_minor(), currency),
        line_item_count: totals.lines,
        attributes: Attributes::of("Invoice"),
    }
}

fn line_item(l: InvoiceLine, currency: Currency) -> ApiLineItem {
    ApiLineItem {
        kind: l.kind.code(),
        date: l.at,
        order_number: l.order_number,
        customer_id: l.customer_id.to_string(),
        customer_name: l.customer,
        product_name: l.product,
        quantity: l.quantity,
        amount: plain_amount(l.amount_minor, currency),
        currency_code: currency.code(),
        tax_treatment: if l.tax_included {
            "included"
        } else {
            "excluded"
        },
        tax_rate: l
            .tax_included
            .then(|| crate::catalog::rules::rate_percent(l.tax_rate_bp)),
        attributes: Attributes::of("InvoiceLineItem"),
    }
}

/// Issues the partner's past months when this process has not yet checked them: a write,
/// so only after the token is confirmed.
async fn issue_due(
    state: &AppState,
    api: &Api<perm::BillingRead>,
    conn: &mut AsyncPgConnection,
) -> Result<(), ApiError> {
    let lang = api.caller.lang;
    let now = state.clock.now();
    let partner = api.caller.partner.partner_id();
    if crate::billing::issue::is_done(&state.issued, partner, now) {
        return Ok(());
    }
    api.confirm(conn).await?;
    crate::billing::issue::due_on(conn, &state.issued, partner, now)
        .await
        .map_err(|e| ApiError::from_app(e, lang))
}

/// The partner's invoices, newest month first, a page at a time: the open month in every
/// currency billed, then the issued ones.
#[utoipa::path(
    get,
    path = "/v1/invoices",
    tag = "Invoices",
    params(
        shapes::ListQuery,
        ("MS-ContinuationToken" = Option<String>, Header,
         description = "With seekOperation=Next: the value from the previous page's next link"),
    ),
    responses(
        (status = 200, description = "A page of invoices", body = Collection<ApiInvoice>),
        (status = 400, description = "A bad size, seekOperation or continuation", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
    ),
    security(("token" = ["billing:read"])),
)]
pub async fn list(
    api: Api<perm::BillingRead>,
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<shapes::ListQuery>,
) -> Result<HttpResponse, ApiError> {
    use crate::billing::list_page::{
        comes_after, cursor_of, in_list_order, open_this_month, parse_cursor,
    };
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let size = shapes::size(query.size.as_deref(), lang)?;
    let after = shapes::continuation(&req, query.seek_operation.as_deref(), lang, parse_cursor)?;
    let now = state.clock.now();
    let current = Month::of(now);
    let range = queries::ListRange {
        upto: after.map_or(current, |a| a.0.min(current)),
        from: None,
        currency: None,
        after_currency: after.filter(|a| a.0 <= current).map(|a| a.1),
    };
    let mut conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    issue_due(&state, &api, &mut conn).await?;
    let scope = &api.caller.partner;
    let reads = async {
        queries::invoice_list(&conn, scope, &range, shapes::bound_limit(size), None)
            .await
            .map_err(app)
    };
    let parts = api.read(&conn, reads).await?;
    let (mut page, span) = (parts.page, parts.span);
    drop(conn);
    // This month's open invoices, one in every currency billed, in their places; the page is
    // cut to its size after they are in, so it never holds more than asked for. The rows are
    // read in list order, one more than the page: a currency whose invoice of this month was
    // not read gets an empty one here, but it sorts after every row read and is cut off.
    let open = open_this_month(&span.billed, &page, current);
    page.extend(
        open.into_iter()
            .filter(|s| after.is_none_or(|a| comes_after(s, a))),
    );
    in_list_order(&mut page);
    let next = cut_page(&mut page, size, cursor_of);
    let items = page.into_iter().map(invoice).collect();
    let uri = format!("/invoices?size={size}");
    Ok(HttpResponse::Ok().json(Collection::page(items, uri, next)))
}

/// The invoice an id names (`2026-11-USD`): a real month up to the current one, in a
/// currency we bill in.
fn key_of(
    api: &Api<perm::BillingRead>,
    id: &str,
    now: DateTime<Utc>,
) -> Result<InvoiceKey, ApiError> {
    let lang = api.caller.lang;
    let found = id.rsplit_once('-').and_then(|(month, currency)| {
        let month = Month::parse(month)?;
        let currency = Currency::from_code(currency)?;
        (month <= Month::of(now)).then_some((month, currency))
    });
    let (month, currency) = found.ok_or_else(|| ApiError::not_found(lang))?;
    Ok(InvoiceKey::new(api.caller.partner, month, currency))
}

/// An invoice's line items in the order they happened: charges, and credits as negative
/// amounts.
#[utoipa::path(
    get,
    path = "/v1/invoices/{invoice}/lineitems",
    tag = "Invoices",
    params(
        ("invoice" = String, Path, description = "The invoice's id: month and currency, 2026-11-USD"),
        shapes::ListQuery,
        ("MS-ContinuationToken" = Option<String>, Header,
         description = "With seekOperation=Next: the value from the previous page's next link"),
    ),
    responses(
        (status = 200, description = "A page of line items", body = Collection<ApiLineItem>),
        (status = 400, description = "A bad size, seekOperation or continuation", body = super::error::Envelope),
        (status = 401, description = "No usable token (800001)", body = super::error::Envelope),
        (status = 403, description = "The token's scopes do not cover it (900150)", body = super::error::Envelope),
        (status = 404, description = "No such month or currency (20000)", body = super::error::Envelope),
    ),
    security(("token" = ["billing:read"])),
)]
pub async fn line_items(
    api: Api<perm::BillingRead>,
    state: web::Data<AppState>,
    req: HttpRequest,
    id: web::Path<String>,
    query: web::Query<shapes::ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let lang = api.caller.lang;
    let app = |e: AppError| ApiError::from_app(e, lang);
    let key = key_of(&api, &id, state.clock.now())?;
    let size = shapes::size(query.size.as_deref(), lang)?;
    let after = shapes::continuation(&req, query.seek_operation.as_deref(), lang, Cursor::decode)?;
    let mut conn = state.steady.get().await.map_err(|e| app(e.into()))?;
    issue_due(&state, &api, &mut conn).await?;
    let limit = shapes::bound_limit(size);
    let page = queries::lines(&conn, key, after.map(|c| (c.at, c.id)), limit);
    let mut lines = api.read(&conn, async { page.await.map_err(app) }).await?;
    let next = cut_page(&mut lines, size, |l| {
        Cursor {
            at: l.at,
            id: l.id,
            line: None,
        }
        .encode()
    });
    let items = lines
        .into_iter()
        .map(|l| line_item(l, key.currency))
        .collect();
    let uri = format!("/invoices/{}/lineitems?size={size}", id.trim());
    Ok(HttpResponse::Ok().json(Collection::page(items, uri, next)))
}
