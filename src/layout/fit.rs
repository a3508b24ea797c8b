//! Phases 2 to 6 for given lane tracks: column widths, texts and row
//! heights, the page frame, tall rows, page breaks and the plan of each
//! page. The driver runs them again with more tracks when the arrows of
//! the drawn pages need more than the pre-pass foresaw.

use super::branch_labels::{self, BranchLabel};
use super::columns::{self, Columns, TooWide};
use super::content::ContentWidths;
use super::footer::{self, FooterSpec};
use super::frame::{PageFrame, PrintArea};
use super::header::{self, Header};
use super::measure::{self, MeasureInput, MeasuredRow};
use super::overflow::{self, Continuation};
use super::paginate;
use super::plan::{self, Plan};
use super::type_scale::TypeScale;
use crate::config::Config;
use crate::error::Diagnostic;
use crate::procedure::Procedure;
use crate::text::TextMeasurer;

/// What phases 2 to 6 fix for the pages.
pub(crate) struct Fitted {
    /// Column widths and lane geometry.
    pub columns: Columns,
    /// The label of each flow.
    pub labels: Vec<Option<BranchLabel>>,
    /// Wrapped texts and heights of every row.
    pub measured: Vec<MeasuredRow>,
    /// The repeated table header.
    pub header: Header,
    /// Paper, margins, header and footer heights.
    pub frame: PageFrame,
    /// The pages of rows taller than a page.
    pub continuations: Vec<Continuation>,
    /// Each page's rows, arrows and connector pairs.
    pub plan: Plan,
    /// What measuring and splitting rows warned of.
    pub warnings: Vec<Diagnostic>,
}

/// The shared inputs of phases 2 to 6.
pub(crate) struct FitContext<'a> {
    pub procedure: &'a Procedure,
    pub config: &'a Config,
    pub measurer: &'a dyn TextMeasurer,
    pub scale: &'a TypeScale,
    pub area: &'a PrintArea,
    pub content: &'a ContentWidths,
    /// The width each lane's branch labels need beside a bottom stub.
    pub label_widths: Vec<f32>,
    /// The width each lane's decision labels need beside a side vertex.
    pub side_label_widths: Vec<f32>,
}

impl<'a> FitContext<'a> {
    /// This context with each lane in `lanes` sized for its decisions'
    /// labels beside a side vertex too; `None` when every such lane
    /// already is as wide as that (up to the widest lane) in `columns`,
    /// or when the paper has no room to make any of them wider for
    /// `tracks` (a squeezed table: drawing again would change nothing).
    pub fn with_side_labels(
        &self,
        lanes: &[bool],
        columns: &Columns,
        tracks: &[usize],
    ) -> Option<FitContext<'a>> {
        let narrow = |lane: usize| {
            lanes[lane] && columns.lanes[lane].1 + 0.01 < self.side_label_widths[lane]
        };
        if !(0..lanes.len()).any(narrow) {
            return None;
        }
        let roomier = FitContext {
            label_widths: (0..lanes.len())
                .map(|lane| {
                    let side = if lanes[lane] {
                        self.side_label_widths[lane]
                    } else {
                        0.0
                    };
                    self.label_widths[lane].max(side)
                })
                .collect(),
            side_label_widths: self.side_label_widths.clone(),
            ..*self
        };
        let wider = roomier.columns(tracks).ok()?;
        (0..lanes.len())
            .any(|lane| lanes[lane] && wider.lanes[lane].1 > columns.lanes[lane].1 + 0.01)
            .then_some(roomier)
    }

    /// Phase 2 alone: the column widths for `tracks`.
    fn columns(&self, tracks: &[usize]) -> Result<Columns, TooWide> {
        columns::fit(&columns::FitInput {
            tracks,
            label_widths: &self.label_widths,
            content: self.content,
            table: &self.config.table,
            area: self.area,
            body_line: self.scale.body_line,
        })
    }

    /// Phases 2 to 6 with `tracks` channel tracks on each lane's busier side.
    pub fn fit(&self, tracks: &[usize]) -> Result<Fitted, TooWide> {
        let FitContext {
            procedure,
            config,
            measurer,
            scale,
            area,
            ..
        } = *self;
        let mut warnings = Vec::new();
        // 2. Column widths.
        let columns = self.columns(tracks)?;

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
                scale,
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
            scale,
            measurer,
            area.content.y,
        );
        let footer = FooterSpec {
            shown: config.page.footer,
            identity: &procedure.identity,
            words: &config.words,
        };
        let frame = PageFrame {
            area: *area,
            header_height: header.height,
            footer_height: footer::footer_height(&footer, &columns, scale, measurer),
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
        let ranges = paginate::paginate_procedure(
            procedure,
            &heights,
            &ends_page,
            &connector_lanes,
            &frame,
            config.page.breaks,
        );
        let plan = plan::plan(
            procedure,
            ranges,
            &connector_lanes,
            config.page.connector_labels,
        );
        Ok(Fitted {
            columns,
            labels,
            measured,
            header,
            frame,
            continuations,
            plan,
            warnings,
        })
    }
}
