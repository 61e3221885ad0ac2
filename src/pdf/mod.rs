//! Writing PDF documents as they are made: each page is written out as soon as it is full,
//! so a document of any length needs memory for one page plus a few bytes per page (its
//! place in the file). The font and the page tree, which depend on every page, come last,
//! followed by the cross-reference table.

pub mod font;

use font::Face;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Content, Filter, Finish, Name, Rect, Ref, Str, TextStr};

use crate::error::AppError;

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;

const CATALOG: Ref = Ref::new(1);
const PAGES: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
/// Each face's five objects (font, CID font, descriptor, file, ToUnicode) follow from here.
const FONTS_FROM: i32 = 4;
const FIRST_FREE: i32 = FONTS_FROM + 5 * font::Face::ALL.len() as i32;

/// The objects of one face's font.
struct FontRefs {
    font: Ref,
    cid_font: Ref,
    descriptor: Ref,
    file: Ref,
    to_unicode: Ref,
}

fn refs(face: Face) -> FontRefs {
    let first = FONTS_FROM + 5 * face.index() as i32;
    FontRefs {
        font: Ref::new(first),
        cid_font: Ref::new(first + 1),
        descriptor: Ref::new(first + 2),
        file: Ref::new(first + 3),
        to_unicode: Ref::new(first + 4),
    }
}

/// The name a page's text calls the face's font by.
fn font_name(face: Face) -> Name<'static> {
    match face {
        Face::Main => Name(b"F1"),
        Face::Cjk => Name(b"F2"),
        Face::Hangul => Name(b"F3"),
    }
}

/// A document being written: what has been sent, and what the end needs.
pub struct Document {
    /// Bytes written so far: where the next object starts.
    written: usize,
    /// Where each object starts, by object number (index 0 is the free head).
    offsets: Vec<usize>,
    pages: Vec<Ref>,
    /// The glyphs used of each face, in `Face::ALL` order.
    glyphs: Vec<font::Glyphs>,
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
            glyphs: Face::ALL.iter().map(|f| font::Glyphs::new(*f)).collect(),
            title: title.to_string(),
        };
        (doc, header)
    }

    pub fn page(&self) -> Page {
        Page {
            content: Content::new(),
        }
    }

    /// Draws `text` with its left end at (x, y): each run of characters in the font that has
    /// them, one after the other (each run moves the pen by its own glyphs' widths).
    pub fn text(&mut self, page: &mut Page, x: f32, y: f32, size: f32, text: &str) {
        let content = &mut page.content;
        content.begin_text().next_line(x, y);
        for (face, run) in font::runs(text) {
            let glyphs = &mut self.glyphs[face.index()];
            let mut encoded = Vec::with_capacity(run.len() * 2);
            for (c, glyph) in run {
                glyphs.encode(c, glyph, &mut encoded);
            }
            content.set_font(font_name(face), size).show(Str(&encoded));
        }
        content.end_text();
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
        let mut resources = p.resources();
        let mut fonts = resources.fonts();
        for face in Face::ALL {
            fonts.pair(font_name(face), refs(face).font);
        }
        fonts.finish();
        resources.finish();
        p.finish();
        self.emit(&mut out, page_id, &chunk);
        self.pages.push(page_id);
        out
    }

    /// The rest of the file: the font with the glyphs used, the page tree, the catalog and
    /// the cross-reference table.
    pub fn finish(&mut self) -> Result<Vec<u8>, AppError> {
        let mut out = Vec::new();
        for face in Face::ALL {
            self.write_font(face, &mut out)?;
        }
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

    fn write_font(&mut self, face: Face, out: &mut Vec<u8>) -> Result<(), AppError> {
        let r = refs(face);
        let glyphs = &self.glyphs[face.index()];
        let subset = glyphs
            .subset()
            .map_err(|e| AppError::internal(format!("font subset: {e:?}")))?;
        let widths = glyphs.widths();
        let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
        for (glyph, c) in glyphs.chars() {
            cmap.pair(glyph, c);
        }
        let cmap = cmap.finish();
        let data = compress(&subset);
        let mut chunk = Chunk::new();
        chunk
            .stream(r.file, &data)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
        self.emit(out, r.file, &chunk);
        let (ascent, descent, cap_height, b) = face.metrics();
        let mut chunk = Chunk::new();
        chunk
            .font_descriptor(r.descriptor)
            .name(Name(face.name()))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(b[0], b[1], b[2], b[3]))
            .italic_angle(0.0)
            .ascent(ascent)
            .descent(descent)
            .cap_height(cap_height)
            .stem_v(80.0)
            .font_file2(r.file);
        self.emit(out, r.descriptor, &chunk);
        let mut chunk = Chunk::new();
        let mut cid = chunk.cid_font(r.cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(Name(face.name()))
            .system_info(SYSTEM_INFO)
            .font_descriptor(r.descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();
        self.emit(out, r.cid_font, &chunk);
        let mut chunk = Chunk::new();
        chunk.cmap(r.to_unicode, &cmap);
        self.emit(out, r.to_unicode, &chunk);
        let mut chunk = Chunk::new();
        chunk
            .type0_font(r.font)
            .base_font(Name(face.name()))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(r.cid_font)
            .to_unicode(r.to_unicode);
        self.emit(out, r.font, &chunk);
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

const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

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
