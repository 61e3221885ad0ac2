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
