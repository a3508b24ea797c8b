//! The shaping measurer: rustybuzz over the bundled font bytes, the same
//! shaper and font usvg draws with, so measured widths are drawn widths.

use super::{Font, TextMeasurer, fonts};
use crate::hash::FastMap;
use rustybuzz::{Direction, Face, Script, ShapePlan, UnicodeBuffer};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Cached words beyond which a cache starts afresh (bounds memory in a
/// long-running server).
const CACHE_LIMIT: usize = 200_000;

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
    /// Joins between two ASCII characters, indexed directly (NaN: unknown).
    ascii_joins: RefCell<Vec<f32>>,
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
        // Row and page numbers are all different words: rather than shaping
        // each, add up their digits and the kerning of each digit pair ("11"
        // kerns), both cached; the tests check this against shaping.
        if word.len() > 2 && word.bytes().all(|b| b.is_ascii_digit()) {
            let digits = word.as_bytes();
            let single = |i: usize| self.word_units(&word[i..=i], bold);
            let mut units: f32 = (0..digits.len()).map(single).sum();
            for i in 0..digits.len() - 1 {
                units += self.word_units(&word[i..i + 2], bold) - single(i) - single(i + 1);
            }
            return units;
        }
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
        if left.is_ascii() && right.is_ascii() {
            let slot = (usize::from(bold) << 14) | ((left as usize) << 7) | right as usize;
            let known = self
                .ascii_joins
                .borrow()
                .get(slot)
                .copied()
                .filter(|w| !w.is_nan());
            if let Some(w) = known {
                return w;
            }
            let w = self.shaped_join(left, right, bold);
            let mut table = self.ascii_joins.borrow_mut();
            if table.is_empty() {
                table.resize(2 << 14, f32::NAN);
            }
            table[slot] = w;
            return w;
        }
        if let Some(&w) = self.joins.borrow().get(&(bold, left, right)) {
            return w;
        }
        let w = self.shaped_join(left, right, bold);
        self.joins.borrow_mut().insert((bold, left, right), w);
        w
    }

    /// Space advance plus the kerning on both sides of it, shaped.
    fn shaped_join(&self, left: char, right: char, bold: bool) -> f32 {
        let mut buf = [0u8; 4];
        let l = self.shape(bold, left.encode_utf8(&mut buf));
        let r = self.shape(bold, right.encode_utf8(&mut buf));
        self.shape(bold, &format!("{left} {right}")) - l - r
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
    fn numbers_measure_as_the_sum_of_their_digits() {
        let m = FontMeasurer::new();
        for bold in [false, true] {
            for n in (0..100_000u32).step_by(7).chain([11, 111, 1111, 99_999]) {
                let text = n.to_string();
                let shaped = whole_line_units(bold, &text);
                assert_eq!(m.word_units(&text, bold), shaped, "{text}");
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
