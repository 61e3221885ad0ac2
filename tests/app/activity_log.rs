//! Account settings › Activity log: ranges, keyset pages, filters, the CSV export and who may
//! read it.

use chrono::{DateTime, Duration, Utc};
use cspdesk::auth::Role;
use cspdesk::db::schema::activity;
use cspdesk::ids::{CustomerId, PartnerId, UserId};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::fixtures_people::{account, other_shop, staff, user_id};
use crate::support::html::{rows, unescape};
use crate::support::software::{copy_link, variant_id};
use crate::support::{TestApp, Visitor};

const LOG: &str = "/account/activity";

/// A partner with an Admin agent (whose actions the log lists), a Global admin (who reads
/// it) and a customer "Adatum Corporation" at `adatum.example`.
struct Contoso {
    partner: PartnerId,
    admin: String,
    global: String,
    adatum: CustomerId,
}

async fn contoso(app: &TestApp) -> Contoso {
    let partner = app.partner("Contoso").await;
    let admin = app.user(partner).roles(&[Role::AdminAgent]).await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let adatum = app
        .customer(partner)
        .named("Adatum Corporation")
        .domain("adatum.example")
        .await;
    Contoso {
        partner,
        admin,
        global,
        adatum,
    }
}

/// Appends one record, as a feature would, at `at`, naming `tag` as its file.
async fn add(
    app: &TestApp,
    actor: &str,
    operation: &str,
    customer: Option<CustomerId>,
    at: DateTime<Utc>,
    tag: &str,
) {
    let (partner, id) = account(app, actor).await;
    diesel::insert_into(activity::table)
        .values((
            activity::partner_id.eq(partner),
            activity::at.eq(at),
            activity::actor_user_id.eq(id),
            activity::actor.eq(actor),
            activity::operation.eq(operation),
            activity::customer_id.eq(customer),
            activity::details.eq(serde_json::json!({ "file": tag })),
        ))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// The address of the next (older) page, if the page offers one.
fn older(html: &str) -> Option<String> {
    let start = html.find("data-test=\"activity-older\"")?;
    let before = &html[..start];
    let href = &before[before.rfind("href=\"")? + 6..];
    Some(unescape(&href[..href.find('"')?]))
}

fn details(rows: &[Vec<String>]) -> Vec<String> {
    rows.iter().map(|r| r[6].clone()).collect()
}

async fn log(v: &Visitor, query: &str) -> crate::support::Resp {
    v.get(&format!("{LOG}?{query}")).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_at_exactly_the_start_and_the_end_of_the_range_are_listed_and_no_others() {
    let app = TestApp::spawn().await;
    let contoso = contoso(&app).await;
    let adatum = Some(contoso.adatum);
    let micro = Duration::microseconds(1);
    for (when, tag) in [
        (at("2026-03-01T00:00:00Z") - micro, "before-start"),
        (at("2026-03-01T00:00:00Z"), "at-start"),
        (at("2026-03-10T23:59:59.999999Z"), "at-end"),
        (at("2026-03-11T00:00:00Z"), "after-end"),
    ] {
        add(&app, &contoso.admin, "key_viewed", adatum, when, tag).await;
    }
    let v = app.signed_in(&contoso.global).await;
    let page = log(&v, "from=2026-03-01&to=2026-03-10").await;
    assert_eq!(page.status, 200);
    let listed = rows(&page.body);
    assert_eq!(details(&listed), ["at-end", "at-start"]);
    assert_eq!(listed[0][0], "March 10, 2026 at 23:59:59 UTC");
    assert_eq!(listed[0][1], contoso.admin);
    assert_eq!(listed[0][2], "Adatum Corporation");
    assert_eq!(listed[0][5], "Key viewed");
    assert!(page.contains("From March 1, 2026 00:00 to March 10, 2026 24:00 UTC"));
    // One day is a range too.
    let one = log(&v, "from=2026-03-11&to=2026-03-11").await;
    assert_eq!(details(&rows(&one.body)), ["after-end"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_of_records_made_at_the_same_instant_follow_on_without_gaps_or_repeats() {
    let app = TestApp::spawn().await;
    let contoso = contoso(&app).await;
    let same = at("2026-04-02T12:00:00Z");
    add(
        &app,
        &contoso.admin,
        "downloaded",
        None,
        same + Duration::seconds(1),
        "newer",
    )
    .await;
    for i in 0..120 {
        add(
            &app,
            &contoso.admin,
            "downloaded",
            None,
            same,
            &format!("same-{i:03}"),
        )
        .await;
    }
    add(
        &app,
        &contoso.admin,
        "downloaded",
        None,
        same - Duration::seconds(1),
        "older",
    )
    .await;
    let v = app.signed_in(&contoso.global).await;
    let mut next = Some(format!("{LOG}?from=2026-04-01&to=2026-04-30"));
    let (mut seen, mut pages) = (Vec::new(), 0);
    while let Some(path) = next {
        let page = v.get(&path).await;
        assert_eq!(page.status, 200);
        let listed = rows(&page.body);
        assert!(listed.len() <= 25);
        seen.extend(details(&listed));
        next = older(&page.body);
        pages += 1;
        if pages > 1 {
            assert!(page.contains("data-test=\"activity-newest\""));
        }
    }
    assert_eq!(pages, 5, "122 records, 25 to a page");
    let mut expected = vec!["newer".to_string()];
    expected.extend((0..120).rev().map(|i| format!("same-{i:03}")));
    expected.push("older".into());
    assert_eq!(
        seen, expected,
        "newest first; equal instants by the order they were made"
    );
    // A cursor that does not parse starts from the newest record, not an error.
    let odd = log(&v, "from=2026-04-01&to=2026-04-30&after=yesterday").await;
    assert_eq!(details(&rows(&odd.body))[0], "newer");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_select_by_operation_user_customer_and_download_link() {
    let app = TestApp::spawn().await;
    let Contoso {
        partner,
        admin,
        global,
        adatum,
    } = contoso(&app).await;
    let fourth = app.customer(partner).await;
    let day = at("2026-05-05T10:00:00Z");
    add(&app, &admin, "key_viewed", Some(adatum), day, "a-key").await;
    add(&app, &admin, "downloaded", Some(fourth), day, "f-download").await;
    add(&app, &global, "order_placed", Some(adatum), day, "a-order").await;
    // A download by link has no user, only the link.
    diesel::insert_into(activity::table)
        .values((
            activity::partner_id.eq(partner),
            activity::at.eq(day),
            activity::actor.eq("download link"),
            activity::operation.eq("link_used"),
            activity::customer_id.eq(Some(adatum)),
            activity::details.eq(serde_json::json!({ "file": "a-link", "ip": "192.0.2.7" })),
        ))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let v = app.signed_in(&global).await;
    let range = "from=2026-05-01&to=2026-05-31";
    let shown = |q: String| {
        let v = v.clone();
        async move {
            let page = log(&v, &q).await;
            assert_eq!(page.status, 200, "{q}: {}", page.body);
            let mut d = details(&rows(&page.body));
            d.sort();
            d
        }
    };
    assert_eq!(
        shown(range.to_string()).await,
        ["a-key", "a-link", "f-download"],
        "key access and downloads by default"
    );
    assert_eq!(
        shown(format!("{range}&op=all")).await,
        ["a-key", "a-link", "a-order", "f-download"]
    );
    assert_eq!(shown(format!("{range}&op=order_placed")).await, ["a-order"]);
    assert_eq!(
        shown(format!("{range}&customer=adatum.example")).await,
        ["a-key", "a-link"]
    );
    assert_eq!(
        shown(format!("{range}&customer={fourth}")).await,
        ["f-download"],
        "by tenant ID too"
    );
    let (_, admin_id) = account(&app, &admin).await;
    assert_eq!(
        shown(format!("{range}&user={admin_id}")).await,
        ["a-key", "f-download"]
    );
    assert_eq!(shown(format!("{range}&user=link")).await, ["a-link"]);
    let page = log(&v, &format!("{range}&user=link")).await;
    assert_eq!(rows(&page.body)[0][1], "Download link, from 192.0.2.7");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_dates_ranges_and_filters_get_a_message_on_the_page() {
    let app = TestApp::spawn().await;
    let contoso = contoso(&app).await;
    let v = app.signed_in(&contoso.global).await;
    let fabrikam = other_shop(&app).await;
    let fabrikam_customer = fabrikam.customer;
    let (_, fabrikam_admin) = account(&app, &fabrikam.agent).await;
    for (query, message) in [
        (
            "from=2026-03-10&to=2026-03-01".to_string(),
            "The start date is after the end date.",
        ),
        (
            "from=last+week&to=2026-03-01".to_string(),
            "Enter the start date as year-month-day",
        ),
        (
            "from=2026-01-01&to=2026-02-30".to_string(),
            "Enter the end date as year-month-day",
        ),
        (
            "from=2025-01-01&to=2026-01-02".to_string(),
            "Choose a range of at most 366 days.",
        ),
        (
            "op=delete_everything".to_string(),
            "Choose an operation from the list.",
        ),
        (
            format!("user={fabrikam_admin}"),
            "Choose a user from the list.",
        ),
        (
            format!("customer={fabrikam_customer}"),
            "None of your customers has this domain or tenant ID.",
        ),
        (
            "customer=lamna.example".to_string(),
            "None of your customers has this domain or tenant ID.",
        ),
    ] {
        for path in [LOG, "/account/activity/csv"] {
            let page = v.get(&format!("{path}?{query}")).await;
            assert_eq!(page.status, 422, "{path}?{query}");
            assert!(page.contains(message), "{path}?{query}: {}", page.body);
            assert!(
                page.contains("data-test=\"activity-filter\""),
                "the form stays"
            );
            assert!(rows(&page.body).is_empty());
        }
    }
    // Forged values far outside any calendar get the same kind of answer, never an error.
    for query in [
        "from=-5000-01-01&to=-5000-01-02",
        "from=0000-01-01",
        "customer=x%00y",
    ] {
        let page = log(&v, query).await;
        assert_eq!(page.status, 422, "{query}");
    }
    let odd = log(&v, "after=-8000000000000000000.1").await;
    assert_eq!(
        odd.status, 200,
        "a cursor out of range starts from the newest record"
    );
    assert_eq!(
        log(&v, "customer=%00").await.status,
        200,
        "a lone NUL is no filter"
    );
    // What was typed is shown back.
    let page = log(&v, "from=last+week&to=2026-03-01").await;
    assert!(page.contains("value=\"last week\""));
    // Nothing was exported by a refused request.
    let exported: i64 = activity::table
        .filter(activity::operation.eq("activity_exported"))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(exported, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_csv_holds_exactly_the_listed_rows_and_the_export_is_recorded() {
    let app = TestApp::spawn().await;
    let contoso = contoso(&app).await;
    let adatum = contoso.adatum;
    let start = at("2026-06-01T08:00:00Z");
    for i in 0..70 {
        let tag = if i == 3 {
            "=cmd|' /C calc'!A0".to_string()
        } else {
            format!("file-{i}")
        };
        add(
            &app,
            &contoso.admin,
            "downloaded",
            Some(adatum),
            start + Duration::minutes(i),
            &tag,
        )
        .await;
    }
    add(
        &app,
        &contoso.global,
        "order_placed",
        Some(adatum),
        start,
        "not-access",
    )
    .await;
    let v = app.signed_in(&contoso.global).await;
    let query = "from=2026-06-01&to=2026-06-30&customer=adatum.example";
    let first = log(&v, query).await;
    let mut listed = rows(&first.body);
    let mut next = older(&first.body);
    while let Some(path) = next {
        let page = v.get(&path).await;
        listed.extend(rows(&page.body));
        next = older(&page.body);
    }
    assert_eq!(listed.len(), 70);
    let csv = v.get(&format!("/account/activity/csv?{query}")).await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        csv.headers["content-disposition"],
        "attachment; filename=\"activity-2026-06-01-2026-06-30.csv\""
    );
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "Time (UTC)",
            "User",
            "Customer",
            "Tenant ID",
            "Product",
            "Order",
            "Operation",
            "Details"
        ]
    );
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(records.len(), listed.len());
    for (row, page) in records.iter().zip(&listed) {
        let at: chrono::DateTime<chrono::Utc> = row[0].parse().expect("an ISO 8601 time");
        let as_page = cspdesk::web::format::datetime_seconds_utc(&at, cspdesk::i18n::Lang::En);
        assert_eq!(as_page, page[0]);
        assert_eq!([&row[1], &row[2]], [&page[1], &page[2]]);
        assert_eq!(row[3], adatum.to_string());
        assert_eq!([&row[4], &row[5], &row[6]], [&page[3], &page[4], &page[5]]);
        // A cell a spreadsheet would run as a formula is kept as text.
        if page[6].starts_with('=') {
            assert_eq!(row[7], format!("'{}", page[6]));
        } else {
            assert_eq!(row[7], page[6]);
        }
    }
    let (_, global_id) = account(&app, &contoso.global).await;
    let recorded: Vec<(Option<UserId>, serde_json::Value)> = activity::table
        .filter(activity::operation.eq("activity_exported"))
        .select((activity::actor_user_id, activity::details))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].0, Some(global_id));
    assert_eq!(recorded[0].1["from"], "2026-06-01");
    // The export is itself on the log.
    let exports = log(&v, "op=activity_exported").await;
    assert_eq!(rows(&exports.body).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_view_a_link_download_and_a_sign_in_made_today_are_on_the_default_page() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let admin = app.user(partner).roles(&[Role::AdminAgent]).await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let customer = app.customer(partner).named("Adatum Corporation").await;
    let line = app.purchase(customer, "ws2022-std").days_old(88).await.line;
    let purchase = format!("/customers/{customer}/software/{line}");
    let agent = app.signed_in(&admin).await;
    assert_eq!(agent.get(&format!("{purchase}/key")).await.status, 200);
    let variant = variant_id(&app, line).await;
    let link = copy_link(&agent, &purchase, &variant.to_string()).await;
    assert_eq!(app.visitor().get(&link).await.status, 200);
    let v = app.signed_in(&global).await;
    let page = log(&v, "").await;
    assert_eq!(page.status, 200);
    let listed = rows(&page.body);
    let ops: Vec<(&str, &str)> = listed
        .iter()
        .map(|r| (r[1].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        ops,
        [
            ("Download link, from 127.0.0.1", "Downloaded by link"),
            (admin.as_str(), "Link created"),
            (admin.as_str(), "Key viewed"),
        ]
    );
    assert!(listed.iter().all(|r| r[2] == "Adatum Corporation"));
    assert!(
        listed
            .iter()
            .all(|r| r[3] == "Windows Server 2022 Standard")
    );
    let sign_ins = rows(&log(&v, "op=signed_in").await.body);
    let who: Vec<&str> = sign_ins.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(who, [global.as_str(), admin.as_str()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_partners_records_never_show_and_only_four_roles_open_the_log() {
    let app = TestApp::spawn().await;
    let fabrikam = other_shop(&app).await;
    let lamna = Some(fabrikam.customer);
    let day = at("2026-07-07T07:07:07Z");
    add(&app, &fabrikam.agent, "key_viewed", lamna, day, "fabrikam").await;
    let contoso = app.partner("Contoso").await;
    let readers = staff(
        &app,
        contoso,
        &[
            Role::GlobalAdmin,
            Role::AccountAdmin,
            Role::ReferralAdmin,
            Role::MarketingAdmin,
        ],
    )
    .await;
    for email in &readers {
        let v = app.signed_in(email).await;
        let page = log(&v, "from=2026-07-01&to=2026-07-31&op=all").await;
        assert_eq!(page.status, 200, "{email}");
        assert!(rows(&page.body).is_empty(), "{email} sees only Contoso");
    }
    let mut others = staff(
        &app,
        contoso,
        &[
            Role::AdminAgent,
            Role::SalesAgent,
            Role::HelpdeskAgent,
            Role::BillingAdmin,
        ],
    )
    .await;
    others.push(app.support_engineer().await);
    for email in &others {
        let v = app.signed_in(email).await;
        assert_eq!(log(&v, "").await.status, 403, "{email}");
        assert_eq!(v.get("/account/activity/csv").await.status, 403, "{email}");
        assert!(
            !v.get("/account")
                .await
                .contains("href=\"/account/activity\"")
        );
    }
    let gabriel = app.signed_in(&readers[0]).await;
    assert!(
        gabriel
            .get("/account")
            .await
            .contains("href=\"/account/activity\"")
    );
}

/// Inserts a record at `at` naming `tag` as its file, with the ids of a customer, order and
/// product and nothing else, as a writer that knows only ids would.
async fn add_by_ids(
    conn: &mut diesel_async::AsyncPgConnection,
    partner: PartnerId,
    at: DateTime<Utc>,
    tag: &str,
) {
    diesel::sql_query(
        "INSERT INTO activity (partner_id, at, actor, operation, customer_id, order_id,
                               product_id, details)
         SELECT o.partner_id, $3, 'someone@contoso.example', 'order_placed', o.customer_id,
                o.id, l.product_id, jsonb_build_object('file', $2::text)
           FROM orders o JOIN order_lines l ON l.order_id = o.id
          WHERE o.partner_id = $1",
    )
    .bind::<diesel::sql_types::Uuid, _>(partner)
    .bind::<diesel::sql_types::Text, _>(tag)
    .bind::<diesel::sql_types::Timestamptz, _>(at)
    .execute(conn)
    .await
    .unwrap();
}

/// Each record keeps the customer, product and order number it was written with, whoever
/// wrote it and however the names change later; records from before the names were kept get
/// them from the migration that added them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_keep_the_names_they_were_written_with_and_older_records_get_theirs() {
    use cspdesk::clock::Clock;
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    app.purchase(shop.customer, "ws2022-std").await;
    let now = app.clock.now();
    // Back to just before the names were kept, undoing any migration after it.
    let mut conn =
        crate::support::db::before_migration(&app.database_url(), "20261206000015").await;
    add_by_ids(
        &mut conn,
        shop.partner,
        now - Duration::minutes(3),
        "before",
    )
    .await;
    let mut conn = crate::support::db::migrated(conn);
    add_by_ids(&mut conn, shop.partner, now - Duration::minutes(2), "after").await;
    diesel::sql_query("UPDATE customers SET company_name = 'Northwind Traders' WHERE id = $1")
        .bind::<diesel::sql_types::Uuid, _>(shop.customer)
        .execute(&mut conn)
        .await
        .unwrap();
    add_by_ids(
        &mut conn,
        shop.partner,
        now - Duration::minutes(1),
        "renamed",
    )
    .await;
    let number: i64 = diesel::sql_query("SELECT number FROM orders WHERE customer_id = $1")
        .bind::<diesel::sql_types::Uuid, _>(shop.customer)
        .get_result::<OrderNumber>(&mut conn)
        .await
        .unwrap()
        .number;

    let v = app.signed_in(&global).await;
    let page = log(&v, "op=order_placed").await;
    assert_eq!(page.status, 200, "{}", page.body);
    // The purchase itself is on the log too; these are the records added here.
    let shown: Vec<(String, String, String, String)> = rows(&page.body)
        .into_iter()
        .filter(|r| ["before", "after", "renamed"].contains(&r[6].as_str()))
        .map(|r| (r[6].clone(), r[2].clone(), r[3].clone(), r[4].clone()))
        .collect();
    let product = "Windows Server 2022 Standard".to_string();
    let row = |tag: &str, customer: &str| {
        (
            tag.to_string(),
            customer.to_string(),
            product.clone(),
            number.to_string(),
        )
    };
    assert_eq!(
        shown,
        [
            row("renamed", "Northwind Traders"),
            row("after", "Northwind"),
            row("before", "Northwind"),
        ]
    );
}

#[derive(diesel::QueryableByName)]
struct OrderNumber {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    number: i64,
}

/// The database's access flag (which the default view reads through its own index) is set for
/// exactly the operations the product calls access.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kept_access_flag_marks_exactly_the_access_operations() {
    use cspdesk::activity::{ACCESS, Operation};
    let app = TestApp::spawn().await;
    let contoso = contoso(&app).await;
    let when = cspdesk::clock::Clock::now(&*app.clock);
    for op in Operation::ALL {
        add(&app, &contoso.admin, op.code(), None, when, op.code()).await;
    }
    let flags: Vec<(String, bool)> = activity::table
        .filter(activity::actor.eq(&contoso.admin))
        .select((activity::operation, activity::access))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(flags.len(), Operation::ALL.len());
    for (code, access) in flags {
        let op = Operation::from_code(&code).unwrap();
        assert_eq!(access, ACCESS.contains(&op), "{code}");
    }
}

/// Inserts a record for `partner` by `actor` (a user's id, or none for a token), as the
/// feature would.
async fn add_for(
    app: &TestApp,
    partner: PartnerId,
    actor: (Option<UserId>, &str),
    at: DateTime<Utc>,
    tag: &str,
) {
    diesel::insert_into(activity::table)
        .values((
            activity::partner_id.eq(partner),
            activity::at.eq(at),
            activity::actor_user_id.eq(actor.0),
            activity::actor.eq(actor.1),
            activity::operation.eq("key_viewed"),
            activity::details.eq(serde_json::json!({ "file": tag })),
        ))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
}

/// The list of people holds the partner's staff only, however many users its customers
/// have; anyone else who acted on its data (a customer's user, support, an API token) is found
/// by typing their address or the token's name, and the pages that follow keep them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_user_list_holds_the_staff_and_anyone_else_is_found_by_typing() {
    let app = TestApp::spawn().await;
    let Contoso {
        partner,
        admin,
        global,
        adatum,
    } = contoso(&app).await;
    let customer_user = app
        .user(partner)
        .customer(adatum)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let support = app.support_engineer().await;
    let v = app.signed_in(&global).await;
    crate::support::api::create_token(&v, "billing-sync", &["orders:read"], 30).await;
    let day = at("2026-05-05T10:00:00Z");
    add(&app, &admin, "key_viewed", Some(adatum), day, "by-admin").await;
    let ids = [
        user_id(&app, &customer_user).await,
        user_id(&app, &support).await,
    ];
    add_for(
        &app,
        partner,
        (Some(ids[0]), &customer_user),
        day,
        "by-customer",
    )
    .await;
    add_for(&app, partner, (Some(ids[1]), &support), day, "by-support").await;
    add_for(&app, partner, (None, "billing-sync"), day, "by-token").await;
    // Enough records that a person's second page exists.
    for i in 0..30 {
        let at = day - Duration::minutes(i + 1);
        add_for(
            &app,
            partner,
            (None, "billing-sync"),
            at,
            &format!("token-{i}"),
        )
        .await;
    }

    let range = "from=2026-05-01&to=2026-05-31";
    let page = log(&v, range).await;
    assert_eq!(page.status, 200);
    let list = &page.body[page.body.find("<select id=\"user\"").unwrap()..];
    let list = &list[..list.find("</select>").unwrap()];
    assert!(list.contains(&admin) && list.contains(&global), "{list}");
    for other in [&customer_user, &support] {
        assert!(
            !list.contains(other.as_str()),
            "{other} is not staff: {list}"
        );
    }

    let shown = |q: String| {
        let v = v.clone();
        async move {
            let page = log(&v, &q).await;
            assert_eq!(page.status, 200, "{q}: {}", page.body);
            details(&rows(&page.body))
        }
    };
    let upper = customer_user.to_uppercase();
    assert_eq!(shown(format!("{range}&who={upper}")).await, ["by-customer"]);
    assert_eq!(
        shown(format!("{range}&who=+{support}+")).await,
        ["by-support"]
    );
    // Typed wins over the list's choice.
    let (_, admin_id) = account(&app, &admin).await;
    assert_eq!(
        shown(format!("{range}&user={admin_id}&who={support}")).await,
        ["by-support"]
    );
    let by_token = log(&v, &format!("{range}&who=billing-sync")).await;
    let first = details(&rows(&by_token.body));
    assert_eq!(first.len(), 25);
    assert_eq!(first[0], "by-token");
    // The next page and the export keep the token, by name.
    let next = older(&by_token.body).expect("a second page");
    assert!(next.contains("who=billing-sync"), "{next}");
    let rest = details(&rows(&v.get(&next).await.body));
    assert_eq!(rest.len(), 6);
    assert!(rest.iter().all(|d| d.starts_with("token-")));
    let csv = v
        .get(&format!("{LOG}/csv?{range}&who=billing-sync&op=all"))
        .await;
    assert_eq!(csv.status, 200);
    assert_eq!(csv.body.matches("billing-sync").count(), 31, "{}", csv.body);
    // A customer's user chosen through the address is listed as the choice.
    let chosen = log(&v, &format!("{range}&user={}", ids[0])).await;
    assert_eq!(details(&rows(&chosen.body)), ["by-customer"]);
    assert!(chosen.contains(&format!("selected>{customer_user}</option>")));

    // Nobody by that name, and another partner's people and tokens, are refused.
    let rival = other_shop(&app).await;
    let rival_global = app.user(rival.partner).roles(&[Role::GlobalAdmin]).await;
    let rival_admin = app.signed_in(&rival_global).await;
    crate::support::api::create_token(&rival_admin, "rival-sync", &["orders:read"], 30).await;
    for who in ["nobody@example.test", rival.agent.as_str(), "rival-sync"] {
        let page = log(&v, &format!("{range}&who={who}")).await;
        assert_eq!(page.status, 422, "{who}");
        assert!(
            page.contains("No one by that e-mail address or API token name"),
            "{who}"
        );
        assert!(rows(&page.body).is_empty());
    }
}
