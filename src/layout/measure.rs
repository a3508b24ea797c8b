//! Phase 3, measure: every text of every row wrapped with the rendering
//! font into its column, and each row's height: its tallest text, or its
//! symbol with the gaps arrows need around it and the room the labels of
//! outcomes leaving its bottom take.
//!
//! In: the procedure, the [`Columns`], the [`TypeScale`] and the branch
//! labels. Out: one [`MeasuredRow`] per activity.

use super::branch_labels::BranchLabel;
use super::columns::Columns;
use super::dims::{BUS_CLEARANCE, SYMBOL_TEXT_PADDING, shape_of, symbol_size};
use super::type_scale::TypeScale;
use super::types::{Align, ColumnKind};
use crate::error::{Code, Diagnostic};
use crate::procedure::{Procedure, Step};
use crate::text::{Line, TextMeasurer, normalise, wrap, wrap_list};

/// A row's wrapped texts, before it is placed.
#[derive(Debug, Clone)]
pub(crate) struct MeasuredRow {
    /// Column, lines, alignment.
    pub cells: Vec<(ColumnKind, Vec<Line>, Align)>,
    /// The row's height.
    pub height: f32,
    /// Height reserved under the symbol for the labels of its outcomes.
    pub label_room: f32,
    /// Wrapped `symbol_text`.
    pub symbol_text: Vec<Line>,
}

/// What measuring needs besides the procedure.
pub(crate) struct MeasureInput<'a> {
    /// Column widths.
    pub columns: &'a Columns,
    /// Fonts and padding.
    pub scale: &'a TypeScale,
    /// The configured gap above and below a symbol.
    pub symbol_gap: f32,
    /// The label of each flow.
    pub labels: &'a [Option<BranchLabel>],
}

/// Wraps every text of every row.
pub(crate) fn measure_rows(
    procedure: &Procedure,
    input: &MeasureInput<'_>,
    measurer: &dyn TextMeasurer,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<MeasuredRow> {
    let MeasureInput { columns, scale, .. } = *input;
    let label_rooms = label_rooms(procedure, input.labels, scale.label_line);
    let inner = |kind| {
        columns
            .get(kind)
            .map_or(10.0, |c| c.width - 2.0 * scale.padding)
    };
    let symbol_inner = columns.symbol_width - SYMBOL_TEXT_PADDING;
    procedure
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            missing_glyphs(i, step, measurer, warnings);
            let font = scale.body;
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
                .map(|t| wrap(&normalise(t), symbol_inner, scale.label, measurer))
                .unwrap_or_default();
            let (_, symbol_height) = symbol_size(
                shape_of(step.kind),
                columns.symbol_width,
                symbol_text.len(),
                scale.label_line,
            );
            let label_room = label_rooms[i];
            let gap = input.symbol_gap.max(label_room + BUS_CLEARANCE);
            MeasuredRow {
                cells,
                height: scale
                    .block(lines, scale.body_line)
                    .max(symbol_height + 2.0 * gap),
                label_room,
                symbol_text,
            }
        })
        .collect()
}

/// Height reserved under each step for the labels of its outcomes:
/// labels alternate right and left of the bottom stub, stacking down
/// each side.
fn label_rooms(procedure: &Procedure, labels: &[Option<BranchLabel>], line: f32) -> Vec<f32> {
    let mut sides = vec![([0.0f32; 2], 0usize); procedure.steps.len()];
    for (flow, label) in procedure.flows.iter().zip(labels) {
        if flow.label.is_none() {
            continue;
        }
        let (heights, count) = &mut sides[flow.from];
        heights[*count % 2] += label.as_ref().map_or(0.0, |l| l.zone_height(line));
        *count += 1;
    }
    sides.into_iter().map(|(h, _)| h[0].max(h[1])).collect()
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
