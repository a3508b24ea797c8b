//! The type scale: the fonts of the table and the spacing around text,
//! with their line heights measured once.

use crate::config::Config;
use crate::text::{Font, TextMeasurer};

/// Fonts and spacing shared by the phases.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TypeScale {
    /// Body cells.
    pub body: Font,
    /// Header cells.
    pub header: Font,
    /// Branch labels, connector numbers, symbol texts and the footer.
    pub label: Font,
    /// Line height of `body`.
    pub body_line: f32,
    /// Line height of `label`.
    pub label_line: f32,
    /// Cell padding.
    pub padding: f32,
    /// Room above and below a symbol: the configured gap, which is meant
    /// for 9 pt body text, in proportion to the body size.
    pub symbol_gap: f32,
}

/// The body size the configured symbol gap is meant for.
const REFERENCE_BODY: f32 = 9.0;

impl TypeScale {
    /// The scale of `config`, measured with `measurer`.
    pub fn new(config: &Config, measurer: &dyn TextMeasurer) -> Self {
        let body = Font::regular(config.theme.font_size);
        let label = Font::regular(config.theme.label_font_size);
        Self {
            body,
            header: Font::bold(config.theme.header_font_size),
            label,
            body_line: measurer.line_height(body),
            label_line: measurer.line_height(label),
            padding: config.table.padding,
            symbol_gap: config.table.symbol_gap
                * (config.theme.font_size / REFERENCE_BODY).min(1.0),
        }
    }

    /// Height of a block of `lines` lines of `line_height` with padding.
    pub fn block(&self, lines: usize, line_height: f32) -> f32 {
        lines as f32 * line_height + 2.0 * self.padding
    }
}
