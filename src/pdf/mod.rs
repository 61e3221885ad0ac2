//! Writing PDF documents as they are made: each page is written out as soon as it is full,
//! so a document of any length needs memory for one page plus a few bytes per page (its
//! place in the file). The font and the page tree, which depend on every page, come last,
//! followed by the cross-reference table.

pub mod font;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Rect, Ref, Str, TextStr};

use crate::error::AppError;

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;

const CATALOG: Ref = Ref::new(1);
const PAGES: Ref = Ref::new(2);
const FONT: Ref = Ref::new(3);
const CID_FONT: Ref = Ref::new(4);
const DESCRIPTOR: Ref = Ref::new(5);
const FONT_FILE: Ref = Ref::new(6);
const TO_UNICODE: Ref = Ref::new(7);
const INFO: Ref = Ref::new(8);
const FIRST_FREE: i32 = 9;
const FONT_NAME: Name = Name(b"F1");

/// A document being written: what has been sent, and what the end needs.
pub struct Document {
    /// Bytes written so far: where the next object starts.
    written: usize,
    /// Where each object starts, by object number (index 0 is the free head).
    offsets: Vec<usize>,
    pages: Vec<Ref>,
    glyphs: font::Glyphs,
    title: String,
}

/// One page's drawing, in the document's font.
pub struct Page {
    content: Content,
}

impl Document {
    /// A new document and its first bytes (the header).
    pub fn start(title: &str) -> (Document, Vec<u8>) {
        let header = b"%PDF-1.7\n%\x80\x80\x80\x80\n".to_vec();
        let doc = Document {
            written: header.len(),
            offsets: vec![0; FIRST_FREE as usize],
            pages: Vec::new(),
            glyphs: font::Glyphs::default(),
            title: title.to_string(),
        };
        (doc, header)
    }

    pub fn page(&self) -> Page {
        Page {
            content: Content::new(),
        }
    }

    /// Draws `text` with its left end at (x, y).
    pub fn text(&mut self, page: &mut Page, x: f32, y: f32, size: f32, text: &str) {
        let encoded = self.glyphs.encode(text);
        page.content
            .begin_text()
            .set_font(FONT_NAME, size)
            .next_line(x, y)
            .show(Str(&encoded))
            .end_text();
    }

    /// Draws `text` with its right end at (x, y).
    pub fn text_right(&mut self, page: &mut Page, x: f32, y: f32, size: f32, text: &str) {
        self.text(page, x - font::width(text, size), y, size, text);
    }

    /// The bytes of a finished page.
    pub fn write_page(&mut self, page: Page) -> Vec<u8> {
        let content_id = self.next_ref();
        let page_id = self.next_ref();
        let data = compress(&page.content.finish());
        let mut out = Vec::with_capacity(data.len() + 400);
        let mut chunk = Chunk::new();
        chunk.stream(content_id, &data).filter(Filter::FlateDecode);
        self.emit(&mut out, content_id, &chunk);
        let mut chunk = Chunk::new();
        let mut p = chunk.page(page_id);
        p.parent(PAGES)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(content_id);
        p.resources().fonts().pair(FONT_NAME, FONT);
        p.finish();
        self.emit(&mut out, page_id, &chunk);
        self.pages.push(page_id);
        out
    }

    /// The rest of the file: the font with the glyphs used, the page tree, the catalog and
    /// the cross-reference table.
    pub fn finish(&mut self) -> Result<Vec<u8>, AppError> {
        let mut out = Vec::new();
        self.write_font(&mut out)?;
        let mut chunk = Chunk::new();
        chunk
            .pages(PAGES)
            .kids(self.pages.iter().copied())
            .count(self.pages.len() as i32);
        self.emit(&mut out, PAGES, &chunk);
        let mut chunk = Chunk::new();
        chunk
            .indirect(CATALOG)
            .dict()
            .pair(Name(b"Type"), Name(b"Catalog"))
            .pair(Name(b"Pages"), PAGES);
        self.emit(&mut out, CATALOG, &chunk);
        let mut chunk = Chunk::new();
        chunk
            .indirect(INFO)
            .dict()
            .pair(Name(b"Title"), TextStr(&self.title))
            .pair(Name(b"Producer"), TextStr("CSP Desk"));
        self.emit(&mut out, INFO, &chunk);
        self.write_xref(&mut out);
        Ok(out)
    }

    fn write_font(&mut self, out: &mut Vec<u8>) -> Result<(), AppError> {
        let subset = self
            .glyphs
            .subset()
            .map_err(|e| AppError::internal(format!("font subset: {e:?}")))?;
        let data = compress(&subset);
        let mut chunk = Chunk::new();
        chunk
            .stream(FONT_FILE, &data)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
        self.emit(out, FONT_FILE, &chunk);
        let (ascent, descent, cap_height, b) = font::metrics();
        let mut chunk = Chunk::new();
        chunk
            .font_descriptor(DESCRIPTOR)
            .name(Name(font::NAME))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(b[0], b[1], b[2], b[3]))
            .italic_angle(0.0)
            .ascent(ascent)
            .descent(descent)
            .cap_height(cap_height)
            .stem_v(80.0)
            .font_file2(FONT_FILE);
        self.emit(out, DESCRIPTOR, &chunk);
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let mut chunk = Chunk::new();
        let mut cid = chunk.cid_font(CID_FONT);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(font::NAME))
            .system_info(info)
            .font_descriptor(DESCRIPTOR)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, self.glyphs.widths());
        cid.finish();
        self.emit(out, CID_FONT, &chunk);
        let mut cmap = UnicodeCmap::new(Name(b"Custom"), info);
        for (glyph, c) in self.glyphs.chars() {
            cmap.pair(glyph, c);
        }
        let cmap = cmap.finish();
        let mut chunk = Chunk::new();
        chunk.cmap(TO_UNICODE, &cmap);
        self.emit(out, TO_UNICODE, &chunk);
        let mut chunk = Chunk::new();
        chunk
            .type0_font(FONT)
            .base_font(Name(font::NAME))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(CID_FONT)
            .to_unicode(TO_UNICODE);
        self.emit(out, FONT, &chunk);
        Ok(())
    }

    fn write_xref(&mut self, out: &mut Vec<u8>) {
        let start = self.written;
        let size = self.offsets.len();
        let mut xref = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for offset in &self.offsets[1..] {
            xref.push_str(&format!("{offset:010} 00000 n \n"));
        }
        xref.push_str(&format!(
            "trailer\n<< /Size {size} /Root {} 0 R /Info {} 0 R >>\nstartxref\n{start}\n%%EOF\n",
            CATALOG.get(),
            INFO.get()
        ));
        out.extend_from_slice(xref.as_bytes());
        self.written += xref.len();
    }

    fn next_ref(&mut self) -> Ref {
        let id = Ref::new(self.offsets.len() as i32);
        self.offsets.push(0);
        id
    }

    /// Appends a chunk holding the one object `id`, noting where it starts.
    fn emit(&mut self, out: &mut Vec<u8>, id: Ref, chunk: &Chunk) {
        self.offsets[id.get() as usize] = self.written;
        out.extend_from_slice(chunk.as_bytes());
        self.written += chunk.len();
    }
}

fn compress(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// `text` cut to fit `width` points at `size`, with an ellipsis when it was cut.
pub fn fit(text: &str, width: f32, size: f32) -> String {
    if font::width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if font::width(&out, size) + font::width("…", size) > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}
