//! "Moving from volume licensing to CSP", reached from a purchase: the partner gives
//! the date devices last activated against KMS (one date, or a CSV of device name and date)
//! and gets each device's renewal deadline, the days left, and the `slmgr.vbs` commands that
//! install this purchase's MAK, also as a script. Showing the commands shows the key, so it
//! is recorded like "Get key".

use actix_web::http::StatusCode;
use actix_web::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, ContentDisposition, DispositionParam, DispositionType,
};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde_json::json;

use super::kms::{self, BadRow, Device, Standing};
use super::lookup::{caller, find, find_keyed};
use super::migration_form::read_form;
use super::pages;
use super::queries::Purchase;
use super::views::PurchaseView;
use crate::auth::CustomerScope;
use crate::auth::extract::Reader;
use crate::auth::{Need, perm};
use crate::customers::Customer;
use crate::db::DbConn;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::orders::keys;
use crate::web::format::date_utc;
use crate::web::multipart::CsrfMultipart;
use crate::web::{AppState, PageContext, render_status};

pub struct DeviceView {
    pub name: String,
    pub activated: String,
    pub deadline: String,
    pub days_left: String,
    pub overdue: bool,
}

pub struct Plan {
    pub devices: Vec<DeviceView>,
    pub bad_rows: Vec<String>,
    pub ipk: String,
    pub ato: String,
}

#[derive(Template)]
#[template(path = "software/migration.html")]
pub struct MigrationPage {
    pub ctx: PageContext,
    pub purchase: PurchaseView,
    pub action: String,
    pub back: String,
    pub activated_on: String,
    /// What is wrong with the form as a whole.
    pub error: Option<String>,
    /// What is wrong with the date typed, shown at the field.
    pub date_error: Option<String>,
    pub plan: Option<Plan>,
}

pub fn commands(key: &str) -> (String, String) {
    (
        format!("slmgr.vbs /ipk {}", keys::grouped(key)),
        "slmgr.vbs /ato".to_string(),
    )
}

fn plan(devices: &[Device], bad: &[BadRow], today: NaiveDate, key: &str, lang: Lang) -> Plan {
    let (ipk, ato) = commands(key);
    let day = |d: NaiveDate| date_utc(&d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(), lang);
    Plan {
        devices: devices
            .iter()
            .map(|d| {
                let deadline = kms::renewal_deadline(d.activated);
                let (days_left, overdue) = match kms::standing(today, deadline) {
                    Standing::DaysLeft(n) => (
                        lang.t_args("kms-days-left", &[("days", n.to_string())]),
                        false,
                    ),
                    Standing::OverdueSince(since) => (
                        lang.t_args("kms-overdue-since", &[("date", day(since))]),
                        true,
                    ),
                };
                DeviceView {
                    name: d.name.clone(),
                    activated: day(d.activated),
                    deadline: day(deadline),
                    days_left,
                    overdue,
                }
            })
            .collect(),
        bad_rows: bad
            .iter()
            .map(|b| {
                let reason = lang.t(b.reason);
                lang.t_args(
                    "kms-bad-row",
                    &[("line", b.line.to_string()), ("reason", reason)],
                )
            })
            .collect(),
        ipk,
        ato,
    }
}

fn page(ctx: PageContext, customer: &Customer, purchase: &Purchase) -> MigrationPage {
    let base = format!("/customers/{}/software/{}", customer.id, purchase.line_id);
    MigrationPage {
        purchase: PurchaseView::new(purchase, ctx.lang),
        action: format!("{base}/kms-migration"),
        back: base,
        activated_on: String::new(),
        error: None,
        date_error: None,
        plan: None,
        ctx: ctx
            .customer_crumbs(customer, true)
            .crumb_text(&purchase.product_name, None),
    }
}

pub async fn form(
    state: web::Data<AppState>,
    need: Need<perm::SoftwareKeys>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let conn = state.pool.get().await?;
    let (customer, _, purchase) = find(&conn, need.partner()?, &tenant, &line).await?;
    pages::usable(&purchase)?;
    render_status(StatusCode::OK, &page(ctx, &customer, &purchase))
}

pub async fn submit(
    state: web::Data<AppState>,
    need: Need<perm::SoftwareKeys>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
    CsrfMultipart(form): CsrfMultipart,
) -> Result<HttpResponse, AppError> {
    let sent = read_form(form).await?;
    let (tenant, line) = path.into_inner();
    let mut conn = state.pool.get().await?;
    let (customer, scope, purchase) = find(&conn, need.partner()?, &tenant, &line).await?;
    pages::usable(&purchase)?;
    let lang = ctx.lang;
    let today = state.clock.now().date_naive();
    let mut page = page(ctx, &customer, &purchase);
    page.activated_on = sent.activated_on.clone();
    let (devices, bad) = match (sent.activated_on.is_empty(), sent.devices.is_empty()) {
        (true, true) => return refuse(page, "kms-error-nothing", lang),
        (false, _) => match kms::activation_date(&sent.activated_on, today) {
            Ok(d) => {
                let all = Device {
                    name: lang.t("kms-all-devices"),
                    activated: d,
                };
                (vec![all], Vec::new())
            }
            Err(problem) => {
                page.date_error = Some(lang.t(problem.field_message()));
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
            }
        },
        (true, false) => kms::parse_devices(&sent.devices, today),
    };
    let found = (&customer, scope, &purchase);
    let key = shown_key(&mut conn, &state, &need, found, "page").await?;
    page.plan = Some(plan(&devices, &bad, today, &key, lang));
    let mut res = render_status(StatusCode::OK, &page)?;
    res.headers_mut().insert(
        CACHE_CONTROL,
        "no-store".parse().map_err(AppError::internal)?,
    );
    Ok(res)
}

fn refuse(mut page: MigrationPage, key: &str, lang: Lang) -> Result<HttpResponse, AppError> {
    page.error = Some(lang.t(key));
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// The key, recorded as viewed through this page or its script.
async fn shown_key(
    conn: &mut DbConn,
    state: &AppState,
    need: &Need<perm::SoftwareKeys>,
    (customer, scope, purchase): (&Customer, CustomerScope, &Purchase),
    via: &str,
) -> Result<String, AppError> {
    let caller = caller(&need.user, scope, customer.partner_id);
    let details = json!({ "via": format!("kms-migration-{via}") });
    pages::reveal_key(conn, state, &caller, purchase, details).await
}

/// The commands as a Windows command script, to run as administrator on each device. As
/// "Get key": the purchase and its key are read alongside the session's check, and the view
/// is recorded with no connection held.
pub async fn script(
    state: web::Data<AppState>,
    need: Reader<perm::SoftwareKeys>,
    ctx: PageContext,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (tenant, line) = path.into_inner();
    let conn = state.steady.get().await?;
    let found = find_keyed(&conn, need.partner()?, &tenant, &line);
    let (customer, scope, purchase, keyed) = need.read(&conn, found).await?;
    drop(conn);
    let caller = caller(&need.user, scope, customer.partner_id);
    let details = json!({ "via": "kms-migration-script" });
    let names = super::audit::names(&customer, &purchase, &keyed.catalog_name);
    let key = pages::record_shown(&state, &caller, &purchase, keyed.key, details, names).await?;
    let (ipk, ato) = commands(&key);
    let lang = ctx.lang;
    let about = lang.t_args(
        "kms-script-about",
        &[
            ("product", purchase.product_name.clone()),
            ("order", purchase.order_number.to_string()),
        ],
    );
    let body = format!(
        "@echo off\r\nrem {about}\r\nrem {}\r\ncscript //nologo %windir%\\system32\\{ipk}\r\ncscript //nologo %windir%\\system32\\{ato}\r\n",
        lang.t("kms-script-run-as")
    );
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(format!(
            "activate-mak-{}.cmd",
            purchase.order_number
        ))],
    };
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((CONTENT_DISPOSITION, disposition))
        .insert_header((CACHE_CONTROL, "no-store"))
        .body(body))
}
