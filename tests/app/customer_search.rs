//! Customers are found by any part of their name or domain, in any case, off the suffixes the
//! database keeps: exactly the customers a plain `LIKE` over every one of them finds, for
//! rare and common texts, texts longer than the suffixes kept, wildcard characters, letters
//! beyond ASCII, and after a customer is renamed.

use std::collections::BTreeSet;

use cspdesk::customers::search::containing;
use cspdesk::ids::PartnerId;
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::support::TestApp;

#[derive(diesel::QueryableByName)]
struct Found {
    #[diesel(sql_type = SqlUuid)]
    id: uuid::Uuid,
}

fn ids(rows: Vec<Found>) -> BTreeSet<uuid::Uuid> {
    rows.into_iter().map(|f| f.id).collect()
}

/// What the suffixes find for `text`: of `partner`'s customers, or of every partner's.
async fn found(
    conn: &mut AsyncPgConnection,
    partner: Option<PartnerId>,
    text: &str,
) -> BTreeSet<uuid::Uuid> {
    let pattern = cspdesk::db::contains_pattern(text);
    let rows = match partner {
        Some(p) => {
            let sql = format!(
                "SELECT customer_id AS id FROM ({}) x",
                containing(Some("$1"), "$2", "$3")
            );
            diesel::sql_query(sql)
                .bind::<SqlUuid, _>(p)
                .bind::<Text, _>(text)
                .bind::<Text, _>(&pattern)
                .load(conn)
                .await
        }
        None => {
            let sql = format!(
                "SELECT customer_id AS id FROM ({}) x",
                containing(None, "$1", "$2")
            );
            diesel::sql_query(sql)
                .bind::<Text, _>(text)
                .bind::<Text, _>(&pattern)
                .load(conn)
                .await
        }
    };
    ids(rows.unwrap())
}

/// What reading every customer finds.
async fn every(
    conn: &mut AsyncPgConnection,
    partner: Option<PartnerId>,
    text: &str,
) -> BTreeSet<uuid::Uuid> {
    let rows = diesel::sql_query(
        "SELECT id FROM customers
          WHERE ($1::uuid IS NULL OR partner_id = $1)
            AND (lower(company_name) || chr(1) || lower(primary_domain)) LIKE lower($2)",
    )
    .bind::<diesel::sql_types::Nullable<SqlUuid>, _>(partner)
    .bind::<Text, _>(cspdesk::db::contains_pattern(text))
    .load(conn)
    .await
    .unwrap();
    ids(rows)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_are_found_by_any_part_of_their_name_or_domain() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let rival = crate::support::fixtures_people::other_shop(&app).await;
    let tag = shop.partner.to_string()[..8].to_string();
    let names = [
        ("Fabrikam Stores", "fabrikam-stores"),
        ("Fabrikam Stores Two", "fabrikam-two"),
        ("Ümit Şirketi A.Ş.", "umit"),
        (
            "A very long company name that goes on and on Ltd",
            "long-name",
        ),
        ("Contoso 100% _Real_", "contoso-real"),
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaa"),
    ];
    for (name, domain) in names {
        app.customer(shop.partner)
            .named(name)
            .domain(&format!("{domain}-{tag}.test"))
            .await;
    }
    app.customer(rival.partner)
        .named("Fabrikam Stores")
        .domain(&format!("fabrikam-{tag}.example"))
        .await;
    let mut pooled = app.conn().await;
    let conn: &mut AsyncPgConnection = &mut pooled;
    let texts = [
        "fabrikam",
        "ABRIKAM ST",
        "s two",
        "stores-",
        "ümit",
        "ŞİRKETİ",
        "a.ş.",
        "very long company name that goes on",
        "very long company name that goes off",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "100%",
        "_real_",
        "%",
        "_",
        "e",
        ".test",
        "northwind",
        "printer",
    ];
    for text in texts {
        for partner in [Some(shop.partner), Some(rival.partner), None] {
            let want = every(conn, partner, text).await;
            assert_eq!(
                found(conn, partner, text).await,
                want,
                "{text:?} of {partner:?}"
            );
        }
    }
    // A few that must find something, so the comparison above is not of empty sets.
    assert_eq!(found(conn, Some(shop.partner), "abrikam st").await.len(), 2);
    assert_eq!(found(conn, None, "FABRIKAM STORES").await.len(), 3);
    assert_eq!(
        found(conn, Some(shop.partner), "goes on and on")
            .await
            .len(),
        1
    );
    assert!(found(conn, Some(shop.partner), "goes off").await.is_empty());

    // A rename is followed at once: the new name is found, the old one no more.
    diesel::sql_query("UPDATE customers SET company_name = 'Wide World Importers' WHERE id = $1")
        .bind::<SqlUuid, _>(shop.customer)
        .execute(conn)
        .await
        .unwrap();
    let renamed = found(conn, Some(shop.partner), "world import").await;
    assert_eq!(renamed, BTreeSet::from([shop.customer.0]));
    assert!(
        found(conn, Some(shop.partner), "northwind")
            .await
            .is_empty()
    );
    assert_eq!(
        every(conn, Some(shop.partner), "e").await,
        found(conn, Some(shop.partner), "e").await
    );
}

/// The names a page of the Customers list shows, in its order.
fn listed_names(body: &str) -> Vec<String> {
    body.split("<td><a href=\"/customers/")
        .skip(1)
        .filter_map(|row| {
            let name = row.split_once("\">")?.1;
            Some(name.split_once("</a>")?.0.to_string())
        })
        .collect()
}

/// The names of `partner`'s customers whose name or domain contains `text`, by a plain `LIKE`
/// over every one of them, in the list's order `order`.
async fn like_names(
    conn: &mut AsyncPgConnection,
    partner: PartnerId,
    text: &str,
    order: &str,
) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        company_name: String,
    }
    let rows: Vec<Name> = diesel::sql_query(format!(
        "SELECT company_name FROM customers
          WHERE partner_id = $1
            AND (lower(company_name) || chr(1) || lower(primary_domain)) LIKE lower($2)
          ORDER BY {order}"
    ))
    .bind::<SqlUuid, _>(partner)
    .bind::<Text, _>(cspdesk::db::contains_pattern(text))
    .load(conn)
    .await
    .unwrap();
    rows.into_iter().map(|n| n.company_name).collect()
}

/// The Customers list's search pages through exactly the customers a plain `LIKE` finds, in
/// the list's order, and counts them: for a text in a few names (found off the suffixes), a
/// text longer than the suffixes kept, and a text in more names than a search reads suffixes
/// of (the list's own index walked instead).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_customers_list_finds_every_match_of_rare_common_and_long_texts_in_order() {
    let app = TestApp::spawn().await;
    let shop = app.shop().await;
    let tag = shop.partner.to_string()[..8].to_string();
    diesel::sql_query(
        "INSERT INTO customers (id, partner_id, company_name, primary_domain, market, currency, created_at)
         SELECT gen_random_uuid(), $1, 'Store ' || g, 'store-' || g || '-' || $2 || '.test', 'US', 'USD', now()
           FROM generate_series(1, 1200) g
         UNION ALL
         SELECT gen_random_uuid(), $1, 'Fabrikam Stores of the Northern ' || r, 'north-' || n || '-' || $2 || '.test', 'US', 'USD', now()
           FROM unnest(ARRAY['Region 1', 'Region 2', 'Rivers 2']) WITH ORDINALITY AS x(r, n)
         UNION ALL
         SELECT gen_random_uuid(), $1, 'Fabrikam Stores of the Northern Region 2' || g, 'north2-' || g || '-' || $2 || '.test', 'US', 'USD', now()
           FROM generate_series(1, 30) g",
    )
    .bind::<SqlUuid, _>(shop.partner)
    .bind::<Text, _>(&tag)
    .execute(&mut app.conn().await)
    .await
    .unwrap();
    let email = app
        .user(shop.partner)
        .roles(&[cspdesk::auth::Role::AdminAgent])
        .await;
    let v = app.signed_in(&email).await;
    let mut pooled = app.conn().await;
    let conn: &mut AsyncPgConnection = &mut pooled;
    let by_name = "lower(company_name), id";
    let by_domain_desc = "primary_domain DESC, id DESC";
    let cases = [
        ("store 11", "", by_name, "111 customers"),
        ("STORE-11", "domain_desc", by_domain_desc, "111 customers"),
        (
            "stores of the northern region 2",
            "",
            by_name,
            "31 customers",
        ),
        ("of the northern region 29", "", by_name, "1 customer"),
        ("store", "", by_name, "More than 1,000 customers"),
        (
            "store",
            "domain_desc",
            by_domain_desc,
            "More than 1,000 customers",
        ),
    ];
    for (text, sort, order, count) in cases {
        let want = like_names(conn, shop.partner, text, order).await;
        let query = serde_urlencoded::to_string([("q", text), ("sort", sort)]).unwrap();
        let pages =
            crate::support::ordering::keyset_pages(&app, &v, &format!("/customers?{query}")).await;
        let shown: Vec<String> = pages.iter().flat_map(|p| listed_names(&p.body)).collect();
        assert_eq!(shown, want, "{text:?} sorted {sort:?}");
        assert!(pages[0].contains(count), "{text:?}: {}", pages[0].body);
    }
}
