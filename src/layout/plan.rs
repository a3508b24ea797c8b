//! Phase: the rows and arrows of each page. An arrow whose ends fall on
//! different pages becomes a pair of off-page connectors with one label:
//! one in a band below the last row of the source page, in the source's
//! lane, one in a band above the first row of the target page, in the
//! target's lane. Connectors in different lanes share a band row; a lane
//! with several stacks them.

use super::route::{RouteFlow, RouteRow};
use crate::config::ConnectorLabels;
use crate::model::Kind;
use crate::procedure::Procedure;
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

/// The lanes an off-page connector pair would take for each flow.
pub(crate) fn connector_lanes(procedure: &Procedure) -> Vec<(usize, usize)> {
    procedure
        .flows
        .iter()
        .map(|f| nearest_lanes(&procedure.steps[f.from].lanes, &procedure.steps[f.to].lanes))
        .collect()
}

/// Splits the procedure into pages of rows and arrows.
pub(crate) fn plan(
    procedure: &Procedure,
    pages: &[Range<usize>],
    labels: ConnectorLabels,
) -> (Vec<PagePlan>, Vec<Pair>) {
    let mut page_of = vec![0; procedure.steps.len()];
    for (p, range) in pages.iter().enumerate() {
        for row in range.clone() {
            page_of[row] = p;
        }
    }
    let lanes = connector_lanes(procedure);
    let mut pairs = Vec::new();
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for (f, flow) in procedure.flows.iter().enumerate() {
        let (ps, pt) = (page_of[flow.from], page_of[flow.to]);
        if ps == pt {
            inside[ps].push(f);
        } else {
            let (from_lane, to_lane) = lanes[f];
            outgoing[ps].push(pairs.len());
            incoming[pt].push(pairs.len());
            pairs.push(Pair {
                label: labels.label(pairs.len()),
                flow: f,
                from_lane,
                to_lane,
            });
        }
    }
    let plans = pages
        .iter()
        .enumerate()
        .map(|(p, range)| {
            page_plan(
                procedure,
                range,
                &inside[p],
                &incoming[p],
                &outgoing[p],
                &pairs,
            )
        })
        .collect();
    (plans, pairs)
}

fn page_plan(
    procedure: &Procedure,
    range: &Range<usize>,
    inside: &[usize],
    incoming: &[usize],
    outgoing: &[usize],
    pairs: &[Pair],
) -> PagePlan {
    let mut incoming = incoming.to_vec();
    incoming.sort_by_key(|&k| (procedure.flows[pairs[k].flow].to, k));
    let in_rows = bands(&incoming, |k| pairs[k].to_lane);
    let out_rows = bands(outgoing, |k| pairs[k].from_lane);
    let first = in_rows.len();
    let local_step = |step: usize| first + step - range.start;
    let mut kinds: Vec<RowKind> = in_rows.iter().cloned().map(RowKind::In).collect();
    kinds.extend(range.clone().map(RowKind::Step));
    kinds.extend(out_rows.iter().cloned().map(RowKind::Out));
    let rows = kinds
        .iter()
        .map(|kind| match kind {
            RowKind::Step(i) => {
                let step = &procedure.steps[*i];
                RouteRow {
                    lanes: step.lanes.clone(),
                    decision: step.kind == Kind::Decision,
                    connector: false,
                }
            }
            RowKind::In(ks) => RouteRow {
                lanes: ks.iter().map(|&k| pairs[k].to_lane).collect(),
                decision: false,
                connector: true,
            },
            RowKind::Out(ks) => RouteRow {
                lanes: ks.iter().map(|&k| pairs[k].from_lane).collect(),
                decision: false,
                connector: true,
            },
        })
        .collect();
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
    let band_row =
        |bands: &[Vec<usize>], k: usize| bands.iter().position(|b| b.contains(&k)).unwrap_or(0);
    for &k in outgoing {
        let flow = &procedure.flows[pairs[k].flow];
        let row = first + range.len() + band_row(&out_rows, k);
        flows.push(RouteFlow {
            to_lane: Some(pairs[k].from_lane),
            ..RouteFlow::between(local_step(flow.from), row, flow.main)
        });
        flow_index.push(pairs[k].flow);
        pair.push(Some(k));
    }
    for &k in &incoming {
        let flow = &procedure.flows[pairs[k].flow];
        flows.push(RouteFlow {
            from_lane: Some(pairs[k].to_lane),
            ..RouteFlow::between(band_row(&in_rows, k), local_step(flow.to), true)
        });
        flow_index.push(pairs[k].flow);
        pair.push(Some(k));
    }
    PagePlan {
        kinds,
        rows,
        flows,
        flow_index,
        pair,
    }
}

/// Packs connectors into band rows: each row holds at most one connector
/// per lane, ordered by lane; a lane's n-th connector goes to row n.
fn bands(connectors: &[usize], lane_of: impl Fn(usize) -> usize) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut per_lane: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for &k in connectors {
        let n = per_lane.entry(lane_of(k)).or_insert(0);
        if rows.len() <= *n {
            rows.push(Vec::new());
        }
        rows[*n].push(k);
        *n += 1;
    }
    for row in &mut rows {
        row.sort_by_key(|&k| lane_of(k));
    }
    rows
}

/// The pair of lanes, one from each list, closest to each other.
pub(crate) fn nearest_lanes(from: &[usize], to: &[usize]) -> (usize, usize) {
    let mut best = (usize::MAX, 0, 0);
    for &a in from {
        for &b in to {
            if a.abs_diff(b) < best.0 {
                best = (a.abs_diff(b), a, b);
            }
        }
    }
    (best.1, best.2)
}
