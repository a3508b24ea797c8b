//! Phase 4b, overflow: rows taller than a page body. Such a row keeps on
//! its page the lines that fit there beside its symbol, with the connector
//! bands the row alone may need; it ends its page, and the rest of its
//! text goes on on pages of its own right after it, under the repeated
//! header, as a table row continues in a word processor. No page is ever
//! taller than its paper.
//!
//! In: the measured rows (phase 3), the flows' connector lanes and the
//! [`PageFrame`]. Out: the rows cut to fit, and a [`Continuation`] per cut
//! row; later, in phase 7, the continuation pages themselves.

use super::dims::{CONNECTOR_ROW, CONNECTORS_PER_LANE};
use super::frame::PageFrame;
use super::measure::{MeasuredRow, RowTexts};
use super::place::body_cells;
use super::table::Table;
use super::types::{Page, Row};
use crate::error::{Code, Diagnostic};
use crate::geom::Rect;
use crate::procedure::Procedure;

/// The rest of a row taller than a page body.
#[derive(Debug, Clone)]
pub(crate) struct Continuation {
    /// The activity continued.
    pub step: usize,
    /// The texts of each continuation page, in order.
    pub parts: Vec<RowTexts>,
}

/// Cuts every row taller than the page body down to what its page holds
/// and returns the rest of each, with a warning naming the row.
pub(crate) fn split_tall_rows(
    procedure: &Procedure,
    measured: &mut [MeasuredRow],
    connector_lanes: &[(usize, usize)],
    frame: &PageFrame,
    (padding, line): (f32, f32),
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Continuation> {
    let body = frame.body_height();
    let lines_in = |height: f32| (((height - 2.0 * padding) / line).floor() as usize).max(1);
    let per_page = lines_in(body);
    let bands = alone_band_rows(procedure, connector_lanes);
    let mut continuations = Vec::new();
    for (i, row) in measured.iter_mut().enumerate() {
        let room = body - bands[i] as f32 * CONNECTOR_ROW;
        if row.height <= room + 0.01 {
            continue;
        }
        let keep = lines_in(room);
        let longest = row.cells.iter().map(|(_, l, _)| l.len()).max().unwrap_or(0);
        if longest <= keep {
            // Its symbol, not its text, makes the row this tall: nothing
            // to carry over (its page grows, and says so).
            continue;
        }
        let count = (longest - keep).div_ceil(per_page);
        let mut parts: Vec<RowTexts> = vec![Vec::new(); count];
        for (column, lines, align) in &mut row.cells {
            let rest = lines.split_off(keep.min(lines.len()));
            if *column == super::types::ColumnKind::Number {
                // Each continuation repeats the row's number.
                for part in &mut parts {
                    part.push((*column, lines.clone(), *align));
                }
                continue;
            }
            for (part, chunk) in parts.iter_mut().zip(rest.chunks(per_page)) {
                part.push((*column, chunk.to_vec(), *align));
            }
        }
        let height = row.height;
        row.height = row.min_height.max(padding * 2.0 + keep as f32 * line);
        let step = &procedure.steps[i];
        warnings.push(
            Diagnostic::warning(
                Code::RowTallerThanPage,
                format!("/activities/{i}"),
                format!(
                    "baris setinggi {height:.0} pt tidak muat di satu halaman ({body:.0} pt); teksnya berlanjut di {count} halaman berikutnya"
                ),
            )
            .at_activity(i + 1, &step.id),
        );
        continuations.push(Continuation { step: i, parts });
    }
    continuations
}

/// For each row, the band rows of off-page connectors it needs on a page
/// of its own: every flow to or from another row is cut.
fn alone_band_rows(procedure: &Procedure, connector_lanes: &[(usize, usize)]) -> Vec<usize> {
    let lanes = procedure.lanes.len();
    let steps = procedure.steps.len();
    let mut out = vec![vec![0usize; lanes]; steps];
    let mut into = vec![vec![0usize; lanes]; steps];
    for (flow, &(from_lane, to_lane)) in procedure.flows.iter().zip(connector_lanes) {
        if flow.from == flow.to {
            continue;
        }
        if let Some(c) = out[flow.from].get_mut(from_lane) {
            *c += 1;
        }
        if let Some(c) = into[flow.to].get_mut(to_lane) {
            *c += 1;
        }
    }
    let rows = |counts: &[usize]| {
        counts
            .iter()
            .max()
            .map_or(0, |&c| c.div_ceil(CONNECTORS_PER_LANE))
    };
    out.iter()
        .zip(&into)
        .map(|(o, i)| rows(o) + rows(i))
        .collect()
}

/// One continuation page: the header (when pages repeat it), the rest of
/// the row's texts in one row of the table, with its lanes empty, and the
/// footer.
pub(crate) fn continuation_page(
    table: &Table<'_>,
    step: usize,
    texts: RowTexts,
    (number, count): (usize, usize),
) -> Page {
    let frame = &table.frame;
    let top = frame.top();
    let header = table.repeat_header;
    let body_top = top + if header { frame.header_height } else { 0.0 };
    let lines = texts.iter().map(|(_, l, _)| l.len()).max().unwrap_or(1);
    let height = table.scale.block(lines, table.scale.body_line);
    let cells = body_cells(table, texts, body_top, height).collect();
    let size = frame.area.paper;
    let footer = table.footer((number, count), size.height);
    Page {
        number,
        size,
        table: Rect::new(
            table.columns.table_x,
            top,
            table.columns.table_width,
            body_top + height - top,
        ),
        header,
        rows: vec![Row {
            step,
            id: table.procedure.steps[step].id.clone(),
            y: body_top,
            height,
            continued: true,
        }],
        bands: Vec::new(),
        cells,
        symbols: Vec::new(),
        connectors: Vec::new(),
        flows: Vec::new(),
        joints: Vec::new(),
        footer,
    }
}
