//! The one font documents are set in: DejaVu Sans (Bitstream Vera licence, see
//! `assets/fonts/`), compiled into the binary so nothing is read or fetched at run time. It
//! covers Latin (Turkish, Hungarian, Polish included), Greek and Cyrillic. Only the glyphs a
//! document uses are embedded, subset once the document is complete.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use subsetter::GlyphRemapper;

const DATA: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// PostScript name with a subset tag, as PDF names a subset font.
pub const NAME: &[u8] = b"CSPDSK+DejaVuSans";

fn face() -> &'static ttf_parser::Face<'static> {
    static FACE: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    // The font is compiled in and known good; a failure here is a broken build, caught by the
    // tests before any user sees it.
    FACE.get_or_init(|| ttf_parser::Face::parse(DATA, 0).expect("the embedded font parses"))
}

/// The glyphs a document has used so far, renumbered from 1 in order of first use; those
/// numbers are what its text is written in (as two bytes each, Identity-H).
#[derive(Default)]
pub struct Glyphs {
    remapper: GlyphRemapper,
    /// New glyph number → the character it shows, for copying text out of the document.
    chars: BTreeMap<u16, char>,
}

impl Glyphs {
    /// The text in the document's glyph numbers, two bytes each.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let old = face().glyph_index(c).map_or(0, |g| g.0);
            let new = self.remapper.remap(old);
            self.chars.entry(new).or_insert(c);
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }

    /// Widths of the used glyphs in thousandths of the font size, by new number from 0.
    pub fn widths(&self) -> Vec<f32> {
        self.remapper
            .remapped_gids()
            .map(|old| advance(ttf_parser::GlyphId(old)))
            .collect()
    }

    pub fn chars(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.chars.iter().map(|(g, c)| (*g, *c))
    }

    /// The font file with only the used glyphs.
    pub fn subset(&self) -> Result<Vec<u8>, subsetter::Error> {
        subsetter::subset(DATA, 0, &self.remapper)
    }
}

fn advance(glyph: ttf_parser::GlyphId) -> f32 {
    let face = face();
    let units = f32::from(face.glyph_hor_advance(glyph).unwrap_or(0));
    units * 1000.0 / f32::from(face.units_per_em())
}

/// How wide `text` is at `size` points.
pub fn width(text: &str, size: f32) -> f32 {
    let face = face();
    let thousandths: f32 = text
        .chars()
        .map(|c| advance(face.glyph_index(c).unwrap_or_default()))
        .sum();
    thousandths * size / 1000.0
}

/// The font's vertical metrics and box, in thousandths: (ascent, descent, cap height, bbox).
pub fn metrics() -> (f32, f32, f32, [f32; 4]) {
    let face = face();
    let scale = 1000.0 / f32::from(face.units_per_em());
    let b = face.global_bounding_box();
    (
        f32::from(face.ascender()) * scale,
        f32::from(face.descender()) * scale,
        f32::from(face.capital_height().unwrap_or(face.ascender())) * scale,
        [
            f32::from(b.x_min) * scale,
            f32::from(b.y_min) * scale,
            f32::from(b.x_max) * scale,
            f32::from(b.y_max) * scale,
        ],
    )
}
