//! The layout engine: a validated [`Procedure`] in, pure geometry out.
//!
//! A fixed pipeline of phases, each a module with one job whose inputs
//! and outputs are named types, run in this order by [`layout_with`]:
//!
//! ```text
//! 1. route::lane_tracks      tracks each lane needs (routing pre-pass, page-sized windows)
//! 2. content, columns::fit   what the text columns hold; column widths within
//!                            the print area (or the table is refused)
//! 3. measure::measure_rows   wrapped texts and row heights
//! 4. header, footer          the repeated header and the footer → PageFrame
//!    overflow                a row taller than a page keeps what fits; the
//!                            rest of its text goes on on pages of its own
//! 5. paginate                page breaks
//! 6. plan                    rows, arrows and connector pairs of each page
//! 7. per page:
//!    a. place                rows, cells, symbols, connectors
//!    b. route::route         arrow topology and channel tracks
//!    c. flows                arrows as points
//!       untangle             b and c again with other route variants for
//!                            arrows that cross, while crossings drop
//!    d. labels               branch labels; arrows whose side label found
//!                            no place go back to b through the bottom, once
//!    then the continuation pages of cut rows
//! 8. quality                 crossings, bends, length
//! +  identity_sheet          the Identitas SOP pages (before 7: they are
//!                            counted in the page numbers)
//! ```
//!
//! Shared sizes live in `dims`, the page frame in `frame`, the fonts in
//! `type_scale`. [`verify`] checks the invariants of the result.

mod branch_labels;
mod columns;
mod content;
mod dims;
mod flows;
mod footer;
mod frame;
mod header;
mod identity_sheet;
mod index;
mod json;
mod labels;
mod marks;
mod measure;
mod overflow;
mod paginate;
mod place;
mod plan;
mod quality;
mod route;
mod table;
mod table_lines;
mod table_pages;
mod text_cells;
mod type_scale;
mod types;
mod untangle;
mod verify;

pub use crate::geom::{Point, Rect, Size};
pub use crate::text::{Font, FontMeasurer, TextMeasurer};
pub use json::write_json;
pub use marks::{Mark, MarkKind, MarkShape, MarkSpec, change_marks};
pub use table_pages::{Grid, GridColumn, grid_pages, grid_pages_with, page_label, table_pages};
pub use types::*;
pub use verify::{Violation, verify};

use crate::config::Config;
use crate::error::{Code, Diagnostic, Diagnostics, Error};
use crate::model::Identity;
use crate::procedure::Procedure;
use footer::FooterSpec;
use frame::{PageFrame, PrintArea};
use measure::MeasureInput;
use table::Table;
use type_scale::TypeScale;

/// Lays out `procedure` with the bundled font (this thread's cached
/// measurer, see [`FontMeasurer::with_thread_local`]).
///
/// # Errors
///
/// [`Error::Invalid`] with a [`Code::TableTooWide`] diagnostic when the
/// table cannot fit the paper's width even with every column at its
/// narrowest (a wider paper or fewer performers is needed). The paper is
/// never widened.
pub fn layout(procedure: &Procedure, config: &Config) -> Result<Layout, Error> {
    FontMeasurer::with_thread_local(|measurer| layout_with(procedure, config, measurer))
}

/// Lays out `procedure` like [`layout`], the pages (phase 7) on up to
/// `threads` threads, each with its own cached measurer: the same layout,
/// bit for bit, sooner on several cores.
///
/// # Errors
///
/// As [`layout`].
pub fn layout_on_threads(
    procedure: &Procedure,
    config: &Config,
    threads: usize,
) -> Result<Layout, Error> {
    FontMeasurer::with_thread_local(|measurer| lay_out(procedure, config, measurer, threads))
}

/// Lays out `procedure`, measuring text with `measurer`.
///
/// # Errors
///
/// As [`layout`].
pub fn layout_with(
    procedure: &Procedure,
    config: &Config,
    measurer: &dyn TextMeasurer,
) -> Result<Layout, Error> {
    lay_out(procedure, config, measurer, 1)
}

/// The pipeline; phase 7 on up to `threads` threads (here when 1).
fn lay_out(
    procedure: &Procedure,
    config: &Config,
    measurer: &dyn TextMeasurer,
    threads: usize,
) -> Result<Layout, Error> {
    let mut warnings = Vec::new();
    let scale = TypeScale::new(config, measurer);
    let area = PrintArea::of(&config.page);

    // 1-2. Lane tracks, what the text columns hold, then column widths.
    let tracks = route::lane_tracks(procedure, 2 * rows_per_page(&area, &config.table, &scale));
    let content =
        content::content_widths(procedure, &config.words, &config.table, &scale, measurer);
    let columns = columns::fit(&columns::FitInput {
        tracks: &tracks,
        content: &content,
        table: &config.table,
        area: &area,
        body_line: scale.body_line,
    })
    .map_err(|wide| too_wide(procedure, config, wide))?;
    drop(content);

    // 3. Texts and row heights.
    let labels = branch_labels::branch_labels(
        procedure,
        &config.words,
        columns.symbol_width,
        scale.label,
        measurer,
    );
    let mut measured = measure::measure_rows(
        procedure,
        &MeasureInput {
            columns: &columns,
            scale: &scale,
            symbol_gap: scale.symbol_gap,
            labels: &labels,
        },
        measurer,
        &mut warnings,
    );

    // 4. Header and footer fix the page frame.
    let header = header::header(
        &procedure.lanes,
        &config.table,
        &config.words,
        &columns,
        &scale,
        measurer,
        area.content.y,
    );
    let footer = FooterSpec {
        shown: config.page.footer,
        identity: &procedure.identity,
        words: &config.words,
    };
    let frame = PageFrame {
        area,
        header_height: header.height,
        footer_height: footer::footer_height(&footer, &columns, &scale, measurer),
    };

    // 4b. A row taller than a page keeps what fits; the rest goes on.
    let connector_lanes = plan::connector_lanes(procedure);
    let continuations = overflow::split_tall_rows(
        procedure,
        &mut measured,
        &connector_lanes,
        &frame,
        (scale.padding, scale.body_line),
        &mut warnings,
    );
    let mut ends_page = vec![false; procedure.steps.len()];
    for c in &continuations {
        ends_page[c.step] = true;
    }

    // 5-6. Page breaks, then each page's rows, arrows and connectors.
    let heights: Vec<f32> = measured.iter().map(|m| m.height).collect();
    let ranges =
        paginate::paginate_procedure(procedure, &heights, &ends_page, &connector_lanes, &frame);
    let plan = plan::plan(
        procedure,
        ranges,
        &connector_lanes,
        config.page.connector_labels,
    );
    let numbers = PageNumbers::new(&plan, &continuations);
    // The identity sheet goes first: its pages count in the page numbers.
    let identity = if config.identity_sheet && procedure.identity != Identity::default() {
        identity_sheet::lay_out_identity_sheet(
            &procedure.identity,
            &config.words,
            &area,
            &scale,
            measurer,
        )
    } else {
        Vec::new()
    };
    let pages_before = if config.page.numbering == crate::config::PageNumbering::Document {
        identity.len()
    } else {
        0
    };
    // 7. Each page: place, route, flows, labels.
    let table = Table {
        procedure,
        measurer,
        frame,
        columns: &columns,
        scale,
        labels: &labels,
        footer,
        repeat_header: config.page.repeat_header,
        pages_before,
    };
    let pages = pages_on_threads(&table, &plan, &numbers, &mut measured, threads);
    let pages = with_continuations(&table, pages, continuations, numbers.total);
    warn_grown_pages(procedure, &pages, &frame, &mut warnings);

    // 8. Quality figures.
    let metrics = quality::figures(&pages, plan.pairs.len());
    Ok(Layout {
        title: document_title(&procedure.identity),
        language: config.words.language.clone(),
        lane_actors: procedure.lanes.iter().map(|l| l.id.clone()).collect(),
        lanes_span: table.lanes_span(),
        columns: columns.list,
        header: header.cells,
        header_height: header.height,
        identity,
        pages,
        metrics,
        warnings,
    })
}

/// The number of each planned page and the count of all, continuation
/// pages included.
struct PageNumbers {
    /// 1-based number of each planned page.
    numbers: Vec<usize>,
    /// Every flowchart page.
    total: usize,
}

impl PageNumbers {
    fn new(plan: &plan::Plan, continuations: &[overflow::Continuation]) -> Self {
        let mut rest = continuations.iter().peekable();
        let mut next = 1;
        let numbers = plan
            .pages
            .iter()
            .map(|range| {
                let number = next;
                next += 1;
                if let Some(c) = rest.next_if(|c| range.end == c.step + 1) {
                    next += c.parts.len();
                }
                number
            })
            .collect();
        Self {
            numbers,
            total: next - 1,
        }
    }
}

/// The flowchart pages with the continuation pages of cut rows after the
/// page each ends.
fn with_continuations(
    table: &Table<'_>,
    pages: Vec<Page>,
    continuations: Vec<overflow::Continuation>,
    total: usize,
) -> Vec<Page> {
    if continuations.is_empty() {
        return pages;
    }
    let mut rest = continuations.into_iter().peekable();
    let mut all = Vec::with_capacity(total);
    for page in pages {
        let (number, last) = (page.number, page.rows.last().map(|r| r.step));
        all.push(page);
        if let Some(c) = rest.next_if(|c| Some(c.step) == last) {
            for (k, texts) in c.parts.into_iter().enumerate() {
                all.push(overflow::continuation_page(
                    table,
                    c.step,
                    texts,
                    (number + 1 + k, total),
                ));
            }
        }
    }
    all
}

/// Names the tallest row of every page that grew past its paper and whose
/// rows no warning names yet: a row whose symbol alone is taller than a
/// page body with the connector bands its page needs.
fn warn_grown_pages(
    procedure: &Procedure,
    pages: &[Page],
    frame: &PageFrame,
    warnings: &mut Vec<Diagnostic>,
) {
    let warned: std::collections::BTreeSet<usize> = warnings
        .iter()
        .filter(|w| w.code == Code::RowTallerThanPage)
        .filter_map(|w| w.activity.as_ref().map(|a| a.number - 1))
        .collect();
    for page in pages {
        if page.size.height <= frame.area.paper.height + 0.01
            || page.rows.iter().any(|r| warned.contains(&r.step))
        {
            continue;
        }
        let Some(row) = page
            .rows
            .iter()
            .max_by(|a, b| a.height.total_cmp(&b.height))
        else {
            continue;
        };
        warnings.push(
            Diagnostic::warning(
                Code::RowTallerThanPage,
                format!("/activities/{}", row.step),
                format!(
                    "baris setinggi {:.0} pt dengan konektor antarhalamannya tidak muat di satu halaman ({:.0} pt); halamannya diperpanjang",
                    row.height,
                    frame.body_height()
                ),
            )
            .at_activity(row.step + 1, &procedure.steps[row.step].id),
        );
    }
}

/// The most rows a page can hold: its height over the shortest row (a
/// process box with its gaps).
fn rows_per_page(area: &PrintArea, table: &crate::config::TableConfig, scale: &TypeScale) -> usize {
    let (_, symbol) = dims::symbol_size(
        types::Shape::Process,
        table.symbol_width,
        0,
        scale.label_line,
    );
    let row = (symbol + 2.0 * scale.symbol_gap).max(1.0);
    (area.content.height / row).ceil() as usize + 1
}

/// The refusal of a table wider than its paper: the paper, the width
/// needed and what would help.
fn too_wide(procedure: &Procedure, config: &Config, wide: columns::TooWide) -> Error {
    use crate::config::Paper;
    let paper = config.page.describe();
    let performers = procedure.lanes.len();
    let wider: Vec<String> = [Paper::A4, Paper::Letter, Paper::F4, Paper::Legal]
        .into_iter()
        .map(|paper| crate::config::PageConfig {
            paper,
            landscape: true,
            ..config.page.clone()
        })
        .filter(|page| PrintArea::of(page).content.width >= wide.needed)
        .map(|page| page.describe())
        .collect();
    let choice = if wider.is_empty() {
        "tidak ada kertas baku yang cukup lebar: kurangi pelaksana (gabungkan peran yang serupa) atau pecah SOP".to_owned()
    } else {
        format!(
            "pilih kertas yang lebih lebar ({}) atau kurangi pelaksana",
            wider.join(", ")
        )
    };
    Error::Invalid(Diagnostics(vec![Diagnostic::error(
        Code::TableTooWide,
        "/actors",
        format!(
            "tabel dengan {performers} pelaksana memerlukan lebar {:.0} pt, kertas {paper} hanya menyediakan {:.0} pt di antara margin; {choice}",
            wide.needed.ceil(),
            wide.available.floor()
        ),
    )]))
}

/// Phase 7 for pages `range`: place, route, flows, labels. `measured`
/// holds the rows from `first_row` on.
fn lay_out_pages(
    table: &Table<'_>,
    (plan, numbers): (&plan::Plan, &PageNumbers),
    (measured, first_row): (&mut [measure::MeasuredRow], usize),
    range: std::ops::Range<usize>,
) -> Vec<Page> {
    let pairs = &plan.pairs;
    let mut pages: Vec<Page> = Vec::with_capacity(range.len());
    for p in range {
        let mut page_plan = plan.page(table.procedure, p);
        let (mut page, boxes) = place::place_page(
            table,
            (&mut *measured, first_row),
            &page_plan,
            pairs,
            (numbers.numbers[p], numbers.total),
        );
        page.flows = untangle::untangled_flows(table, &mut page_plan, &boxes, pairs);
        let failed = labels::place_labels(table, &mut page, &page_plan);
        if !failed.is_empty() {
            for f in failed {
                page_plan.flows[f].bottom_only = true;
            }
            page.flows = untangle::untangled_flows(table, &mut page_plan, &boxes, pairs);
            labels::place_labels(table, &mut page, &page_plan);
        }
        page.cells.shrink_to_fit();
        page.symbols.shrink_to_fit();
        page.flows.shrink_to_fit();
        pages.push(page);
    }
    pages
}

/// Phase 7 split into consecutive runs of pages, one per thread, each
/// measuring with its own thread's cached measurer; joined in page order.
fn pages_on_threads(
    table: &Table<'_>,
    plan: &plan::Plan,
    numbers: &PageNumbers,
    measured: &mut [measure::MeasuredRow],
    threads: usize,
) -> Vec<Page> {
    let count = plan.pages.len();
    let per_thread = count.div_ceil(threads).max(1);
    if threads <= 1 || count < 2 {
        return lay_out_pages(table, (plan, numbers), (measured, 0), 0..count);
    }
    std::thread::scope(|scope| {
        let mut rest = measured;
        let mut first_row = 0;
        let mut workers = Vec::new();
        for start in (0..count).step_by(per_thread) {
            let end = (start + per_thread).min(count);
            let rows_end = plan.pages[end - 1].end;
            let (mine, others) = std::mem::take(&mut rest).split_at_mut(rows_end - first_row);
            rest = others;
            let offset = first_row;
            first_row = rows_end;
            let shared = *table;
            workers.push(scope.spawn(move || {
                FontMeasurer::with_thread_local(|measurer| {
                    let table = Table { measurer, ..shared };
                    lay_out_pages(&table, (plan, numbers), (mine, offset), start..end)
                })
            }));
        }
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The title a document is known by: its name, else its number, else "SOP".
fn document_title(identity: &Identity) -> String {
    identity
        .name
        .clone()
        .or_else(|| identity.number.clone())
        .unwrap_or_else(|| "SOP".to_owned())
}
