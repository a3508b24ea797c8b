//! Phase 2a, content: what each text column holds, measured unwrapped,
//! so that the columns phase can size the columns the way a browser sizes
//! an automatic table. For each text column its minimum width (its
//! longest word, its header's longest word) and its preferred width (its
//! longest paragraph set on one line); for a sample of rows the widths of
//! their paragraphs, from which the columns phase estimates how tall a row
//! becomes at any column width.
//!
//! In: the procedure, the printed words, the [`TypeScale`]. Out:
//! [`ContentWidths`].

use super::dims::{shape_of, symbol_size};
use super::type_scale::TypeScale;
use crate::config::{TableConfig, Words};
use crate::procedure::{Procedure, Step};
use crate::text::wrap::ItemMark;
use crate::text::{Font, TextMeasurer, item_marker, list_marks, normalise};

/// The text columns, in the order of [`ContentWidths::columns`]:
/// Kegiatan, Kelengkapan, Waktu, Output, Keterangan.
pub(crate) const TEXT_COLUMNS: usize = 5;

/// Rows measured for the row-height estimate: every row of a real SOP,
/// an even sample of a generated giant.
const SAMPLE_ROWS: usize = 400;

/// The widths one text column's content asks for (text only, no padding).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct ColumnNeed {
    /// The longest word of the column and of its header.
    pub min: f32,
    /// The longest paragraph of the column on one line (at least `min`).
    pub preferred: f32,
}

/// One paragraph of a cell: its width on one line and the hanging indent
/// of its continuation lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Paragraph {
    /// Width of the whole paragraph on one line.
    pub width: f32,
    /// Indent of continuation lines (list items).
    pub indent: f32,
}

/// A sampled row: the paragraphs of each text column.
#[derive(Debug, Clone, Default)]
pub(crate) struct RowContent {
    /// Paragraphs per text column.
    pub columns: [Vec<Paragraph>; TEXT_COLUMNS],
    /// The widest word of each text column (with its indent).
    pub words: [f32; TEXT_COLUMNS],
    /// The row's height without text: its symbol with the gaps around it.
    pub floor: f32,
}

/// What the text columns hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContentWidths {
    /// Minimum and preferred width of each text column.
    pub columns: [ColumnNeed; TEXT_COLUMNS],
    /// The sampled rows.
    pub rows: Vec<RowContent>,
    /// Width of the "No" column's content: its header, the last number.
    pub number: f32,
}

impl ContentWidths {
    /// Estimated lines of text of `row` with the given inner widths of the
    /// text columns: each paragraph's one-line width over the column's
    /// width, with a tenth more for the room word wrapping wastes and half
    /// a line for the last line's rest; not rounded, so that every point of
    /// width shows in the estimate.
    pub fn lines(row: &RowContent, inner: &[f32; TEXT_COLUMNS]) -> f32 {
        row.columns
            .iter()
            .zip(inner)
            .map(|(paragraphs, &width)| {
                paragraphs
                    .iter()
                    .map(|p| {
                        let room = (width - p.indent).max(1.0);
                        (p.width * 1.1 / room + 0.5).max(1.0)
                    })
                    .sum::<f32>()
            })
            .fold(1.0, f32::max)
    }
}

/// Measures what each text column holds.
pub(crate) fn content_widths(
    procedure: &Procedure,
    words: &Words,
    table: &TableConfig,
    scale: &TypeScale,
    measurer: &dyn TextMeasurer,
) -> ContentWidths {
    let steps = &procedure.steps;
    let stride = steps.len().div_ceil(SAMPLE_ROWS).max(1);
    let mut content = ContentWidths::default();
    let headers = [
        &words.activity,
        &words.requirements,
        &words.time,
        &words.output,
        &words.notes,
    ];
    for (need, header) in content.columns.iter_mut().zip(headers) {
        need.min = longest_word(header, scale.header, measurer);
    }
    for step in steps.iter().step_by(stride) {
        let mut row = row_content(step, scale.body, measurer);
        let (_, symbol) = symbol_size(shape_of(step.kind), table.symbol_width, 0, scale.label_line);
        row.floor = symbol + 2.0 * scale.symbol_gap;
        for (need, paragraphs) in content.columns.iter_mut().zip(&row.columns) {
            for p in paragraphs {
                need.preferred = need.preferred.max(p.width);
            }
        }
        for (need, paragraphs) in content.columns.iter_mut().zip(&row.words) {
            need.min = need.min.max(*paragraphs);
        }
        content.rows.push(row);
    }
    for need in &mut content.columns {
        need.preferred = need.preferred.max(need.min);
    }
    content.number = longest_word(&words.number, scale.header, measurer)
        .max(measurer.width(&steps.len().to_string(), scale.body));
    content
}

/// The paragraphs of each text column of `step`, and its widest words.
fn row_content(step: &Step, font: Font, measurer: &dyn TextMeasurer) -> RowContent {
    let paragraphs = |text: &str, words: &mut f32| -> Vec<Paragraph> {
        let text = normalise(text);
        *words = words.max(longest_word(&text, font, measurer));
        text.split('\n')
            .map(|p| Paragraph {
                width: measurer.width(p, font),
                indent: 0.0,
            })
            .collect()
    };
    let mut words = [0.0f32; TEXT_COLUMNS];
    let [w_text, w_requirements, w_time, w_output, w_notes] = &mut words;
    let text = paragraphs(&step.text, w_text);
    let marks = list_marks(&step.requirements);
    let requirements = match marks[..] {
        [ItemMark::Plain] => paragraphs(&step.requirements[0], w_requirements),
        _ => step
            .requirements
            .iter()
            .zip(marks)
            .map(|(item, mark)| {
                let indent = measurer.width(&item_marker(mark), font);
                let item = normalise(item).replace('\n', " ");
                *w_requirements = w_requirements.max(indent + longest_word(&item, font, measurer));
                Paragraph {
                    width: indent + measurer.width(&item, font),
                    indent,
                }
            })
            .collect(),
    };
    let one = |t: &Option<String>, words: &mut f32| {
        t.as_deref()
            .map(|t| paragraphs(t, words))
            .unwrap_or_default()
    };
    RowContent {
        columns: [
            text,
            requirements,
            one(&step.time, w_time),
            one(&step.output, w_output),
            one(&step.notes, w_notes),
        ],
        words,
        floor: 0.0,
    }
}

/// Width of the longest word of `text`; a word breaks after a slash
/// ("Persyaratan/" "Perlengkapan"), as the wrapping does.
fn longest_word(text: &str, font: Font, measurer: &dyn TextMeasurer) -> f32 {
    text.split_whitespace()
        .flat_map(|w| w.split_inclusive('/'))
        .map(|w| measurer.width(w, font))
        .fold(0.0, f32::max)
}
