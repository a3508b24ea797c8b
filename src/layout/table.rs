//! The measured table every page is cut from: columns, type scale, page
//! frame, branch labels and footer, fixed once phases 1 to 4 have run.
//! The per-page phases (place, flows, labels) read it and nothing else
//! of the configuration.

use super::branch_labels::BranchLabel;
use super::columns::Columns;
use super::footer::FooterSpec;
use super::frame::PageFrame;
use super::type_scale::TypeScale;
use super::types::TextCell;
use crate::procedure::Procedure;
use crate::text::TextMeasurer;

/// What every page shares (all borrowed, so a worker thread makes its
/// own copy with its own measurer).
#[derive(Clone, Copy)]
pub(crate) struct Table<'a> {
    /// The procedure being laid out.
    pub procedure: &'a Procedure,
    /// The text measurer of the whole layout.
    pub measurer: &'a dyn TextMeasurer,
    /// Paper, margins, header and footer heights.
    pub frame: PageFrame,
    /// Column widths and lane geometry.
    pub columns: &'a Columns,
    /// Fonts and padding.
    pub scale: TypeScale,
    /// The label of each flow.
    pub labels: &'a [Option<BranchLabel>],
    /// What the footer prints.
    pub footer: FooterSpec<'a>,
    /// True when every page repeats the table header (else only the first).
    pub repeat_header: bool,
    /// Pages before the first flowchart page in "Halaman x dari y" (1
    /// when the identity sheet is counted, else 0).
    pub pages_before: usize,
    /// True when the lanes are as wide as they will get: untangling then
    /// never crowds a channel past the tracks it holds 4 pt apart (on a
    /// first drawing it may, and the lanes widen for it).
    pub lanes_final: bool,
}

impl Table<'_> {
    /// Centre line of `lane`.
    pub fn axis(&self, lane: usize) -> f32 {
        let (x, w) = self.columns.lanes[lane];
        x + w / 2.0
    }

    /// The footer of flowchart page `number` of `count`, on a page
    /// `page_height` tall, numbered after the pages before the flowchart.
    pub fn footer(&self, (number, count): (usize, usize), page_height: f32) -> Vec<TextCell> {
        super::footer::footer(
            &self.footer,
            self.columns,
            &self.scale,
            self.measurer,
            (number + self.pages_before, count + self.pages_before),
            page_height - self.frame.area.bottom_margin(),
        )
    }

    /// Left and right edge of the swimlane block.
    pub fn lanes_span(&self) -> (f32, f32) {
        self.columns.lanes_span()
    }
}
