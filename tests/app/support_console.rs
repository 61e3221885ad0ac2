//! The support console: the queue, the review page, and every step — take, ask,
//! the partner's reply, approve with credits and revocation, reject — each with its timeline
//! entry and activity record, exactly once under concurrency.

use chrono::Duration;
use cspdesk::auth::Role;
use cspdesk::clock::Clock;
use cspdesk::db::schema::{
    activity, credits, order_lines, product_keys, support_events, support_requests, users,
};
use cspdesk::i18n::Lang;
use cspdesk::ids::LineId;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use uuid::Uuid;

use crate::support::files::{CSV, attachment_links};
use crate::support::fixtures::{past_window_purchase, turkish_shop};
use crate::support::ordering::order_number;
use crate::support::software::make_link;
use crate::support::{Purchase, Shop};
use crate::support::{Resp, TestApp, Visitor};

/// A partner's Turkish customer whose 31-day-old order (2 Windows Server 2022 Standard and a
/// 3-year SQL Server 2022 Standard) is past its cancellation window: the shop and the Windows
/// Server purchase.
async fn refund_case(app: &TestApp) -> (Shop, Purchase) {
    let shop = turkish_shop(app).await;
    let b = past_window_purchase(app, &shop).await;
    (shop, b)
}

/// Files a refund of `amount` on the purchase; the request's id.
pub async fn refund(app: &TestApp, v: &Visitor, b: Purchase, amount: &str, title: &str) -> Uuid {
    let number = order_number(app, b.order).await;
    let tenant = b.customer.to_string();
    let res = v
        .post(
            "/support/requests",
            &[
                ("problem_type", "refund"),
                ("impact", "moderate"),
                ("title", title),
                ("tenant", &tenant),
                ("order", &number),
                ("reason", "Bought by mistake, never installed."),
                ("amount", amount),
                ("contact_name", "Avery Agent"),
                ("contact_email", "avery@contoso.example"),
                ("contact_phone", "+1 425 555 0100"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let location = res.location.unwrap();
    location.rsplit('/').next().unwrap().parse().unwrap()
}

struct State {
    status: String,
    assigned: bool,
    approved: Option<i64>,
    decided: bool,
}

async fn state(app: &TestApp, id: Uuid) -> State {
    let (status, assigned, approved, decided): (String, Option<Uuid>, Option<i64>, Option<_>) =
        support_requests::table
            .find(id)
            .select((
                support_requests::status,
                support_requests::assigned_to,
                support_requests::approved_minor,
                support_requests::decided_at,
            ))
            .first::<(_, _, _, Option<chrono::DateTime<chrono::Utc>>)>(&mut app.conn().await)
            .await
            .unwrap();
    State {
        status,
        assigned: assigned.is_some(),
        approved,
        decided: decided.is_some(),
    }
}

async fn kinds(app: &TestApp, id: Uuid) -> Vec<String> {
    support_events::table
        .filter(support_events::request_id.eq(id))
        .order(support_events::at)
        .select(support_events::kind)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

async fn records(app: &TestApp, operation: &str) -> i64 {
    activity::table
        .filter(activity::operation.eq(operation))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

async fn refund_credits(app: &TestApp, id: Uuid) -> Vec<i64> {
    credits::table
        .filter(credits::support_request_id.eq(id))
        .filter(credits::reason.eq("refund"))
        .select(credits::amount_minor)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

fn console(id: Uuid) -> String {
    format!("/console/requests/{id}")
}

/// A step, sent as its form sends it; an approval as its confirmation step sends it.
async fn act(v: &Visitor, id: Uuid, step: &str, fields: &[(&str, &str)]) -> Resp {
    let mut fields = fields.to_vec();
    if step == "approve" {
        fields.push(("confirmed", "yes"));
    }
    v.post(&format!("{}/{step}", console(id)), &fields).await
}

/// Approve refund first shows what will happen — the amount, the open invoice it lands on, the
/// revocation, the note — and writes nothing; the step's own form then approves. An amount the
/// decision would refuse is refused at the first step already.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn approving_a_refund_shows_what_will_happen_and_changes_nothing_until_confirmed() {
    let app = TestApp::spawn().await;
    let (shop, b) = refund_case(&app).await;
    let partner = app.signed_in(&shop.agent).await;
    let id = refund(&app, &partner, b, "100.00", "Confirm first").await;
    let support = app.signed_in(&app.support_engineer().await).await;
    let fields = [
        ("amount", "60.00"),
        ("revoke", "yes"),
        ("body", "Approved in part."),
    ];
    let asked = support
        .post(&format!("{}/approve", console(id)), &fields)
        .await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    let month = app.clock.now().format("%B %Y").to_string();
    for says in [
        format!(
            "Approve a refund of {} to Adatum Corporation?",
            cspdesk::money::display(6000, cspdesk::money::Currency::Try, Lang::En)
        ),
        format!("on the open invoice ({month}, TRY)"),
        "download link of the order is revoked at once".to_string(),
        "Approved in part.".to_string(),
    ] {
        assert!(asked.contains(&says), "{says}: {}", asked.body);
    }
    for hidden in [
        "name=\"amount\" value=\"60.00\"",
        "name=\"revoke\" value=\"yes\"",
        "name=\"confirmed\" value=\"yes\"",
    ] {
        assert!(asked.contains(hidden), "{hidden}");
    }
    let s = state(&app, id).await;
    assert_eq!(
        (s.status.as_str(), s.approved, s.decided),
        ("new", None, false)
    );
    assert!(refund_credits(&app, id).await.is_empty());
    let keys_live: i64 = product_keys::table
        .filter(product_keys::order_line_id.eq(b.line))
        .filter(product_keys::revoked_at.is_null())
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert!(keys_live > 0, "the key is not revoked before confirming");

    let too_much = support
        .post(&format!("{}/approve", console(id)), &[("amount", "100.01")])
        .await;
    assert_eq!(too_much.status, 422);
    assert!(too_much.contains("more than the partner asked for"));

    let confirmed = act(&support, id, "approve", &fields).await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
    assert_eq!(state(&app, id).await.approved, Some(6000));
    assert_eq!(refund_credits(&app, id).await, vec![6000]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_asks_the_partner_replies_with_a_file_and_an_approved_refund_credits_the_invoice() {
    let app = TestApp::spawn().await;
    let (shop, b) = refund_case(&app).await;
    let partner = app.signed_in(&shop.agent).await;
    let key: String = product_keys::table
        .find(b.line)
        .select(product_keys::key_text)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    let link = make_link(&app, &partner, b).await;
    assert_eq!(partner.get(&link).await.status, 200);
    let id = refund(&app, &partner, b, "100.00", "Refund after the window").await;
    let engineer = app.support_engineer().await;
    let support = app.signed_in(&engineer).await;

    // The queue shows it; the review page shows the partner, order, paid and window — no key.
    let queue = support.get("/console").await;
    assert_eq!(queue.status, 200);
    assert!(queue.contains("Refund after the window"));
    assert!(queue.contains("Contoso"), "{}", queue.body);
    let page = support.get(&console(id)).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("data-test=\"partner\">Contoso"));
    assert!(page.contains("Windows Server 2022 Standard"));
    assert!(page.contains("data-test=\"console-paid\">"));
    assert!(
        page.contains("The cancellation window ended on"),
        "{}",
        page.body
    );
    assert!(!page.contains(key.trim()));
    assert!(!page.contains(&cspdesk::orders::keys::grouped(key.trim())));

    // Take, then ask.
    let filed_at: chrono::DateTime<chrono::Utc> = support_requests::table
        .find(id)
        .select(support_requests::waiting_since)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    app.clock.advance(Duration::minutes(5));
    let taken = act(&support, id, "take", &[]).await;
    assert_eq!(taken.status, 303);
    let waiting_since = || async {
        support_requests::table
            .find(id)
            .select(support_requests::waiting_since)
            .first::<chrono::DateTime<chrono::Utc>>(&mut app.conn().await)
            .await
            .unwrap()
    };
    // Taking a request does not make it younger in the queue.
    assert_eq!(waiting_since().await, filed_at);
    let s = state(&app, id).await;
    assert_eq!((s.status.as_str(), s.assigned), ("in_review", true));
    // The queue names who took it; the requests nobody took name nobody.
    let name: String = users::table
        .filter(users::email.eq(&engineer))
        .select(users::display_name)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    let queue = support.get("/console").await;
    let rows: Vec<&str> = queue
        .body
        .split("data-test=\"queue-row\"")
        .skip(1)
        .collect();
    let taken_row = rows.iter().find(|r| r.contains(&id.to_string())).unwrap();
    assert!(
        taken_row.contains(&format!("<td>{name}</td>")),
        "{taken_row}"
    );
    assert_eq!(rows.iter().filter(|r| r.contains(&name)).count(), 1);
    let empty = act(&support, id, "ask", &[("body", "  ")]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.contains("Write a message of at most 4,000 characters."));
    let asked = act(&support, id, "ask", &[("body", "Please send the invoice.")]).await;
    assert_eq!(asked.status, 303);
    assert_eq!(state(&app, id).await.status, "waiting_for_partner");
    // PostgreSQL keeps microseconds.
    let asked_at = app.clock.now();
    assert!((waiting_since().await - asked_at).num_milliseconds().abs() < 1);
    // Another partner cannot answer, and nothing they send is kept.
    let files_before = std::fs::read_dir(app.attachments_dir()).map_or(0, |d| d.count());
    let fabrikam = app.partner("Fabrikam").await;
    let fabrikam = app.user(fabrikam).roles(&[Role::AdminAgent]).await;
    let fabrikam = app.signed_in(&fabrikam).await;
    let stranger = fabrikam
        .post_files(
            &format!("/support/requests/{id}/reply"),
            &[("body", "Hello")],
            &[("x.csv", b"a,b\n".to_vec())],
        )
        .await;
    assert_eq!(stranger.status, 404);
    let files_after = std::fs::read_dir(app.attachments_dir()).map_or(0, |d| d.count());
    assert_eq!(files_before, files_after);

    // The partner sees the question and replies with a file; the request goes back to support.
    let mine = partner.get(&format!("/support/requests/{id}")).await;
    assert!(mine.contains("Please send the invoice."));
    assert!(mine.contains("data-test=\"reply-form\""));
    let reply_path = format!("/support/requests/{id}/reply");
    let blank = partner.post(&reply_path, &[("body", " ")]).await;
    assert_eq!(blank.status, 422);
    assert!(blank.contains("Write a message of at most 4,000 characters."));
    assert_eq!(state(&app, id).await.status, "waiting_for_partner");
    let replied = partner
        .post_files(
            &reply_path,
            &[("body", "Attached.")],
            &[("invoice.csv", CSV.to_vec())],
        )
        .await;
    assert_eq!(replied.status, 303, "{}", replied.body);
    assert_eq!(state(&app, id).await.status, "in_review");
    let again = partner
        .post(&reply_path, &[("body", "One more thing")])
        .await;
    assert_eq!(again.status, 303);
    assert!(
        partner
            .get(&format!("/support/requests/{id}"))
            .await
            .contains("Support is not waiting")
    );
    let page = support.get(&console(id)).await;
    let links = attachment_links(&page.body);
    assert_eq!(links.len(), 1);
    assert_eq!(support.get(&links[0].0).await.body.as_bytes(), CSV);

    // Approve 60.00 of the 100.00 asked, revoking the order's keys.
    let approved = act(
        &support,
        id,
        "approve",
        &[
            ("amount", "60.00"),
            ("revoke", "yes"),
            ("body", "Approved in part."),
        ],
    )
    .await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    let s = state(&app, id).await;
    assert_eq!(
        (s.status.as_str(), s.approved, s.decided),
        ("approved", Some(6000), true)
    );
    assert_eq!(refund_credits(&app, id).await.iter().sum::<i64>(), 6000);
    let credited: Vec<i64> = order_lines::table
        .filter(order_lines::order_id.eq(b.order))
        .select(order_lines::credited_minor)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(credited.iter().sum::<i64>(), 6000);
    let revoked: Option<chrono::DateTime<chrono::Utc>> = product_keys::table
        .find(b.line)
        .select(product_keys::revoked_at)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert!(revoked.is_some());
    // The old link stops working and no new one is made.
    assert_eq!(partner.get(&link).await.status, 410);
    let software = format!("/customers/{}/software/{}", b.customer, b.line);
    assert_eq!(partner.get(&format!("{software}/key")).await.status, 410);
    assert_eq!(
        kinds(&app, id).await,
        ["filed", "taken", "info_requested", "replied", "approved"]
    );
    for op in [
        "support_request_taken",
        "support_info_requested",
        "support_replied",
        "support_request_approved",
    ] {
        assert_eq!(records(&app, op).await, 1, "{op}");
    }

    // A decided request offers no more steps and refuses them.
    let page = support.get(&console(id)).await;
    assert!(!page.contains("data-test=\"approve-form\""));
    assert!(page.contains("Credit: approved refund"));
    let late = act(&support, id, "reject", &[("body", "Too late")]).await;
    assert_eq!(late.status, 303);
    assert_eq!(state(&app, id).await.status, "approved");
    assert_eq!(kinds(&app, id).await.len(), 5);

    // The partner sees the decision and the credit on this month's invoice.
    let mine = partner.get(&format!("/support/requests/{id}")).await;
    assert!(
        mine.contains("data-test=\"support-approved\">TRY\u{a0}60.00<"),
        "{}",
        mine.body
    );
    let month = app.clock.now().format("%Y-%m").to_string();
    let invoice = partner.get(&format!("/billing/invoices/{month}/TRY")).await;
    assert_eq!(invoice.status, 200);
    assert!(invoice.contains("Credit: approved refund"));
    assert!(invoice.contains("-TRY\u{a0}60.00"), "{}", invoice.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_approved_amount_is_checked_and_a_refusal_writes_nothing() {
    let app = TestApp::spawn().await;
    let (shop, b) = refund_case(&app).await;
    let partner = app.signed_in(&shop.agent).await;
    let id = refund(&app, &partner, b, "100.00", "Amount rules").await;
    let support = app.signed_in(&app.support_engineer().await).await;
    let cases = [
        ("100.01", "more than the partner asked for"),
        ("abc", "Enter the amount as digits"),
        ("0", "must be more than zero"),
        ("1.001", "more decimals"),
    ];
    for (amount, message) in cases {
        let res = act(&support, id, "approve", &[("amount", amount)]).await;
        assert_eq!(res.status, 422, "{amount}");
        assert!(res.contains(message), "{amount}: {}", res.body);
        assert!(res.contains(&format!("value=\"{amount}\"")));
        assert_eq!(state(&app, id).await.status, "new");
        assert!(refund_credits(&app, id).await.is_empty());
    }
    // What is refundable shrinks when the order is credited meanwhile (here: by hand, so
    // that 50.00 is left on the whole order).
    diesel::update(order_lines::table.filter(order_lines::order_id.eq(b.order)))
        .set(order_lines::credited_minor.eq(order_lines::unit_price_minor * 0))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
    let lines: Vec<(LineId, i64, i32)> = order_lines::table
        .filter(order_lines::order_id.eq(b.order))
        .select((
            order_lines::id,
            order_lines::unit_price_minor,
            order_lines::quantity,
        ))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    for (line, unit, quantity) in lines {
        let paid = unit * i64::from(quantity);
        let left = if line == b.line { 5000 } else { 0 };
        diesel::update(order_lines::table.find(line))
            .set(order_lines::credited_minor.eq(paid - left))
            .execute(&mut app.conn().await)
            .await
            .unwrap();
    }
    let res = act(&support, id, "approve", &[("amount", "60.00")]).await;
    assert_eq!(res.status, 422);
    assert!(res.contains("more than is still refundable"));
    let ok = act(&support, id, "approve", &[("amount", "50.00")]).await;
    assert_eq!(ok.status, 303);
    assert_eq!(refund_credits(&app, id).await, vec![5000]);
    assert_eq!(state(&app, id).await.approved, Some(5000));
    // Rejecting needs a reason.
    let other = refund(
        &app,
        &partner,
        app.purchase(shop.customer, "ws2022-dc-1y")
            .quantity(4)
            .days_old(29)
            .await,
        "1.00",
        "Second",
    )
    .await;
    let res = act(&support, other, "reject", &[("body", "")]).await;
    assert_eq!(res.status, 422);
    assert_eq!(state(&app, other).await.status, "new");
    let res = act(
        &support,
        other,
        "reject",
        &[("body", "Outside the policy.")],
    )
    .await;
    assert_eq!(res.status, 303);
    let s = state(&app, other).await;
    assert_eq!(
        (s.status.as_str(), s.decided, s.approved),
        ("rejected", true, None)
    );
    assert!(
        partner
            .get(&format!("/support/requests/{other}"))
            .await
            .contains("Outside the policy.")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_simultaneous_decisions_by_two_engineers_make_one_decision_and_one_credit() {
    let app = TestApp::spawn().await;
    let (shop, b) = refund_case(&app).await;
    let partner = app.signed_in(&shop.agent).await;
    let id = refund(&app, &partner, b, "100.00", "Race").await;
    let first = app.support_engineer().await;
    let second = app.support_engineer().await;
    let engineers = [app.signed_in(&first).await, app.signed_in(&second).await];
    let mut tasks = Vec::new();
    for i in 0..20 {
        let v = engineers[i % 2].clone();
        tasks.push(tokio::spawn(async move {
            if i % 4 == 3 {
                act(&v, id, "reject", &[("body", "No.")]).await.status
            } else {
                act(&v, id, "approve", &[("amount", "100.00")]).await.status
            }
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 303);
    }
    let s = state(&app, id).await;
    let decisions: Vec<String> = kinds(&app, id)
        .await
        .into_iter()
        .filter(|k| k == "approved" || k == "rejected")
        .collect();
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    assert_eq!(decisions[0], s.status);
    let credits = refund_credits(&app, id).await;
    match s.status.as_str() {
        "approved" => assert_eq!(credits, vec![10_000]),
        _ => assert!(credits.is_empty()),
    }
    let records = records(&app, "support_request_approved").await
        + records(&app, "support_request_rejected").await;
    assert_eq!(records, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_filters_by_status_and_puts_the_longest_waiting_first() {
    let app = TestApp::spawn().await;
    let (shop, b) = refund_case(&app).await;
    let partner = app.signed_in(&shop.agent).await;
    let first = refund(&app, &partner, b, "1.00", "Oldest").await;
    app.clock.advance(Duration::minutes(10));
    let second = refund(&app, &partner, b, "1.00", "Middle").await;
    app.clock.advance(Duration::minutes(10));
    let third = refund(&app, &partner, b, "1.00", "Newest").await;
    let support = app.signed_in(&app.support_engineer().await).await;
    let order_of = |r: &Resp| {
        let at = |t: &str| r.body.find(&format!("<td>{t}</td>"));
        (at("Oldest"), at("Middle"), at("Newest"))
    };
    let queue = support.get("/console").await;
    let (o, m, n) = order_of(&queue);
    assert!(
        o.unwrap() < m.unwrap() && m.unwrap() < n.unwrap(),
        "{}",
        queue.body
    );
    assert!(queue.contains("20 minutes"), "{}", queue.body);
    let newest = support.get("/console?status=open&sort=newest").await;
    let (o, _, n) = order_of(&newest);
    assert!(n.unwrap() < o.unwrap());
    // Decided requests leave the open queue and appear under their status.
    act(&support, second, "approve", &[("amount", "1.00")]).await;
    act(&support, third, "reject", &[("body", "No.")]).await;
    let (o, m, n) = order_of(&support.get("/console").await);
    assert!(o.is_some() && m.is_none() && n.is_none());
    let approved = support.get("/console?status=approved").await;
    assert_eq!(approved.body.matches("data-test=\"queue-row\"").count(), 1);
    assert!(approved.contains("Middle"));
    let all = support.get("/console?status=all").await;
    assert_eq!(all.body.matches("data-test=\"queue-row\"").count(), 3);
    // A nonsense filter is the default one.
    let junk = support.get("/console?status=%27--&sort=x").await;
    assert_eq!(junk.status, 200);
    assert_eq!(junk.body.matches("data-test=\"queue-row\"").count(), 1);
    let _ = first;
    // Unknown and malformed request ids are 404.
    assert_eq!(support.get(&console(Uuid::new_v4())).await.status, 404);
    assert_eq!(support.get("/console/requests/junk").await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn support_staff_reach_no_partner_page_and_partners_no_console() {
    let app = TestApp::spawn().await;
    let support = app.signed_in(&app.support_engineer().await).await;
    let shop = app.shop().await;
    let tenant = shop.customer;
    for path in [
        "/customers".to_string(),
        format!("/customers/{tenant}"),
        "/support".to_string(),
        "/billing".to_string(),
    ] {
        assert_eq!(support.get(&path).await.status, 403, "{path}");
    }
    let home = support.get("/").await;
    assert!(home.contains("href=\"/console\""));
    assert!(!home.contains("href=\"/customers\""));
    let partner = app.signed_in(&shop.agent).await;
    assert_eq!(partner.get("/console").await.status, 403);
    assert!(!partner.get("/").await.contains("href=\"/console\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_a_second_refund_credit_and_inconsistent_decisions() {
    let app = TestApp::spawn().await;
    let (shop, b) = refund_case(&app).await;
    let partner = app.signed_in(&shop.agent).await;
    let id = refund(&app, &partner, b, "10.00", "Database rules").await;
    let support = app.signed_in(&app.support_engineer().await).await;
    assert_eq!(
        act(&support, id, "approve", &[("amount", "10.00")])
            .await
            .status,
        303
    );
    let mut conn = app.conn().await;
    let line: Uuid = credits::table
        .filter(credits::support_request_id.eq(id))
        .select(credits::order_line_id)
        .first(&mut conn)
        .await
        .unwrap();
    let again = diesel::sql_query(format!(
        "INSERT INTO credits (id, partner_id, customer_id, order_id, order_line_id, reason, \
         quantity, amount_minor, currency, created_by, created_at, support_request_id) \
         SELECT gen_random_uuid(), partner_id, customer_id, order_id, order_line_id, reason, \
         quantity, 1, currency, created_by, created_at, support_request_id FROM credits \
         WHERE support_request_id = '{id}' AND order_line_id = '{line}'"
    ))
    .execute(&mut conn)
    .await;
    assert!(again.is_err(), "a second refund credit for the same line");
    for bad in [
        "approved_minor = NULL",
        "approved_minor = requested_minor + 1",
        "decided_by = NULL",
        "status = 'in_review'",
    ] {
        let res = diesel::sql_query(format!(
            "UPDATE support_requests SET {bad} WHERE id = '{id}'"
        ))
        .execute(&mut conn)
        .await;
        assert!(res.is_err(), "{bad}");
    }
    assert_eq!(refund_credits(&app, id).await, vec![1000]);
}

#[derive(diesel::QueryableByName)]
struct Numbered {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    number: i64,
}

/// Request numbers as a page lists them, in order.
fn numbers_on(pages: &[Resp], link: &str) -> Vec<i64> {
    pages
        .iter()
        .flat_map(|p| {
            p.body
                .split(link)
                .skip(1)
                .filter_map(|rest| {
                    let rest = &rest[rest.find("\">")? + 2..];
                    rest[..rest.find('<')?].parse().ok()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Both support lists read one page at a time off an index: 60 requests filed in bulk (a
/// third decided) page 25 at a time with the same statements on every page, in the order the
/// database gives, and the counts say how many there are.
/// Files 60 requests for the shop's customer in one statement, one minute apart, every third
/// one rejected and the others new; ten share one instant, so ties are broken by id.
async fn file_sixty_requests(app: &TestApp, shop: &Shop) {
    diesel::sql_query(
        "INSERT INTO support_requests (id, partner_id, customer_id, problem_type, impact, title,
                                       reason, contact_name, contact_email, contact_phone,
                                       status, decided_by, decided_at, created_by, created_at,
                                       waiting_since)
         SELECT gen_random_uuid(), c.partner_id, c.id, 'other', 'low', 'Bulk ' || g, 'Why',
                'Ada', 'ada@example.test', '+1 555 0100',
                CASE WHEN g % 3 = 0 THEN 'rejected' ELSE 'new' END,
                CASE WHEN g % 3 = 0 THEN u.id END, CASE WHEN g % 3 = 0 THEN now() END,
                u.id, t, t
           FROM customers c, users u, generate_series(1, 60) g,
                LATERAL (SELECT now() - make_interval(mins => GREATEST(g, 10))) s(t)
          WHERE c.id = $1 AND u.email = $2",
    )
    .bind::<diesel::sql_types::Uuid, _>(shop.customer)
    .bind::<diesel::sql_types::Text, _>(&shop.agent)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
}

/// The counts the database keeps, beside the ones counted from the requests themselves:
/// (status, kept, counted) for every status either has, and (kept, counted) for the partners.
type KeptAndCounted = (Vec<(String, i64, i64)>, Vec<(i64, i64)>);

async fn kept_and_counted(app: &TestApp) -> KeptAndCounted {
    #[derive(QueryableByName)]
    struct Both {
        #[diesel(sql_type = diesel::sql_types::Text)]
        key: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        kept: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        counted: i64,
    }
    let mut conn = app.conn().await;
    let statuses: Vec<Both> = diesel::sql_query(
        "SELECT coalesce(k.status, c.status) AS key, coalesce(k.requests, 0)::bigint AS kept,
                coalesce(c.n, 0) AS counted
           FROM support_status_counts k
           FULL JOIN (SELECT status, count(*) AS n FROM support_requests GROUP BY status) c
             ON c.status = k.status
          ORDER BY 1",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let partners: Vec<Both> = diesel::sql_query(
        "SELECT p.name AS key, p.support_request_count::bigint AS kept,
                (SELECT count(*) FROM support_requests r WHERE r.partner_id = p.id) AS counted
           FROM partners p ORDER BY 1",
    )
    .load(&mut conn)
    .await
    .unwrap();
    (
        statuses
            .into_iter()
            .map(|b| (b.key, b.kept, b.counted))
            .collect(),
        partners.into_iter().map(|b| (b.kept, b.counted)).collect(),
    )
}

fn assert_counts_hold(counts: &KeptAndCounted) {
    for (status, kept, counted) in &counts.0 {
        assert_eq!(kept, counted, "requests in status {status}");
    }
    for (kept, counted) in &counts.1 {
        assert_eq!(kept, counted, "a partner's requests");
    }
}

/// The lists' totals are counts the database keeps. They follow requests filed, moved between
/// statuses (in bulk, and by two writers at once in opposite directions, which must not
/// deadlock), edited otherwise, and removed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kept_support_counts_follow_every_change() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    file_sixty_requests(&app, &shop).await;
    let counts = kept_and_counted(&app).await;
    assert_counts_hold(&counts);
    assert!(counts.0.contains(&("new".to_string(), 40, 40)));
    assert!(counts.1.contains(&(60, 60)));

    let run = |sql: &'static str| {
        let app = &app;
        async move {
            diesel::sql_query(sql)
                .execute(&mut app.conn().await)
                .await
                .unwrap()
        }
    };
    run("UPDATE support_requests SET status = 'in_review' WHERE status = 'new' AND number % 2 = 0")
        .await;
    run("UPDATE support_requests SET title = title || '!'").await;
    run("DELETE FROM support_requests WHERE number = (SELECT min(number) FROM support_requests)")
        .await;
    assert_counts_hold(&kept_and_counted(&app).await);

    // Two writers, each in its own transactions, moving requests new -> in_review and
    // in_review -> new at the same time.
    let flip = |from: &'static str, to: &'static str| {
        let pool = app.pool.clone();
        tokio::spawn(async move {
            for _ in 0..15 {
                let mut conn = pool.get().await.unwrap();
                diesel::sql_query(
                    "UPDATE support_requests SET status = $2
                      WHERE id IN (SELECT id FROM support_requests WHERE status = $1
                                    ORDER BY random() LIMIT 3)",
                )
                .bind::<diesel::sql_types::Text, _>(from)
                .bind::<diesel::sql_types::Text, _>(to)
                .execute(&mut conn)
                .await
                .expect("no writer waits on the other in the opposite order");
            }
        })
    };
    let (a, b) = (flip("new", "in_review"), flip("in_review", "new"));
    a.await.unwrap();
    b.await.unwrap();
    assert_counts_hold(&kept_and_counted(&app).await);

    let support = app.signed_in(&app.support_engineer().await).await;
    let all = support.get("/console?status=all").await;
    assert!(all.contains("59 requests"), "{}", all.body);
    let partner = app.signed_in(&shop.agent).await;
    assert!(partner.get("/support").await.contains("59 requests"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_support_lists_page_by_keyset_with_the_statements_of_one_page() {
    use crate::support::ordering::{keyset_pages, queries_for};
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    file_sixty_requests(&app, &shop).await;
    let in_order = |sql: &'static str| {
        let app = &app;
        async move {
            diesel::sql_query(sql)
                .load::<Numbered>(&mut app.conn().await)
                .await
                .unwrap()
                .into_iter()
                .map(|n| n.number)
                .collect::<Vec<_>>()
        }
    };

    let partner = app.signed_in(&shop.agent).await;
    let pages = keyset_pages(&app, &partner, "/support").await;
    assert_eq!(pages.len(), 3);
    assert!(pages[0].contains("60 requests") && pages[2].contains("60 requests"));
    assert_eq!(
        numbers_on(&pages, "<td><a href=\"/support/requests/"),
        in_order("SELECT number FROM support_requests ORDER BY created_at DESC, id DESC").await
    );
    assert_eq!(
        queries_for(&app, &partner, "/support").await,
        2,
        "the session, and the page with the partner's kept count of requests"
    );

    let support = app.signed_in(&app.support_engineer().await).await;
    let open = keyset_pages(&app, &support, "/console").await;
    assert!(open[0].contains("40 requests"), "{}", open[0].body);
    assert_eq!(
        numbers_on(&open, "<td><a href=\"/console/requests/"),
        in_order(
            "SELECT number FROM support_requests WHERE status <> 'rejected'
              ORDER BY waiting_since, id"
        )
        .await
    );
    assert_eq!(
        queries_for(&app, &support, "/console").await,
        2,
        "the session, and the page with the kept count of open requests"
    );
    let newest = keyset_pages(&app, &support, "/console?status=all&sort=newest").await;
    assert_eq!(newest.len(), 3, "pages of 25");
    assert!(
        newest[2].contains("60 requests"),
        "on the last of the pages of 25"
    );
    assert_eq!(
        numbers_on(&newest, "<td><a href=\"/console/requests/"),
        in_order("SELECT number FROM support_requests ORDER BY waiting_since DESC, id DESC").await
    );
    let rejected = keyset_pages(&app, &support, "/console?status=rejected").await;
    assert_eq!(
        numbers_on(&rejected, "<td><a href=\"/console/requests/").len(),
        20
    );
    assert!(rejected[0].contains("20 requests"));
    assert_eq!(
        support.get("/console?after=junk").await.status,
        200,
        "a nonsense cursor shows the start of the queue"
    );
}
