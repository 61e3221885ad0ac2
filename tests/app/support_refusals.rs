//! A refused support form or reply leaves no file behind, whatever refused it: a field, a file
//! of the wrong type, or a file too large. Files another request refers to stay.

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::support::files::{CSV, PDF, filer, question};
use crate::support::{Resp, TestApp, Visitor};

/// The names in the attachment directory.
fn on_disk(app: &TestApp) -> BTreeSet<String> {
    app.attachment_names()
}

/// `count` small text files with different contents.
fn notes(count: usize) -> Vec<(String, Vec<u8>)> {
    (1..=count)
        .map(|i| {
            let text = format!("note {i}: {}\n", "x".repeat(2048 * i));
            (format!("note-{i}.txt"), text.into_bytes())
        })
        .collect()
}

async fn file_request(v: &Visitor, fields: &[(&str, &str)], files: &[(String, Vec<u8>)]) -> Resp {
    let files: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.clone()))
        .collect();
    v.post_files("/support/requests", fields, &files).await
}

/// One accepted request with the PDF, so the directory holds a file another request refers
/// to; the directory's names after it.
async fn one_accepted(app: &TestApp, v: &Visitor, tenant: &str) -> BTreeSet<String> {
    let ok = file_request(v, &question(tenant), &[("kept.pdf".into(), PDF.to_vec())]).await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let names = on_disk(app);
    assert_eq!(names.len(), 1, "{names:?}");
    names
}

/// Every attachment of the partner's requests, as downloaded.
async fn downloads(v: &Visitor) -> Vec<Vec<u8>> {
    let list = v.get("/support").await;
    let mut ids: Vec<Uuid> = list
        .body
        .split("/support/requests/")
        .skip(1)
        .filter_map(|rest| Uuid::parse_str(rest.get(..36)?).ok())
        .collect();
    ids.dedup();
    let mut files = Vec::new();
    for id in ids {
        let page = v.get(&format!("/support/requests/{id}")).await;
        for (href, _) in crate::support::files::attachment_links(&page.body) {
            let got = v.get(&href).await;
            assert_eq!(got.status, 200, "{href}");
            files.push(got.body.into_bytes());
        }
    }
    files
}

/// The accepted request's file still downloads as it was sent.
async fn still_downloads(v: &Visitor) {
    assert_eq!(downloads(v).await, vec![PDF.to_vec()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_refused_for_an_empty_title_keeps_none_of_its_five_files() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let before = one_accepted(&app, &v, &tenant).await;
    let mut fields = question(&tenant);
    fields[2] = ("title", "   ");
    let mut files = notes(4);
    // The same content as the accepted request's file: that file must stay.
    files.push(("same.pdf".into(), PDF.to_vec()));
    let refused = file_request(&v, &fields, &files).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(on_disk(&app), before);
    still_downloads(&v).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_refused_for_a_bad_email_keeps_none_of_its_files() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let before = one_accepted(&app, &v, &tenant).await;
    let mut fields = question(&tenant);
    fields[6] = ("contact_email", "not an address");
    let files = notes(2);
    let refused = file_request(&v, &fields, &files).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(on_disk(&app), before);
    // The same form with a real address is filed with both files.
    let accepted = file_request(&v, &question(&tenant), &files).await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    assert_eq!(on_disk(&app).len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_with_a_refused_file_type_keeps_none_of_its_accepted_files() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let before = one_accepted(&app, &v, &tenant).await;
    let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec();
    let files = vec![
        ("rows.csv".to_string(), CSV.to_vec()),
        ("invoice.pdf".to_string(), html),
        ("note-1.txt".to_string(), notes(1).remove(0).1),
    ];
    let refused = file_request(&v, &question(&tenant), &files).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(refused.contains("invoice.pdf was not added"));
    assert_eq!(on_disk(&app), before);
}

/// A request about the customer `tenant` that support has asked about: it waits for the
/// partner's reply.
async fn waiting_request(app: &TestApp, v: &Visitor, tenant: &str) -> Uuid {
    let filed = v.post("/support/requests", &question(tenant)).await;
    assert_eq!(filed.status, 303, "{}", filed.body);
    let id: Uuid = filed
        .location
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let support = app.signed_in(&app.support_engineer().await).await;
    let console = format!("/console/requests/{id}");
    assert_eq!(
        support.post(&format!("{console}/take"), &[]).await.status,
        303
    );
    let asked = support
        .post(
            &format!("{console}/ask"),
            &[("body", "Please send the log.")],
        )
        .await;
    assert_eq!(asked.status, 303);
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_refused_as_too_large_keeps_not_even_its_first_file() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let before = one_accepted(&app, &v, &tenant).await;
    let id = waiting_request(&app, &v, &tenant).await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(11 * 1024 * 1024, b'x');
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", v.csrf().await)
        .text("body", "Both files attached.")
        .part(
            "files",
            reqwest::multipart::Part::bytes(CSV.to_vec()).file_name("rows.csv"),
        )
        .part(
            "files",
            reqwest::multipart::Part::bytes(big).file_name("scan.pdf"),
        );
    let reply = format!("/support/requests/{id}/reply");
    // The server answers before the body is sent in full: the client sees the 413 or a
    // closed connection.
    if let Some(status) = v.try_post_form(&reply, form).await {
        assert_eq!(status, 413);
    }
    assert_eq!(on_disk(&app), before);
    still_downloads(&v).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_refused_for_a_blank_message_or_a_wrong_file_keeps_none_of_its_files() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let before = one_accepted(&app, &v, &tenant).await;
    let id = waiting_request(&app, &v, &tenant).await;
    let reply = format!("/support/requests/{id}/reply");
    let blank = v
        .post_files(&reply, &[("body", "  ")], &[("rows.csv", CSV.to_vec())])
        .await;
    assert_eq!(blank.status, 422, "{}", blank.body);
    assert_eq!(on_disk(&app), before);
    let wrong = v
        .post_files(
            &reply,
            &[("body", "Attached.")],
            &[("rows.csv", CSV.to_vec()), ("tool.exe", b"MZ".to_vec())],
        )
        .await;
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    assert_eq!(on_disk(&app), before);
    let ok = v
        .post_files(
            &reply,
            &[("body", "Attached.")],
            &[("rows.csv", CSV.to_vec())],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(on_disk(&app).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_and_accepted_forms_sent_at_once_with_the_same_file_leave_the_accepted_one_whole() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let mut refused_fields = question(&tenant);
    refused_fields[2] = ("title", "");
    let refused_fields: Vec<(String, String)> = refused_fields
        .into_iter()
        .map(|(k, val)| (k.to_string(), val.to_string()))
        .collect();
    let mut tasks = Vec::new();
    for i in 0..12 {
        let v = v.clone();
        let fields = if i % 2 == 0 {
            refused_fields.clone()
        } else {
            question(&tenant)
                .into_iter()
                .map(|(k, val)| (k.to_string(), val.to_string()))
                .collect()
        };
        tasks.push(tokio::spawn(async move {
            let fields: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, val)| (k.as_str(), val.as_str()))
                .collect();
            let files = [("shared.pdf".to_string(), PDF.to_vec())];
            file_request(&v, &fields, &files).await.status
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses.sort();
    assert_eq!(statuses, [vec![303; 6], vec![422; 6]].concat());
    let names = on_disk(&app);
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(downloads(&v).await, vec![PDF.to_vec(); 6]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sweep_waits_for_a_file_being_put_in_place_and_keeps_it_when_fresh() {
    use cspdesk::support::sweep::{MIN_AGE, sweep};
    use diesel_async::{RunQueryDsl, SimpleAsyncConnection};
    let app = TestApp::spawn().await;
    let dir = app.attachments_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(b"being filed"));
    let path = dir.join(&sha);
    let age = |path: &std::path::Path, by: std::time::Duration| {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(std::time::SystemTime::now() - by).unwrap();
    };
    std::fs::write(&path, b"being filed").unwrap();
    age(&path, MIN_AGE * 2);

    // A writer holds the file's lock, as while it files a request with these bytes.
    let mut writer = app.conn().await;
    writer.batch_execute("BEGIN").await.unwrap();
    diesel::sql_query(
        "SELECT pg_advisory_xact_lock_shared(hashtextextended('support-attachment:' || $1, 0))",
    )
    .bind::<diesel::sql_types::Text, _>(&sha)
    .execute(&mut writer)
    .await
    .unwrap();
    let pool = app.pool.clone();
    let swept_dir = dir.clone();
    let sweeping = tokio::spawn(async move { sweep(&pool, &swept_dir, MIN_AGE).await.unwrap() });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!sweeping.is_finished(), "the sweep waits for the writer");
    assert!(path.exists());
    // The writer puts a fresh copy in place, then its transaction ends without a row.
    std::fs::write(&path, b"being filed").unwrap();
    writer.batch_execute("ROLLBACK").await.unwrap();
    assert_eq!(sweeping.await.unwrap(), 0, "a fresh file stays");
    assert!(path.exists());
    // A day later nobody refers to it: the sweep removes it.
    age(&path, MIN_AGE * 2);
    assert_eq!(sweep(&app.pool, &dir, MIN_AGE).await.unwrap(), 1);
    assert!(!path.exists());
}
