//! Which files a support request accepts (PDF, PNG, JPEG, TXT, CSV, EML, at most 10 MB each,
//! 5 per message), decided by their content as well as their name: an HTML page renamed
//! `.pdf` is refused.

pub const MAX_FILES: usize = 5;
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;
/// How much of a file's beginning is looked at to decide what it is.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// The media type of a file named `file_name` that starts with `head`, if it is one the
/// product accepts and its content agrees with its name.
pub fn media_type(file_name: &str, head: &[u8]) -> Option<&'static str> {
    let extension = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "pdf" => head.starts_with(b"%PDF-").then_some("application/pdf"),
        "png" => head
            .starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A])
            .then_some("image/png"),
        "jpg" | "jpeg" => head
            .starts_with(&[0xFF, 0xD8, 0xFF])
            .then_some("image/jpeg"),
        "txt" => is_plain_text(head).then_some("text/plain"),
        "csv" => is_plain_text(head).then_some("text/csv"),
        "eml" => (is_plain_text(head) && looks_like_mail(head)).then_some("message/rfc822"),
        _ => None,
    }
}

/// Text without NUL bytes that no browser would take for a web page. The head may end in the
/// middle of a UTF-8 character, which is allowed.
fn is_plain_text(head: &[u8]) -> bool {
    if head.is_empty() || head.contains(&0) {
        return false;
    }
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    let start = text.trim_start().to_ascii_lowercase();
    let markup = [
        "<!doctype",
        "<html",
        "<head",
        "<body",
        "<script",
        "<svg",
        "<?xml",
    ];
    !markup.iter().any(|m| start.starts_with(m)) && !start.contains("<script")
}

/// A saved e-mail starts with header lines.
fn looks_like_mail(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    [
        "from:",
        "received:",
        "mime-version:",
        "return-path:",
        "date:",
        "subject:",
        "to:",
    ]
    .iter()
    .any(|h| text.lines().any(|l| l.starts_with(h)))
}

/// A file name safe to store and to send back in `Content-Disposition`: no path, no quotes or
/// control characters, at most 255 characters.
pub fn clean_name(raw: &str) -> Option<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
        .take(255)
        .collect();
    let cleaned = cleaned.trim().to_string();
    (!cleaned.is_empty() && cleaned != "." && cleaned != "..").then_some(cleaned)
}

#[cfg(test)]
mod tests;
