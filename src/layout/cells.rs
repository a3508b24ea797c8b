//! Positioning wrapped text inside cells, and the table header and page
//! footer built from it.

use super::columns::Columns;
use super::measure::{Metrics, wrap_list};
use super::types::{Align, CellRole, ColumnKind, TextCell, TextLine};
use crate::config::Config;
use crate::geom::Rect;
use crate::procedure::Procedure;
use crate::text::{Font, Line, TextMeasurer, normalise, wrap};

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
            text: line.text,
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

/// The table header, its top at y = 0.
pub(crate) struct Header {
    pub cells: Vec<TextCell>,
    pub height: f32,
}

/// Builds the two header rows (and the optional column-number row).
pub(crate) fn header(
    procedure: &Procedure,
    config: &Config,
    columns: &Columns,
    metrics: &Metrics,
    measurer: &dyn TextMeasurer,
) -> Header {
    let font = metrics.header;
    let pad = metrics.padding;
    let labels = &config.labels;
    let line = measurer.line_height(font);
    let wrap_in =
        |text: &str, width: f32| wrap(&normalise(text), width - 2.0 * pad, font, measurer);
    let span = |kinds: &[ColumnKind]| {
        let cols: Vec<_> = columns
            .list
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .collect();
        let x = cols.iter().map(|c| c.x).fold(f32::MAX, f32::min);
        let right = cols.iter().map(|c| c.x + c.width).fold(f32::MIN, f32::max);
        (x, right - x)
    };
    let lanes: Vec<ColumnKind> = (0..procedure.lanes.len()).map(ColumnKind::Lane).collect();
    let quality = [
        ColumnKind::Requirements,
        ColumnKind::Time,
        ColumnKind::Output,
    ];
    let (lanes_x, lanes_w) = span(&lanes);
    let (quality_x, quality_w) = span(&quality);
    let group = [
        (labels.actors.as_str(), lanes_x, lanes_w),
        (labels.quality.as_str(), quality_x, quality_w),
    ];
    let group_lines: Vec<_> = group.iter().map(|(t, _, w)| wrap_in(t, *w)).collect();
    let h1 = group_lines
        .iter()
        .map(|l| metrics.block(l.len(), line))
        .fold(metrics.block(1, line), f32::max);
    let sub: Vec<(ColumnKind, String)> = procedure
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| (ColumnKind::Lane(i), lane.name.clone()))
        .chain([
            (ColumnKind::Requirements, labels.requirements.clone()),
            (ColumnKind::Time, labels.time.clone()),
            (ColumnKind::Output, labels.output.clone()),
        ])
        .collect();
    let sub_lines: Vec<(ColumnKind, Vec<Line>)> = sub
        .iter()
        .filter_map(|(kind, text)| columns.get(*kind).map(|c| (*kind, wrap_in(text, c.width))))
        .collect();
    let spanning = [
        (ColumnKind::Number, labels.number.as_str()),
        (ColumnKind::Activity, labels.activity.as_str()),
        (ColumnKind::Notes, labels.notes.as_str()),
    ];
    let spanning_lines: Vec<_> = spanning
        .iter()
        .filter_map(|(kind, text)| {
            columns
                .get(*kind)
                .map(|c| (c.x, c.width, wrap_in(text, c.width)))
        })
        .collect();
    let mut h2 = sub_lines
        .iter()
        .map(|(_, l)| metrics.block(l.len(), line))
        .fold(metrics.block(1, line), f32::max);
    let tallest_span = spanning_lines
        .iter()
        .map(|(_, _, l)| metrics.block(l.len(), line))
        .fold(0.0, f32::max);
    h2 = h2.max(tallest_span - h1);
    let mut cells = Vec::new();
    let mut push = |rect: Rect, lines: &[Line]| {
        cells.push(cell(
            CellRole::Header,
            rect,
            lines,
            TextStyle::centred(font, pad),
            measurer,
        ));
    };
    for (x, w, lines) in &spanning_lines {
        push(Rect::new(*x, 0.0, *w, h1 + h2), lines);
    }
    for ((_, x, w), lines) in group.iter().zip(&group_lines) {
        push(Rect::new(*x, 0.0, *w, h1), lines);
    }
    for (kind, lines) in &sub_lines {
        if let Some(c) = columns.get(*kind) {
            push(Rect::new(c.x, h1, c.width, h2), lines);
        }
    }
    let mut height = h1 + h2;
    if config.table.column_numbers {
        let h3 = metrics.block(1, line);
        for (i, c) in columns.list.iter().enumerate() {
            let lines = wrap_in(&format!("({})", i + 1), c.width);
            push(Rect::new(c.x, height, c.width, h3), &lines);
        }
        height += h3;
    }
    Header { cells, height }
}

/// The footer texts of one page, their block ending at `bottom`.
pub(crate) fn footer(
    procedure: &Procedure,
    config: &Config,
    columns: &Columns,
    metrics: &Metrics,
    measurer: &dyn TextMeasurer,
    (page, pages): (usize, usize),
    bottom: f32,
) -> Vec<TextCell> {
    if !config.page.footer {
        return Vec::new();
    }
    let font = metrics.label;
    let identity = &procedure.identity;
    let title: Vec<&str> = [identity.number.as_deref(), identity.name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let width = columns.table_width;
    let page_text = wrap(
        &config.labels.page_of(page, pages),
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
    procedure: &Procedure,
    config: &Config,
    columns: &Columns,
    metrics: &Metrics,
    measurer: &dyn TextMeasurer,
) -> f32 {
    let cells = footer(procedure, config, columns, metrics, measurer, (1, 1), 0.0);
    cells.iter().map(|c| -c.rect.y).fold(0.0, f32::max) + if cells.is_empty() { 0.0 } else { 6.0 }
}
