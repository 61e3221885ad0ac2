//! Each of the seven languages in a real Chromium: chosen in the header's list, then the home
//! page, a customer's Software tab, the catalog and Review, Order history and an order, a
//! purchase's keys and downloads and its key, the Cancel dialog (and its refusal without the
//! acknowledgement), Billing and the Activity log. No visible text may be an English message
//! the language translates, `<html lang>` names the language, and money and dates are the
//! language's own.

use std::collections::HashMap;
use std::path::Path;

use cspdesk::auth::Role;
use cspdesk::i18n::Lang;
use cspdesk::money::{self, Currency};
use cspdesk::web::format;
use diesel::QueryableByName;

use crate::support::TestApp;
use crate::support::browser::{Browser, click_cancel, signed_in};

const PRODUCT: &str = "Windows Server 2022 Standard";

/// Every English message without arguments, by its text.
fn english_messages() -> HashMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/locales/en/main.ftl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut by_text = HashMap::new();
    for line in text.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if let (true, Some((key, _))) = (starts_message, line.split_once(" =")) {
            let shown = Lang::En.t(key.trim());
            if !shown.is_empty() && !shown.contains('{') {
                by_text.insert(shown, key.trim().to_string());
            }
        }
    }
    by_text
}

/// The texts a reader sees: visible text nodes, and the labels of placeholders, titles and
/// ARIA labels.
async fn visible_texts(b: &Browser) -> Vec<String> {
    let script = r#"
        const out = [];
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walk.nextNode()) {
            const el = walk.currentNode.parentElement;
            if (!el || el.closest("script, style, template")) continue;
            if (!el.checkVisibility({ visibilityProperty: true })) continue;
            const t = walk.currentNode.textContent.trim();
            if (t) out.push(t);
        }
        document.querySelectorAll("[placeholder], [title], [aria-label]").forEach(e => {
            if (!e.checkVisibility()) return;
            for (const a of ["placeholder", "title", "aria-label"]) {
                const v = e.getAttribute(a);
                if (v && v.trim()) out.push(v.trim());
            }
        });
        return out;
    "#;
    let value = b
        .client
        .execute(script, vec![])
        .await
        .expect("the page's texts");
    serde_json::from_value(value).expect("a list of texts")
}

/// Messages that read the same in English and in other languages: names (of the product,
/// the languages, product families), codes and file types, and words the language shares.
fn same_in(lang: Lang, key: &str) -> bool {
    let everywhere = [
        "app-name",
        "language-",
        "family-windows-server",
        "family-sql-server",
    ];
    let codes = ["software-sha256", "variant-file-type-"];
    let shared: &[(Lang, &str)] = &[
        (Lang::Hu, "console-partner"),
        (Lang::Pl, "console-partner"),
        (Lang::Pl, "api-tokens-secret"),
    ];
    everywhere.iter().chain(&codes).any(|p| key.starts_with(p))
        || shared.iter().any(|(l, k)| *l == lang && *k == key)
}

/// Fails on any text of the page that is an English message (unless `same_in` the
/// language): a message the catalog left in English or a page that did not ask the catalog.
async fn assert_no_english(b: &Browser, lang: Lang, english: &HashMap<String, String>, page: &str) {
    let html_lang: String = serde_json::from_value(
        b.client
            .execute("return document.documentElement.lang", vec![])
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(html_lang, lang.code(), "<html lang> of {page}");
    let untranslated: Vec<String> = visible_texts(b)
        .await
        .into_iter()
        .filter(|text| {
            english
                .get(text)
                .is_some_and(|key| lang != Lang::En && !same_in(lang, key))
        })
        .collect();
    assert!(
        untranslated.is_empty(),
        "{page} in {}: English left: {untranslated:?}",
        lang.code()
    );
}

/// Picks `lang` in the header's list and applies it.
async fn choose(b: &Browser, lang: Lang) {
    b.goto("/").await;
    b.click(&format!("#language-select option[value='{}']", lang.code()))
        .await;
    b.click_to_new_page("button[data-test=language-apply]")
        .await;
    b.wait_for(&format!("html[lang='{}']", lang.code())).await;
}

#[derive(QueryableByName)]
struct At {
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    at: chrono::DateTime<chrono::Utc>,
}

#[derive(QueryableByName)]
struct Total {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// The day and time as a reader of `lang` reads them, spaces as the browser reports them.
fn plain(text: String) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_workspaces_view_every_language_reads_natively_from_home_to_the_activity_log() {
    walk(false).await;
}

/// The Current view adds the left-hand menu to every page: its words too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_current_view_every_language_reads_natively_from_home_to_the_activity_log() {
    walk(true).await;
}

async fn walk(current_view: bool) {
    let app = TestApp::spawn().await;
    let partner = app.partner("Contoso").await;
    let agent = app
        .user(partner)
        .roles(&[Role::AdminAgent, Role::GlobalAdmin])
        .await;
    let fourth = app
        .customer(partner)
        .named("Fourth Coffee")
        .market("HU", Currency::Huf)
        .await;
    let purchase = app.purchase(fourth, "ws2022-std").days_old(2).await;
    let mut conn = app.conn().await;
    let placed_at = diesel_async::RunQueryDsl::get_result::<At>(
        diesel::sql_query("SELECT placed_at AS at FROM order_lines WHERE id = $1")
            .bind::<diesel::sql_types::Uuid, _>(purchase.line),
        &mut conn,
    )
    .await
    .unwrap()
    .at;
    let charges = diesel_async::RunQueryDsl::get_result::<Total>(
        diesel::sql_query(
            "SELECT coalesce(sum(t.charges_minor), 0)::bigint AS n
           FROM invoice_tallies t JOIN invoices i ON i.id = t.invoice_id
          WHERE i.partner_id = $1 AND i.currency = 'HUF'",
        )
        .bind::<diesel::sql_types::Uuid, _>(partner),
        &mut conn,
    )
    .await
    .unwrap()
    .n;
    assert!(charges > 0, "the purchase is on the open invoice");
    drop(conn);
    let english = english_messages();
    let b = signed_in(&app, &agent, current_view).await;

    for lang in Lang::OFFERED {
        choose(&b, *lang).await;
        assert_no_english(&b, *lang, &english, "home").await;

        b.goto(&format!("/customers/{fourth}")).await;
        b.wait_for("table[data-test=software]").await;
        assert_no_english(&b, *lang, &english, "Software tab").await;
        let row = b.text("tr[data-test=purchase-row]").await;
        let day = plain(format::date_utc(&placed_at, *lang));
        assert!(row.contains(&day), "{}: {day} in {row}", lang.code());

        // Buying: the catalog and the Review page.
        b.goto(&format!("/customers/{fourth}/add-products")).await;
        b.wait_for("main h1").await;
        assert_no_english(&b, *lang, &english, "Add products").await;
        b.goto(&format!("/customers/{fourth}/review")).await;
        b.wait_for("main h1").await;
        assert_no_english(&b, *lang, &english, "Review").await;
        // The order bought, in Order history and on its own page.
        b.goto(&format!("/customers/{fourth}/orders")).await;
        b.wait_for("main h1").await;
        assert_no_english(&b, *lang, &english, "Order history").await;
        b.goto(&format!("/customers/{fourth}/orders/{}", purchase.order))
            .await;
        b.wait_for("main h1").await;
        assert_no_english(&b, *lang, &english, "an order").await;
        // Keys and downloads: the purchase's page and its key.
        b.goto(&purchase.path()).await;
        b.wait_for("[data-test=purchase]").await;
        assert_no_english(&b, *lang, &english, "keys and downloads").await;
        b.goto(&purchase.key_path()).await;
        b.wait_for("[data-test=product-key]").await;
        assert_no_english(&b, *lang, &english, "Get key").await;

        b.goto(&format!("/customers/{fourth}")).await;
        b.wait_for("table[data-test=software]").await;
        click_cancel(&b, PRODUCT).await;
        assert_no_english(&b, *lang, &english, "Cancel dialog").await;
        // Sent without the acknowledgement: the server's message, in the page's language,
        // not the browser's own bubble.
        b.click_to_new_page("dialog[open] button[data-test=cancel-submit]")
            .await;
        b.wait_for("[data-test=cancel-error]").await;
        assert_eq!(
            b.text("[data-test=cancel-error]").await,
            plain(lang.t("cancel-error-acknowledge"))
        );
        assert_no_english(&b, *lang, &english, "refused cancellation").await;

        b.goto("/billing").await;
        b.wait_for("table[data-test=invoices]").await;
        assert_no_english(&b, *lang, &english, "Billing").await;
        let invoices = b.text("table[data-test=invoices]").await;
        let amount = plain(money::display(charges, Currency::Huf, *lang));
        assert!(
            invoices.contains(&amount),
            "{}: {amount} in {invoices}",
            lang.code()
        );

        b.goto("/account/activity").await;
        b.wait_for("[data-test=activity-range]").await;
        assert_no_english(&b, *lang, &english, "Activity log").await;
    }
    // Chromium logs each refused cancellation (422) as an error; nothing else may be there.
    b.assert_console_clean_but(Some(422)).await;
    b.quit().await;
}
