//! "Report a problem": the form reached from the cancel dialog, prefilled; every field
//! checked with its own message; the request's page and the partner's list.

use cspdesk::auth::Role;
use cspdesk::db::schema::{activity, support_events, support_requests};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::fixtures::{past_window_purchase, turkish_shop};
use crate::support::ordering::order_number;
use crate::support::{TestApp, Visitor};

/// Fields changed from a good form, the field that is then wrong, and part of its message.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

async fn requests(app: &TestApp) -> i64 {
    support_requests::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

/// A complete refund form for the 31-day-old order of the customer at `adatum.example` (see
/// `turkish_shop`), with `changes` applied.
fn refund_form(order_number: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("problem_type", "refund"),
        ("impact", "moderate"),
        ("title", "Refund for a purchase made by mistake"),
        ("tenant", "adatum.example"),
        ("order", order_number),
        (
            "reason",
            "The customer bought the wrong edition and never installed it.",
        ),
        ("amount", "100.00"),
        ("contact_name", "Avery Agent"),
        ("contact_email", "avery@contoso.example"),
        ("contact_phone", "+1 425 555 0100"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in changes {
        match form.iter_mut().find(|(f, _)| f == k) {
            Some(field) => field.1 = v.to_string(),
            None => form.push((k.to_string(), v.to_string())),
        }
    }
    form
}

async fn send(v: &Visitor, form: &[(String, String)]) -> crate::support::Resp {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    v.post("/support/requests", &fields).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cancel_dialogs_link_opens_a_prefilled_form_that_files_a_refund_request() {
    let app = TestApp::spawn().await;
    let shop = turkish_shop(&app).await;
    let v = app.signed_in(&shop.agent).await;
    let b = past_window_purchase(&app, &shop).await;
    let dialog = v.get(&b.cancel_path()).await;
    let start = dialog
        .body
        .find("/support/requests/new?")
        .expect("support link");
    let link: String = dialog.body[start..]
        .chars()
        .take_while(|c| *c != '"')
        .collect::<String>()
        .replace("&#38;", "&");
    let form = v.get(&link).await;
    assert_eq!(form.status, 200);
    let number = order_number(&app, b.order).await;
    assert!(form.contains(&format!("name=\"tenant\" value=\"{}\"", b.customer)));
    assert!(form.contains(&format!("name=\"order\" value=\"{number}\"")));
    assert!(
        form.contains(
            "<option value=\"refund\" selected>CSP Purchase/Refund on behalf of customers"
        )
    );
    assert!(form.contains(&format!("Refund for order {number}")));
    assert!(form.contains(&format!("value=\"{}\"", shop.agent)));

    let product = cspdesk::db::schema::order_lines::table
        .find(b.line)
        .select(cspdesk::db::schema::order_lines::product_id)
        .first::<uuid::Uuid>(&mut app.conn().await)
        .await
        .unwrap()
        .to_string();
    let filed = send(&v, &refund_form(&number, &[("product", &product)])).await;
    assert_eq!(filed.status, 303, "{}", filed.body);
    let page = v.get(&filed.location.expect("the request's page")).await;
    assert_eq!(page.status, 200);
    assert!(page.contains("was submitted"));
    assert!(page.contains("data-test=\"support-status\">New<"));
    assert!(page.contains(&format!("data-test=\"support-order\">{number}<")));
    assert!(
        page.contains("data-test=\"support-requested\">TRY\u{a0}100.00<"),
        "{}",
        page.body
    );
    assert!(page.contains("Request filed"));

    let (status, requested, currency, product_id): (
        String,
        Option<i64>,
        Option<String>,
        Option<uuid::Uuid>,
    ) = support_requests::table
        .select((
            support_requests::status,
            support_requests::requested_minor,
            support_requests::currency,
            support_requests::product_id,
        ))
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(status, "new");
    assert_eq!(requested, Some(10_000));
    assert_eq!(currency.as_deref(), Some("TRY"));
    assert_eq!(product_id.map(|p| p.to_string()), Some(product));
    let events: i64 = support_events::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(events, 1);
    let records: i64 = activity::table
        .filter(activity::operation.eq("support_request_filed"))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(records, 1);

    let list = v.get("/support").await;
    assert!(list.contains("Refund for a purchase made by mistake"));
    assert!(list.contains("data-test=\"support-row-status\">New<"));
    // Another partner's staff do not find it; the Helpdesk agent of the same partner does.
    assert!(page.contains("Request 2000001"));
    let request_path = format!(
        "/support/requests/{}",
        support_requests::table
            .select(support_requests::id)
            .first::<uuid::Uuid>(&mut app.conn().await)
            .await
            .unwrap()
    );
    let fabrikam = app.partner("Fabrikam").await;
    let fabrikam = app.user(fabrikam).roles(&[Role::AdminAgent]).await;
    let fabrikam = app.signed_in(&fabrikam).await;
    assert_eq!(fabrikam.get(&request_path).await.status, 404);
    assert!(!fabrikam.get("/support").await.contains("made by mistake"));
    let helpdesk = app.user(shop.partner).roles(&[Role::HelpdeskAgent]).await;
    let helpdesk = app.signed_in(&helpdesk).await;
    assert_eq!(helpdesk.get(&request_path).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_wrong_field_gets_its_message_the_form_keeps_what_was_typed_and_nothing_is_filed() {
    let app = TestApp::spawn().await;
    let shop = turkish_shop(&app).await;
    let v = app.signed_in(&shop.agent).await;
    let b = past_window_purchase(&app, &shop).await;
    let number = order_number(&app, b.order).await;
    // An order of another customer of the partner, and a customer of another partner.
    let fourth = app.customer(shop.partner).await;
    let fourth = app.order(fourth).line("ws2022-std", 1).days_old(2).await;
    let other_customers_order = fourth.number.to_string();
    let fabrikam = app.partner("Fabrikam").await;
    app.customer(fabrikam).domain("lamna.example").await;
    let long_title = "t".repeat(151);
    let cases: &[Case] = &[
        (
            &[("problem_type", "refund'--")],
            "problem_type",
            "Choose a problem type.",
        ),
        (&[("impact", "")], "impact", "Choose the impact."),
        (
            &[("title", "")],
            "title",
            "Enter a title of at most 150 characters.",
        ),
        (
            &[("title", &long_title)],
            "title",
            "Enter a title of at most 150 characters.",
        ),
        (&[("reason", "   ")], "reason", "Describe the reason"),
        (
            &[("tenant", "lamna.example")],
            "tenant",
            "one of your customers",
        ),
        (
            &[("tenant", "nowhere.test")],
            "tenant",
            "one of your customers",
        ),
        (&[("order", "")], "order", "A refund needs the order"),
        (
            &[("order", &other_customers_order)],
            "order",
            "This customer has no order",
        ),
        (
            &[("order", "order five")],
            "order",
            "This customer has no order",
        ),
        (
            &[("amount", "")],
            "amount",
            "Enter the amount you are asking for.",
        ),
        (&[("amount", "0")], "amount", "more than zero"),
        (&[("amount", "-5")], "amount", "digits with a decimal point"),
        (
            &[("amount", "1,000.00")],
            "amount",
            "digits with a decimal point",
        ),
        (&[("amount", "1.005")], "amount", "more decimals"),
        (
            &[("amount", "99999999")],
            "amount",
            "more than can be refunded",
        ),
        (&[("contact_name", "")], "contact_name", "Enter your name."),
        (
            &[("contact_email", "avery at contoso")],
            "contact_email",
            "Enter an email address",
        ),
        (
            &[("contact_phone", "call me")],
            "contact_phone",
            "Enter a phone number",
        ),
    ];
    for (changes, field, message) in cases {
        let form = refund_form(&number, changes);
        let res = send(&v, &form).await;
        assert_eq!(res.status, 422, "{changes:?}");
        assert!(
            res.contains(&format!("id=\"{field}-error\"")),
            "{changes:?}: {}",
            res.body
        );
        assert!(res.contains(message), "{changes:?}: wanted {message:?}");
        // What was typed comes back (the one wrong field aside, which is escaped).
        assert!(
            res.contains("Avery Agent") || *field == "contact_name",
            "{changes:?}"
        );
    }
    assert_eq!(requests(&app).await, 0);

    // Not a refund: no order or amount needed.
    let question = refund_form(
        &number,
        &[("problem_type", "other"), ("order", ""), ("amount", "")],
    );
    assert_eq!(send(&v, &question).await.status, 303);
    // The order may also be named by its id; the whole refundable amount may be asked for.
    let by_id = refund_form(&b.order.to_string(), &[("amount", "1")]);
    assert_eq!(send(&v, &by_id).await.status, 303);
    assert_eq!(requests(&app).await, 2);
}
