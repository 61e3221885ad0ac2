//! The fonts documents are set in, compiled into the binary so nothing is read or fetched at
//! run time: DejaVu Sans (Bitstream Vera licence) for Latin (Turkish, Hungarian and Polish
//! included), Greek and Cyrillic; Droid Sans Fallback (Apache 2.0) for Chinese; NanumSquare
//! (SIL OFL 1.1) for Korean, which the Droid font lacks. Licences are in `assets/fonts/`. Only the glyphs a document uses are
//! embedded, subset once the document is complete.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use subsetter::GlyphRemapper;
use ttf_parser::GlyphId;

/// One of the two compiled-in fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Main,
    Cjk,
    Hangul,
}

impl Face {
    /// In the order a character's face is looked for.
    pub const ALL: [Face; 3] = [Face::Main, Face::Cjk, Face::Hangul];

    fn data(self) -> &'static [u8] {
        match self {
            Face::Main => include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
            Face::Cjk => include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
            Face::Hangul => include_bytes!("../../assets/fonts/NanumSquareR.ttf"),
        }
    }

    /// PostScript name with a subset tag, as PDF names a subset font.
    pub fn name(self) -> &'static [u8] {
        match self {
            Face::Main => b"CSPDSK+DejaVuSans",
            Face::Cjk => b"CSPDSL+DroidSansFallbackFull",
            Face::Hangul => b"CSPDSM+NanumSquareR",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    fn parsed(self) -> &'static ttf_parser::Face<'static> {
        static FACES: [OnceLock<ttf_parser::Face<'static>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        // The fonts are compiled in and known good; a failure here is a broken build, caught
        // by the tests before any user sees it.
        FACES[self.index()]
            .get_or_init(|| ttf_parser::Face::parse(self.data(), 0).expect("embedded font"))
    }

    /// The face that draws `c`, and its glyph there: Korean letters in NanumSquare (the
    /// Droid font has a few of them, and one word must not mix two designs), anything else
    /// in the first of `ALL` that has it, else DejaVu's "missing" box.
    pub fn of(c: char) -> (Face, GlyphId) {
        let hangul = matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7A3}');
        let order: &[Face] = if hangul {
            &[Face::Hangul, Face::Main]
        } else {
            &Face::ALL
        };
        order
            .iter()
            .find_map(|f| f.parsed().glyph_index(c).map(|g| (*f, g)))
            .unwrap_or((Face::Main, GlyphId(0)))
    }

    fn advance(self, glyph: GlyphId) -> f32 {
        let face = self.parsed();
        let units = f32::from(face.glyph_hor_advance(glyph).unwrap_or(0));
        units * 1000.0 / f32::from(face.units_per_em())
    }

    /// The font's vertical metrics and box, in thousandths: (ascent, descent, cap height,
    /// bbox).
    pub fn metrics(self) -> (f32, f32, f32, [f32; 4]) {
        let face = self.parsed();
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
}

/// The glyphs a document has used so far of one face, renumbered from 1 in order of first
/// use; those numbers are what its text is written in (as two bytes each, Identity-H).
pub struct Glyphs {
    face: Face,
    remapper: GlyphRemapper,
    /// New glyph number → the character it shows, for copying text out of the document.
    chars: BTreeMap<u16, char>,
}

impl Glyphs {
    pub fn new(face: Face) -> Glyphs {
        Glyphs {
            face,
            remapper: GlyphRemapper::default(),
            chars: BTreeMap::new(),
        }
    }

    pub fn face(&self) -> Face {
        self.face
    }

    /// Appends `c`, whose glyph in this face is `glyph`, to `out` as its new number.
    pub fn encode(&mut self, c: char, glyph: GlyphId, out: &mut Vec<u8>) {
        let new = self.remapper.remap(glyph.0);
        self.chars.entry(new).or_insert(c);
        out.extend_from_slice(&new.to_be_bytes());
    }

    /// Widths of the used glyphs in thousandths of the font size, by new number from 0.
    pub fn widths(&self) -> Vec<f32> {
        self.remapper
            .remapped_gids()
            .map(|old| self.face.advance(GlyphId(old)))
            .collect()
    }

    pub fn chars(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.chars.iter().map(|(g, c)| (*g, *c))
    }

    /// The font file with only the used glyphs.
    pub fn subset(&self) -> Result<Vec<u8>, subsetter::Error> {
        subsetter::subset(self.face.data(), 0, &self.remapper)
    }
}

/// `text` cut where the face that draws it changes: each piece is drawn in one font.
pub fn runs(text: &str) -> Vec<(Face, Vec<(char, GlyphId)>)> {
    let mut runs: Vec<(Face, Vec<(char, GlyphId)>)> = Vec::new();
    for c in text.chars() {
        let (face, glyph) = Face::of(c);
        match runs.last_mut() {
            Some((f, run)) if *f == face => run.push((c, glyph)),
            _ => runs.push((face, vec![(c, glyph)])),
        }
    }
    runs
}

/// How wide `text` is at `size` points.
pub fn width(text: &str, size: f32) -> f32 {
    let thousandths: f32 = text
        .chars()
        .map(|c| {
            let (face, glyph) = Face::of(c);
            face.advance(glyph)
        })
        .sum();
    thousandths * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_and_cyrillic_are_dejavu_chinese_droid_and_korean_nanum() {
        for c in ['A', 'ő', 'ł', 'ı', 'Ж'] {
            assert_eq!(Face::of(c).0, Face::Main, "{c}");
        }
        for (c, want) in [
            ('获', Face::Cjk),
            ('密', Face::Cjk),
            ('주', Face::Hangul),
            ('문', Face::Hangul),
            ('힣', Face::Hangul),
        ] {
            let (face, glyph) = Face::of(c);
            assert_eq!(face, want, "{c}");
            assert_ne!(glyph.0, 0, "{c} has a glyph");
        }
        let cut = runs("Invoice 发票 2026");
        let faces: Vec<Face> = cut.iter().map(|r| r.0).collect();
        assert_eq!(faces, [Face::Main, Face::Cjk, Face::Main]);
        assert!(width("发票", 10.0) > 0.0);
    }
}
