//! Invariant 12, clear of the table: an arrow running along a table line
//! (a lane edge, a row edge) keeps at least [`LINE_GAP`] from it, so that
//! it never merges with the grid.

use super::{Checker, EPS};
use crate::layout::dims::MIN_LINE_CLEARANCE as LINE_GAP;
use crate::layout::quality::stretches;

impl Checker<'_> {
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
