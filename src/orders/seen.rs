//! What the Review page showed, carried in its form so Place order can check that it still
//! holds.

use super::cart::CartLine;
use crate::ids::ProductId;

/// What the Review page showed for one line; the order is placed only if it still holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub product_id: ProductId,
    pub quantity: i32,
    pub unit_price_minor: i64,
}

/// The Review page's lines as one hidden form field: `product:quantity:price;…`.
pub fn encode_seen(lines: &[CartLine]) -> String {
    lines
        .iter()
        .map(|l| {
            format!(
                "{}:{}:{}",
                l.product_id,
                l.quantity,
                l.unit_price_minor.unwrap_or(-1)
            )
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// `None` for anything a Review page could not have produced.
pub fn decode_seen(text: &str) -> Option<Vec<Seen>> {
    text.split(';')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut fields = part.split(':');
            let seen = Seen {
                product_id: fields.next()?.parse().ok()?,
                quantity: fields.next()?.parse().ok()?,
                unit_price_minor: fields.next()?.parse().ok()?,
            };
            fields.next().is_none().then_some(seen)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_lines_survive_the_form_and_junk_is_refused() {
        let id = ProductId::random();
        let text = format!("{id}:2:106900");
        assert_eq!(
            decode_seen(&text),
            Some(vec![Seen {
                product_id: id,
                quantity: 2,
                unit_price_minor: 106_900
            }])
        );
        assert_eq!(decode_seen(""), Some(vec![]));
        assert_eq!(decode_seen("x:1:2"), None);
        assert_eq!(decode_seen(&format!("{id}:2")), None);
        assert_eq!(decode_seen(&format!("{id}:2:3:4")), None);
    }
}
