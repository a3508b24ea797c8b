//! Phase 6, plan: the rows and arrows of each page. An arrow whose ends fall on
//! different pages becomes a pair of off-page connectors with one label:
//! one in a band below the last row of the source page, in the source's
//! lane, one in a band above the first row of the target page, in the
//! target's lane. Connectors in different lanes share a band row; a lane
//! with more than three stacks them, and a head band whose numbers would
//! not read in order from left to right takes another row
//! ([`super::head_rows`]).
//!
//! In: the procedure and its page ranges (phase 5). Out: the [`Plan`]:
//! the connector [`Pair`]s, and for each page its [`PagePlan`] (its rows
//! and flows as the router takes them), made when the page is laid out.

use super::dims::CONNECTORS_PER_LANE;
use super::dims::shape_of;
use super::head_rows;
use super::numbering::{Cut, numbered};
use super::route::{
    RouteFlow, RouteRow, Slot, nearest_lanes, prefer_straight_bottom, raise_to_busier_side, route,
};
use super::types::Shape;
use crate::config::ConnectorLabels;
use crate::procedure::Procedure;
use std::collections::BTreeMap;
use std::ops::Range;

/// What a page row holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// An activity (its index).
    Step(usize),
    /// Incoming connectors (pair indices), at most one per lane, by lane.
    In(Vec<usize>),
    /// Outgoing connectors (pair indices), at most one per lane, by lane.
    Out(Vec<usize>),
}

/// One off-page connector pair.
#[derive(Debug, Clone)]
pub(crate) struct Pair {
    pub label: String,
    /// Index of the cut flow.
    pub flow: usize,
    pub from_lane: usize,
    pub to_lane: usize,
}

/// The rows and arrows of one page.
#[derive(Debug, Clone)]
pub(crate) struct PagePlan {
    pub kinds: Vec<RowKind>,
    pub rows: Vec<RouteRow>,
    pub flows: Vec<RouteFlow>,
    /// For each page flow: the procedure flow it draws.
    pub flow_index: Vec<usize>,
    /// For each page flow: its connector pair when the flow is cut.
    pub pair: Vec<Option<usize>>,
}

impl PagePlan {
    /// True when page flow `f` comes down from an incoming connector.
    pub fn comes_from_connector(&self, f: usize) -> bool {
        matches!(self.kinds[self.flows[f].from], RowKind::In(_))
    }
}

/// The lanes an off-page connector pair would take for each flow.
pub(crate) fn connector_lanes(procedure: &Procedure) -> Vec<(usize, usize)> {
    procedure
        .flows
        .iter()
        .map(|f| nearest_lanes(&procedure.steps[f.from].lanes, &procedure.steps[f.to].lanes))
        .collect()
}

/// Which flows each page draws, and the connector pairs: each page's
/// [`PagePlan`] is made from it when the page is laid out, so only one
/// page's plan is held at a time.
pub(crate) struct Plan {
    /// The rows of each page.
    pub pages: Vec<Range<usize>>,
    /// Every connector pair, in number order (`numbering`).
    pub pairs: Vec<Pair>,
    /// Per page: the flows with both ends on it.
    inside: Vec<Vec<usize>>,
    /// Per page: the pairs whose incoming connector stands on it.
    incoming: Vec<Vec<usize>>,
    /// Per page: the pairs whose outgoing connector stands on it.
    outgoing: Vec<Vec<usize>>,
}

impl Plan {
    /// The rows and arrows of page `p` (0-based).
    pub fn page(&self, procedure: &Procedure, p: usize) -> PagePlan {
        page_plan(
            procedure,
            &self.pages[p],
            &self.pages,
            &self.inside[p],
            &self.incoming[p],
            &self.outgoing[p],
            &self.pairs,
        )
    }

    /// The page that holds row `row`.
    fn page_of(&self, row: usize) -> usize {
        self.pages.partition_point(|range| range.end <= row)
    }

    /// The pages pair `k`'s connectors stand on: its foot's (the source's
    /// page) and its head's (the target's).
    pub fn pages_of(&self, procedure: &Procedure, k: usize) -> (usize, usize) {
        let flow = &procedure.flows[self.pairs[k].flow];
        (self.page_of(flow.from), self.page_of(flow.to))
    }

    /// The pairs with a connector on page `p`.
    pub fn pairs_on(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        self.incoming[p].iter().chain(&self.outgoing[p]).copied()
    }

    /// True when pairs `a` and `a + 1` may trade arrows, each band still
    /// reading in number order: their connectors stand side by side at
    /// one page's foot, in one lane and band row, and at their heads on
    /// different pages or in one lane.
    pub fn may_swap(&self, procedure: &Procedure, a: usize) -> bool {
        let b = a + 1;
        if b >= self.pairs.len() {
            return false;
        }
        let ((foot_a, head_a), (foot_b, head_b)) =
            (self.pages_of(procedure, a), self.pages_of(procedure, b));
        let lane = self.pairs[a].from_lane;
        if foot_a != foot_b || self.pairs[b].from_lane != lane {
            return false;
        }
        let before = self.outgoing[foot_a]
            .iter()
            .filter(|&&k| k < a && self.pairs[k].from_lane == lane)
            .count();
        let one_band_row = before / CONNECTORS_PER_LANE == (before + 1) / CONNECTORS_PER_LANE;
        one_band_row && (head_a != head_b || self.pairs[a].to_lane == self.pairs[b].to_lane)
    }

    /// Trades the arrows of pairs `a` and `a + 1`; each keeps its number.
    pub fn swap(&mut self, procedure: &Procedure, a: usize) {
        let b = a + 1;
        let (head_a, head_b) = (self.pages_of(procedure, a).1, self.pages_of(procedure, b).1);
        // On one page the head holds both either way.
        if head_a != head_b {
            for (head, from, to) in [(head_a, a, b), (head_b, b, a)] {
                if let Some(k) = self.incoming[head].iter().position(|&k| k == from) {
                    self.incoming[head][k] = to;
                }
            }
        }
        let (x, y) = self.pairs.split_at_mut(b);
        std::mem::swap(&mut x[a].flow, &mut y[0].flow);
        std::mem::swap(&mut x[a].to_lane, &mut y[0].to_lane);
    }

    /// The channel tracks each lane takes on its busier side, the most of
    /// any page, with every arrow on its default route.
    pub fn tracks(&self, procedure: &Procedure) -> Vec<usize> {
        let lane_count = procedure.lanes.len();
        let mut tracks = vec![0; lane_count];
        for p in 0..self.pages.len() {
            let page = self.page(procedure, p);
            let routes = route(&page.rows, &page.flows, lane_count);
            raise_to_busier_side(&mut tracks, &routes.tracks);
        }
        tracks
    }
}

/// Splits the procedure into pages of rows and arrows.
pub(crate) fn plan(
    procedure: &Procedure,
    pages: Vec<Range<usize>>,
    lanes: &[(usize, usize)],
    labels: ConnectorLabels,
) -> Plan {
    let mut page_of = vec![0; procedure.steps.len()];
    for (p, range) in pages.iter().enumerate() {
        for row in range.clone() {
            page_of[row] = p;
        }
    }
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut cut = Vec::new();
    for (f, flow) in procedure.flows.iter().enumerate() {
        let ps = page_of[flow.from];
        if ps == page_of[flow.to] {
            inside[ps].push(f);
        } else {
            cut.push(f);
        }
    }
    // Numbered so that each band reads in number order from left to right
    // (up to three per lane per band row, so each band row does too).
    let cuts: Vec<Cut> = cut
        .iter()
        .map(|&f| Cut {
            flow: f,
            from_page: page_of[procedure.flows[f].from],
            to_page: page_of[procedure.flows[f].to],
            from_lane: lanes[f].0,
            to_lane: lanes[f].1,
        })
        .collect();
    let mut pairs = Vec::with_capacity(cut.len());
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for f in numbered(&cuts).into_iter().map(|k| cut[k]) {
        let flow = &procedure.flows[f];
        let (from_lane, to_lane) = lanes[f];
        outgoing[page_of[flow.from]].push(pairs.len());
        incoming[page_of[flow.to]].push(pairs.len());
        pairs.push(Pair {
            label: labels.label(pairs.len()),
            flow: f,
            from_lane,
            to_lane,
        });
    }
    Plan {
        pages,
        pairs,
        inside,
        incoming,
        outgoing,
    }
}

fn page_plan(
    procedure: &Procedure,
    range: &Range<usize>,
    pages: &[Range<usize>],
    inside: &[usize],
    incoming: &[usize],
    outgoing: &[usize],
    pairs: &[Pair],
) -> PagePlan {
    let mut incoming = incoming.to_vec();
    incoming.sort_by_key(|&k| (procedure.flows[pairs[k].flow].to, k));
    let in_lane = |k: usize| pairs[k].to_lane;
    let out_lane = |k: usize| pairs[k].from_lane;
    let in_rows = bands(
        &incoming,
        in_lane,
        &head_band_rows(procedure, range, pages, &incoming, pairs),
    );
    let out_rows = bands(outgoing, out_lane, &rows_by_lane(outgoing, out_lane));
    let first = in_rows.len();
    let local_step = |step: usize| first + step - range.start;
    let pairs_of = |band: &Vec<(usize, Slot)>| band.iter().map(|&(k, _)| k).collect::<Vec<_>>();
    let mut kinds: Vec<RowKind> = in_rows.iter().map(|b| RowKind::In(pairs_of(b))).collect();
    kinds.extend(range.clone().map(RowKind::Step));
    kinds.extend(out_rows.iter().map(|b| RowKind::Out(pairs_of(b))));
    let band = |band: &Vec<(usize, Slot)>, lane: &dyn Fn(usize) -> usize| RouteRow {
        lanes: band.iter().map(|&(k, _)| lane(k)).collect(),
        outcomes: false,
        shape: Shape::OffPage,
        connector: true,
        slots: band.iter().map(|&(_, slot)| slot).collect(),
    };
    let mut rows: Vec<RouteRow> = in_rows
        .iter()
        .map(|b| band(b, &|k| pairs[k].to_lane))
        .collect();
    rows.extend(range.clone().map(|i| {
        let step = &procedure.steps[i];
        RouteRow {
            lanes: step.lanes.clone(),
            outcomes: procedure.branches(i),
            shape: shape_of(step.kind),
            connector: false,
            slots: Vec::new(),
        }
    }));
    rows.extend(out_rows.iter().map(|b| band(b, &|k| pairs[k].from_lane)));
    let mut flows = Vec::new();
    let mut flow_index = Vec::new();
    let mut pair = Vec::new();
    for &f in inside {
        let flow = &procedure.flows[f];
        flows.push(RouteFlow::between(
            local_step(flow.from),
            local_step(flow.to),
            flow.main,
        ));
        flow_index.push(f);
        pair.push(None);
    }
    // The band row and slot of connector pair `k`.
    let place = |bands: &[Vec<(usize, Slot)>], k: usize| {
        bands
            .iter()
            .enumerate()
            .find_map(|(r, b)| b.iter().find(|e| e.0 == k).map(|e| (r, e.1)))
            .unwrap_or_default()
    };
    for &k in outgoing {
        let flow = &procedure.flows[pairs[k].flow];
        let (row, slot) = place(&out_rows, k);
        flows.push(RouteFlow {
            to_lane: Some(pairs[k].from_lane),
            to_slot: slot,
            ..RouteFlow::between(local_step(flow.from), first + range.len() + row, flow.main)
        });
        flow_index.push(pairs[k].flow);
        pair.push(Some(k));
    }
    for &k in &incoming {
        let flow = &procedure.flows[pairs[k].flow];
        let (row, slot) = place(&in_rows, k);
        flows.push(RouteFlow {
            from_lane: Some(pairs[k].to_lane),
            from_slot: slot,
            ..RouteFlow::between(row, local_step(flow.to), true)
        });
        flow_index.push(pairs[k].flow);
        pair.push(Some(k));
    }
    prefer_straight_bottom(&rows, &mut flows);
    PagePlan {
        kinds,
        rows,
        flows,
        flow_index,
        pair,
    }
}

/// The band row of each incoming connector of the page of rows `range`
/// (one of `pages`): as few rows as keep each in number order from left
/// to right, when pagination left room for them (it counted them before
/// the numbering); else each lane's three to a row. A page of one row
/// (which may overflow its page) keeps to the fewest rows.
fn head_band_rows(
    procedure: &Procedure,
    range: &Range<usize>,
    pages: &[Range<usize>],
    incoming: &[usize],
    pairs: &[Pair],
) -> Vec<usize> {
    let lane = |k: usize| pairs[k].to_lane;
    let fewest = rows_by_lane(incoming, lane);
    let by_number: Vec<(usize, usize)> = incoming.iter().map(|&k| (lane(k), k)).collect();
    let ordered = head_rows::ordered_rows(&by_number);
    let room = if range.len() > 1 {
        let mut estimated: Vec<_> = incoming
            .iter()
            .map(|&k| {
                let pair = &pairs[k];
                let source = procedure.flows[pair.flow].from;
                let earlier = (source < range.start)
                    .then(|| pages[pages.partition_point(|p| p.end <= source)].start);
                (lane(k), pair.from_lane, earlier)
            })
            .collect();
        head_rows::estimated_rows(&mut estimated)
    } else {
        rows_in(&fewest)
    };
    if rows_in(&ordered) <= room {
        ordered
    } else {
        fewest
    }
}

/// Packs connectors into band rows, `connectors[i]` into row
/// `row_of[i]`: up to three per lane side by side (one on the axis, one
/// beside it on each side), by lane, each lane's by number (pairs are
/// numbered in index order).
fn bands(
    connectors: &[usize],
    lane_of: impl Fn(usize) -> usize,
    row_of: &[usize],
) -> Vec<Vec<(usize, Slot)>> {
    let mut cells: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (&k, &row) in connectors.iter().zip(row_of) {
        cells.entry((row, lane_of(k))).or_default().push(k);
    }
    let mut bands = vec![Vec::new(); rows_in(row_of)];
    for ((row, _), mut group) in cells {
        group.sort_unstable();
        let slots: &[Slot] = match group.len() {
            1 => &[Slot::Centre],
            2 => &[Slot::Left, Slot::Right],
            _ => &[Slot::Left, Slot::Centre, Slot::Right],
        };
        bands[row].extend(group.into_iter().zip(slots.iter().copied()));
    }
    bands
}

/// The band row of each connector when each lane's stand three to a row
/// by number: the rows a foot band takes (the numbering follows its
/// lanes), and the fewest a head band can take.
fn rows_by_lane(connectors: &[usize], lane_of: impl Fn(usize) -> usize) -> Vec<usize> {
    let mut by_lane: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, &k) in connectors.iter().enumerate() {
        by_lane.entry(lane_of(k)).or_default().push((k, i));
    }
    let mut row_of = vec![0; connectors.len()];
    for mut lane in by_lane.into_values() {
        lane.sort_unstable();
        for (n, (_, i)) in lane.into_iter().enumerate() {
            row_of[i] = n / CONNECTORS_PER_LANE;
        }
    }
    row_of
}

/// How many band rows an assignment of rows takes.
fn rows_in(row_of: &[usize]) -> usize {
    row_of.iter().max().map_or(0, |&r| r + 1)
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
