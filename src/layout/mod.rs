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
//!    e. renumber             two connectors side by side at a page's foot
//!                            trade arrows (and numbers) where that draws
//!                            fewer crossings on their pages: a-d again there
//!    then the continuation pages of cut rows
//!    fit, pages              when the arrows of some page took more tracks
//!                            in a lane than it holds 4 pt apart, and the
//!                            paper has the room: 2-6 again for those tracks
//!                            (and the default routes of the new pages), then
//!                            7 again, untangling within each channel's room;
//!                            a table still short warns (lanes squeezed)
//! 8. quality                 crossings, bends, length
//! +  identity_sheet          the Identitas SOP pages (before 7: they are
//!                            counted in the page numbers)
//! ```
//!
//! Shared sizes live in `dims`, the page frame in `frame`, the fonts in
//! `type_scale`. [`verify`] checks the invariants of the result.

mod beside_jogs;
mod branch_labels;
mod columns;
mod content;
mod dims;
mod fit;
mod flows;
mod footer;
mod frame;
mod head_rows;
mod header;
mod identity_sheet;
mod index;
mod json;
mod label_exits;
mod labels;
mod marks;
mod measure;
mod numbering;
mod overflow;
mod pages;
mod paginate;
mod place;
mod plan;
mod quality;
mod renumber;
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

    // 1-6. Lane tracks, then columns, rows, frame, page breaks and plan.
    let tracks = route::lane_tracks(procedure, 2 * rows_per_page(&area, &config.table, &scale));
    let content =
        content::content_widths(procedure, &config.words, &config.table, &scale, measurer);
    let context = fit::FitContext {
        procedure,
        config,
        measurer,
        scale: &scale,
        area: &area,
        content: &content,
        label_widths: branch_labels::label_lane_widths(
            procedure,
            &config.words,
            scale.label,
            measurer,
        ),
        side_label_widths: branch_labels::side_label_widths(
            procedure,
            &config.words,
            config.table.symbol_width,
            scale.label,
            measurer,
        ),
    };
    // Where the paper cannot give every lane the tracks it foresees, even
    // squeezed, each lane takes fewer, down to one (and the layout warns).
    let fitted = context.fit(&tracks).or_else(|wide| {
        let most = tracks.iter().copied().max().unwrap_or(0);
        (1..most)
            .rev()
            .find_map(|cap| {
                let capped: Vec<usize> = tracks.iter().map(|&t| t.min(cap)).collect();
                context.fit(&capped).ok()
            })
            .ok_or(wide)
    });
    let mut fitted = fitted.map_err(|wide| too_wide(procedure, config, wide))?;
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

    // 7. Each page: place, route, flows, labels; once more with wider
    // lanes when the arrows of a page crowd a lane's channel, or when a
    // decision's outcome found no room for its label beside a side
    // vertex and, moved to another exit, crossed arrows. With the breaks
    // for the fewest pages, lanes widened for labels are kept only when
    // they print on no more pages (else the lanes widen for the crowded
    // channels alone, if any).
    let mut drawn = draw(&context, &mut fitted, (pages_before, false), threads);
    let roomier = context.with_side_labels(&drawn.label_room, &fitted.columns, &tracks);
    let crowding = crowded(&fitted.columns, &drawn.tracks, &tracks);
    let fewest_pages = config.page.breaks == crate::config::PageBreaks::FewestPages;
    // Each refit: its context, the tracks it needs, whether it widens
    // lanes for labels.
    let mut attempts: Vec<(&fit::FitContext<'_>, Vec<usize>, bool)> = Vec::new();
    if let Some(roomier) = &roomier {
        attempts.push((
            roomier,
            crowding.clone().unwrap_or_else(|| tracks.clone()),
            true,
        ));
    }
    if let Some(crowding) = crowding
        && (roomier.is_none() || fewest_pages)
    {
        attempts.push((&context, crowding, false));
    }
    let pages_now = drawn.pages.len();
    for (context, needed, for_labels) in attempts {
        let Some(mut wider) = widened(context, needed) else {
            continue;
        };
        let again = draw(context, &mut wider, (pages_before, true), threads);
        if !(fewest_pages && for_labels && again.pages.len() > pages_now) {
            fitted = wider;
            drawn = again;
            break;
        }
    }
    drop(content);
    if (0..procedure.lanes.len())
        .any(|lane| drawn.tracks[lane] > fitted.columns.track_capacity(lane))
    {
        warnings.push(squeezed(procedure, config));
    }
    let fit::Fitted {
        columns,
        header,
        frame,
        plan,
        warnings: fit_warnings,
        ..
    } = fitted;
    warnings.extend(fit_warnings);
    let pages = drawn.pages;
    warn_grown_pages(procedure, &pages, &frame, &mut warnings);
    warn_crowded_labels(procedure, &pages, &mut warnings);

    // 8. Quality figures.
    let metrics = quality::figures(&pages, plan.pairs.len());
    Ok(Layout {
        title: document_title(&procedure.identity),
        language: config.words.language.clone(),
        lane_actors: procedure.lanes.iter().map(|l| l.id.clone()).collect(),
        lanes_span: columns.lanes_span(),
        columns: columns.list,
        header: header.cells,
        header_height: header.height,
        identity,
        pages,
        metrics,
        warnings,
    })
}

/// Phase 7 on the fitted table; `lanes_final` when no wider lanes will
/// follow.
fn draw(
    context: &fit::FitContext<'_>,
    fitted: &mut fit::Fitted,
    (pages_before, lanes_final): (usize, bool),
    threads: usize,
) -> pages::Drawn {
    let config = context.config;
    let table = Table {
        procedure: context.procedure,
        measurer: context.measurer,
        frame: fitted.frame,
        columns: &fitted.columns,
        scale: *context.scale,
        labels: &fitted.labels,
        footer: FooterSpec {
            shown: config.page.footer,
            identity: &context.procedure.identity,
            words: &config.words,
        },
        repeat_header: config.page.repeat_header,
        pages_before,
        lanes_final,
    };
    let continuations = std::mem::take(&mut fitted.continuations);
    pages::draw_pages(
        &table,
        &mut fitted.plan,
        continuations,
        &mut fitted.measured,
        threads,
    )
}

/// The tracks to fit the columns for when the drawn pages took more
/// tracks in some lane than it holds 4 pt apart and than it was fitted
/// for, in a lane the paper gave the room for what it was fitted for (a
/// squeezed lane has no room to grow).
fn crowded(columns: &columns::Columns, used: &[usize], fitted: &[usize]) -> Option<Vec<usize>> {
    let short = (0..used.len()).any(|lane| {
        let holds = columns.track_capacity(lane);
        used[lane] > holds && used[lane] > fitted[lane] && holds >= fitted[lane]
    });
    short.then(|| used.iter().zip(fitted).map(|(u, f)| *u.max(f)).collect())
}

/// Phases 2 to 6 for `needed` tracks, and again (up to [`REFITS`]
/// times) while the default routes of the new pages need more in a lane
/// that has the room; `None` when the table no longer fits.
fn widened(context: &fit::FitContext<'_>, mut needed: Vec<usize>) -> Option<fit::Fitted> {
    let mut fitted = context.fit(&needed).ok()?;
    for _ in 0..REFITS {
        let planned = fitted.plan.tracks(context.procedure);
        let Some(more) = crowded(&fitted.columns, &planned, &needed) else {
            break;
        };
        let Ok(wider) = context.fit(&more) else {
            break;
        };
        (needed, fitted) = (more, wider);
    }
    Some(fitted)
}

/// Times [`widened`] fits the columns again for the default routes.
const REFITS: usize = 2;

/// The warning that some arrows run closer than 4 pt: the lanes are as
/// narrow as the paper makes them.
fn squeezed(procedure: &Procedure, config: &Config) -> Diagnostic {
    Diagnostic::warning(
        Code::LanesSqueezed,
        "/actors",
        format!(
            "{} pelaksana tidak muat di kertas {} dengan jarak 4 pt antargaris alir; sebagian garis berjarak lebih rapat: pilih kertas yang lebih lebar atau kurangi pelaksana",
            procedure.lanes.len(),
            config.page.describe()
        ),
    )
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

/// Names each activity with a branch label that sits nearer another
/// arrow than its own: placed so as a last resort rather than left out
/// (`label_exits.rs`), where no drawing tried has a clear place reading
/// as its own arrow's for every label of the page.
fn warn_crowded_labels(procedure: &Procedure, pages: &[Page], warnings: &mut Vec<Diagnostic>) {
    for page in pages {
        if !page.flows.iter().any(|f| f.label.is_some()) {
            continue;
        }
        let index = index::SegmentIndex::of_page(page, true);
        for (f, flow) in page.flows.iter().enumerate() {
            let Some(label) = &flow.label else {
                continue;
            };
            if labels::reads_as_own(page, &index, f, &label.rect) {
                continue;
            }
            let number = |id: &str| procedure.steps.iter().position(|s| &*s.id == id);
            let (Some(from), Some(to)) = (number(&flow.from), number(&flow.to)) else {
                continue;
            };
            let text: Vec<&str> = label.lines.iter().map(|l| &*l.text).collect();
            let text = text.join(" ");
            warnings.push(
                Diagnostic::warning(
                    Code::LabelCrowded,
                    format!("/activities/{from}"),
                    (
                        format!(
                            "label \"{text}\" pada alur dari kegiatan {} ke kegiatan {} berada lebih dekat ke garis alir lain daripada ke garisnya sendiri (tidak ada tempat lain yang jelas): pilih kertas yang lebih lebar atau persingkat labelnya",
                            from + 1,
                            to + 1
                        ),
                        format!(
                            "label \"{text}\" of the arrow from activity {} to activity {} sits nearer another arrow than its own (no other clear place): choose a wider paper or a shorter label",
                            from + 1,
                            to + 1
                        ),
                    ),
                )
                .at_activity(from + 1, &procedure.steps[from].id),
            );
        }
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

/// The title a document is known by: its name, else its number, else "SOP".
fn document_title(identity: &Identity) -> String {
    identity
        .name
        .clone()
        .or_else(|| identity.number.clone())
        .unwrap_or_else(|| "SOP".to_owned())
}
