//! Customers list, "Add customer" and the customer detail page.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::web::routes::Route;
use serde::Deserialize;

use super::claim::{Claim, split};
use super::forms::NewCustomerForm;
use super::queries::{self, InsertOutcome};
use super::sorting::Sort;
use super::views::{CustomerPage, CustomersPage, NewCustomerPage, Tab};
use crate::auth::extract::Reader;
use crate::auth::{Need, Perm, perm};
use crate::error::AppError;
use crate::ids::CustomerId;
use crate::markets;
use crate::money::Currency;
use crate::orders::history;
use crate::orders::queries as order_queries;
use crate::orders::views::History;
use crate::software::pages as software_pages;
use crate::web::flash::{self, FlashKind};
use crate::web::forms::FieldErrors;
use crate::web::forms::MAX_SEARCH;
use crate::web::list_view::{ListQuery, ListView};
use crate::web::pagination::{Keyset, Total, cut_page};
use crate::web::{AppState, CsrfForm, PageContext, redirect, render, render_status};

pub const PER_PAGE: i64 = 25;

pub const ROUTES: &[Route] = &[
    crate::route!(GET "/customers", needs CustomersRead => list),
    crate::route!(POST "/customers", needs CustomersCreate => create),
    crate::route!(GET "/customers/new", needs CustomersCreate => new_form),
    crate::route!(GET "/customers/{tenant}", needs CustomersRead => software_tab),
    crate::route!(GET "/customers/{tenant}/orders", needs CustomersRead => orders_tab),
];

#[derive(Deserialize)]
pub struct CustomersQuery {
    q: Option<String>,
    /// The last customer of the previous page; nonsense means the first page.
    after: Option<String>,
    /// The order (`sorting::Sort`); nonsense means by name, A to Z.
    sort: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    query: web::Query<CustomersQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let q = crate::web::forms::search_text(query.q.as_deref());
    let ctx = ctx.crumb("nav-customers", None);
    let can_add = need.user.can(Perm::CustomersCreate);
    let sort = Sort::from_param(query.sort.as_deref());
    let base = sort.href(&q);
    if q.chars().count() > MAX_SEARCH {
        let search_error =
            Some(ctx.t1("customers-search-too-long", "max", &MAX_SEARCH.to_string()));
        let q: String = q.chars().take(MAX_SEARCH).collect();
        return render(&CustomersPage {
            ctx,
            q,
            sort,
            search_error,
            rows: vec![],
            pager: Keyset::new(String::new(), &base, false, None),
            can_add,
        });
    }
    let after = query.after.as_deref().and_then(CustomerId::parse);
    // The list's statements suit one plan for every partner and most searches; a text that may
    // start a GUID is planned for what is searched for.
    let pool = if queries::suits_one_plan(&q) {
        &state.steady
    } else {
        &state.pool
    };
    let conn = pool.get().await?;
    let reads = async {
        let page = queries::page(&conn, &scope, (&q, sort), after, PER_PAGE + 1).await?;
        let more = page.rows.len() as i64 > PER_PAGE;
        // The whole list's count came with its rows; a search whose matches fit on its first
        // page has counted them already. Only a longer search, or a page past the end, counts
        // apart.
        let total = match page.partner_total {
            Some(n) if q.is_empty() => Total::Exactly(n),
            _ if !q.is_empty() && after.is_none() && !more => {
                Total::Exactly(page.rows.len() as i64)
            }
            _ => queries::total(&conn, &scope, &q).await?,
        };
        Ok((page.rows, total))
    };
    let (mut rows, total) = need.read(&conn, reads).await?;
    drop(conn);
    let older = cut_page(&mut rows, PER_PAGE, |c| c.id.to_string());
    let total = match total {
        Total::Exactly(n) => ctx.t1("customers-count", "count", &n.to_string()),
        Total::MoreThan(n) => ctx.t1("customers-count-more", "count", &n.to_string()),
    };
    render(&CustomersPage {
        ctx,
        q,
        sort,
        search_error: None,
        rows,
        pager: Keyset::new(total, &base, after.is_some(), older),
        can_add,
    })
}

fn form_page(ctx: PageContext, form: NewCustomerForm, errors: FieldErrors) -> NewCustomerPage {
    let ctx = ctx
        .crumb("nav-customers", Some("/customers"))
        .crumb("customer-add", None);
    NewCustomerPage {
        ctx,
        form,
        errors,
        markets: markets::COUNTRIES,
        currencies: Currency::ALL.iter().map(|c| c.code()).collect(),
    }
}

pub async fn new_form(
    _need: Need<perm::CustomersCreate>,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let form = NewCustomerForm {
        currency: "USD".into(),
        market: "US".into(),
        ..Default::default()
    };
    render(&form_page(ctx, form, FieldErrors::default()))
}

pub async fn create(
    state: web::Data<AppState>,
    session: Session,
    need: Need<perm::CustomersCreate>,
    ctx: PageContext,
    CsrfForm(form): CsrfForm<NewCustomerForm>,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let valid = match form.validate() {
        Ok(v) => v,
        Err(errors) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(ctx, form, errors),
            );
        }
    };
    let mut conn = state.pool.get().await?;
    let by = queries::AddedBy {
        user_id: Some(need.user.id),
        actor: &need.user.email,
    };
    match queries::add(&mut conn, &scope, &valid, state.clock.now(), &by).await? {
        InsertOutcome::Created(customer) => {
            flash::push(
                &session,
                FlashKind::Success,
                "customer-added",
                &[("name", customer.company_name.clone())],
            );
            Ok(redirect(&format!("/customers/{}", customer.id)))
        }
        InsertOutcome::DomainTaken => {
            let mut errors = FieldErrors::default();
            errors.add("primary_domain", "customer-error-domain-taken");
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(ctx, form, errors),
            )
        }
    }
}

async fn detail(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    tenant: &str,
    tab: Tab,
    view: ListView,
) -> Result<HttpResponse, AppError> {
    let scope = need.partner()?;
    let id = CustomerId::parse(tenant).ok_or(AppError::NotFound)?;
    let conn = state.steady.get().await?;
    let claim = Claim::of_partner(&scope, id);
    // The tab's statement brings the customer along; a tab with no rows looks it up.
    let reads = async {
        let (found, software, orders) = match tab {
            Tab::Software => {
                let (found, rows) = software_pages::purchases(&conn, claim, &view).await?;
                (found, Some(rows), None)
            }
            Tab::Orders => {
                let rows = history::page(&conn, &scope, id, &view, PER_PAGE + 1).await?;
                let (found, rows) = split(rows);
                (found, None, Some(rows))
            }
        };
        let (customer, counts) = match found {
            Some(found) => found,
            None => {
                let customer = queries::find_or_404(&conn, &scope, tenant).await?;
                let counts = queries::counts(&conn, customer.id).await?;
                (customer, counts)
            }
        };
        Ok((customer, counts, software, orders))
    };
    let (customer, counts, software, orders) = need.read(&conn, reads).await?;
    drop(conn);
    let place = crate::software::pages::ListPlace {
        page_base: format!("/customers/{}", customer.id),
        base: format!("/customers/{}/software", customer.id),
        can_open: need.user.can(Perm::SoftwareKeys),
        can_cancel: need.user.can(Perm::PurchasesCancel),
    };
    let now = state.clock.now();
    let software =
        software.map(|rows| software_pages::list(rows, counts, &view, place, now, ctx.lang));
    let history = orders.map(|rows| history_list(rows, &customer, counts, &view, ctx.lang));
    let ctx = ctx.customer_crumbs(&customer, false);
    let can_add_products = need.user.can(Perm::OrdersPlace);
    render(&CustomerPage {
        ctx,
        customer,
        tab,
        can_add_products,
        history,
        software,
    })
}

/// A page of Order history, in the order and with the search of `view`.
fn history_list(
    mut rows: Vec<order_queries::OrderSummary>,
    customer: &super::Customer,
    counts: super::Counts,
    view: &ListView,
    lang: crate::i18n::Lang,
) -> History {
    let older = cut_page(&mut rows, PER_PAGE, |r| r.cursor().encode());
    let total = if view.q.is_empty() {
        let count = counts.orders.to_string();
        lang.t_args("pager-orders-total", &[("count", count)])
    } else {
        lang.t_args("orders-search-found", &[("q", view.q.clone())])
    };
    let list = format!("/customers/{}/orders", customer.id);
    let keyset = Keyset::new(total, &view.base(&list), view.after.is_some(), older);
    History::new(rows, keyset, lang).sorted(view, &list)
}

pub async fn software_tab(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    tenant: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let view = ListView::from_query_with_product(&query);
    detail(state, need, ctx, &tenant, Tab::Software, view).await
}

pub async fn orders_tab(
    state: web::Data<AppState>,
    need: Reader<perm::CustomersRead>,
    ctx: PageContext,
    tenant: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let view = ListView::from_query(&query);
    detail(state, need, ctx, &tenant, Tab::Orders, view).await
}
