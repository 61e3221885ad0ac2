//! Request bodies: JSON read into a handler's type, where bad JSON, a wrong type, a missing or
//! an unknown field is a 400 naming the field (`lineItems[0].quantity`), never a 500. Each
//! body also has a fingerprint of its content (keys sorted, spacing ignored), which is what
//! `MS-RequestId` compares: the same request sent again must not differ only in layout.

use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::ApiError;
use crate::i18n::Lang;

/// Largest body a write takes (an order of many lines is far below it).
pub const MOST_BYTES: usize = 256 * 1024;

/// A body read as `T`, with its fingerprint.
#[derive(Debug)]
pub struct Body<T> {
    pub value: T,
    pub fingerprint: [u8; 32],
}

/// Reads `bytes` as JSON of type `T`.
pub fn read<T: DeserializeOwned>(bytes: &[u8], lang: Lang) -> Result<Body<T>, ApiError> {
    if bytes.len() > MOST_BYTES {
        let most = (MOST_BYTES / 1024).to_string();
        return Err(ApiError::bad_request(
            lang,
            "api-error-body-size",
            &[("kb", most)],
        ));
    }
    let json: Value = serde_json::from_slice(bytes).map_err(|e| {
        let args = [
            ("line", e.line().to_string()),
            ("column", e.column().to_string()),
        ];
        ApiError::bad_request(lang, "api-error-body-json", &args)
    })?;
    let fingerprint = fingerprint(&json);
    let value = serde_path_to_error::deserialize(json).map_err(|e| field_error(&e, lang))?;
    Ok(Body { value, fingerprint })
}

fn field_error(e: &serde_path_to_error::Error<serde_json::Error>, lang: Lang) -> ApiError {
    let message = e.inner().to_string();
    let path = e.path().to_string();
    // serde names a missing or unknown field in its message, at the path of its parent.
    let named = message.split('`').nth(1).unwrap_or_default();
    let within = |name: &str| match path.as_str() {
        "." | "" => name.to_string(),
        parent => format!("{parent}.{name}"),
    };
    let (key, field) = if message.starts_with("missing field") {
        ("api-error-body-missing", within(named))
    } else if message.starts_with("unknown field") {
        ("api-error-body-unknown", within(named))
    } else {
        ("api-error-body-type", path)
    };
    ApiError::bad_request(lang, key, &[("field", field)])
}

/// SHA-256 of the JSON written with sorted keys and no spacing.
pub fn fingerprint(json: &Value) -> [u8; 32] {
    let mut text = String::new();
    canonical(json, &mut text);
    Sha256::digest(text.as_bytes()).into()
}

fn canonical(json: &Value, out: &mut String) {
    match json {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Order {
        line_items: Vec<Line>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Line {
        #[allow(dead_code)]
        offer_id: String,
        quantity: i32,
    }

    fn refusal(body: &str) -> String {
        read::<Order>(body.as_bytes(), Lang::En)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_good_body_is_read() {
        let body = read::<Order>(br#"{"lineItems":[{"offerId":"a","quantity":2}]}"#, Lang::En);
        assert_eq!(body.unwrap().value.line_items[0].quantity, 2);
    }

    #[test]
    fn each_refusal_names_the_field() {
        let wrong = refusal(r#"{"lineItems":[{"offerId":"a","quantity":"two"}]}"#);
        assert!(wrong.contains("lineItems[0].quantity"), "{wrong}");
        let missing = refusal(r#"{"lineItems":[{"offerId":"a"}]}"#);
        assert!(missing.contains("lineItems[0].quantity"), "{missing}");
        let unknown = refusal(r#"{"lineItems":[], "coupon": "x"}"#);
        assert!(unknown.contains("coupon"), "{unknown}");
        let bad = refusal(r#"{"lineItems": [}"#);
        assert!(bad.starts_with("400 400"), "{bad}");
        assert!(refusal("").starts_with("400 400"));
    }

    #[test]
    fn the_fingerprint_ignores_key_order_and_spacing_only() {
        let a = fingerprint(&serde_json::from_str(r#"{"a":1,"b":[1,2]}"#).unwrap());
        let b = fingerprint(&serde_json::from_str(r#"{ "b": [1, 2], "a": 1 }"#).unwrap());
        let c = fingerprint(&serde_json::from_str(r#"{"a":1,"b":[2,1]}"#).unwrap());
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
