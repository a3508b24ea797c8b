//! Phase: the rows and arrows of each page. An arrow whose ends fall on
//! different pages becomes a pair of off-page connectors: one at the
//! bottom of the source page in the source's lane, one at the top of the
//! target page in the target's lane, with the same label.

use super::route::{RouteFlow, RouteRow};
use crate::config::ConnectorLabels;
use crate::model::Kind;
use crate::procedure::Procedure;
use std::ops::Range;

/// What a page row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// An activity (its index).
    Step(usize),
    /// The incoming connector of pair `k`.
    In(usize),
    /// The outgoing connector of pair `k`.
    Out(usize),
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
    let mut pairs = Vec::new();
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    let mut inside: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for (f, flow) in procedure.flows.iter().enumerate() {
        let (ps, pt) = (page_of[flow.from], page_of[flow.to]);
        if ps == pt {
            inside[ps].push(f);
        } else {
            let (from_lane, to_lane) = nearest_lanes(
                &procedure.steps[flow.from].lanes,
                &procedure.steps[flow.to].lanes,
            );
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
    let mut plans = Vec::with_capacity(pages.len());
    for (p, range) in pages.iter().enumerate() {
        incoming[p].sort_by_key(|&k| (procedure.flows[pairs[k].flow].to, k));
        let mut kinds: Vec<RowKind> = incoming[p].iter().map(|&k| RowKind::In(k)).collect();
        kinds.extend(range.clone().map(RowKind::Step));
        kinds.extend(outgoing[p].iter().map(|&k| RowKind::Out(k)));
        let first = incoming[p].len();
        let local_step = |step: usize| first + step - range.start;
        let rows = kinds
            .iter()
            .map(|kind| match *kind {
                RowKind::Step(i) => {
                    let step = &procedure.steps[i];
                    RouteRow {
                        lanes: step.lanes.clone(),
                        decision: step.kind == Kind::Decision,
                        connector: false,
                    }
                }
                RowKind::In(k) => RouteRow {
                    lanes: vec![pairs[k].to_lane],
                    decision: false,
                    connector: true,
                },
                RowKind::Out(k) => RouteRow {
                    lanes: vec![pairs[k].from_lane],
                    decision: false,
                    connector: true,
                },
            })
            .collect();
        let mut flows = Vec::new();
        let mut flow_index = Vec::new();
        let mut pair = Vec::new();
        for &f in &inside[p] {
            let flow = &procedure.flows[f];
            flows.push(RouteFlow {
                from: local_step(flow.from),
                to: local_step(flow.to),
                main: flow.main,
                bottom_only: false,
            });
            flow_index.push(f);
            pair.push(None);
        }
        for (o, &k) in outgoing[p].iter().enumerate() {
            let flow = &procedure.flows[pairs[k].flow];
            let row = first + range.len() + o;
            flows.push(RouteFlow {
                from: local_step(flow.from),
                to: row,
                main: flow.main,
                bottom_only: false,
            });
            flow_index.push(pairs[k].flow);
            pair.push(Some(k));
        }
        for (i, &k) in incoming[p].iter().enumerate() {
            let flow = &procedure.flows[pairs[k].flow];
            flows.push(RouteFlow {
                from: i,
                to: local_step(flow.to),
                main: true,
                bottom_only: false,
            });
            flow_index.push(pairs[k].flow);
            pair.push(Some(k));
        }
        plans.push(PagePlan {
            kinds,
            rows,
            flows,
            flow_index,
            pair,
        });
    }
    (plans, pairs)
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
