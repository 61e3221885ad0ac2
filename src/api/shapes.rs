//! The original's JSON shapes shared by every resource: links, collections with their
//! continuation, and the `attributes.objectType` each object carries.

use actix_web::HttpRequest;
use serde::Serialize;
use utoipa::ToSchema;

use super::ApiError;
use crate::i18n::Lang;

/// A header to send with a link (`MS-ContinuationToken`).
#[derive(Serialize, Debug, Clone, ToSchema)]
pub struct Header {
    pub key: String,
    pub value: String,
}

/// Where to go next: a URI relative to `/v1`, its method and the headers to send.
#[derive(Serialize, Debug, Clone, ToSchema)]
pub struct Link {
    pub uri: String,
    pub method: &'static str,
    pub headers: Vec<Header>,
}

impl Link {
    pub fn get(uri: String) -> Link {
        Link {
            uri,
            method: "GET",
            headers: Vec::new(),
        }
    }
}

/// An object's own link.
#[derive(Serialize, Debug, Clone, ToSchema)]
pub struct SelfLinks {
    #[serde(rename = "self")]
    pub this: Link,
}

/// A collection's links: itself and, when there is more, the next page.
#[derive(Serialize, Debug, Clone, ToSchema)]
pub struct CollectionLinks {
    #[serde(rename = "self")]
    pub this: Link,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
}

#[derive(Serialize, Debug, Clone, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    pub object_type: &'static str,
}

impl Attributes {
    pub fn of(object_type: &'static str) -> Attributes {
        Attributes { object_type }
    }
}

/// A page of a collection. `totalCount` is the number of items on this page, as in the
/// original; `links.next` continues with the `MS-ContinuationToken` header it names.
#[derive(Serialize, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Collection<T: ToSchema> {
    pub total_count: usize,
    pub items: Vec<T>,
    pub links: CollectionLinks,
    pub attributes: Attributes,
}

/// The header name of the continuation.
pub const CONTINUATION: &str = "MS-ContinuationToken";

impl<T: ToSchema> Collection<T> {
    /// A page at `uri`; with `next_token`, a link to the next page (`uri` with
    /// `seekOperation=Next`, and the token in its header).
    pub fn page(items: Vec<T>, uri: String, next_token: Option<String>) -> Collection<T> {
        let next = next_token.map(|token| {
            let joiner = if uri.contains('?') { '&' } else { '?' };
            Link {
                uri: format!("{uri}{joiner}seekOperation=Next"),
                method: "GET",
                headers: vec![Header {
                    key: CONTINUATION.to_string(),
                    value: token,
                }],
            }
        });
        Collection {
            total_count: items.len(),
            items,
            links: CollectionLinks {
                this: Link::get(uri),
                next,
            },
            attributes: Attributes::of("Collection"),
        }
    }
}

impl<T: ToSchema + Serialize> Collection<T> {
    /// The page as a 200 answer, written into a buffer sized for `per_item` bytes an item, so
    /// a long page is not copied each time its buffer doubles.
    pub fn respond(&self, per_item: usize) -> actix_web::HttpResponse {
        let mut body = Vec::with_capacity(512 + per_item * self.items.len());
        match serde_json::to_writer(&mut body, self) {
            Ok(()) => actix_web::HttpResponse::Ok()
                .content_type(actix_web::http::header::ContentType::json())
                .body(body),
            Err(e) => actix_web::Error::from(e).error_response(),
        }
    }

    /// As `respond`, but each item written by `write_item` (for a long list whose items serde
    /// is slow to write); the rest as serde writes it, in the fields' order.
    pub fn respond_written(
        &self,
        per_item: usize,
        write_item: impl Fn(&mut Vec<u8>, &T),
    ) -> actix_web::HttpResponse {
        let mut body = Vec::with_capacity(512 + per_item * self.items.len());
        match self.write_with(&mut body, write_item) {
            Ok(()) => actix_web::HttpResponse::Ok()
                .content_type(actix_web::http::header::ContentType::json())
                .body(body),
            Err(e) => actix_web::Error::from(e).error_response(),
        }
    }

    fn write_with(
        &self,
        body: &mut Vec<u8>,
        write_item: impl Fn(&mut Vec<u8>, &T),
    ) -> serde_json::Result<()> {
        body.extend_from_slice(b"{\"totalCount\":");
        serde_json::to_writer(&mut *body, &self.total_count)?;
        body.extend_from_slice(b",\"items\":");
        super::list_json::push_array(body, &self.items, write_item);
        body.extend_from_slice(b",\"links\":");
        serde_json::to_writer(&mut *body, &self.links)?;
        body.extend_from_slice(b",\"attributes\":");
        serde_json::to_writer(&mut *body, &self.attributes)?;
        body.push(b'}');
        Ok(())
    }
}

/// The query of every list: its page size and continuation; anything else in it is ignored.
#[derive(serde::Deserialize, Debug, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Items per page, 1 to 500 (100 without it).
    #[param(value_type = Option<i64>)]
    pub size: Option<String>,
    /// `Next` to continue after the `MS-ContinuationToken` header's item.
    pub seek_operation: Option<String>,
}

/// Items a page holds unless `size` says otherwise, and the most it may say.
const DEFAULT_SIZE: i64 = 100;
const MAX_SIZE: i64 = 500;

/// A page's `size` parameter: 1 to 500, 100 without it; or a 400 that says so.
pub fn size(text: Option<&str>, lang: Lang) -> Result<i64, ApiError> {
    match text {
        None => Ok(DEFAULT_SIZE),
        Some(text) => text
            .trim()
            .parse()
            .ok()
            .filter(|n| (1..=MAX_SIZE).contains(n))
            .ok_or_else(|| {
                ApiError::bad_request(lang, "api-error-size", &[("most", MAX_SIZE.to_string())])
            }),
    }
}

/// Where a page continues: from the start without `seekOperation`; with `seekOperation=Next`,
/// after what the `MS-ContinuationToken` header names (read by `decode`); anything else, or a
/// header that does not decode, is a 400 that says so.
pub fn continuation<T>(
    req: &HttpRequest,
    seek: Option<&str>,
    lang: Lang,
    decode: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, ApiError> {
    match seek {
        None => Ok(None),
        Some(op) if op.eq_ignore_ascii_case("next") => req
            .headers()
            .get(CONTINUATION)
            .and_then(|v| v.to_str().ok())
            .and_then(decode)
            .map(Some)
            .ok_or_else(|| ApiError::bad_request(lang, "api-error-continuation", &[])),
        Some(_) => Err(ApiError::bad_request(lang, "api-error-seek", &[])),
    }
}

/// The LIMIT a statement that writes it into its text reads a page of `size` items with (and
/// one more, to know whether another page follows): one of a few, so a client choosing sizes
/// cannot make a connection prepare a statement for each. The caller cuts the rows to the page.
pub fn fetch_limit(size: i64) -> i64 {
    const LIMITS: [i64; 5] = [26, 51, 101, 251, 501];
    LIMITS.into_iter().find(|&l| l > size).unwrap_or(size + 1)
}

/// The LIMIT bound to a statement reading a page of `size` items: one more, to know whether
/// another page follows. A bound limit is one prepared statement whatever the size, so it need
/// not be rounded up as `fetch_limit`'s, which would read rows the page does not show.
pub fn bound_limit(size: i64) -> i64 {
    size + 1
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_reads_one_more_row_than_it_shows_under_a_few_limits() {
        assert_eq!(super::fetch_limit(1), 26);
        assert_eq!(super::fetch_limit(25), 26);
        assert_eq!(super::fetch_limit(40), 51);
        assert_eq!(super::fetch_limit(100), 101);
        assert_eq!(super::fetch_limit(500), 501);
        assert_eq!(super::bound_limit(40), 41);
    }

    #[derive(serde::Serialize, utoipa::ToSchema)]
    struct Item {
        name: String,
    }

    #[test]
    fn a_collection_with_its_items_written_apart_is_what_serde_writes() {
        let items = vec![
            Item {
                name: "a \"quoted\" ñame".into(),
            },
            Item { name: "b".into() },
        ];
        for (items, next) in [(items, Some("t.1".to_string())), (Vec::new(), None)] {
            let page = super::Collection::page(items, "/x?size=2".into(), next);
            let mut written = Vec::new();
            page.write_with(&mut written, |body, item| {
                serde_json::to_writer(body, item).unwrap()
            })
            .unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string(&page).unwrap()
            );
        }
    }
}
