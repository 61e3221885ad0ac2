//! Account settings › User management and choosing a password: every rule, over HTTP.

use chrono::Duration;
use cspdesk::auth::Role;
use cspdesk::db::schema::{activity, user_roles, users};
use cspdesk::ids::PartnerId;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use crate::support::fixtures_people::{other_shop, user_id};
use crate::support::html::unescape;
use crate::support::{PASSWORD, TestApp, Visitor};

const USERS: &str = "/account/users";
const NEW_PASSWORD: &str = "a long new password";

/// The text between `data-test="{name}">` and the next `<`.
fn shown(html: &str, name: &str) -> Option<String> {
    let marker = format!("data-test=\"{name}\">");
    let start = html.find(&marker)? + marker.len();
    Some(unescape(&html[start..start + html[start..].find('<')?]))
}

async fn add_user(
    v: &Visitor,
    name: &str,
    email: &str,
    roles: &[&str],
    way: &str,
) -> crate::support::Resp {
    let mut fields = vec![("name", name), ("email", email), ("credential", way)];
    fields.extend(roles.iter().map(|r| ("roles", *r)));
    v.post(USERS, &fields).await
}

async fn id_of(app: &TestApp, email: &str) -> cspdesk::ids::UserId {
    user_id(app, email).await
}

/// A partner "Contoso" and its Global admin, who manages its users.
async fn contoso(app: &TestApp) -> (PartnerId, String) {
    let partner = app.partner("Contoso").await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    (partner, global)
}

async fn operations(app: &TestApp, actor: &str) -> Vec<String> {
    activity::table
        .filter(activity::actor.eq(actor))
        .filter(activity::operation.ne("signed_in"))
        .order(activity::id)
        .select(activity::operation)
        .load(&mut app.conn().await)
        .await
        .unwrap()
}

async fn enabled_global_admins(app: &TestApp, partner: PartnerId) -> i64 {
    users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(partner))
        .filter(users::disabled_at.is_null())
        .filter(user_roles::role.eq("global_admin"))
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_admin_agent_sets_a_password_by_link_signs_in_and_gets_a_key() {
    let app = TestApp::spawn().await;
    let (partner, global) = contoso(&app).await;
    let admin = app.user(partner).roles(&[Role::AdminAgent]).await;
    let adatum = app.customer(partner).await;
    let customer_user = app
        .user(partner)
        .customer(adatum)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let fabrikam = other_shop(&app).await;
    let gabriel = app.signed_in(&global).await;
    let list = gabriel.get(USERS).await;
    assert_eq!(list.status, 200);
    assert!(list.contains(&admin));
    assert!(
        !list.contains(&customer_user),
        "staff only, not customers' users"
    );
    assert!(!list.contains(&fabrikam.agent), "this partner's only");

    let email = "dana.admin@contoso.example";
    let added = add_user(
        &gabriel,
        "Dana Admin-Agent",
        email,
        &["admin_agent"],
        "link",
    )
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(added.headers["cache-control"], "no-store");
    let link = shown(&added.body, "set-password-link").expect("the link is shown");
    let path = &link[link.find("/set-password/").unwrap()..];

    // Before the link is used, no password gets in.
    assert_eq!(app.visitor().sign_in(email, PASSWORD).await.status, 422);
    let dana = app.visitor();
    let form = dana.get(path).await;
    assert_eq!(form.status, 200);
    assert!(form.contains(email));
    let short = dana
        .post(path, &[("password", "short"), ("confirm", "short")])
        .await;
    assert_eq!(short.status, 422);
    assert!(short.contains("Use at least 12 characters."));
    let fields = [("password", NEW_PASSWORD), ("confirm", NEW_PASSWORD)];
    let set = dana.post(path, &fields).await;
    assert_eq!(
        (set.status, set.location.as_deref()),
        (303, Some("/signin"))
    );
    // The link works once.
    let again = dana.post(path, &fields).await;
    assert_eq!(again.status, 410);
    assert!(again.contains("expired or was already used"));

    assert_eq!(dana.sign_in(email, NEW_PASSWORD).await.status, 303);
    // A purchase of a customer of the partner.
    let bought = app.purchase(adatum, "ws2022-std").by(&admin).await;
    let key = dana.get(&bought.key_path()).await;
    assert_eq!(key.status, 200);
    assert!(
        dana.get("/account").await.contains("Admin agent"),
        "My profile shows the role"
    );

    assert_eq!(operations(&app, &global).await, ["user_added"]);
    assert_eq!(
        operations(&app, email).await,
        ["password_set", "key_viewed"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_time_password_works_once_and_must_be_replaced_first() {
    let app = TestApp::spawn().await;
    let (_, global) = contoso(&app).await;
    let gabriel = app.signed_in(&global).await;
    let email = "otto@contoso.example";
    let added = add_user(&gabriel, "Otto", email, &["sales_agent"], "password").await;
    assert_eq!(added.status, 200);
    let one_time = shown(&added.body, "one-time-password").expect("shown once");
    assert_eq!(one_time.len(), 19);
    let stored: String = users::table
        .filter(users::email.eq(email))
        .select(users::password_hash)
        .first(&mut app.conn().await)
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains(&one_time));

    let otto = app.visitor();
    let signed = otto.sign_in(email, &one_time).await;
    assert_eq!(signed.location.as_deref(), Some("/account/password"));
    for page in ["/", "/customers", "/account"] {
        assert_eq!(
            otto.get(page).await.location.as_deref(),
            Some("/account/password"),
            "{page} waits for the new password"
        );
    }
    let form = otto.get("/account/password").await;
    assert_eq!(form.status, 200);
    assert!(
        !form.contains("name=\"current\""),
        "the one-time password was just typed"
    );
    let mismatch = otto
        .post(
            "/account/password",
            &[("password", NEW_PASSWORD), ("confirm", "something else")],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    let done = otto
        .post(
            "/account/password",
            &[("password", NEW_PASSWORD), ("confirm", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(done.location.as_deref(), Some("/"));
    assert_eq!(otto.get("/customers").await.status, 200);
    assert_eq!(app.visitor().sign_in(email, &one_time).await.status, 422);
    assert_eq!(app.visitor().sign_in(email, NEW_PASSWORD).await.status, 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_set_password_link_expires_after_24_hours_and_a_new_one_can_be_made() {
    let app = TestApp::spawn().await;
    let (_, global) = contoso(&app).await;
    let gabriel = app.signed_in(&global).await;
    let email = "late@contoso.example";
    let added = add_user(&gabriel, "Late", email, &["helpdesk_agent"], "link").await;
    let link = shown(&added.body, "set-password-link").unwrap();
    let path = link[link.find("/set-password/").unwrap()..].to_string();
    app.clock
        .advance(Duration::hours(24) - Duration::seconds(1));
    assert_eq!(app.visitor().get(&path).await.status, 200);
    app.clock.advance(Duration::seconds(1));
    assert_eq!(app.visitor().get(&path).await.status, 410);
    // A wrong token is simply not found.
    assert_eq!(
        app.visitor()
            .get(&format!("/set-password/{}", "a".repeat(64)))
            .await
            .status,
        404
    );

    let gabriel = app.signed_in(&global).await;
    let id = id_of(&app, email).await;
    let again = gabriel
        .post(
            &format!("{USERS}/{id}/credentials"),
            &[("credential", "link")],
        )
        .await;
    assert_eq!(again.status, 200);
    let link = shown(&again.body, "set-password-link").unwrap();
    let fresh = &link[link.find("/set-password/").unwrap()..];
    let fields = [("password", NEW_PASSWORD), ("confirm", NEW_PASSWORD)];
    assert_eq!(app.visitor().post(fresh, &fields).await.status, 303);
    assert_eq!(app.visitor().sign_in(email, NEW_PASSWORD).await.status, 303);
    assert_eq!(
        operations(&app, &global).await,
        ["user_added", "password_issued"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_add_user_form_names_each_wrong_field_and_adds_nothing() {
    let app = TestApp::spawn().await;
    let (partner, global) = contoso(&app).await;
    let admin = app.user(partner).roles(&[Role::AdminAgent]).await;
    let gabriel = app.signed_in(&global).await;
    let before: i64 = users::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    let bad = add_user(&gabriel, " ", "not an email", &[], "carrier pigeon").await;
    assert_eq!(bad.status, 422);
    for message in [
        "Enter a name of at most 200 characters.",
        "Enter an email address like name@example.com.",
        "Choose at least one role.",
        "Choose how the user signs in for the first time.",
    ] {
        assert!(bad.contains(message), "{message}");
    }
    let foreign = add_user(
        &gabriel,
        "Sly",
        "sly@contoso.example",
        &["support_engineer"],
        "link",
    )
    .await;
    assert_eq!(foreign.status, 422);
    assert!(foreign.contains("Choose roles from the list."));
    // The Admin agent's address, written in capitals.
    let taken = add_user(
        &gabriel,
        "Twin",
        &admin.to_uppercase(),
        &["sales_agent"],
        "link",
    )
    .await;
    assert_eq!(taken.status, 422);
    assert!(taken.contains("A user with this email address already exists."));
    assert!(
        taken.contains("value=\"Twin\""),
        "the form keeps what was typed"
    );
    let after: i64 = users::table
        .count()
        .get_result(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(before, after);
    assert!(operations(&app, &global).await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_roles_apply_to_the_users_very_next_request() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let sales = app.user(shop.partner).roles(&[Role::SalesAgent]).await;
    let sales = sales.as_str();
    let sam = app.signed_in(sales).await;
    let key = app
        .purchase(shop.customer, "ws2022-std")
        .days_old(88)
        .await
        .key_path();
    assert_eq!(sam.get(&key).await.status, 403);
    let global = app.user(shop.partner).roles(&[Role::GlobalAdmin]).await;
    let gabriel = app.signed_in(&global).await;
    let id = id_of(&app, sales).await;
    let roles = format!("{USERS}/{id}/roles");
    let saved = gabriel
        .post(
            &roles,
            &[("roles", "sales_agent"), ("roles", "admin_agent")],
        )
        .await;
    assert_eq!(
        saved.location.as_deref(),
        Some(format!("{USERS}/{id}").as_str())
    );
    assert_eq!(sam.get(&key).await.status, 200);
    let page = sam.get("/account").await;
    assert!(page.contains("Admin agent") && page.contains("Sales agent"));
    assert_eq!(
        gabriel
            .post(&roles, &[("roles", "sales_agent")])
            .await
            .status,
        303
    );
    assert_eq!(sam.get(&key).await.status, 403);
    let none = gabriel.post(&roles, &[]).await;
    assert_eq!(none.status, 422);
    assert!(none.contains("Choose at least one role."));
    let details: Vec<serde_json::Value> = activity::table
        .filter(activity::operation.eq("user_roles_changed"))
        .order(activity::id)
        .select(activity::details)
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(details.len(), 2);
    assert_eq!(details[0]["before"], serde_json::json!(["sales_agent"]));
    assert_eq!(
        details[0]["roles"],
        serde_json::json!(["admin_agent", "sales_agent"])
    );
    assert_eq!(details[0]["target"], sales);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_user_is_signed_out_at_once_and_can_be_re_enabled() {
    let app = TestApp::spawn().await;
    let (partner, global) = contoso(&app).await;
    let helpdesk = app.user(partner).roles(&[Role::HelpdeskAgent]).await;
    let helpdesk = helpdesk.as_str();
    let harper = app.signed_in(helpdesk).await;
    assert_eq!(harper.get("/customers").await.status, 200);
    let gabriel = app.signed_in(&global).await;
    let id = id_of(&app, helpdesk).await;
    // The button first shows who will be signed out, and changes nothing.
    let asked = gabriel.post(&format!("{USERS}/{id}/disable"), &[]).await;
    assert_eq!(asked.status, 200);
    assert!(asked.contains(&format!("({helpdesk})?")) && asked.contains("signed out at once"));
    assert!(asked.contains("name=\"confirmed\" value=\"yes\""));
    assert_eq!(harper.get("/customers").await.status, 200);
    let off = gabriel
        .post(&format!("{USERS}/{id}/disable"), &[("confirmed", "yes")])
        .await;
    assert_eq!(off.status, 303);
    assert_eq!(
        harper.get("/customers").await.location.as_deref(),
        Some("/signin?next=%2Fcustomers")
    );
    assert_eq!(app.visitor().sign_in(helpdesk, PASSWORD).await.status, 422);
    assert!(gabriel.get(USERS).await.contains("Disabled"));
    assert_eq!(
        gabriel
            .post(&format!("{USERS}/{id}/enable"), &[])
            .await
            .status,
        303
    );
    assert_eq!(app.visitor().sign_in(helpdesk, PASSWORD).await.status, 303);
    assert_eq!(
        operations(&app, &global).await,
        ["user_disabled", "user_enabled"]
    );
    // Another partner's user is not found, whatever is asked.
    let fabrikam = id_of(&app, &other_shop(&app).await.agent).await;
    assert_eq!(
        gabriel.get(&format!("{USERS}/{fabrikam}")).await.status,
        404
    );
    for confirmed in ["", "yes"] {
        assert_eq!(
            gabriel
                .post(
                    &format!("{USERS}/{fabrikam}/disable"),
                    &[("confirmed", confirmed)]
                )
                .await
                .status,
            404
        );
    }
    let northwind = app.customer(partner).await;
    let customer_user = app
        .user(partner)
        .customer(northwind)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let customer_user = id_of(&app, &customer_user).await;
    assert_eq!(
        gabriel
            .get(&format!("{USERS}/{customer_user}"))
            .await
            .status,
        404
    );
    assert_eq!(gabriel.get(&format!("{USERS}/not-an-id")).await.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_global_admin_can_neither_lose_the_role_nor_be_disabled() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let global = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let gabriel = app.signed_in(&global).await;
    let me = id_of(&app, &global).await;
    let refused = gabriel
        .post(&format!("{USERS}/{me}/roles"), &[("roles", "admin_agent")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("must keep at least one active Global admin"));
    let myself = gabriel.post(&format!("{USERS}/{me}/disable"), &[]).await;
    assert_eq!(myself.status, 422);
    assert!(myself.contains("You cannot disable your own account."));
    assert_eq!(enabled_global_admins(&app, partner).await, 1);

    // With a second Global admin, the first may step down, and is sent to their profile.
    let second = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let stepped = gabriel
        .post(&format!("{USERS}/{me}/roles"), &[("roles", "admin_agent")])
        .await;
    assert_eq!(stepped.location.as_deref(), Some("/account"));
    assert_eq!(gabriel.get(USERS).await.status, 403);
    // The second is now the last one, and cannot be disabled by anybody.
    let other = app.signed_in(&second).await;
    let second_id = id_of(&app, &second).await;
    let last = other
        .post(
            &format!("{USERS}/{second_id}/roles"),
            &[("roles", "sales_agent")],
        )
        .await;
    assert_eq!(last.status, 422);
    // The database refuses it too, whatever the code does.
    let mut conn = app.conn().await;
    let direct = diesel::delete(
        user_roles::table
            .filter(user_roles::user_id.eq(second_id))
            .filter(user_roles::role.eq("global_admin")),
    )
    .execute(&mut conn)
    .await;
    assert!(direct.is_err(), "the commit-time check refuses it");
    let disable = diesel::update(users::table.find(second_id))
        .set(users::disabled_at.eq(chrono::Utc::now()))
        .execute(&mut conn)
        .await;
    assert!(disable.is_err());
    assert_eq!(enabled_global_admins(&app, partner).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_global_admins_removing_each_other_at_once_leave_one() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let first = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let second = app.user(partner).roles(&[Role::GlobalAdmin]).await;
    let ids = [id_of(&app, &first).await, id_of(&app, &second).await];
    for round in 0..10 {
        let admins = [app.signed_in(&first).await, app.signed_in(&second).await];
        // Each removes the other: by taking the role away, or (odd rounds) by disabling.
        let calls = (0..2).map(|i| {
            let v = admins[i].clone();
            let other = ids[1 - i];
            async move {
                if round % 2 == 0 {
                    v.post(
                        &format!("{USERS}/{other}/roles"),
                        &[("roles", "sales_agent")],
                    )
                    .await
                    .status
                } else {
                    v.post(&format!("{USERS}/{other}/disable"), &[("confirmed", "yes")])
                        .await
                        .status
                }
            }
        });
        let mut statuses = futures_util::future::join_all(calls).await;
        statuses.sort();
        assert_eq!(
            enabled_global_admins(&app, partner).await,
            1,
            "round {round}: {statuses:?}"
        );
        // One change went through. The other, run second, was refused (422), or found its
        // maker no longer allowed (403) or signed out (303 to sign-in).
        let one_made = activity::table
            .filter(activity::operation.eq_any(["user_roles_changed", "user_disabled"]))
            .count()
            .get_result::<i64>(&mut app.conn().await)
            .await
            .unwrap();
        assert_eq!(one_made, round + 1, "round {round}: {statuses:?}");
        // Both are Global admins again for the next round.
        let mut conn = app.conn().await;
        for id in ids {
            diesel::update(users::table.find(id))
                .set(users::disabled_at.eq(None::<chrono::DateTime<chrono::Utc>>))
                .execute(&mut conn)
                .await
                .unwrap();
            diesel::insert_into(user_roles::table)
                .values((
                    user_roles::user_id.eq(id),
                    user_roles::role.eq("global_admin"),
                ))
                .on_conflict_do_nothing()
                .execute(&mut conn)
                .await
                .unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_ones_own_password_asks_for_the_current_one() {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let email = app.user(partner).roles(&[Role::BillingAdmin]).await;
    let email = email.as_str();
    let blake = app.signed_in(email).await;
    assert!(
        blake
            .get("/account")
            .await
            .contains("href=\"/account/password\"")
    );
    assert!(
        blake
            .get("/account/password")
            .await
            .contains("name=\"current\"")
    );
    let wrong = blake
        .post(
            "/account/password",
            &[
                ("current", "not it"),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.contains("The current password is not right."));
    let right = blake
        .post(
            "/account/password",
            &[
                ("current", PASSWORD),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(right.location.as_deref(), Some("/"));
    assert_eq!(app.visitor().sign_in(email, PASSWORD).await.status, 422);
    assert_eq!(app.visitor().sign_in(email, NEW_PASSWORD).await.status, 303);
    assert_eq!(operations(&app, email).await, ["password_set"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_simultaneous_submits_of_one_link_set_one_password() {
    let app = TestApp::spawn().await;
    let (_, global) = contoso(&app).await;
    let gabriel = app.signed_in(&global).await;
    let email = "race@contoso.example";
    let added = add_user(&gabriel, "Race", email, &["sales_agent"], "link").await;
    let link = shown(&added.body, "set-password-link").unwrap();
    let path = link[link.find("/set-password/").unwrap()..].to_string();
    let visitors: Vec<Visitor> = (0..10).map(|_| app.visitor()).collect();
    for v in &visitors {
        assert_eq!(
            v.get(&path).await.status,
            200,
            "each has the form and its token"
        );
    }
    let submits = visitors.iter().enumerate().map(|(i, v)| {
        let (v, path) = (v.clone(), path.clone());
        async move {
            let password = format!("password number {i}");
            let fields = [
                ("password", password.as_str()),
                ("confirm", password.as_str()),
            ];
            (i, v.post(&path, &fields).await.status)
        }
    });
    let results = futures_util::future::join_all(submits).await;
    let won: Vec<usize> = results.iter().filter(|r| r.1 == 303).map(|r| r.0).collect();
    assert_eq!(won.len(), 1, "{results:?}");
    assert!(
        results.iter().all(|r| r.1 == 303 || r.1 == 410),
        "{results:?}"
    );
    let winner = format!("password number {}", won[0]);
    assert_eq!(app.visitor().sign_in(email, &winner).await.status, 303);
    assert_eq!(operations(&app, email).await, ["password_set"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_sign_in_details_end_the_users_sessions_and_earlier_links() {
    let app = TestApp::spawn().await;
    let (partner, global) = contoso(&app).await;
    let gabriel = app.signed_in(&global).await;
    let email = app.user(partner).roles(&[Role::HelpdeskAgent]).await;
    let email = email.as_str();
    let id = id_of(&app, email).await;
    let harper = app.signed_in(email).await;
    let first = gabriel
        .post(
            &format!("{USERS}/{id}/credentials"),
            &[("credential", "link")],
        )
        .await;
    let link = shown(&first.body, "set-password-link").unwrap();
    let old_link = link[link.find("/set-password/").unwrap()..].to_string();
    assert_eq!(
        harper.get("/customers").await.location.as_deref(),
        Some("/signin?next=%2Fcustomers"),
        "whoever held a session is out"
    );
    let second = gabriel
        .post(
            &format!("{USERS}/{id}/credentials"),
            &[("credential", "password")],
        )
        .await;
    assert!(shown(&second.body, "one-time-password").is_some());
    assert_eq!(
        app.visitor().get(&old_link).await.status,
        410,
        "the earlier link is withdrawn"
    );
    assert_eq!(
        app.visitor().sign_in(email, PASSWORD).await.status,
        422,
        "the old password is gone"
    );
    // Choosing one's own password ends one's other sessions, not this one.
    let here = app.signed_in(&global).await;
    let fields = [
        ("current", PASSWORD),
        ("password", NEW_PASSWORD),
        ("confirm", NEW_PASSWORD),
    ];
    assert_eq!(here.post("/account/password", &fields).await.status, 303);
    assert_eq!(here.get(USERS).await.status, 200);
    assert_eq!(
        gabriel.get(USERS).await.status,
        303,
        "the other session ended"
    );
}

/// The e-mail addresses a User management page lists, in its order.
fn listed_emails(pages: &[crate::support::Resp]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| {
            p.body
                .split("data-test=\"user-row\" data-email=\"")
                .skip(1)
                .map(|r| r[..r.find('"').unwrap()].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// User management lists 25 at a time by e-mail address or by name, finds a user by part of
/// either, and never shows another partner's staff or the customers' users.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_sort_by_address_or_name_page_by_keyset_and_are_found_by_typing() {
    let app = TestApp::spawn().await;
    let (partner, global) = contoso(&app).await;
    let v = app.signed_in(&global).await;
    // 30 more: names run the other way from the addresses.
    for i in 0..30 {
        let name = format!("Member {:02}", 29 - i);
        let email = format!("m{i:02}@contoso.example");
        let added = add_user(&v, &name, &email, &["sales_agent"], "link").await;
        assert_eq!(added.status, 200, "{}", added.body);
    }
    let customer = app.customer(partner).await;
    let customer_user = app
        .user(partner)
        .customer(customer)
        .roles(&[Role::CustomerGlobalAdmin])
        .await;
    let rival = other_shop(&app).await;

    let by_email = crate::support::ordering::keyset_pages(&app, &v, USERS).await;
    assert_eq!(by_email.len(), 2);
    let emails = listed_emails(&by_email);
    assert_eq!(emails.len(), 31);
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!(emails, sorted);
    assert!(!emails.contains(&customer_user) && !emails.contains(&rival.agent));
    assert!(
        by_email[0].contains(
            "aria-sort=\"ascending\"><a href=\"/account/users\" data-test=\"sort-email\""
        )
    );
    assert!(by_email[0].contains("<a href=\"/account/users?sort=name\" data-test=\"sort-name\""));

    let by_name =
        crate::support::ordering::keyset_pages(&app, &v, "/account/users?sort=name").await;
    let names = listed_emails(&by_name);
    // "Member 00" (m29) first ... "Member 29" (m00), then the Global admin's name.
    let members: Vec<&String> = names.iter().filter(|e| e.starts_with('m')).collect();
    let expected: Vec<String> = (0..30)
        .rev()
        .map(|i| format!("m{i:02}@contoso.example"))
        .collect();
    assert_eq!(members, expected.iter().collect::<Vec<_>>());
    assert!(
        by_name[1].contains("sort=name&#38;after="),
        "the next page keeps the order"
    );

    let found = v.get("/account/users?q=member+0").await;
    assert_eq!(listed_emails(&[found]).len(), 10);
    let found = v.get("/account/users?q=M07%40CONTOSO").await;
    assert_eq!(listed_emails(&[found]), ["m07@contoso.example"]);
    let none = v.get(&format!("/account/users?q={}", rival.agent)).await;
    assert!(none.contains("No user has that name or e-mail address."));
    assert!(listed_emails(&[none]).is_empty());
}
