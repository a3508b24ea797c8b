//! Text placed in its box: alignment, padding and baselines. Every phase
//! that puts text on a page (cells, header, footer, symbols, labels,
//! identity sheet) places it through here.

use super::types::{Align, CellRole, TextCell, TextLine};
use crate::geom::Rect;
use crate::text::{Font, Line, TextMeasurer};

/// Vertical placement of text in its cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VAlign {
    Top,
    Middle,
}

/// How a block of text sits in its box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub font: Font,
    pub align: Align,
    pub valign: VAlign,
    pub padding: f32,
}

impl TextStyle {
    /// Flush left from the top, as body and identity texts are set.
    pub fn top_left(font: Font, padding: f32) -> Self {
        Self {
            font,
            align: Align::Left,
            valign: VAlign::Top,
            padding,
        }
    }

    /// Centred both ways, as headers and symbol texts are set.
    pub fn centred(font: Font, padding: f32) -> Self {
        Self {
            font,
            align: Align::Center,
            valign: VAlign::Middle,
            padding,
        }
    }
}

/// Places `lines` inside `rect` in `style`.
pub(crate) fn position(
    rect: Rect,
    lines: impl Into<Vec<Line>>,
    style: TextStyle,
    measurer: &dyn TextMeasurer,
) -> Vec<TextLine> {
    let TextStyle {
        font,
        align,
        valign,
        padding,
    } = style;
    let lines: Vec<Line> = lines.into();
    let line_height = measurer.line_height(font);
    let block = lines.len() as f32 * line_height;
    let top = match valign {
        VAlign::Top => rect.y + padding,
        VAlign::Middle => rect.y + (rect.height - block) / 2.0,
    };
    let ascent = measurer.ascent(font);
    let mut placed = Vec::with_capacity(lines.iter().filter(|l| !l.text.is_empty()).count());
    for (i, line) in lines
        .into_iter()
        .enumerate()
        .filter(|(_, line)| !line.text.is_empty())
    {
        let x = match align {
            Align::Left => rect.x + padding + line.indent,
            Align::Center => rect.x + (rect.width - line.width) / 2.0,
        };
        placed.push(TextLine {
            text: line.text.into_boxed_str(),
            x,
            y: top + i as f32 * line_height + ascent,
            width: line.width,
        });
    }
    placed
}

/// A cell with its text placed.
pub(crate) fn cell(
    role: CellRole,
    rect: Rect,
    lines: impl Into<Vec<Line>>,
    style: TextStyle,
    measurer: &dyn TextMeasurer,
) -> TextCell {
    TextCell {
        role,
        rect,
        font: style.font,
        align: style.align,
        lines: position(rect, lines, style, measurer),
    }
}
