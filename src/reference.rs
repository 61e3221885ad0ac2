//! `cspdesk serve-reference <addr>`: the benchmark's yardstick for pages. TechEmpower's
//! "fortunes" on the dashboard's own stack (actix-web, diesel-async's pool and askama, with
//! their defaults, not the dashboard's tuning) reads a 12-row table, adds a row, sorts and
//! renders an escaped table. `./setup/bench` measures
//! every dashboard page as a share of this page's requests/s, in the same run on the same
//! machine, because absolute numbers move with the machine. Not part of the dashboard.

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::DbPool;
use crate::error::StartupError;

diesel::table! {
    /// Created by `serve-reference` itself: it is no part of the product's schema.
    reference_fortune (id) {
        id -> Int4,
        message -> Text,
    }
}

/// TechEmpower's fortunes, with their markup and non-ASCII text, so escaping costs what it
/// costs there.
const FORTUNES: [&str; 12] = [
    "fortune: No such file or directory",
    "A computer scientist is someone who fixes things that aren't broken.",
    "After enough decimal places, nobody gives a damn.",
    "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
    "A computer program does what you tell it to do, not what you want it to do.",
    "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
    "Any program that runs right is obsolete.",
    "A list is only as strong as its weakest link. — Donald Knuth",
    "Feature: A bug with seniority.",
    "Computers make very fast, very accurate mistakes.",
    "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
    "フレームワークのベンチマーク",
];

#[derive(Queryable, Selectable)]
#[diesel(table_name = reference_fortune, check_for_backend(diesel::pg::Pg))]
struct Fortune {
    id: i32,
    message: String,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = "<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>\
<tr><th>id</th><th>message</th></tr>{% for f in fortunes %}<tr><td>{{ f.id }}</td>\
<td>{{ f.message }}</td></tr>{% endfor %}</table></body></html>"
)]
struct FortunesPage {
    fortunes: Vec<Fortune>,
}

/// Creates and fills the table if it is not there yet; safe to repeat. On a connection of its
/// own, closed after: a pool's connection opened here would keep its driver on the main
/// runtime, and every request that used it would wake another thread.
async fn prepare(url: &str) -> Result<(), StartupError> {
    use diesel_async::AsyncConnection;
    let failed = |e: &dyn std::fmt::Display| StartupError::Other(format!("reference table: {e}"));
    let mut conn = AsyncPgConnection::establish(url)
        .await
        .map_err(|e| failed(&e))?;
    diesel::sql_query(
        "CREATE TABLE IF NOT EXISTS reference_fortune (id integer PRIMARY KEY, message text NOT NULL)",
    )
    .execute(&mut conn)
    .await
    .map_err(|e| failed(&e))?;
    let rows: Vec<_> = (1..)
        .zip(FORTUNES)
        .map(|(id, message)| {
            (
                reference_fortune::id.eq(id),
                reference_fortune::message.eq(message),
            )
        })
        .collect();
    diesel::insert_into(reference_fortune::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(&mut conn)
        .await
        .map_err(|e| failed(&e))?;
    Ok(())
}

async fn fortunes(pool: web::Data<DbPool>) -> HttpResponse {
    let Ok(mut conn) = pool.get().await else {
        return HttpResponse::ServiceUnavailable().finish();
    };
    let loaded = reference_fortune::table
        .select(Fortune::as_select())
        .load(&mut conn)
        .await;
    let Ok(mut fortunes) = loaded else {
        return HttpResponse::InternalServerError().finish();
    };
    fortunes.push(Fortune {
        id: 0,
        message: "Additional fortune added at request time.".into(),
    });
    fortunes.sort_by(|a, b| a.message.cmp(&b.message));
    match (FortunesPage { fortunes }).render() {
        Ok(html) => HttpResponse::Ok()
            .content_type(ContentType::html())
            .body(html),
        Err(_) => HttpResponse::InternalServerError().finish(),
    }
}

/// Connections of the reference's one pool, shared by its workers, as a stand-alone fortunes
/// server on this stack keeps them: one for each of the benchmark's 16 connections.
const CONNECTIONS: usize = 16;

/// Serves `/fortunes` on `addr` until the process is stopped, on a pool with the stack's
/// defaults (`db::stock_pool`), not the dashboard's tuned ones: the yardstick is the stack as
/// it comes.
pub async fn serve(url: &str, addr: &str) -> Result<(), StartupError> {
    prepare(url).await?;
    let pool = crate::db::stock_pool(url, CONNECTIONS)?;
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| StartupError::Config(format!("cannot listen on {addr}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| StartupError::Other(e.to_string()))?;
    let data = web::Data::new(pool);
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new()
            .app_data(data.clone())
            .route("/fortunes", web::get().to(fortunes))
    })
    .listen(listener)
    .map_err(|e| StartupError::Other(e.to_string()))?
    .run();
    log::info!("reference page listening on http://{bound}/fortunes");
    server.await.map_err(|e| StartupError::Other(e.to_string()))
}
