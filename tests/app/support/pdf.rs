//! Reading a downloaded PDF back as a reader's viewer would: poppler's `pdftotext` and
//! `pdfinfo`, which also refuse a malformed file.

/// The document's text, in reading order, with its layout kept.
pub fn text(pdf: &[u8]) -> String {
    run("pdftotext", &["-layout", "-enc", "UTF-8"], pdf, true)
}

/// How many pages the document has.
pub fn pages(pdf: &[u8]) -> usize {
    let info = run("pdfinfo", &[], pdf, false);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo printed no page count: {info}"))
}

fn run(tool: &str, args: &[&str], pdf: &[u8], to_stdout: bool) -> String {
    let file = std::env::temp_dir().join(format!("cspdesk-{}.pdf", uuid::Uuid::new_v4()));
    std::fs::write(&file, pdf).unwrap();
    let mut command = std::process::Command::new(tool);
    command.args(args).arg(&file);
    if to_stdout {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (install poppler-utils): {e}"));
    let _ = std::fs::remove_file(&file);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "{tool}: {stderr}"
    );
    String::from_utf8(out.stdout).unwrap()
}
