//! The layout engine: a validated [`Procedure`] in, pure geometry out.
//!
//! A fixed pipeline of small phases, each in its own module:
//! [`columns`] (widths) → [`measure`] (wrapping, row heights) →
//! [`paginate`] (page breaks) → [`plan`] (rows, arrows and connectors per
//! page) → [`route`] (orthogonal topology, tracks) → [`place`] (geometry)
//! → [`labels`] (branch labels) → [`metrics`]. [`verify`] checks the
//! invariants of the result. Lanes that need more room for arrow tracks
//! than they were given are widened and the pipeline runs once more.

mod cells;
mod columns;
mod identity;
mod index;
mod labels;
mod measure;
mod metrics;
mod paginate;
mod place;
mod plan;
mod route;
mod types;
pub mod verify;

pub use types::*;
pub use verify::{Violation, verify};

use crate::config::Config;
use crate::error::{Code, Diagnostic};
use crate::geom::Size;
use crate::model::Kind;
use crate::procedure::Procedure;
use crate::text::{FontMeasurer, TextMeasurer};
use measure::Metrics;

/// Lays out `procedure` with the bundled font (this thread's cached
/// measurer, see [`FontMeasurer::with_thread_local`]).
pub fn layout(procedure: &Procedure, config: &Config) -> Layout {
    FontMeasurer::with_thread_local(|measurer| layout_with(procedure, config, measurer))
}

/// Lays out `procedure`, measuring text with `measurer`.
pub fn layout_with(procedure: &Procedure, config: &Config, measurer: &dyn TextMeasurer) -> Layout {
    let lane_count = procedure.lanes.len();
    let mut warnings = Vec::new();
    let tracks = tracks_needed(procedure);
    let columns = columns::fit(lane_count, config, &tracks, &mut warnings);
    let metrics = Metrics::new(config, measurer);
    let measured = measure::measure_rows(procedure, &columns, &metrics, measurer, &mut warnings);
    let header = cells::header(procedure, config, &columns, &metrics, measurer);
    let footer_height = cells::footer_height(procedure, config, &columns, &metrics, measurer);
    let mut ctx = Context {
        procedure,
        config,
        measurer,
        page_size: config.page.size(),
        columns,
        metrics,
        row_heights: Vec::new(),
        header,
        footer_height,
        labelled: labelled_flows(procedure),
    };
    ctx.row_heights = measured
        .iter()
        .enumerate()
        .map(|(i, m)| place::row_height(&ctx, i, m))
        .collect();
    let connector_lanes = plan::connector_lanes(procedure);
    let pages = ctx.paginate(&connector_lanes, &mut warnings);
    let (plans, pairs) = plan::plan(
        procedure,
        &pages,
        &connector_lanes,
        config.page.connector_labels,
    );
    let mut measured = measured;
    let count = plans.len();
    let lanes_span = ctx.lanes_span();
    let mut pages: Vec<Page> = Vec::with_capacity(count);
    for (p, plan) in plans.into_iter().enumerate() {
        let plan = &plan;
        let (mut page, boxes) =
            place::place_page(&ctx, &mut measured, plan, &pairs, (p + 1, count));
        let mut routes = route::route(&plan.rows, &plan.flows, lane_count);
        page.flows = place::place_flows(&ctx, plan, &routes, &boxes, &pairs);
        let failed = labels::place_labels(&ctx, &mut page, plan, lanes_span);
        if !failed.is_empty() {
            let mut flows = plan.flows.clone();
            for f in failed {
                flows[f].bottom_only = true;
            }
            routes = route::route(&plan.rows, &flows, lane_count);
            page.flows = place::place_flows(&ctx, plan, &routes, &boxes, &pairs);
            labels::place_labels(&ctx, &mut page, plan, lanes_span);
        }
        page.cells.shrink_to_fit();
        page.symbols.shrink_to_fit();
        page.flows.shrink_to_fit();
        pages.push(page);
    }
    let metrics = metrics::measure(&pages, pairs.len());
    let has_identity = procedure.identity != crate::model::Identity::default();
    let identity = (config.identity_sheet && has_identity)
        .then(|| identity::identity_page(procedure, config, &ctx.metrics, measurer));
    Layout {
        columns: ctx.columns.list,
        lanes_span,
        header: ctx.header.cells,
        header_height: ctx.header.height,
        identity,
        pages,
        metrics,
        warnings,
    }
}

/// The width each lane needs for its arrow tracks, from a routing pass
/// over the whole procedure as one page (cheap: no text, no geometry).
/// Page breaks only shorten channels, so this is an upper bound but for
/// the connectors a break adds, which the track spacing absorbs.
fn tracks_needed(procedure: &Procedure) -> Vec<usize> {
    let lane_count = procedure.lanes.len();
    let rows: Vec<route::RouteRow> = procedure
        .steps
        .iter()
        .map(|s| route::RouteRow {
            lanes: s.lanes.clone(),
            decision: s.kind == Kind::Decision,
            connector: false,
            slots: Vec::new(),
        })
        .collect();
    let flows: Vec<route::RouteFlow> = procedure
        .flows
        .iter()
        .map(|f| route::RouteFlow::between(f.from, f.to, f.main))
        .collect();
    let routes = route::route(&rows, &flows, lane_count);
    (0..lane_count)
        .map(|lane| routes.tracks[lane * 2].max(routes.tracks[lane * 2 + 1]))
        .collect()
}

/// What the phases share.
pub(crate) struct Context<'a> {
    pub procedure: &'a Procedure,
    pub config: &'a Config,
    pub measurer: &'a dyn TextMeasurer,
    pub page_size: Size,
    pub columns: columns::Columns,
    pub metrics: Metrics,
    pub row_heights: Vec<f32>,
    pub header: cells::Header,
    pub footer_height: f32,
    /// Labelled flows by source step.
    pub labelled: Vec<Vec<usize>>,
}

impl Context<'_> {
    fn lanes_span(&self) -> (f32, f32) {
        let first = self.columns.lanes.first().map_or(0.0, |l| l.0);
        let last = self.columns.lanes.last().map_or(0.0, |l| l.0 + l.1);
        (first, last)
    }

    /// Breaks the rows into pages; rows taller than a page body get a warning.
    fn paginate(
        &self,
        connector_lanes: &[(usize, usize)],
        warnings: &mut Vec<Diagnostic>,
    ) -> Vec<std::ops::Range<usize>> {
        let [top, _, bottom, _] = self.config.page.margins;
        let body = self.page_size.height - top - bottom - self.header.height - self.footer_height;
        let procedure = self.procedure;
        let flows: Vec<(usize, usize)> = procedure.flows.iter().map(|f| (f.from, f.to)).collect();
        let mut keep_with_next = vec![false; procedure.steps.len()];
        for f in &procedure.flows {
            if f.main && procedure.steps[f.from].kind == Kind::Decision && f.to == f.from + 1 {
                keep_with_next[f.from] = true;
            }
        }
        for (i, &h) in self.row_heights.iter().enumerate() {
            if h + 2.0 * place::CONNECTOR_ROW > body {
                let step = &procedure.steps[i];
                warnings.push(
                    Diagnostic::warning(
                        Code::RowTallerThanPage,
                        format!("/activities/{i}"),
                        format!("baris setinggi {h:.0} pt tidak muat di satu halaman ({body:.0} pt); halamannya diperpanjang"),
                    )
                    .at_activity(i + 1, &step.id),
                );
            }
        }
        paginate::paginate(&paginate::PageProblem {
            heights: &self.row_heights,
            flows: &flows,
            connector_lanes,
            lanes: procedure.lanes.len(),
            keep_with_next: &keep_with_next,
            body,
            connector_row: place::CONNECTOR_ROW,
        })
    }
}

/// The labelled flows leaving each step.
fn labelled_flows(procedure: &Procedure) -> Vec<Vec<usize>> {
    let mut by_step = vec![Vec::new(); procedure.steps.len()];
    for (f, flow) in procedure.flows.iter().enumerate() {
        if flow.label.is_some() {
            by_step[flow.from].push(f);
        }
    }
    by_step
}
