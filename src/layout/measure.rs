//! Phase: text wrapping and row heights, measured with the rendering font.

use super::columns::Columns;
use super::types::{Align, ColumnKind};
use crate::config::Config;
use crate::error::{Code, Diagnostic};
use crate::procedure::{Procedure, Step};
use crate::text::{Font, Line, TextMeasurer, normalise, wrap};

/// A row's wrapped texts, before it is placed.
#[derive(Debug, Clone)]
pub(crate) struct MeasuredRow {
    /// Column, lines, alignment.
    pub cells: Vec<(ColumnKind, Vec<Line>, Align)>,
    /// Height the texts need.
    pub height: f32,
    /// Wrapped `symbol_text`.
    pub symbol_text: Vec<Line>,
}

/// Fonts and spacing shared by the phases.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    pub body: Font,
    pub header: Font,
    pub label: Font,
    pub body_line: f32,
    pub label_line: f32,
    pub padding: f32,
}

impl Metrics {
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
        }
    }

    /// Height of a block of `lines` lines in `font` with padding.
    pub fn block(&self, lines: usize, line_height: f32) -> f32 {
        lines as f32 * line_height + 2.0 * self.padding
    }
}

/// Wraps one list field: a numbered list when it has several items.
pub(crate) fn wrap_list(
    items: &[String],
    width: f32,
    font: Font,
    measurer: &dyn TextMeasurer,
) -> Vec<Line> {
    if let [single] = items {
        return wrap(&normalise(single), width, font, measurer);
    }
    let mut lines = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let marker = format!("{}. ", i + 1);
        let indent = measurer.width(&marker, font);
        let text = format!("{marker}{}", normalise(item).replace('\n', " "));
        crate::text::wrap::wrap_paragraph(&text, width, indent, font, measurer, &mut lines);
    }
    lines
}

/// Wraps every text of every row.
pub(crate) fn measure_rows(
    procedure: &Procedure,
    columns: &Columns,
    metrics: &Metrics,
    measurer: &dyn TextMeasurer,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<MeasuredRow> {
    let inner = |kind| {
        columns
            .get(kind)
            .map_or(10.0, |c| c.width - 2.0 * metrics.padding)
    };
    let symbol_inner = columns.symbol_width - 6.0;
    procedure
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            missing_glyphs(i, step, measurer, warnings);
            let font = metrics.body;
            let text = |kind, value: &Option<String>| {
                wrap(
                    &normalise(value.as_deref().unwrap_or("")),
                    inner(kind),
                    font,
                    measurer,
                )
            };
            let cells = vec![
                (
                    ColumnKind::Number,
                    wrap(
                        &(i + 1).to_string(),
                        inner(ColumnKind::Number),
                        font,
                        measurer,
                    ),
                    Align::Center,
                ),
                (
                    ColumnKind::Activity,
                    wrap(
                        &normalise(&step.text),
                        inner(ColumnKind::Activity),
                        font,
                        measurer,
                    ),
                    Align::Left,
                ),
                (
                    ColumnKind::Requirements,
                    wrap_list(
                        &step.requirements,
                        inner(ColumnKind::Requirements),
                        font,
                        measurer,
                    ),
                    Align::Left,
                ),
                (
                    ColumnKind::Time,
                    text(ColumnKind::Time, &step.time),
                    Align::Left,
                ),
                (
                    ColumnKind::Output,
                    text(ColumnKind::Output, &step.output),
                    Align::Left,
                ),
                (
                    ColumnKind::Notes,
                    text(ColumnKind::Notes, &step.notes),
                    Align::Left,
                ),
            ];
            let lines = cells
                .iter()
                .map(|(_, lines, _)| lines.len())
                .max()
                .unwrap_or(1);
            let symbol_text = step
                .symbol_text
                .as_deref()
                .map(|t| wrap(&normalise(t), symbol_inner, metrics.label, measurer))
                .unwrap_or_default();
            MeasuredRow {
                cells,
                height: metrics.block(lines, metrics.body_line),
                symbol_text,
            }
        })
        .collect()
}

/// Warns about characters the bundled font cannot draw.
fn missing_glyphs(
    index: usize,
    step: &Step,
    measurer: &dyn TextMeasurer,
    warnings: &mut Vec<Diagnostic>,
) {
    let texts = [
        Some(&step.text),
        step.time.as_ref(),
        step.output.as_ref(),
        step.notes.as_ref(),
        step.symbol_text.as_ref(),
    ];
    let mut missing: Vec<char> = texts
        .into_iter()
        .flatten()
        .chain(&step.requirements)
        .flat_map(|t| t.chars())
        .filter(|&c| {
            !c.is_control() && !crate::text::wrap::is_invisible(c) && !measurer.has_glyph(c)
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    missing.sort_unstable();
    missing.dedup();
    let shown: String = missing.iter().take(12).collect();
    warnings.push(
        Diagnostic::warning(
            Code::MissingGlyph,
            format!("/activities/{index}"),
            format!("huruf bawaan (Liberation Sans) tidak memiliki karakter \"{shown}\"; karakter itu tampil sebagai kotak"),
        )
        .at_activity(index + 1, &step.id),
    );
}
