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
mod tests {
    use super::*;

    #[test]
    fn content_must_agree_with_the_name() {
        assert_eq!(
            media_type("invoice.pdf", b"%PDF-1.7\n..."),
            Some("application/pdf")
        );
        assert_eq!(
            media_type("INVOICE.PDF", b"%PDF-1.4"),
            Some("application/pdf")
        );
        assert_eq!(media_type("page.pdf", b"<!DOCTYPE html><html>"), None);
        assert_eq!(
            media_type(
                "shot.png",
                &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0]
            ),
            Some("image/png")
        );
        assert_eq!(media_type("shot.png", b"%PDF-1.7"), None);
        assert_eq!(
            media_type("photo.jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Some("image/jpeg")
        );
        assert_eq!(
            media_type("notes.txt", "Ödeme iadesi".as_bytes()),
            Some("text/plain")
        );
        assert_eq!(
            media_type("rows.csv", b"order,amount\n100005,10.00\n"),
            Some("text/csv")
        );
        assert_eq!(
            media_type("mail.eml", b"From: a@b.co\r\nSubject: refund\r\n\r\nhello"),
            Some("message/rfc822")
        );
        assert_eq!(media_type("mail.eml", b"just some text"), None);
    }

    #[test]
    fn markup_and_binaries_are_not_text() {
        assert_eq!(
            media_type("a.txt", b"  <html><script>alert(1)</script>"),
            None
        );
        assert_eq!(media_type("a.txt", b"hello <script>x</script>"), None);
        assert_eq!(media_type("a.csv", b"a,b\0c"), None);
        assert_eq!(media_type("a.txt", b""), None);
        assert_eq!(media_type("a.txt", &[0xC3, 0x28]), None);
        // A head cut inside a character is still text.
        assert_eq!(
            media_type("a.txt", &"é".as_bytes()[..1]),
            Some("text/plain")
        );
    }

    #[test]
    fn other_types_and_names_without_extension_are_refused() {
        for name in ["a.html", "a.exe", "a.svg", "README", "a.pdf.exe"] {
            assert_eq!(media_type(name, b"%PDF-1.7"), None, "{name}");
        }
    }

    #[test]
    fn names_lose_paths_quotes_and_control_characters() {
        assert_eq!(
            clean_name("C:\\Users\\me\\invoice.pdf").as_deref(),
            Some("invoice.pdf")
        );
        assert_eq!(clean_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(clean_name("a\"b;\r\nc.txt").as_deref(), Some("abc.txt"));
        assert_eq!(clean_name("..").as_deref(), None);
        assert_eq!(clean_name("  ").as_deref(), None);
    }
}
