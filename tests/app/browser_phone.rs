//! Every page of the route table on a phone-sized screen (390×844), in both views, signed in as
//! the role that sees it: no page scrolls sideways (wide tables scroll in their own box), the
//! Get key and Cancel dialogs fit the screen, and axe-core finds no accessibility violation.

use cspdesk::clock::Clock;

use crate::page_statements::SMALL;
use crate::support::TestApp;
use crate::support::browser::{Browser, signed_in};
use crate::support::pages::{People, Who, pages, seed};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_every_page_fits_a_phone_and_passes_axe() {
    walk(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_every_page_fits_a_phone_and_passes_axe() {
    walk(true).await;
}

async fn walk(current_view: bool) {
    let app = TestApp::spawn().await;
    let now = app.clock.now();
    let tenant = seed(&app, SMALL, now).await;
    let people = People::sign_in(&app).await;
    let mut list = pages(&people, &tenant.to_string(), now).await;
    let purchase = list
        .iter()
        .find(|(name, _, _)| *name == "A purchase")
        .map(|(_, _, path)| path.clone())
        .unwrap();
    list.extend([
        (
            "KMS migration",
            Who::Agent,
            format!("{purchase}/kms-migration"),
        ),
        ("API tokens", Who::Admin, "/account/api-tokens".to_string()),
        ("My profile", Who::Tenant, "/account".to_string()),
        (
            "Support console: a customer's",
            Who::Support,
            "/console?q=adatum".to_string(),
        ),
    ]);
    let mut problems = Vec::new();
    for who in Who::ALL {
        let b = signed_in(&app, who.email(), current_view).await;
        b.phone().await;
        for (name, _, path) in list.iter().filter(|(_, w, _)| *w == who) {
            b.goto(path).await;
            check(&b, name, &mut problems).await;
        }
        if who == Who::Agent {
            dialogs(&b, &list, &mut problems).await;
        }
        b.close().await;
    }
    let signed_out = Browser::open(&app.base).await;
    signed_out.phone().await;
    signed_out.goto("/signin").await;
    check(&signed_out, "Sign in", &mut problems).await;
    // The overflow check works: an element wider than the screen is reported by its name,
    // after the second measurement too.
    signed_out
        .client
        .execute(
            "var d = document.createElement('div'); d.id = 'too-wide'; d.style.width = '600px'; d.style.height = '1em';
             document.querySelector('main').appendChild(d);",
            vec![],
        )
        .await
        .expect("add a wide element");
    let over = signed_out.overflow().await.unwrap_or_default();
    assert!(over.contains("div#too-wide"), "{over:?}");
    // The checker itself works: an image without a text alternative is reported.
    signed_out
        .client
        .execute(
            "document.querySelector('main').appendChild(document.createElement('img'));",
            vec![],
        )
        .await
        .expect("add an image");
    let found = signed_out.axe_violations().await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt")),
        "{found:?}"
    );
    signed_out.close().await;
    assert!(problems.is_empty(), "{problems:#?}");
}

async fn check(b: &Browser, name: &str, problems: &mut Vec<String>) {
    b.screenshot_if_asked(name).await;
    if let Some(over) = b.overflow().await {
        problems.push(format!("{name}: {over}"));
    }
    for fault in b.layout_faults().await {
        problems.push(format!("{name}: {fault}"));
    }
    for v in b.axe_violations().await {
        problems.push(format!("{name}: {v}"));
    }
}

/// The Software tab's Cancel dialog and a purchase's Get key dialog, open on the phone.
async fn dialogs(b: &Browser, list: &[(&str, Who, String)], problems: &mut Vec<String>) {
    let page = |name: &str| {
        list.iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, _, p)| p.clone())
            .unwrap()
    };
    b.goto(&page("Software tab, first page")).await;
    b.click("a[data-test=cancel-purchase]").await;
    b.wait_for("dialog[open] [data-test=cancel-state]").await;
    check_dialog(b, "The Cancel dialog", problems).await;
    b.goto(&page("A purchase")).await;
    b.click_to_new_page("button[data-test=get-keys-and-downloads]")
        .await;
    // A link, so that the page also shows the new link and the list of links.
    b.click("button[data-test=copy-link]").await;
    // Only the answer brings the new link; the list of links may be on the page already.
    b.wait_for("[data-test=new-link]").await;
    check(
        b,
        "A purchase with its keys, downloads and a link",
        problems,
    )
    .await;
    b.click("a[data-test=get-key]").await;
    b.wait_for("dialog[open] [data-test=product-key]").await;
    check_dialog(b, "The Get key dialog", problems).await;
}

async fn check_dialog(b: &Browser, name: &str, problems: &mut Vec<String>) {
    for d in b.dialogs_outside_viewport().await {
        problems.push(format!("{name} does not fit the screen: {d}"));
    }
    check(b, name, problems).await;
}

/// "Report a problem" (the refund path after the cancellation window) reads top to bottom on a
/// desktop and on a phone: every field sits under its own label, left-aligned with it, and
/// below the field before it, inside the Description and Contact groups too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_form_puts_each_field_under_its_label() {
    let app = TestApp::spawn().await;
    for phone in [false, true] {
        let b = signed_in(&app, Who::Agent.email(), false).await;
        if phone {
            b.phone().await;
        }
        b.goto("/support/requests/new").await;
        let misplaced = b
            .client
            .execute(
                "var out = [], last = 0;
                 document.querySelectorAll('form[data-test=support-form] label[for]').forEach(function (l) {
                   var input = document.getElementById(l.htmlFor), a = l.getBoundingClientRect(),
                       b = input.getBoundingClientRect();
                   if (b.top < a.bottom - 1 || Math.abs(b.left - a.left) > 1 || a.top < last - 1) {
                     out.push(l.htmlFor + ': label ' + [a.left, a.top, a.bottom] + ', field ' + [b.left, b.top]);
                   }
                   last = b.bottom;
                 });
                 return out;",
                vec![],
            )
            .await
            .expect("measure the form");
        let misplaced: Vec<String> = serde_json::from_value(misplaced).unwrap();
        assert!(misplaced.is_empty(), "phone {phone}: {misplaced:#?}");
        if phone {
            assert_eq!(b.overflow().await, None);
        }
        b.close().await;
    }
}
