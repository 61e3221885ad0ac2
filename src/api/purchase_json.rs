//! The software list's purchases written straight into the answer. A page of 40 purchases is
//! some 140 KB, most of it the variants (written once per product, `api::variants`); serde
//! writing the rest, field name by field name, each escaped, was a sixth of the dashboard's
//! time for the page. `ApiPurchase` stays the shape (and the OpenAPI document's): a test
//! checks that this writes exactly what serde writes for it.

use super::dates;
use super::software::ApiPurchase;

/// Appends `p` as JSON, as serde writes it.
pub fn push(out: &mut Vec<u8>, p: &ApiPurchase) {
    out.extend_from_slice(b"{\"id\":");
    push_uuid(out, &p.id.0);
    out.extend_from_slice(b",\"orderId\":");
    push_uuid(out, &p.order_id.0);
    out.extend_from_slice(b",\"lineItemNumber\":");
    push_escaped(out, &p.line_item_number);
    out.extend_from_slice(b",\"friendlyName\":");
    push_escaped(out, &p.friendly_name);
    out.extend_from_slice(b",\"productType\":");
    push_escaped(out, p.product_type);
    if let Some(term) = &p.term_duration {
        out.extend_from_slice(b",\"termDuration\":");
        push_escaped(out, term);
    }
    out.extend_from_slice(b",\"quantity\":");
    push_escaped(out, &p.quantity);
    out.extend_from_slice(b",\"purchaseDate\":");
    dates::push_json(out, &p.purchase_date);
    out.extend_from_slice(b",\"status\":");
    push_escaped(out, p.status);
    out.extend_from_slice(match p.has_keys {
        true => b",\"hasKeys\":true,\"variants\":",
        false => b",\"hasKeys\":false,\"variants\":",
    });
    out.extend_from_slice(p.variants.get().as_bytes());
    out.extend_from_slice(b",\"links\":");
    push_escaped(out, &p.links);
    out.extend_from_slice(b",\"attributes\":");
    push_escaped(out, &p.attributes);
    out.push(b'}');
}

fn push_uuid(out: &mut Vec<u8>, id: &uuid::Uuid) {
    let mut buf = uuid::Uuid::encode_buffer();
    out.push(b'"');
    out.extend_from_slice(id.hyphenated().encode_lower(&mut buf).as_bytes());
    out.push(b'"');
}

/// A value as serde writes it (strings escaped). Writing into a `Vec` does not fail, and none
/// of these values can fail to serialize.
fn push_escaped<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(out, value).unwrap_or_default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::shapes::{Attributes, Link, SelfLinks};
    use crate::ids::{LineId, OrderId};
    use chrono::{TimeZone, Utc};
    use serde_json::value::to_raw_value;

    #[test]
    fn a_purchase_is_written_exactly_as_serde_writes_it() {
        let variants = to_raw_value(&serde_json::json!([
            {"id": "v1", "version": "Windows Server 2022", "language": "hu-HU",
             "fileType": "x64_iso", "fileName": "a \"b\".iso", "available": true}
        ]))
        .unwrap();
        let none = to_raw_value(&[] as &[u8]).unwrap();
        let names = [
            "Windows Server 2022 Datacenter",
            "SQL \"Server\"\\ é\n\u{1}",
        ];
        for (i, name) in names.iter().enumerate() {
            for (term, status, has_keys) in [
                (Some("P1Y".to_string()), "active", true),
                (None, "cancelled", false),
            ] {
                let p = ApiPurchase {
                    id: LineId::random(),
                    order_id: OrderId::ordered(),
                    line_item_number: i as i32 * 7,
                    friendly_name: name.to_string(),
                    product_type: "windows_server",
                    term_duration: term,
                    quantity: -3 + i as i32 * 1000,
                    purchase_date: Utc.timestamp_opt(1_796_510_679, 115_867_000).unwrap(),
                    status,
                    has_keys,
                    variants: if has_keys { &variants } else { &none },
                    links: SelfLinks {
                        this: Link::get(format!("/customers/x/software/{i}")),
                    },
                    attributes: Attributes::of("SoftwarePurchase"),
                };
                let mut written = Vec::new();
                push(&mut written, &p);
                assert_eq!(
                    String::from_utf8(written).unwrap(),
                    serde_json::to_string(&p).unwrap()
                );
            }
        }
    }
}
