//! The work behind the Software pages, shared by the partner's customer page and the
//! customer's own admin center: each side finds the purchase under its own scope, then
//! calls these.

use actix_session::Session;
use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use diesel_async::AsyncPgConnection;
use serde_json::json;

use super::audit::{self, Subject};
use super::chooser::{Choices, ChosenView, Selection};
use super::link_views::{LinkView, NewLink, NewLinkView};
use super::links::{self, LinkRow};
use super::queries::{self, Listed, Purchase, Variant};
use super::views::{KeyPage, PurchasePage, PurchaseView, SoftwareList};
use crate::activity::Operation;
use crate::auth::{CurrentUser, CustomerScope};
use crate::customers::claim::{Claim, split};
use crate::customers::{Counts, Customer};
use crate::error::AppError;
use crate::ids::PartnerId;
use crate::ids::{CustomerId, LineId};
use crate::web::list_view::{ListView, SearchBox};
use crate::web::pagination::{Keyset, cut_page};
use crate::web::{AppState, PageContext, render_status};
use chrono::{DateTime, Utc};

/// Session key of a link just created, shown once on the purchase page.
pub const NEW_LINK: &str = "new_link";

/// Who is asking about which customer's purchase, and where its pages live.
pub struct Caller<'a> {
    pub scope: CustomerScope,
    pub partner_id: PartnerId,
    pub user: &'a CurrentUser,
    /// `{base}/{line}` is a purchase's page.
    pub base: String,
}

impl Caller<'_> {
    pub fn subject<'p>(&'p self, purchase: &'p Purchase) -> Subject<'p> {
        Subject {
            partner_id: self.partner_id,
            customer_id: self.scope.customer_id(),
            actor_user_id: Some(self.user.id),
            actor: &self.user.email,
            purchase,
        }
    }
}

/// Where the list and its purchases live, and whether purchases can be opened.
pub struct ListPlace {
    pub page_base: String,
    pub base: String,
    pub can_open: bool,
    /// Whether the viewer may cancel purchases (the Cancel dialog, R-32).
    pub can_cancel: bool,
}

const PER_PAGE: i64 = 25;

/// A page of the Software list's purchases (and one more, to know whether more follow) in the
/// view's order and search, and the claimed customer with its counts when the page has any.
pub async fn purchases(
    conn: &AsyncPgConnection,
    claim: Claim,
    view: &ListView,
) -> Result<(Option<(Customer, Counts)>, Vec<Listed>), AppError> {
    let rows = queries::purchases(conn, claim, view, PER_PAGE + 1).await?;
    Ok(split(rows))
}

/// The Software list of a customer, 25 purchases a page, from the rows `purchases` read; the
/// total is the customer's kept count of purchases (a search says what it found instead).
pub fn list(
    mut rows: Vec<Listed>,
    counts: Counts,
    view: &ListView,
    place: ListPlace,
    now: DateTime<Utc>,
    lang: crate::i18n::Lang,
) -> SoftwareList {
    let older = cut_page(&mut rows, PER_PAGE, |p| p.purchase.cursor().encode());
    let total = match view.q.is_empty() {
        true => {
            let count = counts.software_lines.to_string();
            lang.t_args("pager-purchases-total", &[("count", count)])
        }
        false => lang.t_args("software-search-found", &[("q", view.q.clone())]),
    };
    let page_base = view.base(&place.page_base);
    SoftwareList {
        rows: rows
            .iter()
            .map(|p| PurchaseView::listed(p, now, lang))
            .collect(),
        pager: Keyset::new(total, &page_base, view.after.is_some(), older),
        search: SearchBox::new(view, &place.page_base, "software-find", "software", lang),
        base: place.base,
        can_open: place.can_open,
        can_cancel: place.can_cancel,
    }
}

/// Keys and files exist only for software of a purchase that stands.
pub fn usable(purchase: &Purchase) -> Result<(), AppError> {
    if !purchase.has_keys() {
        return Err(AppError::NotFound);
    }
    if purchase.is_cancelled() {
        return Err(AppError::Gone);
    }
    Ok(())
}

/// What the page was asked for and what the caller may do on it.
pub struct PurchaseOptions<'a> {
    pub selection: &'a Selection,
    pub can_links: bool,
    pub can_migrate: bool,
}

/// What a purchase's page shows besides the purchase: its product's variants and its links.
pub type PurchaseReads = (Vec<Variant>, Vec<LinkRow>);

/// The purchase page's reads by the address's ids (`None`: not an id; nothing is found), to
/// be sent alongside the purchase's lookup, which decides whether they are shown; links only
/// when the page shows them.
pub async fn purchase_reads(
    conn: &AsyncPgConnection,
    customer: Option<CustomerId>,
    line: Option<LineId>,
    can_links: bool,
) -> Result<PurchaseReads, AppError> {
    let (Some(customer), Some(line)) = (customer, line) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let links = async {
        match can_links {
            true => links::for_line(conn, customer, line).await,
            false => Ok(Vec::new()),
        }
    };
    futures_util::try_join!(queries::variants_of_line(conn, customer, line), links)
}

pub async fn purchase_page(
    state: &AppState,
    session: &Session,
    ctx: PageContext,
    caller: &Caller<'_>,
    purchase: &Purchase,
    options: PurchaseOptions<'_>,
    (variants, links): PurchaseReads,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let selection = options.selection;
    // A plan has no key or files, whatever its product lists.
    let variants = match purchase.has_keys() {
        true => variants,
        false => Vec::new(),
    };
    let chosen = selection.find(&variants);
    let selection_error = (!selection.is_empty() && chosen.is_none())
        .then(|| lang.t("software-selection-not-offered"));
    let now = state.clock.now();
    let new_link = take_new_link(session, purchase.line_id);
    let page = PurchasePage {
        base: caller.base.clone(),
        purchase: PurchaseView::new(purchase, lang),
        choices: Choices::new(&variants, selection, lang),
        chosen: chosen.map(|v| ChosenView::new(v, lang)),
        links: links
            .iter()
            .map(|l| LinkView::new(l, &variants, now, lang))
            .collect(),
        selection_error,
        new_link: new_link.map(|l| NewLinkView::new(l, lang)),
        can_keys: !purchase.is_cancelled(),
        can_links: options.can_links,
        can_migrate: options.can_migrate,
        ctx,
    };
    let status = if page.selection_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(crate::web::render::no_store(render_status(status, &page)?))
}

/// The link made just before for this purchase, shown once: taken out of the session.
fn take_new_link(session: &Session, line_id: LineId) -> Option<NewLink> {
    crate::web::session_store::take::<NewLink>(session, NEW_LINK).filter(|l| l.line_id == line_id)
}

/// The purchase's key, recorded as viewed before it is returned: a failed record shows no
/// key. `details` say where it was shown.
pub async fn reveal_key(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    caller: &Caller<'_>,
    purchase: &Purchase,
    details: serde_json::Value,
) -> Result<String, AppError> {
    let key = queries::active_key(conn, purchase.line_id).await?;
    let names = crate::activity::Names::default();
    record_shown(state, caller, purchase, key, details, names).await
}

/// `key` (the purchase's key read before), once its view is recorded; gone if there is none.
pub async fn record_shown(
    state: &AppState,
    caller: &Caller<'_>,
    purchase: &Purchase,
    key: Option<String>,
    details: serde_json::Value,
    names: crate::activity::Names<'_>,
) -> Result<String, AppError> {
    usable(purchase)?;
    let key = key.ok_or(AppError::Gone)?;
    let subject = caller.subject(purchase);
    let entry = audit::entry(&subject, Operation::KeyViewed, state.clock.now(), details);
    state.recorder.record_named(entry, names).await?;
    Ok(key)
}

/// The key page of a purchase whose key was read with it. It needs no connection: the
/// caller gives its own back first, so a view waiting for its record holds none.
pub async fn key(
    state: &AppState,
    ctx: PageContext,
    caller: &Caller<'_>,
    purchase: &Purchase,
    customer: &Customer,
    keyed: queries::Keyed,
) -> Result<HttpResponse, AppError> {
    let names = audit::names(customer, purchase, &keyed.catalog_name);
    let key = record_shown(state, caller, purchase, keyed.key, json!({}), names).await?;
    let back = format!("{}/{}", caller.base, purchase.line_id);
    let view = PurchaseView::new(purchase, ctx.lang);
    let page = KeyPage::new(ctx, back, view, &key);
    Ok(crate::web::render::no_store(render_status(
        StatusCode::OK,
        &page,
    )?))
}

/// The variant of this purchase's product with id `variant_id` and a registered file.
pub async fn variant_of(
    conn: &mut AsyncPgConnection,
    purchase: &Purchase,
    variant_id: &str,
) -> Result<Variant, AppError> {
    let id = crate::ids::VariantId::parse(variant_id).ok_or(AppError::NotFound)?;
    let variants = queries::variants(conn, purchase.product_id).await?;
    variants
        .into_iter()
        .find(|v| v.id == id && v.sha256.is_some())
        .ok_or(AppError::NotFound)
}
