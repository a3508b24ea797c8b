//! The shaping measurer: rustybuzz over the bundled font bytes, the same
//! shaper and font usvg draws with, so measured widths are drawn widths.

use super::{Font, TextMeasurer, fonts};
use rustybuzz::{Direction, Face, Script, ShapePlan, UnicodeBuffer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Cached words beyond which a cache starts afresh (bounds memory in a
/// long-running server).
const CACHE_LIMIT: usize = 200_000;

/// A fast, non-cryptographic hasher for the caches (keys are short words
/// from the document itself; no untrusted hash flooding concern beyond the
/// cache limit).
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// The bundled faces, parsed once per process.
fn faces() -> &'static [Face<'static>; 2] {
    static FACES: OnceLock<[Face<'static>; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        // The bundled bytes are a fixed, known-good font: parsing cannot fail.
        let parse = |bytes| Face::from_slice(bytes, 0).expect("bundled font parses");
        [parse(fonts::REGULAR), parse(fonts::BOLD)]
    })
}

/// Measures with the bundled Liberation Sans, caching each word's width.
///
/// A line's width is the sum of its words' shaped widths plus, at each
/// space, the space advance and the kerning on both sides of it: exactly
/// what shaping the whole line gives, at a fraction of the cost.
#[derive(Default)]
pub struct FontMeasurer {
    words: [RefCell<FastMap<String, f32>>; 2],
    joins: RefCell<FastMap<(bool, char, char), f32>>,
    /// Shaping plans by face, direction and script (compiling one costs
    /// more than shaping a word).
    plans: RefCell<Vec<(bool, Direction, Script, ShapePlan)>>,
}

impl FontMeasurer {
    /// A measurer with empty caches.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `f` with this thread's measurer, whose word cache lives as long
    /// as the thread: laying out many SOPs shapes each word once.
    pub fn with_thread_local<R>(f: impl FnOnce(&FontMeasurer) -> R) -> R {
        thread_local! {
            static MEASURER: FontMeasurer = FontMeasurer::new();
        }
        MEASURER.with(f)
    }

    /// Shaped advance of `text` in font units, with a cached plan.
    fn shape(&self, bold: bool, text: &str) -> f32 {
        let face = &faces()[bold as usize];
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let (direction, script) = (buffer.direction(), buffer.script());
        let mut plans = self.plans.borrow_mut();
        let index = match plans
            .iter()
            .position(|(b, d, s, _)| *b == bold && *d == direction && *s == script)
        {
            Some(i) => i,
            None => {
                plans.push((
                    bold,
                    direction,
                    script,
                    ShapePlan::new(face, direction, Some(script), None, &[]),
                ));
                plans.len() - 1
            }
        };
        let glyphs = rustybuzz::shape_with_plan(face, &plans[index].3, buffer);
        glyphs
            .glyph_positions()
            .iter()
            .map(|p| p.x_advance as f32)
            .sum()
    }

    fn word_units(&self, word: &str, bold: bool) -> f32 {
        let cache = &self.words[bold as usize];
        if let Some(&w) = cache.borrow().get(word) {
            return w;
        }
        let w = self.shape(bold, word);
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.to_owned(), w);
        w
    }

    fn join_units(&self, left: char, right: char, bold: bool) -> f32 {
        if let Some(&w) = self.joins.borrow().get(&(bold, left, right)) {
            return w;
        }
        let mut buf = [0u8; 4];
        let l = self.shape(bold, left.encode_utf8(&mut buf));
        let r = self.shape(bold, right.encode_utf8(&mut buf));
        let w = self.shape(bold, &format!("{left} {right}")) - l - r;
        self.joins.borrow_mut().insert((bold, left, right), w);
        w
    }

    fn scale(font: Font) -> f32 {
        font.size / faces()[0].units_per_em() as f32
    }
}

impl TextMeasurer for FontMeasurer {
    fn width(&self, text: &str, font: Font) -> f32 {
        let mut units = 0.0;
        let mut previous: Option<char> = None;
        for word in text.split(' ') {
            if word.is_empty() {
                // Runs of spaces: measure the space itself.
                units += self.word_units(" ", font.bold);
                continue;
            }
            let first = word.chars().next().unwrap_or(' ');
            if let Some(last) = previous {
                units += self.join_units(last, first, font.bold);
            }
            units += self.word_units(word, font.bold);
            previous = word.chars().last();
        }
        units * Self::scale(font)
    }

    fn join_width(&self, left: char, right: char, font: Font) -> f32 {
        self.join_units(left, right, font.bold) * Self::scale(font)
    }

    fn line_height(&self, font: Font) -> f32 {
        let face = &faces()[font.bold as usize];
        let units =
            f32::from(face.ascender()) - f32::from(face.descender()) + f32::from(face.line_gap());
        units * Self::scale(font)
    }

    fn ascent(&self, font: Font) -> f32 {
        f32::from(faces()[font.bold as usize].ascender()) * Self::scale(font)
    }

    fn has_glyph(&self, c: char) -> bool {
        c.is_ascii() || c.is_whitespace() || faces()[0].glyph_index(c).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shapes a whole line the way usvg does (a fresh plan, no caches).
    fn whole_line_units(bold: bool, line: &str) -> f32 {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(line);
        let glyphs = rustybuzz::shape(&faces()[bold as usize], &[], buffer);
        glyphs
            .glyph_positions()
            .iter()
            .map(|p| p.x_advance as f32)
            .sum()
    }

    #[test]
    fn word_sums_equal_whole_line_shaping() {
        let m = FontMeasurer::new();
        let lines = [
            "Ya Tidak AV To Wa",
            "Petugas layanan membimbing pengguna layanan untuk mengakses aplikasi",
            "Kepala Bidang Yogyakarta, T. Vw. \"Lengkap\" (valid)",
        ];
        for bold in [false, true] {
            let font = Font { size: 9.0, bold };
            for line in lines {
                let whole = whole_line_units(bold, line) * FontMeasurer::scale(font);
                let summed = m.width(line, font);
                assert!(
                    (whole - summed).abs() < 1e-3,
                    "{line:?}: {whole} vs {summed}"
                );
            }
        }
    }

    #[test]
    fn kerning_is_measured() {
        let m = FontMeasurer::new();
        let font = Font::regular(10.0);
        let pair = m.width("AV", font);
        assert!(pair < m.width("A", font) + m.width("V", font));
    }
}
