//! Support-request fixtures: files to attach, a complete form, and the attachment links a
//! page shows.

use super::{TestApp, Visitor};

pub const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";
pub const CSV: &[u8] = b"order,amount\n100005,100.00\n";

/// A complete "other problem" form about the customer `tenant` (its domain or tenant ID; no
/// refund: no order needed).
pub fn question(tenant: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("problem_type", "keys_downloads"),
        ("impact", "low"),
        ("title", "The ISO does not mount"),
        ("tenant", tenant),
        ("reason", "The downloaded ISO reports a checksum error."),
        ("contact_name", "Avery Agent"),
        ("contact_email", "avery@contoso.example"),
        ("contact_phone", "+1 425 555 0100"),
    ]
}

/// A partner's Admin agent, signed in, and the tenant ID of the partner's customer: who files
/// support forms, and about whom.
pub async fn filer(app: &TestApp) -> (Visitor, String) {
    let shop = app.shop().await;
    (app.signed_in(&shop.agent).await, shop.customer.to_string())
}

/// The attachment links of a page: (address, file name).
pub fn attachment_links(body: &str) -> Vec<(String, String)> {
    const MARK: &str = "\" download data-test=\"attachment\">";
    body.split("<a href=\"")
        .skip(1)
        .filter_map(|rest| {
            let (href, tail) = rest.split_once(MARK)?;
            let name = tail.split('<').next()?;
            Some((href.to_string(), name.to_string()))
        })
        .collect()
}
