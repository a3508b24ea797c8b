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

/// The wrapped texts of a row: column, lines, alignment.
pub(crate) type RowTexts = Vec<(ColumnKind, Vec<Line>, Align)>;

/// A row's wrapped texts, before it is placed.
#[derive(Debug, Clone)]
pub(crate) struct MeasuredRow {
    /// Column, lines, alignment.
    pub cells: RowTexts,
    /// The row's height.
    pub height: f32,
    /// The least height its symbol, gaps and labels need.
    pub min_height: f32,
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
            let symbol_text = cut_symbol_text(
                symbol_text,
                (i, step),
                symbol_inner,
                scale,
                measurer,
                warnings,
            );
            let (_, symbol_height) = symbol_size(
                shape_of(step.kind),
                columns.symbol_width,
                symbol_text.len(),
                scale.label_line,
            );
            let label_room = label_rooms[i];
            let gap = input.symbol_gap.max(label_room + BUS_CLEARANCE);
            let min_height = symbol_height + 2.0 * gap;
            MeasuredRow {
                cells,
                height: scale.block(lines, scale.body_line).max(min_height),
                min_height,
                label_room,
                symbol_text,
            }
        })
        .collect()
}

/// The most lines a symbol holds; a longer text is cut.
const MAX_SYMBOL_LINES: usize = 4;

/// Keeps the first [`MAX_SYMBOL_LINES`] lines of a symbol's text, the
/// last ending in an ellipsis, and warns when it cuts.
fn cut_symbol_text(
    mut lines: Vec<Line>,
    (index, step): (usize, &Step),
    width: f32,
    scale: &TypeScale,
    measurer: &dyn TextMeasurer,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Line> {
    if lines.len() <= MAX_SYMBOL_LINES {
        return lines;
    }
    lines.truncate(MAX_SYMBOL_LINES);
    if let Some(last) = lines.last_mut() {
        let mut text = last.text.clone();
        loop {
            let candidate = format!("{}…", text.trim_end());
            let w = measurer.width(&candidate, scale.label);
            if w <= width || text.is_empty() {
                last.text = candidate;
                last.width = w;
                break;
            }
            text.pop();
        }
    }
    warnings.push(
        Diagnostic::warning(
            Code::SymbolTextCut,
            format!("/activities/{index}/symbol_text"),
            format!(
                "teks simbol lebih dari {MAX_SYMBOL_LINES} baris dan dipotong; tulis uraian lengkapnya di kolom Kegiatan"
            ),
        )
        .at_activity(index + 1, &step.id),
    );
    lines
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::layout::frame::PrintArea;
    use crate::text::Font;

    /// Every character 5 pt wide, lines 10 pt apart.
    struct Fixed;

    impl TextMeasurer for Fixed {
        fn width(&self, text: &str, _font: Font) -> f32 {
            5.0 * text.chars().count() as f32
        }
        fn line_height(&self, _font: Font) -> f32 {
            10.0
        }
    }

    fn measured(sop: &crate::Sop) -> (Vec<MeasuredRow>, TypeScale, Columns) {
        let config = Config::default();
        let procedure = crate::Procedure::from_sop(sop).unwrap();
        let area = PrintArea::of(&config.page);
        let lanes = procedure.lanes.len();
        let scale = TypeScale::new(&config, &Fixed);
        let content = super::super::content::content_widths(
            &procedure,
            &config.words,
            &config.table,
            &scale,
            &Fixed,
        );
        let columns = super::super::columns::fit(&super::super::columns::FitInput {
            tracks: &vec![0; lanes],
            label_widths: &vec![0.0; lanes],
            content: &content,
            table: &config.table,
            area: &area,
            body_line: scale.body_line,
        })
        .unwrap();
        let labels = super::super::branch_labels::branch_labels(
            &procedure,
            &config.words,
            columns.symbol_width,
            scale.label,
            &Fixed,
        );
        let input = MeasureInput {
            columns: &columns,
            scale: &scale,
            symbol_gap: scale.symbol_gap,
            labels: &labels,
        };
        let rows = measure_rows(&procedure, &input, &Fixed, &mut Vec::new());
        (rows, scale, columns)
    }

    #[test]
    fn a_row_is_as_tall_as_its_tallest_text_or_its_symbol_with_gaps() {
        let long = "kata ".repeat(400);
        let sop = crate::SopBuilder::new()
            .actor("a", "A")
            .activity("Mulai", "a", |x| x)
            .activity(&long, "a", |x| x)
            .build();
        let (rows, scale, columns) = measured(&sop);
        let text_lines = rows[1]
            .cells
            .iter()
            .find(|(k, _, _)| *k == ColumnKind::Activity)
            .map(|(_, l, _)| l.len())
            .unwrap();
        assert!(text_lines > 3);
        assert_eq!(rows[1].height, scale.block(text_lines, 10.0));
        let inner = columns.get(ColumnKind::Activity).unwrap().width - 2.0 * scale.padding;
        for (_, lines, _) in &rows[1].cells {
            for line in lines {
                assert!(
                    line.width <= inner + 1e-3,
                    "{} wider than {inner}",
                    line.text
                );
            }
        }
        // A one-word row is as tall as its symbol with a gap above and below.
        let (_, symbol) = symbol_size(
            super::super::types::Shape::Terminator,
            columns.symbol_width,
            0,
            10.0,
        );
        assert_eq!(
            rows[0].height,
            symbol + 2.0 * Config::default().table.symbol_gap
        );
    }

    #[test]
    fn a_labelled_decision_reserves_room_for_its_labels_under_the_symbol() {
        let sop = crate::SopBuilder::new()
            .actor("a", "A")
            .activity("Mulai", "a", |x| x.id("1"))
            .activity("Periksa", "a", |x| {
                x.id("2")
                    .kind(crate::Kind::Decision)
                    .branch("3", "Lengkap sekali dan benar sekali")
                    .branch("1", "Tidak lengkap")
            })
            .activity("Selesai", "a", |x| x.id("3"))
            .build();
        let (rows, _, _) = measured(&sop);
        assert!(rows[1].label_room > 0.0);
        assert_eq!(rows[0].label_room, 0.0);
        assert!(rows[1].height > rows[0].height);
    }
}
