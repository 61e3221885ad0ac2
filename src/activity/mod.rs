//! The append-only activity record. Features add entries; nothing in the product
//! changes or removes one, and the database refuses it too (see the migration's trigger).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::activity;

/// What happened; stored as its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    OrderPlaced,
    KeyViewed,
    Downloaded,
    LinkCreated,
    LinkUsed,
    LinkRefused,
    PurchaseCancelled,
    SupportRequestFiled,
    SupportRequestTaken,
    SupportInfoRequested,
    SupportReplied,
    SupportRequestApproved,
    SupportRequestRejected,
}

impl Operation {
    pub fn code(self) -> &'static str {
        match self {
            Operation::OrderPlaced => "order_placed",
            Operation::KeyViewed => "key_viewed",
            Operation::Downloaded => "downloaded",
            Operation::LinkCreated => "link_created",
            Operation::LinkUsed => "link_used",
            Operation::LinkRefused => "link_refused",
            Operation::PurchaseCancelled => "purchase_cancelled",
            Operation::SupportRequestFiled => "support_request_filed",
            Operation::SupportRequestTaken => "support_request_taken",
            Operation::SupportInfoRequested => "support_info_requested",
            Operation::SupportReplied => "support_replied",
            Operation::SupportRequestApproved => "support_request_approved",
            Operation::SupportRequestRejected => "support_request_rejected",
        }
    }
}

/// The actor of downloads made with a link; the address and browser go in the details.
pub const LINK_ACTOR: &str = "download link";

pub struct Entry<'a> {
    pub partner_id: Option<Uuid>,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<Uuid>,
    /// Who, as shown in the log: a user's e-mail, or `LINK_ACTOR` for a download by link.
    pub actor: &'a str,
    pub operation: Operation,
    pub customer_id: Option<Uuid>,
    pub order_id: Option<Uuid>,
    pub product_id: Option<Uuid>,
    pub details: serde_json::Value,
}

pub async fn record(conn: &mut AsyncPgConnection, e: Entry<'_>) -> QueryResult<()> {
    diesel::insert_into(activity::table)
        .values((
            activity::partner_id.eq(e.partner_id),
            activity::at.eq(e.at),
            activity::actor_user_id.eq(e.actor_user_id),
            activity::actor.eq(e.actor),
            activity::operation.eq(e.operation.code()),
            activity::customer_id.eq(e.customer_id),
            activity::order_id.eq(e.order_id),
            activity::product_id.eq(e.product_id),
            activity::details.eq(e.details),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}
