//! Software fixtures: a purchase's variants, its stored key and download links made the way
//! the Software page makes them.

use cspdesk::db::schema::{artifacts, order_lines, product_keys, product_variants};
use cspdesk::ids::{LineId, ProductId, VariantId};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::build::Purchase;
use super::{TestApp, Visitor};

/// A purchase's stored key as pages show it (8 groups of 4, checked by the unit test of
/// `keys::grouped`).
pub async fn stored_key(app: &TestApp, line: LineId) -> String {
    cspdesk::orders::keys::grouped(&raw_key(app, line).await)
}

/// A purchase's stored key as stored.
pub async fn raw_key(app: &TestApp, line: LineId) -> String {
    product_keys::table
        .find(line)
        .select(product_keys::key_text)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

async fn product_of(app: &TestApp, line: LineId) -> ProductId {
    order_lines::table
        .find(line)
        .select(order_lines::product_id)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

/// The purchase's Turkish x64 ISO of the product's newest version ("Windows Server 2022" for
/// Windows Server 2022).
pub async fn variant_id(app: &TestApp, line: LineId) -> VariantId {
    let product = product_of(app, line).await;
    product_variants::table
        .filter(product_variants::product_id.eq(product))
        .filter(product_variants::language.eq("tr-TR"))
        .filter(product_variants::file_type.eq("x64_iso"))
        .order(product_variants::version.desc())
        .select(product_variants::id)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}

/// Makes a link with "Copy link" and returns its path (`/dl/...`) as the page shows it.
pub async fn copy_link(v: &Visitor, purchase: &str, variant: &str) -> String {
    let made = v
        .post(&format!("{purchase}/variants/{variant}/links"), &[])
        .await;
    assert_eq!(made.status, 303);
    let page = v.get(&made.location.expect("back to the purchase")).await;
    let start = page.body.find("/dl/").expect("the new link is shown");
    let token: String = page.body[start + 4..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert!(page.contains("50 of 50 downloads left · expires"));
    format!("/dl/{token}")
}

/// A download link for the purchase, of any variant that has a file, made with "Copy link";
/// its `/dl/...` path.
pub async fn make_link(app: &TestApp, v: &Visitor, p: Purchase) -> String {
    let variant = filed_variant(app, p.line).await;
    copy_link(v, &p.path(), &variant.to_string()).await
}

/// A variant of the purchase's product that has a file to download.
pub async fn filed_variant(app: &TestApp, line: LineId) -> VariantId {
    let product = product_of(app, line).await;
    product_variants::table
        .inner_join(artifacts::table)
        .filter(product_variants::product_id.eq(product))
        .select(product_variants::id)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}
