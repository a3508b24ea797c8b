//! The table's lines around the drawing: the lane edges and the row
//! edges of a page. A branch label never crosses or touches one (it stays
//! inside its lane and its row); label placement and `verify` both ask
//! here.

use super::types::Page;
use crate::geom::Rect;

/// The least room between a label and a table line, in points.
pub(crate) const LINE_CLEARANCE: f32 = 1.0;

/// The vertical and horizontal table lines of one page.
pub(crate) struct TableLines {
    verticals: Vec<f32>,
    horizontals: Vec<f32>,
}

impl TableLines {
    /// The lines of `page`, with the lanes' left and right edges.
    pub(crate) fn of_page(lane_edges: impl IntoIterator<Item = f32>, page: &Page) -> Self {
        let mut verticals: Vec<f32> = lane_edges.into_iter().collect();
        verticals.sort_by(f32::total_cmp);
        verticals.dedup();
        Self {
            verticals,
            horizontals: page.row_lines(),
        }
    }

    /// The vertical (or horizontal) line nearest to coordinate `at`.
    pub(crate) fn nearest(&self, vertical: bool, at: f32) -> Option<f32> {
        let lines = self.lines(vertical);
        let i = lines.partition_point(|&l| l < at);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|k| lines.get(k).copied())
            .min_by(|a, b| (a - at).abs().total_cmp(&(b - at).abs()))
    }

    fn lines(&self, vertical: bool) -> &[f32] {
        if vertical {
            &self.verticals
        } else {
            &self.horizontals
        }
    }

    /// True when `rect` crosses a line or comes nearer to one than
    /// [`LINE_CLEARANCE`].
    pub(crate) fn touched_by(&self, rect: &Rect) -> bool {
        let near = |lines: &[f32], from: f32, to: f32| {
            let start = lines.partition_point(|&l| l <= from - LINE_CLEARANCE);
            lines.get(start).is_some_and(|&l| l < to + LINE_CLEARANCE)
        };
        near(&self.verticals, rect.x, rect.right())
            || near(&self.horizontals, rect.y, rect.bottom())
    }
}
