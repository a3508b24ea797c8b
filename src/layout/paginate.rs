//! Phase 5, paginate: page breaks. Breaks fall between rows only; among the
//! breaks that fit, dynamic programming picks those with the least cost:
//! the crossings that the lines of off-page connectors are likely to make
//! and the pages, weighed as [`PageBreaks`] says, then the arrows cut (each
//! costs a connector pair and the room its connectors take), then orphan
//! last rows, decisions parted from their main outcome and a light
//! preference for full pages. Linear in the number of
//! rows times the rows that fit on a page (times the arrows on a page for
//! the crossing estimate).
//!
//! In: the row heights (phase 3), the flows with the lanes their
//! connectors would take, and the body height of the [`PageFrame`].
//! Out: the rows of each page.

use super::dims::{CONNECTOR_ROW, CONNECTORS_PER_LANE};
use super::frame::PageFrame;
use super::head_rows::estimated_rows;
use crate::config::PageBreaks;
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
    breaks: PageBreaks,
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
        breaks,
    })
}

/// What the pages up to a break cost: pages, arrows cut (each costs a
/// connector pair and the room its connectors take), the crossings the
/// connectors' lines are likely to make, and the soft preferences.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cost {
    pages: u32,
    cuts: u64,
    crossings: u64,
    soft: f64,
}

impl Cost {
    const ZERO: Self = Self {
        pages: 0,
        cuts: 0,
        crossings: 0,
        soft: 0.0,
    };
    const NEVER: Self = Self {
        pages: u32::MAX,
        cuts: u64::MAX,
        crossings: u64::MAX,
        soft: f64::INFINITY,
    };

    /// True when `self` is cheaper than `other`, compared field by field
    /// in the order `breaks` asks for, the soft preferences last.
    fn better_than(&self, other: &Self, breaks: PageBreaks) -> bool {
        let key = |c: &Self| {
            let pages = u64::from(c.pages);
            match breaks {
                PageBreaks::Balanced => (c.crossings.saturating_add(pages), pages, c.cuts),
                PageBreaks::FewestPages => (pages, c.cuts, c.crossings),
                PageBreaks::FewestCrossings => (c.crossings, pages, c.cuts),
            }
        };
        (key(self), self.soft) < (key(other), other.soft)
    }
}

/// Soft preferences, in arbitrary units: no orphan last row, a decision
/// on the page of its main outcome, full pages.
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
    /// What the breaks are chosen for first.
    pub breaks: PageBreaks,
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
    let mut best = vec![Cost::NEVER; n + 1];
    let mut start_of = vec![0; n + 1];
    best[0] = Cost::ZERO;
    let body = f64::from(problem.body);
    // Connectors per lane on the candidate page: out (bottom band), in (top band).
    let mut bands = Bands::new(problem.lanes);
    // Flows with both ends on the candidate page, and flows cut by it.
    let (mut inside, mut open) = (Vec::new(), Vec::new());
    // The incoming connectors: (target lane, source lane, source page).
    let mut head = Vec::new();
    for i in 0..n {
        if best[i] == Cost::NEVER {
            continue;
        }
        bands.clear();
        inside.clear();
        open.clear();
        let mut height = 0.0;
        for j in i..n {
            height += f64::from(problem.heights[j]);
            for &(f, source) in &incident[j] {
                let (a, b) = problem.flows[f];
                let other = if source { b } else { a };
                let out_lane = problem.connector_lanes[f].0;
                if (i..j).contains(&other) {
                    // `other` end held the connector until now.
                    open.retain(|&g| g != f);
                    inside.push(f);
                    if !source {
                        bands.remove(out_lane);
                    }
                } else if other != j {
                    open.push(f);
                    if source {
                        bands.add(out_lane);
                    }
                }
            }
            head.clear();
            head.extend(open.iter().filter_map(|&f| {
                let (a, b) = problem.flows[f];
                let (out_lane, in_lane) = problem.connector_lanes[f];
                (i..=j).contains(&b).then(|| {
                    (
                        in_lane,
                        out_lane,
                        (a < i).then(|| page_start(&start_of, i, a)),
                    )
                })
            }));
            let rows = bands.rows() + estimated_rows(&mut head) as u32;
            let need = height + f64::from(rows) * f64::from(problem.connector_row);
            if need > body && j > i {
                break;
            }
            let last = j + 1 == n;
            let mut soft = 0.0;
            if last && j == i && n > 1 {
                soft += ORPHAN_LAST_ROW;
            }
            if !last {
                if problem.keep_with_next[j] {
                    soft += SPLIT_DECISION;
                }
                let free = ((body - need) / body).max(0.0);
                soft += EMPTY_SPACE * free * free;
            }
            let cost = Cost {
                pages: best[i].pages + 1,
                cuts: best[i].cuts + open.len() as u64,
                crossings: best[i].crossings
                    + connector_crossings(problem, i..j + 1, &open, &inside),
                soft: best[i].soft + soft,
            };
            if cost.better_than(&best[j + 1], problem.breaks) {
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

/// How many arrows of page `rows` the lines of its connectors are likely
/// to cross. An outgoing connector's line runs down its source's lane from
/// the source to the page's foot, an incoming one's down its target's lane
/// from the page's head to the target. Counted, among the arrows with both
/// ends on that stretch: the arrows between a lane on the line's left and
/// one on its right (it has to cross them, unless it goes round those
/// from or to the next lane on one side down a channel there, counted as
/// one crossing more, as that way is not always free: the fewest of the
/// three ways), and each arrow from another lane into or out of a symbol
/// the line passes (the line goes round the symbol in a channel, where
/// such arrows mostly meet it).
fn connector_crossings(
    problem: &PageProblem<'_>,
    rows: Range<usize>,
    open: &[usize],
    inside: &[usize],
) -> u64 {
    let mut count = 0;
    for &c in open {
        let (a, b) = problem.flows[c];
        let (out_lane, in_lane) = problem.connector_lanes[c];
        let (lane, reach) = if rows.contains(&a) {
            (out_lane, a..rows.end)
        } else {
            (in_lane, rows.start..b + 1)
        };
        let passes = |r: usize, here: usize| here == lane && r != a && r != b;
        // Arrows crossed down the lane, round by the left, round by the right.
        let mut across = [0u64, 1, 1];
        for &g in inside {
            let (r1, r2) = problem.flows[g];
            let (l1, l2) = problem.connector_lanes[g];
            if !(reach.contains(&r1) && reach.contains(&r2)) || l1 == l2 {
                continue;
            }
            let (lo, hi) = (l1.min(l2), l1.max(l2));
            if lo < lane && lane < hi {
                across[0] += 1;
                across[1] += u64::from(lo + 1 < lane);
                across[2] += u64::from(lane + 1 < hi);
            } else if passes(r1, l1) || passes(r2, l2) {
                count += 1;
            }
        }
        count += across.into_iter().min().unwrap_or(0);
    }
    count
}

/// The first row of the page that holds row `row`, before the page
/// starting at `start`: pages are followed back from there.
fn page_start(start_of: &[usize], mut start: usize, row: usize) -> usize {
    while row < start && start > 0 {
        start = start_of[start];
    }
    start
}

/// Connectors per lane in a page's foot band, and the band rows they
/// need (three fit side by side in a lane; a fourth needs a second row).
/// The foot reads in number order by lane (the numbering follows it);
/// the head's rows are counted by [`estimated_rows`].
struct Bands {
    out: Vec<u32>,
}

impl Bands {
    fn new(lanes: usize) -> Self {
        Self {
            out: vec![0; lanes],
        }
    }
    fn clear(&mut self) {
        self.out.fill(0);
    }
    fn add(&mut self, lane: usize) {
        if let Some(c) = self.out.get_mut(lane) {
            *c += 1;
        }
    }
    fn remove(&mut self, lane: usize) {
        if let Some(c) = self.out.get_mut(lane) {
            *c = c.saturating_sub(1);
        }
    }
    fn rows(&self) -> u32 {
        self.out
            .iter()
            .max()
            .map_or(0, |&c| c.div_ceil(CONNECTORS_PER_LANE as u32))
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
            breaks: PageBreaks::FewestPages,
        }
    }

    #[test]
    fn connectors_in_different_lanes_share_a_band_row() {
        let mut bands = Bands::new(3);
        for lane in 0..3 {
            bands.add(lane);
        }
        assert_eq!(bands.rows(), 1, "one row for three lanes");
        bands.add(2);
        bands.add(2);
        assert_eq!(
            bands.rows(),
            1,
            "three connectors sit side by side in a lane"
        );
        bands.add(2);
        assert_eq!(
            bands.rows(),
            2,
            "a lane's fourth connector needs another row"
        );
        bands.remove(2);
        assert_eq!(bands.rows(), 1);
    }

    #[test]
    fn a_head_band_out_of_number_order_takes_a_second_row() {
        // Rows 0 and 1 send arrows to rows 2 and 3. Two pages of two rows
        // fit with one band row above and one below (40 + 40 + 5 <= 88).
        // Where the arrows swap lanes, the head band needs two rows, and
        // page 2 would not fit (40 + 40 + 10 > 88).
        let heights = [40.0; 4];
        let flows = [(0, 2), (1, 3)];
        let paged = |lanes: &[(usize, usize)]| {
            paginate(&PageProblem {
                heights: &heights,
                flows: &flows,
                connector_lanes: lanes,
                lanes: 2,
                keep_with_next: &[false; 4],
                ends_page: &[false; 4],
                body: 88.0,
                connector_row: 5.0,
                breaks: PageBreaks::FewestPages,
            })
        };
        assert_eq!(paged(&[(0, 0), (1, 1)]), vec![0..2, 2..4]);
        assert_eq!(
            paged(&[(0, 1), (0, 0)]),
            vec![0..2, 2..4],
            "one source lane"
        );
        let swapped = paged(&[(0, 1), (1, 0)]);
        assert_ne!(swapped, vec![0..2, 2..4]);
    }

    #[test]
    fn a_connectors_line_is_counted_round_the_arrows_from_the_next_lane() {
        // Row 0 in lane 2 sends an arrow off the page (its line runs down
        // lane 2); rows 1..4 send arrows across lane 2, from lane 1 to 3
        // or 4, and one from lane 0 to 3. Down lane 2 the line crosses all
        // four; round by the left (lane 1's channel) only the one from lane
        // 0, plus one for the way round; round by the right, three plus one.
        let flows = [(0, 9), (1, 2), (2, 3), (3, 4), (1, 4)];
        let lanes = [(2, 2), (1, 3), (1, 4), (1, 3), (0, 3)];
        let heights = [10.0; 10];
        let problem = PageProblem {
            heights: &heights,
            flows: &flows,
            connector_lanes: &lanes,
            lanes: 5,
            keep_with_next: &[false; 10],
            ends_page: &[false; 10],
            body: 100.0,
            connector_row: 5.0,
            breaks: PageBreaks::Balanced,
        };
        assert_eq!(connector_crossings(&problem, 0..5, &[0], &[1, 2, 3, 4]), 2);
        // Arrows from lane 0 to lane 4, two lanes off either side: crossed.
        let lanes = [(2, 2), (0, 4), (4, 0), (0, 4), (0, 4)];
        let problem = PageProblem {
            connector_lanes: &lanes,
            ..problem
        };
        assert_eq!(connector_crossings(&problem, 0..5, &[0], &[1, 2, 3, 4]), 4);
    }

    #[test]
    fn every_choice_of_breaks_fills_pages_alike_when_nothing_crosses() {
        // The unreached cost (the largest of each figure) is compared too:
        // weighing it must not overflow.
        let heights = [30.0; 10];
        let flows: Vec<(usize, usize)> = (0..9).map(|i| (i, i + 1)).collect();
        let keep = [false; 10];
        let fewest = paginate(&problem(&heights, &flows, &keep));
        for breaks in [PageBreaks::Balanced, PageBreaks::FewestCrossings] {
            let pages = paginate(&PageProblem {
                breaks,
                ..problem(&heights, &flows, &keep)
            });
            assert_eq!(pages, fewest, "{breaks:?}");
        }
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
