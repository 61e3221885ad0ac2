//! A refused form starts with a summary that names each problem, each a link to its field:
//! Add customer, Add user, API tokens and Report a problem, each sent empty.

use cspdesk::auth::Role;

use crate::support::{Resp, TestApp};

/// The summary's links (`#field`), in order.
fn summary_links(page: &Resp) -> Vec<String> {
    let start = page
        .body
        .find("data-test=\"form-errors\"")
        .unwrap_or_else(|| panic!("no summary: {}", page.body));
    let summary = page.body[start..].split("</div>").next().unwrap();
    summary
        .split("href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_refused_form_links_each_problem_to_its_field() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let global = app
        .user(shop.partner)
        .roles(&[Role::GlobalAdmin, Role::AdminAgent])
        .await;
    let agent = app.signed_in(&shop.agent).await;
    let admin = app.signed_in(&global).await;
    let refused = [
        ("Add customer", agent.post("/customers", &[]).await),
        (
            "Add user",
            admin
                .post("/account/users", &[("email", "not an address")])
                .await,
        ),
        (
            "API tokens",
            admin.post("/account/api-tokens", &[("days", "9999")]).await,
        ),
        (
            "Report a problem",
            agent.post_files("/support/requests", &[], &[]).await,
        ),
    ];
    for (form, page) in refused {
        assert_eq!(page.status, 422, "{form}: {}", page.body);
        let links = summary_links(&page);
        assert!(links.len() >= 2, "{form}: {links:?}");
        assert_eq!(
            links.len(),
            page.body.matches("class=\"field-error\"").count(),
            "{form}: one link per message"
        );
        for field in &links {
            assert!(
                page.contains(&format!("id=\"{field}\"")),
                "{form}: the summary links to #{field}, which the page does not have"
            );
        }
    }
}
