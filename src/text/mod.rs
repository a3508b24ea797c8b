//! Text measurement and wrapping with the font that renders it.

pub mod fonts;
mod measure;
mod syllables;
pub(crate) mod wrap;

pub use measure::FontMeasurer;
pub use wrap::{Line, normalise, wrap};
pub(crate) use wrap::{item_marker, list_marks, wrap_list, wraps_at_syllables};

use serde::{Deserialize, Serialize};

/// A font face and size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Font {
    /// Size in points.
    #[serde(serialize_with = "crate::geom::round")]
    pub size: f32,
    /// Bold face.
    #[serde(default, skip_serializing_if = "is_regular")]
    pub bold: bool,
}

/// True for the regular face (not written in the layout JSON).
fn is_regular(bold: &bool) -> bool {
    !*bold
}

impl Font {
    /// The regular face at `size`.
    pub const fn regular(size: f32) -> Self {
        Self { size, bold: false }
    }

    /// The bold face at `size`.
    pub const fn bold(size: f32) -> Self {
        Self { size, bold: true }
    }
}

/// Measures text. The default, [`FontMeasurer`], shapes with the bundled
/// font exactly as the renderer does; tests may inject a simpler one.
pub trait TextMeasurer {
    /// Width of `text` (no line breaks) in points.
    fn width(&self, text: &str, font: Font) -> f32;

    /// Width added by joining `left` and `right` with one space between the
    /// last character of the left text and the first of the right
    /// (space advance plus kerning on both sides).
    fn join_width(&self, left: char, right: char, font: Font) -> f32 {
        let mut pair = String::new();
        pair.push(left);
        pair.push(' ');
        pair.push(right);
        let mut l = String::new();
        l.push(left);
        let mut r = String::new();
        r.push(right);
        self.width(&pair, font) - self.width(&l, font) - self.width(&r, font)
    }

    /// Distance between two baselines.
    fn line_height(&self, font: Font) -> f32 {
        font.size * 1.15
    }

    /// Distance from the top of a line box to its baseline.
    fn ascent(&self, font: Font) -> f32 {
        font.size * 0.905
    }

    /// True when the font has a glyph for `c`.
    fn has_glyph(&self, _c: char) -> bool {
        true
    }
}
