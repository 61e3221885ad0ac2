//! `GET /healthz`: 200 when the database answers, 503 when it does not.

use actix_web::{HttpResponse, web};
use diesel_async::RunQueryDsl;

use crate::db::statement::prepared;
use crate::web::AppState;

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let ok = match state.pool.get().await {
        // Prepared once per connection, as every other statement: a statement parsed anew on
        // each call cost the database twice what the check itself does.
        Ok(mut conn) => prepared("SELECT 1").execute(&mut conn).await.is_ok(),
        Err(_) => false,
    };
    if ok {
        HttpResponse::Ok().content_type("text/plain").body("ok")
    } else {
        HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("database unavailable")
    }
}
