//! Calling the `/v1` API as a partner's program would: tokens made on the API tokens page,
//! requests with `Authorization: Bearer`.

use serde_json::Value;

use super::{TestApp, Visitor};

/// A program's client of the API, with one token.
#[derive(Clone)]
pub struct ApiClient {
    client: reqwest::Client,
    base: String,
    pub token: String,
}

/// An API answer: status, headers, and the body as JSON (`Null` if it is not JSON).
#[derive(Debug)]
pub struct ApiResp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub json: Value,
}

impl ApiResp {
    /// The error envelope's code.
    pub fn code(&self) -> i64 {
        self.json["code"].as_i64().unwrap_or_default()
    }
}

impl ApiClient {
    pub fn new(app: &TestApp, token: &str) -> ApiClient {
        ApiClient {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: app.base.clone(),
            token: token.to_string(),
        }
    }

    /// GET with the token and any `headers`.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> ApiResp {
        let mut req = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        into_resp(req.send().await.expect("GET")).await
    }

    /// The same client calling another server (a second process on the same database).
    pub fn at(&self, base: &str) -> ApiClient {
        ApiClient {
            base: base.to_string(),
            ..self.clone()
        }
    }

    /// `method` (POST, PATCH) with `body` sent as it is, as JSON, and any `headers`.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> ApiResp {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header("Content-Type", "application/json")
            .body(body.to_string());
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        into_resp(req.send().await.expect("request")).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> ApiResp {
        self.send(reqwest::Method::POST, path, &body.to_string(), &[])
            .await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> ApiResp {
        self.send(reqwest::Method::PATCH, path, &body.to_string(), &[])
            .await
    }

    pub async fn get(&self, path: &str) -> ApiResp {
        self.get_with(path, &[]).await
    }
}

/// A request without the client's token: `authorization` is sent as given, if any.
pub async fn get_as(app: &TestApp, path: &str, authorization: Option<&str>) -> ApiResp {
    let mut req = reqwest::Client::new().get(format!("{}{path}", app.base));
    if let Some(a) = authorization {
        req = req.header("Authorization", a);
    }
    into_resp(req.send().await.expect("GET")).await
}

async fn into_resp(res: reqwest::Response) -> ApiResp {
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.text().await.unwrap_or_default();
    ApiResp {
        status,
        headers,
        json: serde_json::from_str(&body).unwrap_or(Value::Null),
    }
}

/// A Global admin who is also an Admin agent of `partner`, signed in, and a token of theirs
/// with `scopes` (under a name of its own).
pub async fn token(app: &TestApp, partner: cspdesk::ids::PartnerId, scopes: &[&str]) -> ApiClient {
    let email = app
        .user(partner)
        .roles(&[
            cspdesk::auth::Role::GlobalAdmin,
            cspdesk::auth::Role::AdminAgent,
        ])
        .await;
    let admin = app.signed_in(&email).await;
    let name = format!("Program {}", uuid::Uuid::new_v4());
    ApiClient::new(app, &create_token(&admin, &name, scopes, 30).await)
}

/// Creates a token on the API tokens page as `admin` (signed in) and returns its secret.
pub async fn create_token(admin: &Visitor, name: &str, scopes: &[&str], days: u32) -> String {
    let days = days.to_string();
    let mut fields = vec![("name", name), ("days", days.as_str())];
    fields.extend(scopes.iter().map(|s| ("scopes", *s)));
    let page = admin.post("/account/api-tokens", &fields).await;
    assert_eq!(page.status, 200, "{}", page.body);
    secret_in(&page.body).expect("the page shows the token")
}

/// The secret on the "Token created" page.
pub fn secret_in(html: &str) -> Option<String> {
    let start = html.find("data-test=\"api-token-secret\">")? + 29;
    let rest = &html[start..];
    Some(rest[..rest.find('<')?].to_string())
}

/// Every item of every page, following `links.next` from `first`.
pub async fn walk(api: &ApiClient, first: &str) -> (Vec<Value>, usize) {
    let mut items = Vec::new();
    let mut page = api.get(first).await;
    let mut pages = 1;
    loop {
        assert_eq!(page.status, 200, "{:?}", page.json);
        items.extend(page.json["items"].as_array().unwrap().iter().cloned());
        let next = &page.json["links"]["next"];
        if next.is_null() {
            return (items, pages);
        }
        let uri = next["uri"].as_str().unwrap();
        let token = next["headers"][0]["value"].as_str().unwrap();
        page = api
            .get_with(&format!("/v1{uri}"), &[("MS-ContinuationToken", token)])
            .await;
        pages += 1;
    }
}
