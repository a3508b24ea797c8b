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
use measure::{MeasuredRow, Metrics};

/// Lays out `procedure` with the bundled font.
pub fn layout(procedure: &Procedure, config: &Config) -> Layout {
    layout_with(procedure, config, &FontMeasurer::new())
}

/// Lays out `procedure`, measuring text with `measurer`.
pub fn layout_with(procedure: &Procedure, config: &Config, measurer: &dyn TextMeasurer) -> Layout {
    let mut needed: Option<Vec<f32>> = None;
    loop {
        match run(procedure, config, measurer, needed.as_deref()) {
            Ok(layout) => return layout,
            Err(wanted) => needed = Some(wanted),
        }
    }
}

/// One run of the phases with lanes at least `needed` wide. The first run
/// (`needed` unknown) answers the lane widths its tracks need when they
/// exceed the lanes it had; a second run always gives a layout.
fn run(
    procedure: &Procedure,
    config: &Config,
    measurer: &dyn TextMeasurer,
    needed: Option<&[f32]>,
) -> Result<Layout, Vec<f32>> {
    let first_run = needed.is_none();
    let needed = needed.unwrap_or(&[]);
    let lane_count = procedure.lanes.len();
    let mut warnings = Vec::new();
    let columns = columns::fit(lane_count, config, needed, &mut warnings);
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
        measured,
        row_heights: Vec::new(),
        header,
        footer_height,
    };
    ctx.row_heights = (0..procedure.steps.len())
        .map(|i| place::row_height(&ctx, i, &ctx.measured[i]))
        .collect();
    let pages = ctx.paginate(&mut warnings);
    let (plans, pairs) = plan::plan(procedure, &pages, config.page.connector_labels);
    let routes: Vec<route::Routes> = plans
        .iter()
        .map(|p| route::route(&p.rows, &p.flows, lane_count))
        .collect();
    let wanted = lanes_needed(&ctx, &routes);
    let too_narrow = wanted
        .iter()
        .zip(&ctx.columns.lanes)
        .any(|(w, (_, have))| w > have);
    if too_narrow && first_run {
        return Err(wanted);
    }
    let count = plans.len();
    let mut pages: Vec<Page> = plans
        .iter()
        .zip(&routes)
        .enumerate()
        .map(|(p, (plan, routes))| place::place_page(&ctx, plan, routes, &pairs, (p + 1, count)))
        .collect();
    let lanes_span = ctx.lanes_span();
    for (page, plan) in pages.iter_mut().zip(&plans) {
        labels::place_labels(&ctx, page, plan, lanes_span);
    }
    let metrics = metrics::measure(&pages, pairs.len());
    let has_identity = procedure.identity != crate::model::Identity::default();
    let identity = (config.identity_sheet && has_identity)
        .then(|| identity::identity_page(procedure, config, &ctx.metrics, measurer));
    let layout = Layout {
        columns: ctx.columns.list,
        lanes_span,
        identity,
        pages,
        metrics,
        warnings,
    };
    Ok(layout)
}

/// What the phases share.
pub(crate) struct Context<'a> {
    pub procedure: &'a Procedure,
    pub config: &'a Config,
    pub measurer: &'a dyn TextMeasurer,
    pub page_size: Size,
    pub columns: columns::Columns,
    pub metrics: Metrics,
    pub measured: Vec<MeasuredRow>,
    pub row_heights: Vec<f32>,
    pub header: cells::Header,
    pub footer_height: f32,
}

impl Context<'_> {
    fn lanes_span(&self) -> (f32, f32) {
        let first = self.columns.lanes.first().map_or(0.0, |l| l.0);
        let last = self.columns.lanes.last().map_or(0.0, |l| l.0 + l.1);
        (first, last)
    }

    /// Breaks the rows into pages; rows taller than a page body get a warning.
    fn paginate(&self, warnings: &mut Vec<Diagnostic>) -> Vec<std::ops::Range<usize>> {
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
            keep_with_next: &keep_with_next,
            body,
            connector_row: place::CONNECTOR_ROW,
        })
    }
}

/// The width each lane needs for the tracks routed in it.
fn lanes_needed(ctx: &Context<'_>, routes: &[route::Routes]) -> Vec<f32> {
    let lanes = ctx.columns.lanes.len();
    (0..lanes)
        .map(|lane| {
            let tracks = routes
                .iter()
                .map(|r| r.tracks[lane * 2].max(r.tracks[lane * 2 + 1]))
                .max()
                .unwrap_or(0);
            place::lane_width_for(ctx.columns.symbol_width, tracks)
        })
        .collect()
}
