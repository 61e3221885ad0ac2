//! User management's list: the partner's staff by e-mail address or by name, optionally only
//! those whose name or address contains the text searched for, 25 at a time by keyset on the
//! sorted column (so a later page costs what the first does).

use chrono::{DateTime, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Deserialize;

use super::members::{Member, Row, members_from};
use crate::auth::{PartnerScope, Role};
use crate::db::statement::prepared;
use crate::error::AppError;
use crate::ids::UserId;
use crate::web::forms::{MAX_SEARCH, search_text};
use crate::web::list_view::SearchBox;

pub const PER_PAGE: i64 = 25;
const LIST: &str = "/account/users";

/// The address's part of the list: `?sort=name&q=...&after=...`.
#[derive(Deserialize, Default)]
pub struct UsersQuery {
    pub sort: Option<String>,
    pub q: Option<String>,
    pub after: Option<String>,
}

/// Where the list continues: after this sort key and user. Written `{id}.{key}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct After {
    pub id: UserId,
    pub key: String,
}

impl After {
    pub fn encode(&self) -> String {
        format!("{}.{}", self.id, self.key)
    }

    /// Nonsense is ignored: the list starts at its first row.
    pub fn decode(text: &str) -> Option<After> {
        let (id, key) = text.split_once('.')?;
        Some(After {
            id: UserId::parse(id)?,
            key: key.chars().take(300).collect(),
        })
    }
}

/// What the list shows, from the address; nonsense means the default (by address, everyone).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UsersView {
    pub by_name: bool,
    pub q: String,
    pub after: Option<After>,
}

impl UsersView {
    pub fn from_query(query: &UsersQuery) -> UsersView {
        UsersView {
            by_name: query.sort.as_deref() == Some("name"),
            q: search_text(query.q.as_deref())
                .chars()
                .take(MAX_SEARCH)
                .collect(),
            after: query.after.as_deref().and_then(After::decode),
        }
    }

    /// The list's address in this order and search (`by_name` chooses the order).
    pub fn href(&self, by_name: bool) -> String {
        let mut params: Vec<(&str, &str)> = Vec::new();
        if by_name {
            params.push(("sort", "name"));
        }
        if !self.q.is_empty() {
            params.push(("q", &self.q));
        }
        match serde_urlencoded::to_string(&params) {
            Ok(query) if !query.is_empty() => format!("{LIST}?{query}"),
            _ => LIST.to_string(),
        }
    }

    /// The sort key of a member in this view's order (what the cursor carries).
    fn key(&self, m: &Member) -> String {
        match self.by_name {
            true => m.name.to_lowercase(),
            false => m.email.clone(),
        }
    }

    /// The cursor after `m`.
    pub fn after(&self, m: &Member) -> String {
        After {
            id: m.id,
            key: self.key(m),
        }
        .encode()
    }

    pub fn search_box(&self, lang: crate::i18n::Lang) -> SearchBox {
        let hidden = match self.by_name {
            true => vec![("sort", "name".to_string())],
            false => Vec::new(),
        };
        SearchBox {
            id: "users-find",
            action: LIST.to_string(),
            hidden,
            q: self.q.clone(),
            sort: None,
            oldest: false,
            by_product: None,
            clear: (!self.q.is_empty()).then(|| {
                UsersView {
                    q: String::new(),
                    ..UsersView::default()
                }
                .href(self.by_name)
            }),
            sort_href: String::new(),
            product_href: String::new(),
            label: lang.t("users-search"),
            hint: lang.t("users-search-hint"),
            clear_label: lang.t("users-search-clear"),
        }
    }
}

#[derive(QueryableByName)]
struct Listed {
    #[diesel(sql_type = SqlUuid)]
    id: UserId,
    #[diesel(sql_type = Text)]
    email: String,
    #[diesel(sql_type = Text)]
    display_name: String,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    disabled_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    role: Option<Role>,
}

/// Up to `limit` of the partner's staff as `view` asks, with their roles, in one statement:
/// a page of users off the (partner, e-mail) or (partner, name) index, then their roles.
pub async fn page(
    mut conn: &AsyncPgConnection,
    scope: PartnerScope,
    view: &UsersView,
    limit: i64,
) -> Result<Vec<Member>, AppError> {
    let key = match view.by_name {
        true => "lower(display_name)",
        false => "email",
    };
    let keyset = match view.after {
        Some(_) => format!("AND ({key}, id) > ($3, $4)"),
        None => String::new(),
    };
    let search = match view.q.is_empty() {
        true => "",
        false => "AND (lower(display_name) LIKE lower($5) OR email LIKE lower($5))",
    };
    let sql = format!(
        "SELECT u.id, u.email, u.display_name, u.disabled_at, r.role
           FROM (SELECT id, email, display_name, disabled_at, {key} AS sort_key FROM users
                  WHERE partner_id = $1 AND kind = 'partner' {keyset} {search}
                  ORDER BY {key}, id LIMIT $2) u
           LEFT JOIN user_roles r ON r.user_id = u.id
          ORDER BY u.sort_key, u.id"
    );
    let rows: Vec<Listed> = prepared(sql)
        .bind::<SqlUuid, _>(scope.partner_id())
        .bind::<BigInt, _>(limit)
        .bind::<Nullable<Text>, _>(view.after.as_ref().map(|a| a.key.clone()))
        .bind::<Nullable<SqlUuid>, _>(view.after.as_ref().map(|a| a.id))
        .bind::<Text, _>(crate::db::contains_pattern(&view.q))
        .load(&mut conn)
        .await?;
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|r| (r.id, r.email, r.display_name, r.disabled_at, r.role))
        .collect();
    Ok(members_from(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_keeps_order_and_search_and_cursors_round_trip() {
        let view = UsersView::from_query(&UsersQuery {
            sort: Some("name".into()),
            q: Some("  Ann & co ".into()),
            after: None,
        });
        assert!(view.by_name);
        assert_eq!(view.href(true), "/account/users?sort=name&q=Ann+%26+co");
        assert_eq!(view.href(false), "/account/users?q=Ann+%26+co");
        let after = After {
            id: UserId::parse("0b6a1f7e-5d1c-4c53-9d6e-1a2b3c4d5e6f").unwrap(),
            key: "ann.o'neil@contoso.example".into(),
        };
        assert_eq!(After::decode(&after.encode()), Some(after));
        for bad in ["", "x.y", "nodot"] {
            assert_eq!(After::decode(bad), None, "{bad}");
        }
        let nonsense = UsersView::from_query(&UsersQuery {
            sort: Some("salary".into()),
            ..UsersQuery::default()
        });
        assert_eq!(nonsense, UsersView::default());
    }
}
