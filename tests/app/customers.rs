use cspdesk::auth::Role;
use cspdesk::db::schema::customers;
use cspdesk::ids::PartnerId;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::TestApp;
use crate::support::fixtures_orders::{other_partners_agent, partner_with_agent};

/// A partner with an Admin agent and ten customers, the first two "Northwind Traders" and
/// "Wide World Importers"; another partner, Fabrikam, has "Lamna Healthcare" at
/// `lamna.example`. The first partner's agent.
async fn two_partners(app: &TestApp) -> (PartnerId, String) {
    let (contoso, agent) = partner_with_agent(app, "Contoso").await;
    app.customer(contoso).named("Northwind Traders").await;
    app.customer(contoso).named("Wide World Importers").await;
    for _ in 0..8 {
        app.customer(contoso).await;
    }
    let fabrikam = app.partner("Fabrikam").await;
    app.customer(fabrikam)
        .named("Lamna Healthcare")
        .domain("lamna.example")
        .await;
    (contoso, agent)
}

async fn count_customers(app: &TestApp) -> i64 {
    customers::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_shows_only_the_partners_own_customers() {
    let app = TestApp::spawn().await;
    let (_, agent) = two_partners(&app).await;
    let list = app.signed_in(&agent).await.get("/customers").await;
    assert_eq!(list.status, 200);
    assert!(list.contains("Northwind Traders") && list.contains("Wide World Importers"));
    assert!(list.contains("10 customers"));
    assert!(
        !list.contains("Lamna Healthcare"),
        "Fabrikam's customer must not show"
    );
}

/// The list pages by keyset in name order (ties broken by tenant ID), each customer exactly
/// once and with the statements of the first page on every page; the number of customers is
/// kept on the partner by the database, and a search counts its matches only up to 1000.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_has_25_customers_a_page() {
    use crate::support::ordering::{keyset_pages, queries_for};
    let app = TestApp::spawn().await;
    // Ten customers, and 30 more added through the form, six of each name.
    let (contoso, agent) = two_partners(&app).await;
    let v = app.signed_in(&agent).await;
    for i in 0..30 {
        let name = format!("Bulk {:02}", i % 5);
        let domain = format!("bulk{i}.test");
        let res = v
            .post(
                "/customers",
                &[
                    ("company_name", &name),
                    ("primary_domain", &domain),
                    ("market", "US"),
                    ("currency", "USD"),
                ],
            )
            .await;
        assert_eq!(res.status, 303);
    }
    let pages = keyset_pages(&app, &v, "/customers").await;
    assert!(pages[0].contains("40 customers"));
    assert!(pages[1].contains("40 customers"));
    assert_eq!(
        queries_for(&app, &v, "/customers").await,
        2,
        "the session, then the page with the partner's count"
    );
    assert_eq!(
        listed_ids(&pages),
        ids_in_order(&app, contoso, "lower(company_name), id").await
    );
    assert_eq!(
        pages
            .iter()
            .map(|p| p.body.matches("<td><a href=\"/customers/").count())
            .collect::<Vec<_>>(),
        [25, 15]
    );
    assert_eq!(
        v.get("/customers?after=abc").await.status,
        200,
        "a nonsense cursor shows the first page"
    );

    // 1,001 more, added in bulk: the partner's count follows, and a search matching them all
    // says it stopped counting.
    diesel::sql_query(
        "INSERT INTO customers (id, partner_id, company_name, primary_domain, market, currency, created_at)
         SELECT gen_random_uuid(), $1, 'Many ' || g, 'many' || g || '.test', 'US', 'USD', now()
           FROM generate_series(1, 1001) g",
    )
    .bind::<diesel::sql_types::Uuid, _>(contoso)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    assert!(v.get("/customers").await.contains("1,041 customers"));
    let many = v.get("/customers?q=many").await;
    assert!(many.contains("More than 1,000 customers"), "{}", many.body);
    assert_eq!(many.body.matches("<td><a href=\"/customers/").count(), 25);
    assert!(v.get("/customers?q=bulk").await.contains("30 customers"));
    // A search whose matches fit on one page counts them without a statement of its own.
    let one_page = queries_for(&app, &v, "/customers?q=bulk+01").await;
    assert_eq!(
        queries_for(&app, &v, "/customers?q=bulk").await,
        one_page + 1
    );
    assert!(v.get("/customers?q=bulk+01").await.contains("6 customers"));
}

#[derive(diesel::QueryableByName)]
struct IdText {
    #[diesel(sql_type = diesel::sql_types::Text)]
    id: String,
}

/// The tenant IDs the pages list, in page order.
fn listed_ids(pages: &[crate::support::Resp]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| {
            p.body
                .split("<td><a href=\"/customers/")
                .skip(1)
                .map(|rest| rest[..36].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The partner's tenant IDs in the SQL order `order`.
async fn ids_in_order(app: &TestApp, partner: PartnerId, order: &str) -> Vec<String> {
    diesel::sql_query(format!(
        "SELECT id::text AS id FROM customers WHERE partner_id = $1 ORDER BY {order}"
    ))
    .bind::<diesel::sql_types::Uuid, _>(partner)
    .load::<IdText>(&mut app.conn().await)
    .await
    .unwrap()
    .into_iter()
    .map(|r| r.id)
    .collect()
}

/// Each column header sorts the list by it, A to Z, and again Z to A; every order pages by
/// keyset (each customer once, later pages reading as much as the first), and a search keeps
/// the order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_sorts_by_name_or_domain_either_way_over_pages() {
    use crate::support::ordering::keyset_pages;
    let app = TestApp::spawn().await;
    let (contoso, agent) = two_partners(&app).await;
    // Six of each name, their domains in another order than their names.
    let tag = &contoso.to_string()[..8];
    for i in 0..30 {
        app.customer(contoso)
            .named(&format!("Bulk {:02}", i % 5))
            .domain(&format!("d{:02}.{tag}.test", (i * 7) % 30))
            .await;
    }
    let v = app.signed_in(&agent).await;
    let first = v.get("/customers").await;
    assert!(first.contains("aria-sort=\"ascending\"><a href=\"/customers?sort=name_desc\""));
    assert!(first.contains("<a href=\"/customers?sort=domain\" data-test=\"sort-domain\""));
    for (sort, order) in [
        ("", "lower(company_name), id"),
        ("?sort=name_desc", "lower(company_name) DESC, id DESC"),
        ("?sort=domain", "primary_domain, id"),
        ("?sort=domain_desc", "primary_domain DESC, id DESC"),
    ] {
        let pages = keyset_pages(&app, &v, &format!("/customers{sort}")).await;
        assert_eq!(pages.len(), 2, "{sort}");
        assert_eq!(
            listed_ids(&pages),
            ids_in_order(&app, contoso, order).await,
            "{sort}"
        );
        assert!(!pages[0].contains("Lamna Healthcare"));
    }
    let domain = v.get("/customers?sort=domain").await;
    assert!(domain.contains("aria-sort=\"ascending\"><a href=\"/customers?sort=domain_desc\""));
    assert!(domain.contains("<input type=\"hidden\" name=\"sort\" value=\"domain\">"));
    // A search in Z-to-A domain order: the six "Bulk 03", in that order.
    let found = v.get("/customers?sort=domain_desc&q=bulk+03").await;
    let rows = listed_ids(&[found]);
    assert_eq!(rows.len(), 6);
    let expected: Vec<String> = ids_in_order(&app, contoso, "primary_domain DESC, id DESC")
        .await
        .into_iter()
        .filter(|id| rows.contains(id))
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(v.get("/customers?sort=nonsense").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_customers_by_name_domain_or_tenant_guid() {
    let app = TestApp::spawn().await;
    let (contoso, agent) = two_partners(&app).await;
    app.customer(contoso).named("Tailspin Toys").await;
    app.customer(contoso)
        .named("Woodgrove Bank")
        .domain("woodgrove.example")
        .await;
    let adatum = app.customer(contoso).named("Adatum Corporation").await;
    let v = app.signed_in(&agent).await;
    let by_name = v.get("/customers?q=tailspin").await;
    assert!(by_name.contains("Tailspin Toys") && !by_name.contains("Northwind"));
    let shouting = v.get("/customers?q=WOODGROVE.Ex").await;
    assert!(shouting.contains("Woodgrove Bank") && !shouting.contains("Tailspin Toys"));
    let by_domain = v.get("/customers?q=woodgrove.example").await;
    assert!(by_domain.contains("Woodgrove Bank") && by_domain.contains("1 customer"));
    let guid = adatum.to_string();
    let by_guid = v.get(&format!("/customers?q={guid}")).await;
    assert!(by_guid.contains("Adatum Corporation") && by_guid.contains("1 customer"));
    let by_prefix = v.get(&format!("/customers?q={}", &guid[..8])).await;
    assert!(by_prefix.contains("Adatum Corporation"));
    let wildcard = v.get("/customers?q=%25").await;
    assert!(
        wildcard.contains("No customer matches your search."),
        "% is text, not a wildcard"
    );
    let other = v.get("/customers?q=lamna").await;
    assert!(other.contains("No customer matches your search."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_over_long_search_gets_a_clear_message() {
    let app = TestApp::spawn().await;
    let (_, agent) = partner_with_agent(&app, "Contoso").await;
    let v = app.signed_in(&agent).await;
    let res = v.get(&format!("/customers?q={}", "a".repeat(5000))).await;
    assert_eq!(res.status, 200);
    assert!(res.contains("The search text is too long: use at most 100 characters."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_agent_adds_a_customer_and_sees_its_page() {
    let app = TestApp::spawn().await;
    let (_, agent) = partner_with_agent(&app, "Contoso").await;
    let v = app.signed_in(&agent).await;
    assert!(
        v.get("/customers")
            .await
            .contains("data-test=\"add-customer\"")
    );
    let fields = [
        ("company_name", "Coho Winery"),
        ("primary_domain", "Coho.Test"),
        ("market", "TR"),
        ("currency", "TRY"),
    ];
    let res = v.post("/customers", &fields).await;
    assert_eq!(res.status, 303);
    let location = res.location.unwrap();
    let page = v.get(&location).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("Coho Winery was added."));
    assert!(page.contains("coho.test") && page.contains("TRY"));
    assert!(
        page.contains(" UTC</dd>"),
        "dates are shown in UTC and labelled so"
    );
    assert!(
        page.contains("Add products")
            && page.contains("Software")
            && page.contains("Order history")
    );
    let orders = v.get(&format!("{location}/orders")).await;
    assert!(orders.contains("This customer has no orders yet."));
    // On the activity log, by the agent, naming the customer.
    let tenant = location.trim_start_matches("/customers/");
    let added = added_records(&app).await;
    assert_eq!(added.len(), 1, "{added:?}");
    assert_eq!(
        (added[0].0.as_str(), added[0].1.as_deref()),
        (agent.as_str(), Some(tenant))
    );
    assert_eq!(added[0].2.as_deref(), Some("Coho Winery"));
}

/// The activity log's records of customers added: who, which customer, its name.
async fn added_records(app: &TestApp) -> Vec<(String, Option<String>, Option<String>)> {
    use cspdesk::db::schema::activity;
    activity::table
        .filter(activity::operation.eq("customer_added"))
        .select((
            activity::actor,
            activity::customer_id,
            activity::customer_name,
        ))
        .load::<(String, Option<uuid::Uuid>, Option<String>)>(&mut app.conn().await)
        .await
        .unwrap()
        .into_iter()
        .map(|(actor, id, name)| (actor, id.map(|i| i.to_string()), name))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_a_customer_name_is_shown_escaped() {
    let app = TestApp::spawn().await;
    let (_, agent) = partner_with_agent(&app, "Contoso").await;
    let v = app.signed_in(&agent).await;
    let name = "<script>alert(1)</script> & Co";
    let res = v
        .post(
            "/customers",
            &[
                ("company_name", name),
                ("primary_domain", "xss.test"),
                ("market", "US"),
                ("currency", "USD"),
            ],
        )
        .await;
    let page = v.get(&res.location.unwrap()).await;
    assert!(!page.contains("<script>alert(1)</script>"));
    assert!(
        page.contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; Co")
            || page.contains("&lt;script&gt;")
    );
    let list = v.get("/customers?q=xss").await;
    assert!(!list.contains("<script>alert(1)"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_form_keeps_what_was_typed_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let (_, agent) = partner_with_agent(&app, "Contoso").await;
    let v = app.signed_in(&agent).await;
    let before = count_customers(&app).await;
    let res = v
        .post(
            "/customers",
            &[
                ("company_name", "Kept Name"),
                ("primary_domain", "not a domain"),
                ("market", "ZZ"),
                ("currency", "XXX"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.contains("value=\"Kept Name\"") && res.contains("value=\"not a domain\""));
    assert!(res.contains("Enter a domain name such as contoso.com."));
    assert!(res.contains("Choose a market from the list."));
    assert!(res.contains("Choose a currency from the list."));
    let missing = v.post("/customers", &[]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.contains("Enter the company name."));
    assert_eq!(count_customers(&app).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_domain_that_belongs_to_a_customer_is_refused() {
    let app = TestApp::spawn().await;
    let (_, agent) = two_partners(&app).await;
    let v = app.signed_in(&agent).await;
    let before = count_customers(&app).await;
    // Lamna belongs to another partner: refused all the same, without saying whose it is.
    let res = v
        .post(
            "/customers",
            &[
                ("company_name", "Lamna Copy"),
                ("primary_domain", "lamna.example"),
                ("market", "US"),
                ("currency", "USD"),
            ],
        )
        .await;
    assert_eq!(res.status, 422);
    assert!(res.contains("This domain already belongs to a customer."));
    assert_eq!(count_customers(&app).await, before);
    assert!(added_records(&app).await.is_empty(), "nothing on the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_partners_customer_is_a_404() {
    let app = TestApp::spawn().await;
    let contoso_customer = app.shop().await.customer;
    let fabrikam = other_partners_agent(&app).await;
    let v = app.signed_in(&fabrikam).await;
    let res = v.get(&format!("/customers/{contoso_customer}")).await;
    assert_eq!(res.status, 404);
    assert!(res.contains("Not found") && !res.contains("Northwind"));
    assert_eq!(
        v.get(&format!("/customers/{contoso_customer}/orders"))
            .await
            .status,
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_tenant_guid_is_a_404_page() {
    let app = TestApp::spawn().await;
    let (_, agent) = partner_with_agent(&app, "Contoso").await;
    let v = app.signed_in(&agent).await;
    for path in [
        "/customers/not-a-guid",
        "/customers/123",
        "/customers/%00",
        "/customers/not-a-guid/orders",
    ] {
        let res = v.get(path).await;
        assert_eq!(res.status, 404, "{path}");
        assert!(res.contains("Not found"), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_helpdesk_agent_cannot_add_a_customer() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let helpdesk = app.user(partner).roles(&[Role::HelpdeskAgent]).await;
    let v = app.signed_in(&helpdesk).await;
    let list = v.get("/customers").await;
    assert_eq!(list.status, 200);
    assert!(!list.contains("data-test=\"add-customer\""), "no button");
    let before = count_customers(&app).await;
    let res = v
        .post(
            "/customers",
            &[
                ("company_name", "Forged"),
                ("primary_domain", "forged.test"),
                ("market", "US"),
                ("currency", "USD"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    assert!(res.contains("Not allowed"));
    assert_eq!(count_customers(&app).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_without_or_with_a_wrong_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    let (_, agent) = partner_with_agent(&app, "Contoso").await;
    let v = app.signed_in(&agent).await;
    let before = count_customers(&app).await;
    let form = [
        ("company_name", "No Token"),
        ("primary_domain", "notoken.test"),
        ("market", "US"),
        ("currency", "USD"),
    ];
    let none = v.post_raw("/customers", &form).await;
    assert_eq!(none.status, 403);
    assert!(none.contains("Not allowed"));
    let mut wrong = vec![("csrf_token", "0000")];
    wrong.extend_from_slice(&form);
    assert_eq!(v.post_raw("/customers", &wrong).await.status, 403);
    assert_eq!(count_customers(&app).await, before);
}
