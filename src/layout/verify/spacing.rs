//! Invariant 12, clear of the table: an arrow running along a table line
//! (a lane edge, a row edge) keeps at least [`LINE_GAP`] from it, so that
//! it never merges with the grid. Invariant 14, clear of each other: two
//! unrelated arrows running side by side stand at least
//! [`PARALLEL_GAP`] apart, unless the layout warned that its lanes are
//! squeezed narrower than that ([`Code::LanesSqueezed`]). Invariant 15,
//! no line through a symbol: an arrow into one side is never in line with
//! one leaving the other side.

use super::{Checker, EPS};
use crate::error::Code;
use crate::layout::dims::MIN_LINE_CLEARANCE as LINE_GAP;
use crate::layout::quality::{PARALLEL_GAP, close_parallel_pairs, pass_throughs, stretches};

impl Checker<'_> {
    pub(super) fn parallels(&mut self, warnings: &[crate::error::Diagnostic]) {
        if warnings.iter().any(|w| w.code == Code::LanesSqueezed) {
            return;
        }
        let flows = &self.page.flows;
        for (a, b, apart) in close_parallel_pairs(flows) {
            let (a, b) = (&flows[a], &flows[b]);
            self.report(
                14,
                vec![
                    a.from.to_string(),
                    a.to.to_string(),
                    b.from.to_string(),
                    b.to.to_string(),
                ],
                format!(
                    "two arrows run side by side {apart:.2} pt apart (at least {PARALLEL_GAP} pt)"
                ),
            );
        }
    }

    /// Invariant 15: no arrow into one side of a symbol in line with one
    /// leaving its other side (it would read as one line through it).
    pub(super) fn pass_throughs(&mut self) {
        let flows = &self.page.flows;
        for (into, out) in pass_throughs(flows) {
            let (a, b) = (&flows[into], &flows[out]);
            self.report(
                15,
                vec![a.from.to_string(), a.to.to_string(), b.to.to_string()],
                "an arrow into one side of a symbol is in line with one leaving its other side"
                    .to_owned(),
            );
        }
    }

    pub(super) fn spacing(&mut self) {
        let page = self.page;
        for (vertical, list) in stretches(&page.flows).iter().enumerate() {
            for s in list {
                let Some(line) = self.table_lines.nearest(vertical == 1, s.at) else {
                    continue;
                };
                let apart = (line - s.at).abs();
                if apart < LINE_GAP - EPS && s.to - s.from > EPS {
                    let flow = &page.flows[s.flow];
                    self.report(
                        12,
                        vec![flow.from.to_string(), flow.to.to_string()],
                        format!(
                            "an arrow runs {apart:.2} pt from a table line (at least {LINE_GAP} pt)"
                        ),
                    );
                }
            }
        }
    }
}
