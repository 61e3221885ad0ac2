//! The append-only activity record. Features add entries; nothing in the product
//! changes or removes one, and the database refuses it too (see the migration's trigger).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::activity;
use crate::ids::{CustomerId, OrderId, PartnerId, ProductId, UserId};

#[cfg(test)]
mod tests;

pub mod batch;
pub mod export;
pub mod filter;
pub mod handlers;
pub mod queries;
pub mod views;

macro_rules! operations {
    ($($variant:ident = $code:literal,)*) => {
        /// What happened; stored as its code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, diesel::deserialize::FromSqlRow, diesel::expression::AsExpression)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum Operation { $($variant),* }

        impl Operation {
            /// Every operation, in the order the log's filter offers them.
            pub const ALL: &'static [Operation] = &[$(Operation::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $(Operation::$variant => $code),* }
            }
        }
    };
}

operations! {
    KeyViewed = "key_viewed",
    Downloaded = "downloaded",
    LinkCreated = "link_created",
    LinkUsed = "link_used",
    LinkRefused = "link_refused",
    OrderPlaced = "order_placed",
    PurchaseCancelled = "purchase_cancelled",
    SupportRequestFiled = "support_request_filed",
    SupportRequestTaken = "support_request_taken",
    SupportInfoRequested = "support_info_requested",
    SupportReplied = "support_replied",
    SupportRequestApproved = "support_request_approved",
    SupportRequestRejected = "support_request_rejected",
    SignedIn = "signed_in",
    UserAdded = "user_added",
    UserRolesChanged = "user_roles_changed",
    UserDisabled = "user_disabled",
    UserEnabled = "user_enabled",
    PasswordIssued = "password_issued",
    PasswordSet = "password_set",
    ActivityExported = "activity_exported",
    ApiTokenCreated = "api_token_created",
    ApiTokenRevoked = "api_token_revoked",
    LinkRevoked = "link_revoked",
    CustomerAdded = "customer_added",
}

/// The operations that touch keys and files: what the log shows unless asked otherwise.
pub const ACCESS: &[Operation] = &[
    Operation::KeyViewed,
    Operation::Downloaded,
    Operation::LinkCreated,
    Operation::LinkUsed,
    Operation::LinkRefused,
];

impl Operation {
    pub fn from_code(code: &str) -> Option<Operation> {
        Operation::ALL.iter().copied().find(|o| o.code() == code)
    }

    /// Fluent message id of the operation's name; made once, as every row of the log asks.
    pub fn label_key(self) -> &'static str {
        // `ALL` lists the variants in their declared order, so a variant's number is its place.
        static KEYS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            Operation::ALL.iter().map(|o| label_key(o.code())).collect()
        });
        &KEYS[self as usize]
    }
}

pub fn codes(ops: &[Operation]) -> Vec<&'static str> {
    ops.iter().map(|o| o.code()).collect()
}

/// The name of a stored operation code (`activity-op-key-viewed`).
pub fn label_key(code: &str) -> String {
    format!("activity-op-{}", code.replace('_', "-"))
}

/// The actor of downloads made with a link; the address and browser go in the details.
pub const LINK_ACTOR: &str = "download link";

pub struct Entry<'a> {
    pub partner_id: Option<PartnerId>,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<UserId>,
    /// Who, as shown in the log: a user's e-mail, or `LINK_ACTOR` for a download by link.
    pub actor: &'a str,
    pub operation: Operation,
    pub customer_id: Option<CustomerId>,
    pub order_id: Option<OrderId>,
    pub product_id: Option<ProductId>,
    pub details: serde_json::Value,
}

/// The names a record shows, given by a writer that has them at hand: the customer's company
/// name, the product's name in the catalog and the order's number, as they are when the
/// record is written. Whatever is left out and has its id given, the database looks up (the
/// `activity_names` trigger, which runs only then).
#[derive(Clone, Copy, Debug, Default)]
pub struct Names<'a> {
    pub customer: Option<&'a str>,
    pub product: Option<&'a str>,
    pub order_number: Option<i64>,
}

pub async fn record(conn: &AsyncPgConnection, e: Entry<'_>) -> QueryResult<()> {
    record_named(conn, e, Names::default()).await
}

/// `record` with the names the writer gives.
pub async fn record_named(
    mut conn: &AsyncPgConnection,
    e: Entry<'_>,
    names: Names<'_>,
) -> QueryResult<()> {
    diesel::insert_into(activity::table)
        .values((
            activity::partner_id.eq(e.partner_id),
            activity::at.eq(e.at),
            activity::actor_user_id.eq(e.actor_user_id),
            activity::actor.eq(e.actor),
            activity::operation.eq(e.operation),
            activity::customer_id.eq(e.customer_id),
            activity::order_id.eq(e.order_id),
            activity::product_id.eq(e.product_id),
            activity::details.eq(e.details),
            activity::customer_name.eq(names.customer),
            activity::product_name.eq(names.product),
            activity::order_number.eq(names.order_number),
        ))
        .execute(&mut conn)
        .await
        .map(|_| ())
}

crate::stored_as_code!(Operation);
