//! Filing support requests as a partner's staff would, through the form's POST.

use super::Visitor;

/// Files a "keys and downloads" request titled `title` about the order numbered `order` of the
/// customer `tenant`, as `v`; the form must accept it.
pub async fn file_request(v: &Visitor, tenant: &str, order: &str, title: &str) {
    let filed = v
        .post(
            "/support/requests",
            &[
                ("problem_type", "keys_downloads"),
                ("impact", "moderate"),
                ("title", title),
                ("tenant", tenant),
                ("order", order),
                ("reason", "The key does not activate."),
                ("contact_name", "Avery Agent"),
                ("contact_email", "avery@contoso.example"),
                ("contact_phone", "+1 425 555 0100"),
            ],
        )
        .await;
    assert_eq!(filed.status, 303, "{}", filed.body);
}

/// Support asks the partner about the request titled `title` (it waits for the partner).
pub async fn wait_on_partner(app: &super::TestApp, title: &str) {
    use cspdesk::db::schema::support_requests;
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    diesel::update(support_requests::table.filter(support_requests::title.eq(title)))
        .set(support_requests::status.eq("waiting_for_partner"))
        .execute(&mut app.conn().await)
        .await
        .unwrap();
}
