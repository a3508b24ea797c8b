//! Phase 5, paginate: page breaks. Breaks fall between rows only; among the breaks
//! that fit, dynamic programming picks those with the least cost: pages,
//! then arrows cut (each cut arrow costs a connector pair and the room its
//! connectors take), then orphan last rows and decisions parted from their
//! main outcome, with a light preference for full pages. Linear in the
//! number of rows times the rows that fit on a page.
//!
//! In: the row heights (phase 3), the flows with the lanes their
//! connectors would take, and the body height of the [`PageFrame`].
//! Out: the rows of each page.

use super::dims::{CONNECTOR_ROW, CONNECTORS_PER_LANE};
use super::frame::PageFrame;
use crate::model::Kind;
use crate::procedure::Procedure;
use std::ops::Range;

/// Breaks the procedure's rows into pages of `frame`'s body; a row in
/// `ends_page` (continued on pages of its own) is the last of its page.
pub(crate) fn paginate_procedure(
    procedure: &Procedure,
    heights: &[f32],
    ends_page: &[bool],
    connector_lanes: &[(usize, usize)],
    frame: &PageFrame,
) -> Vec<Range<usize>> {
    let body = frame.body_height();
    let flows: Vec<(usize, usize)> = procedure.flows.iter().map(|f| (f.from, f.to)).collect();
    let mut keep_with_next = vec![false; procedure.steps.len()];
    for f in &procedure.flows {
        if f.main && procedure.steps[f.from].kind == Kind::Decision && f.to == f.from + 1 {
            keep_with_next[f.from] = true;
        }
    }
    paginate(&PageProblem {
        heights,
        flows: &flows,
        connector_lanes,
        lanes: procedure.lanes.len(),
        keep_with_next: &keep_with_next,
        ends_page,
        body,
        connector_row: CONNECTOR_ROW,
    })
}

/// What breaking costs, in arbitrary units.
const PAGE: f64 = 100.0;
const CUT_FLOW: f64 = 12.0;
const ORPHAN_LAST_ROW: f64 = 150.0;
const SPLIT_DECISION: f64 = 8.0;
const EMPTY_SPACE: f64 = 20.0;

/// What pagination needs to know about the rows.
pub(crate) struct PageProblem<'a> {
    /// Height of each row.
    pub heights: &'a [f32],
    /// Arrows as (source row, target row).
    pub flows: &'a [(usize, usize)],
    /// For each arrow, the lanes its connectors would stand in (out, in).
    pub connector_lanes: &'a [(usize, usize)],
    /// Number of lanes.
    pub lanes: usize,
    /// Rows that should stay on the page of the row after them.
    pub keep_with_next: &'a [bool],
    /// Rows that must be the last of their page.
    pub ends_page: &'a [bool],
    /// Room for rows on one page.
    pub body: f32,
    /// Room one band row of off-page connectors takes.
    pub connector_row: f32,
}

/// The rows of each page.
pub(crate) fn paginate(problem: &PageProblem<'_>) -> Vec<Range<usize>> {
    let n = problem.heights.len();
    // For each row: (flow, this row is its source).
    let mut incident: Vec<Vec<(usize, bool)>> = vec![Vec::new(); n];
    for (f, &(a, b)) in problem.flows.iter().enumerate() {
        incident[a].push((f, true));
        incident[b].push((f, false));
    }
    let mut best = vec![f64::INFINITY; n + 1];
    let mut start_of = vec![0; n + 1];
    best[0] = 0.0;
    let body = f64::from(problem.body);
    // Connectors per lane on the candidate page: out (bottom band), in (top band).
    let mut bands = Bands::new(problem.lanes);
    for i in 0..n {
        if best[i].is_infinite() {
            continue;
        }
        bands.clear();
        let mut cut: i64 = 0;
        let mut height = 0.0;
        for j in i..n {
            height += f64::from(problem.heights[j]);
            for &(f, source) in &incident[j] {
                let (a, b) = problem.flows[f];
                let other = if source { b } else { a };
                let (out_lane, in_lane) = problem.connector_lanes[f];
                // The flow was cut while `other` lay outside the page.
                let (lane, outgoing) = if source {
                    (out_lane, true)
                } else {
                    (in_lane, false)
                };
                if (i..j).contains(&other) {
                    cut -= 1;
                    // `other` end held the connector until now.
                    let (lane, outgoing) = if source {
                        (in_lane, false)
                    } else {
                        (out_lane, true)
                    };
                    bands.remove(lane, outgoing);
                } else if other != j {
                    cut += 1;
                    bands.add(lane, outgoing);
                }
            }
            let need = height + f64::from(bands.rows()) * f64::from(problem.connector_row);
            if need > body && j > i {
                break;
            }
            let last = j + 1 == n;
            let mut cost = best[i] + PAGE + CUT_FLOW * cut as f64;
            if last && j == i && n > 1 {
                cost += ORPHAN_LAST_ROW;
            }
            if !last {
                if problem.keep_with_next[j] {
                    cost += SPLIT_DECISION;
                }
                let free = ((body - need) / body).max(0.0);
                cost += EMPTY_SPACE * free * free;
            }
            if cost < best[j + 1] {
                best[j + 1] = cost;
                start_of[j + 1] = i;
            }
            if problem.ends_page[j] {
                break;
            }
        }
    }
    let mut pages = Vec::new();
    let mut end = n;
    while end > 0 {
        let start = start_of[end];
        pages.push(start..end);
        end = start;
    }
    pages.reverse();
    pages
}

/// Connectors per lane in a page's two bands, and the band rows they need
/// (three fit side by side in a lane; a fourth needs a second row).
struct Bands {
    out: Vec<u32>,
    into: Vec<u32>,
}

impl Bands {
    fn new(lanes: usize) -> Self {
        Self {
            out: vec![0; lanes],
            into: vec![0; lanes],
        }
    }
    fn clear(&mut self) {
        self.out.fill(0);
        self.into.fill(0);
    }
    fn add(&mut self, lane: usize, outgoing: bool) {
        let counts = if outgoing {
            &mut self.out
        } else {
            &mut self.into
        };
        if let Some(c) = counts.get_mut(lane) {
            *c += 1;
        }
    }
    fn remove(&mut self, lane: usize, outgoing: bool) {
        let counts = if outgoing {
            &mut self.out
        } else {
            &mut self.into
        };
        if let Some(c) = counts.get_mut(lane) {
            *c = c.saturating_sub(1);
        }
    }
    fn rows(&self) -> u32 {
        let rows = |counts: &[u32]| {
            counts
                .iter()
                .max()
                .map_or(0, |&c| c.div_ceil(CONNECTORS_PER_LANE as u32))
        };
        rows(&self.out) + rows(&self.into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem<'a>(
        heights: &'a [f32],
        flows: &'a [(usize, usize)],
        keep: &'a [bool],
    ) -> PageProblem<'a> {
        const LANES: [(usize, usize); 16] = [(0, 0); 16];
        PageProblem {
            heights,
            flows,
            connector_lanes: &LANES,
            lanes: 1,
            keep_with_next: keep,
            ends_page: &[false; 16],
            body: 100.0,
            connector_row: 5.0,
        }
    }

    #[test]
    fn connectors_in_different_lanes_share_a_band_row() {
        let mut bands = Bands::new(3);
        for lane in 0..3 {
            bands.add(lane, true);
        }
        bands.add(1, false);
        assert_eq!(bands.rows(), 2, "one row below for three lanes, one above");
        bands.add(2, true);
        bands.add(2, true);
        assert_eq!(
            bands.rows(),
            2,
            "three connectors sit side by side in a lane"
        );
        bands.add(2, true);
        assert_eq!(
            bands.rows(),
            3,
            "a lane's fourth connector needs another row"
        );
        bands.remove(2, true);
        assert_eq!(bands.rows(), 2);
    }

    #[test]
    fn fills_pages_without_overflow() {
        let heights = [30.0; 10];
        let flows: Vec<(usize, usize)> = (0..9).map(|i| (i, i + 1)).collect();
        let pages = paginate(&problem(&heights, &flows, &[false; 10]));
        assert_eq!(pages.len(), 4);
        for page in &pages {
            let h: f32 = heights[page.clone()].iter().sum();
            assert!(h + 10.0 <= 100.0, "{pages:?}");
        }
    }

    #[test]
    fn avoids_an_orphan_last_row() {
        let heights = [45.0, 45.0, 45.0];
        let pages = paginate(&problem(&heights, &[], &[false; 3]));
        assert_eq!(pages, vec![0..1, 1..3], "the last page keeps two rows");
        let heights = [30.0, 30.0, 30.0, 30.0];
        let pages = paginate(&problem(&heights, &[], &[false; 4]));
        assert_eq!(pages, vec![0..2, 2..4]);
    }

    #[test]
    fn prefers_breaks_that_cut_fewer_flows() {
        // Rows 1 and 2 are tied by three arrows: break elsewhere.
        let heights = [30.0; 4];
        let flows = [(1, 2), (2, 1), (1, 2)];
        let pages = paginate(&problem(&heights, &flows, &[false; 4]));
        assert_eq!(pages, vec![0..1, 1..4]);
    }

    #[test]
    fn a_row_that_ends_its_page_is_last_on_it() {
        let heights = [20.0; 4];
        let mut ends = [false; 4];
        assert_eq!(paginate(&problem(&heights, &[], &[false; 4])), vec![0..4]);
        ends[1] = true;
        let pages = paginate(&PageProblem {
            ends_page: &ends,
            ..problem(&heights, &[], &[false; 4])
        });
        assert_eq!(pages, vec![0..2, 2..4]);
    }

    #[test]
    fn a_row_taller_than_a_page_gets_its_own() {
        let heights = [30.0, 150.0, 30.0];
        let pages = paginate(&problem(&heights, &[], &[false; 3]));
        assert!(pages.contains(&(1..2)), "{pages:?}");
    }
}
