//! A request's timeline: each entry (filed, taken, asked, replied, decided) with the files
//! that came with it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::upload::Received;
use crate::db::schema::{support_attachments, support_events};
use crate::error::AppError;
use crate::ids::{FileId, RequestId, UserId};

/// A timeline entry and the files that came with it.
pub struct NewEvent<'a> {
    pub request_id: RequestId,
    pub author_id: UserId,
    pub kind: super::rules::EventKind,
    pub body: &'a str,
    pub files: &'a [Received],
}

/// Adds a timeline entry with its attachments, put in place inside the caller's transaction.
pub async fn add_event(
    conn: &mut AsyncPgConnection,
    e: NewEvent<'_>,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    let event_id = Uuid::new_v4();
    diesel::insert_into(support_events::table)
        .values((
            support_events::id.eq(event_id),
            support_events::request_id.eq(e.request_id),
            support_events::at.eq(now),
            support_events::author_id.eq(e.author_id),
            support_events::kind.eq(e.kind),
            support_events::body.eq(e.body),
        ))
        .execute(conn)
        .await?;
    for file in e.files {
        super::stored_files::put_in_place(conn, file).await?;
        diesel::insert_into(support_attachments::table)
            .values((
                support_attachments::id.eq(FileId::random()),
                support_attachments::request_id.eq(e.request_id),
                support_attachments::event_id.eq(event_id),
                support_attachments::file_name.eq(&file.file_name),
                support_attachments::media_type.eq(file.media_type),
                support_attachments::size_bytes.eq(file.size),
                support_attachments::sha256.eq(&file.sha256),
                support_attachments::created_at.eq(now),
            ))
            .execute(conn)
            .await?;
    }
    Ok(event_id)
}
