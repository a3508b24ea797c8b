//! The page footer: SOP number and name, "Halaman x dari y", and the
//! document's footer note, its block ending at the bottom margin.

use super::columns::Columns;
use super::text_cells::{TextStyle, cell};
use super::type_scale::TypeScale;
use super::types::{CellRole, TextCell};
use crate::config::Words;
use crate::geom::Rect;
use crate::model::Identity;
use crate::text::{TextMeasurer, normalise, wrap, wrap_list};

/// What the footer prints.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FooterSpec<'a> {
    /// False when the configuration turns the footer off.
    pub shown: bool,
    /// Number, name and footer note come from here.
    pub identity: &'a Identity,
    /// "Halaman x dari y".
    pub words: &'a Words,
}

/// The footer texts of one page, their block ending at `bottom`.
pub(crate) fn footer(
    spec: &FooterSpec<'_>,
    columns: &Columns,
    scale: &TypeScale,
    measurer: &dyn TextMeasurer,
    (page, pages): (usize, usize),
    bottom: f32,
) -> Vec<TextCell> {
    if !spec.shown {
        return Vec::new();
    }
    let font = scale.label;
    let identity = spec.identity;
    let title: Vec<&str> = [identity.number.as_deref(), identity.name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let width = columns.table_width;
    let page_text = wrap(
        &spec.words.page_of(page, pages),
        width / 3.0,
        font,
        measurer,
    );
    let title_lines = wrap(
        &normalise(&title.join(" \u{2014} ")),
        width * 2.0 / 3.0 - 8.0,
        font,
        measurer,
    );
    let note = identity
        .footer
        .as_deref()
        .map(|f| wrap_list(&[f.to_owned()], width, font, measurer))
        .unwrap_or_default();
    let line = measurer.line_height(font);
    let top_row = title_lines.len().max(1) as f32 * line;
    let height = top_row + note.len() as f32 * line;
    let top = bottom - height;
    let x = columns.table_x;
    let mut cells = vec![cell(
        CellRole::Footer,
        Rect::new(x, top, width * 2.0 / 3.0, top_row),
        title_lines.as_slice(),
        TextStyle::top_left(font, 0.0),
        measurer,
    )];
    let right = Rect::new(x + width * 2.0 / 3.0, top, width / 3.0, top_row);
    let mut page_cell = cell(
        CellRole::Footer,
        right,
        page_text.as_slice(),
        TextStyle::top_left(font, 0.0),
        measurer,
    );
    for l in &mut page_cell.lines {
        l.x = right.right() - l.width;
    }
    cells.push(page_cell);
    if !note.is_empty() {
        let rect = Rect::new(x, top + top_row, width, note.len() as f32 * line);
        cells.push(cell(
            CellRole::Footer,
            rect,
            note.as_slice(),
            TextStyle::top_left(font, 0.0),
            measurer,
        ));
    }
    cells
}

/// Height the footer takes, with the gap above it.
pub(crate) fn footer_height(
    spec: &FooterSpec<'_>,
    columns: &Columns,
    scale: &TypeScale,
    measurer: &dyn TextMeasurer,
) -> f32 {
    let cells = footer(spec, columns, scale, measurer, (1, 1), 0.0);
    cells.iter().map(|c| -c.rect.y).fold(0.0, f32::max) + if cells.is_empty() { 0.0 } else { 6.0 }
}
