//! Support attachments: accepted by content, kept under their SHA-256 outside the web root,
//! limited in number and size, and sent back only as downloads, to the partner who filed them
//! and to support.

use cspdesk::db::schema::{support_attachments, support_requests};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use sha2::{Digest, Sha256};

use crate::support::files::{CSV, PDF, attachment_links, filer, question};
use crate::support::fixtures_people::other_shop;
use crate::support::{Resp, TestApp, Visitor};

async fn count(app: &TestApp) -> (i64, i64) {
    let mut conn = app.conn().await;
    let requests = support_requests::table
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    let files = support_attachments::table
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    (requests, files)
}

fn stored(app: &TestApp) -> Vec<String> {
    app.attachment_names().into_iter().collect()
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn file(v: &Visitor, tenant: &str, files: &[(&str, Vec<u8>)]) -> Resp {
    v.post_files("/support/requests", &question(tenant), files)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_are_kept_by_checksum_listed_and_downloaded_only_as_attachments() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let filed = file(
        &v,
        &tenant,
        &[("invoice.pdf", PDF.to_vec()), ("rows.csv", CSV.to_vec())],
    )
    .await;
    assert_eq!(filed.status, 303, "{}", filed.body);
    assert_eq!(count(&app).await, (1, 2));
    let on_disk = stored(&app);
    for bytes in [PDF, CSV] {
        assert!(on_disk.contains(&hex(bytes)), "{on_disk:?}");
    }
    assert!(!on_disk.iter().any(|n| n.starts_with(".incoming")));
    let rows: Vec<(String, String, i64, String)> = support_attachments::table
        .order(support_attachments::file_name)
        .select((
            support_attachments::file_name,
            support_attachments::media_type,
            support_attachments::size_bytes,
            support_attachments::sha256,
        ))
        .load(&mut app.conn().await)
        .await
        .unwrap();
    assert_eq!(
        rows,
        vec![
            (
                "invoice.pdf".into(),
                "application/pdf".into(),
                PDF.len() as i64,
                hex(PDF)
            ),
            (
                "rows.csv".into(),
                "text/csv".into(),
                CSV.len() as i64,
                hex(CSV)
            ),
        ]
    );

    let page_path = filed.location.unwrap();
    let page = v.get(&page_path).await;
    let links = attachment_links(&page.body);
    assert_eq!(links.len(), 2, "{}", page.body);
    let pdf_link = links
        .iter()
        .find(|(_, name)| name == "invoice.pdf")
        .map(|(href, _)| href.clone())
        .expect("pdf link");
    let got = v.get(&pdf_link).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.body.as_bytes(), PDF);
    let header = |name: &str| {
        got.headers
            .get(name)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert!(header("content-disposition").starts_with("attachment"));
    assert!(header("content-disposition").contains("invoice.pdf"));
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("content-security-policy"), "sandbox");

    // Another partner and a wrong file id find nothing; support reads it from the console.
    let fabrikam = app.signed_in(&other_shop(&app).await.agent).await;
    assert_eq!(fabrikam.get(&pdf_link).await.status, 404);
    let wrong = format!("{page_path}/files/{}", uuid::Uuid::new_v4());
    assert_eq!(v.get(&wrong).await.status, 404);
    assert_eq!(v.get(&format!("{page_path}/files/junk")).await.status, 404);
    let support = app.signed_in(&app.support_engineer().await).await;
    assert_eq!(support.get(&pdf_link).await.status, 403);
    let console_link = pdf_link.replace("/support/requests/", "/console/requests/");
    let from_console = support.get(&console_link).await;
    assert_eq!(from_console.status, 200);
    assert_eq!(from_console.body.as_bytes(), PDF);
}

/// Files as sent: (name, bytes).
type Files<'a> = Vec<(&'a str, Vec<u8>)>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_types_a_sixth_file_and_empty_files_are_refused_with_the_form_kept() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let html = b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec();
    let cases: Vec<(Files, &str)> = vec![
        (
            vec![("invoice.pdf", html.clone())],
            "invoice.pdf was not added: only PDF, PNG",
        ),
        (vec![("page.html", html)], "page.html was not added"),
        (
            vec![("empty.txt", Vec::new())],
            "empty.txt was not added: the file is empty",
        ),
        (
            (1..=6)
                .map(|i| {
                    let name: &str = ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv", "f.csv"][i - 1];
                    (name, CSV.to_vec())
                })
                .collect(),
            "f.csv was not added: a message can carry at most 5 files.",
        ),
    ];
    for (files, message) in cases {
        let res = file(&v, &tenant, &files).await;
        assert_eq!(res.status, 422, "{message}");
        assert!(res.contains(message), "{message}: {}", res.body);
        assert!(res.contains("value=\"The ISO does not mount\""));
        assert!(res.contains("Choose the files again"));
        assert_eq!(count(&app).await, (0, 0), "{message}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_eleven_megabyte_file_is_refused_as_it_arrives_and_nothing_is_kept() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(11 * 1024 * 1024, b'x');
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", v.csrf().await)
        .part(
            "files",
            reqwest::multipart::Part::bytes(big).file_name("scan.pdf"),
        );
    // The server answers before the body is sent in full, so the client may see the answer
    // or a closed connection; either way nothing is filed or kept.
    if let Some(status) = v.try_post_form("/support/requests", form).await {
        assert_eq!(status, 413);
    }
    assert_eq!(count(&app).await, (0, 0));
    assert!(stored(&app).is_empty(), "{:?}", stored(&app));
    // Exactly 10 MB is accepted.
    let mut limit = b"%PDF-1.7\n".to_vec();
    limit.resize(10 * 1024 * 1024, b'x');
    let ok = file(&v, &tenant, &[("scan.pdf", limit)]).await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(count(&app).await, (1, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nul_byte_or_broken_text_in_a_field_is_a_clear_refusal() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let mut fields = question(&tenant);
    fields[3] = ("tenant", "adatum\0.example");
    let res = v.post_files("/support/requests", &fields, &[]).await;
    assert_eq!(res.status, 400);
    let plain = v.post("/support/requests", &fields).await;
    assert_eq!(plain.status, 400);
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", v.csrf().await)
        .part("title", reqwest::multipart::Part::bytes(vec![0xC3, 0x28]));
    assert_eq!(v.try_post_form("/support/requests", form).await, Some(400));
    assert_eq!(count(&app).await, (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sweep_removes_old_unreferenced_files_only() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    assert_eq!(
        file(&v, &tenant, &[("kept.pdf", PDF.to_vec())])
            .await
            .status,
        303
    );
    let dir = app.attachments_dir();
    let refused = hex(b"refused form");
    let young = hex(b"just kept");
    for (name, bytes) in [
        (&refused, &b"refused form"[..]),
        (&young, &b"just kept"[..]),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(dir.join(".incoming-00000000000000aa"), b"partial").unwrap();
    std::fs::write(dir.join("notes.txt"), b"not ours").unwrap();
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(25 * 3600);
    for name in [
        hex(PDF),
        refused.clone(),
        ".incoming-00000000000000aa".into(),
        "notes.txt".into(),
    ] {
        let f = std::fs::File::options()
            .write(true)
            .open(dir.join(&name))
            .unwrap();
        f.set_modified(day_ago).unwrap();
    }
    let removed = cspdesk::support::sweep::sweep(&app.pool, &dir, cspdesk::support::sweep::MIN_AGE)
        .await
        .unwrap();
    assert_eq!(removed, 2);
    let mut left = stored(&app);
    left.sort();
    let mut want = vec![hex(PDF), young, "notes.txt".to_string()];
    want.sort();
    assert_eq!(left, want);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_file_is_kept_without_the_forms_token() {
    let app = TestApp::spawn().await;
    let (v, tenant) = filer(&app).await;
    let mut form = reqwest::multipart::Form::new().text("csrf_token", "forged");
    for (k, val) in question(&tenant) {
        form = form.text(k, val.to_string());
    }
    form = form.part(
        "files",
        reqwest::multipart::Part::bytes(PDF.to_vec()).file_name("x.pdf"),
    );
    assert_eq!(v.try_post_form("/support/requests", form).await, Some(403));
    assert_eq!(count(&app).await, (0, 0));
    assert!(stored(&app).is_empty());
}
