//! The longest API lists' items written straight into the answer: the software list's
//! purchases and the order list's orders. A page of 40 purchases is some 140 KB, most of it
//! the variants (written once per product, `api::variants`); serde writing the rest, field
//! name by field name, each escaped, was a sixth of the dashboard's time for the page, and as
//! much for a page of orders. `ApiPurchase` and `ApiOrder` stay the shapes (and the OpenAPI
//! document's): tests check that this writes exactly what serde writes for them.

use super::dates;
use super::orders::{ApiOrder, LineItem};
use super::software::ApiPurchase;

/// Appends `p` as JSON, as serde writes it.
pub fn push_purchase(out: &mut Vec<u8>, p: &ApiPurchase) {
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
    push_term(out, &p.term_duration);
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

/// Appends `o` as JSON, as serde writes it.
pub fn push_order(out: &mut Vec<u8>, o: &ApiOrder) {
    out.extend_from_slice(b"{\"id\":");
    push_uuid(out, &o.id.0);
    out.extend_from_slice(b",\"referenceCustomerId\":");
    push_uuid(out, &o.reference_customer_id.0);
    out.extend_from_slice(b",\"lineItems\":");
    push_array(out, &o.line_items, push_line);
    out.extend_from_slice(b",\"currencyCode\":");
    push_escaped(out, o.currency_code);
    out.extend_from_slice(b",\"creationDate\":");
    dates::push_json(out, &o.creation_date);
    out.extend_from_slice(b",\"status\":");
    push_escaped(out, o.status);
    out.extend_from_slice(b",\"links\":");
    push_escaped(out, &o.links);
    out.extend_from_slice(b",\"attributes\":");
    push_escaped(out, &o.attributes);
    out.push(b'}');
}

fn push_line(out: &mut Vec<u8>, l: &LineItem) {
    out.extend_from_slice(b"{\"lineItemNumber\":");
    push_escaped(out, &l.line_item_number);
    out.extend_from_slice(b",\"offerId\":");
    push_escaped(out, &l.offer_id);
    out.extend_from_slice(b",\"friendlyName\":");
    push_escaped(out, &l.friendly_name);
    out.extend_from_slice(b",\"quantity\":");
    push_escaped(out, &l.quantity);
    push_term(out, &l.term_duration);
    let p = &l.pricing;
    out.extend_from_slice(b",\"pricing\":{\"unitPrice\":");
    push_escaped(out, &p.unit_price);
    out.extend_from_slice(b",\"amount\":");
    push_escaped(out, &p.amount);
    out.extend_from_slice(b",\"taxTreatment\":");
    push_escaped(out, p.tax_treatment);
    if let Some(rate) = &p.tax_rate {
        out.extend_from_slice(b",\"taxRate\":");
        push_escaped(out, rate);
    }
    out.extend_from_slice(b",\"credited\":");
    push_escaped(out, &p.credited);
    out.extend_from_slice(b"}}");
}

/// Appends `items` as a JSON array, each written by `push`.
pub fn push_array<T>(out: &mut Vec<u8>, items: &[T], push: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push(out, item);
    }
    out.push(b']');
}

fn push_term(out: &mut Vec<u8>, term: &Option<String>) {
    if let Some(term) = term {
        out.extend_from_slice(b",\"termDuration\":");
        push_escaped(out, term);
    }
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
    use crate::api::orders::Pricing;
    use crate::api::shapes::{Attributes, Link, SelfLinks};
    use crate::ids::{CustomerId, LineId, OrderId};
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
                push_purchase(&mut written, &p);
                assert_eq!(
                    String::from_utf8(written).unwrap(),
                    serde_json::to_string(&p).unwrap()
                );
            }
        }
    }

    fn line(n: i32, name: &str, term: Option<&str>, rate: Option<&str>) -> LineItem {
        LineItem {
            line_item_number: n,
            offer_id: format!("sku-{n}:0001:0001"),
            friendly_name: name.to_string(),
            quantity: n - 2,
            term_duration: term.map(str::to_string),
            pricing: Pricing {
                unit_price: "6155.00".into(),
                amount: "-12.5".into(),
                tax_treatment: if rate.is_some() {
                    "included"
                } else {
                    "excluded"
                },
                tax_rate: rate.map(str::to_string),
                credited: "0".into(),
            },
        }
    }

    #[test]
    fn an_order_is_written_exactly_as_serde_writes_it() {
        let lines = [
            vec![],
            vec![line(0, "Windows Server 2022", None, None)],
            vec![
                line(0, "SQL \"Server\"\\ é\n\u{1}", Some("P1Y"), Some("10")),
                line(1, "b", Some("P36M"), None),
            ],
        ];
        for (i, line_items) in lines.into_iter().enumerate() {
            let o = ApiOrder {
                id: OrderId::ordered(),
                reference_customer_id: CustomerId::random(),
                line_items,
                currency_code: "HUF",
                creation_date: Utc.timestamp_opt(1_796_510_679, i as u32 * 1_000).unwrap(),
                status: if i == 1 { "cancelled" } else { "completed" },
                links: SelfLinks {
                    this: Link::get(format!("/customers/x/orders/{i}")),
                },
                attributes: Attributes::of("Order"),
            };
            let mut written = Vec::new();
            push_order(&mut written, &o);
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(&o).unwrap()
            );
        }
    }
}
