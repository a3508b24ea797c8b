//! Exits of a decision's outcomes: each outcome but the one leaving by the
//! bottom vertex gets a side vertex or a point on a lower edge of its
//! own, held before any other arrow takes a port.

use super::{EdgePoint, PortUse, RouteFlow, RouteRow, Router, Side, Variant, flow_lanes, toward};
use std::collections::BTreeMap;

/// Where an outcome of a decision leaves it, when it does not leave by
/// the bottom vertex: a side vertex, or past three outcomes a point on a
/// lower edge (then sideways, below the side vertex's line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OutcomeExit {
    Side(Side),
    Lower(Side, EdgePoint),
}

impl Router<'_> {
    /// Gives every outcome of a decision but the one that leaves by the
    /// bottom vertex (the main one, or one whose label needs the zone
    /// below) an exit of its own, before any other arrow takes a port:
    /// first the side vertex facing each cross-lane outcome, then a free
    /// side vertex, then points spread along the lower edges.
    pub(super) fn assign_outcome_exits(&mut self, flows: &[RouteFlow], ends: &[(usize, usize)]) {
        self.exits = vec![None; flows.len()];
        // A decision whose outcome needs the bottom (its label found no
        // room beside a side) sends its main outcome, and any other such
        // outcome, out elsewhere: the first of them keeps the bottom.
        let mut bottom_owner: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, f) in flows.iter().enumerate() {
            if f.takes_bottom() && !f.main {
                bottom_owner.entry(f.from).or_insert(i);
            }
        }
        let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, flow) in flows.iter().enumerate() {
            let row = &self.rows[flow.from];
            let bottom = match bottom_owner.get(&flow.from) {
                Some(&owner) => owner == i,
                None => flow.main,
            };
            if row.outcomes && !row.connector && !bottom {
                by_source.entry(flow.from).or_default().push(i);
            }
        }
        for (s, outcomes) in by_source {
            let wanted: Vec<Side> = outcomes
                .iter()
                .map(|&i| {
                    let (ls, lt) = ends[i];
                    match toward(ls, lt) {
                        Some(side) if flows[i].variant.has(Variant::AWAY) => side.other(),
                        Some(side) => side,
                        None => self.preferred_side(&flows[i], ls, lt),
                    }
                })
                .collect();
            for pass in 0..2 {
                for (k, &i) in outcomes.iter().enumerate() {
                    if self.exits[i].is_some() {
                        continue;
                    }
                    let (ls, lt) = ends[i];
                    let source = (ls, flows[i].from_slot);
                    let want = wanted[k];
                    // A connector beside its lane's axis is entered from its
                    // outer side only: the outcome keeps to that side.
                    let sides = match (pass, flows[i].to_slot.side()) {
                        (_, Some(outer)) => vec![outer],
                        (0, None) if ls != lt => vec![want],
                        (0, None) => Vec::new(),
                        (_, None) => vec![want, want.other()],
                    };
                    if let Some(side) = sides
                        .into_iter()
                        .find(|&x| *self.port(s, source.0, source.1, x) == PortUse::Free)
                    {
                        self.take(s, source, side, PortUse::Outcome);
                        self.exits[i] = Some(OutcomeExit::Side(side));
                    }
                }
            }
            // The rest leave by points spread along the lower edges, each
            // on its wanted side while that side holds no more than the other.
            let mut lower: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
            for (k, &i) in outcomes.iter().enumerate() {
                if self.exits[i].is_some() {
                    continue;
                }
                let side = match flows[i].to_slot.side() {
                    Some(outer) => outer,
                    None if lower[wanted[k] as usize].len()
                        > lower[wanted[k].other() as usize].len() =>
                    {
                        wanted[k].other()
                    }
                    None => wanted[k],
                };
                lower[side as usize].push(i);
            }
            for side in [Side::Left, Side::Right] {
                let on_edge = &lower[side as usize];
                let of = on_edge.len() as u32;
                for (k, &i) in on_edge.iter().enumerate() {
                    let point = EdgePoint { k: k as u32, of };
                    self.exits[i] = Some(OutcomeExit::Lower(side, point));
                }
            }
        }
    }
}

/// Sends an outcome straight down by the bottom vertex where the main
/// outcome would have to turn anyway: when a decision's main outcome goes
/// to another lane or back up, and exactly one other outcome goes down in
/// the decision's own lane, that one takes the bottom (variant
/// [`Variant::TAKE_BOTTOM`]) and the main one a side vertex, which saves
/// both a corner.
pub(crate) fn prefer_straight_bottom(rows: &[RouteRow], flows: &mut [RouteFlow]) {
    let lanes = |f: &RouteFlow| flow_lanes(rows, f);
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in flows.iter().enumerate() {
        if rows[f.from].outcomes && !rows[f.from].connector {
            by_source.entry(f.from).or_default().push(i);
        }
    }
    for (s, outcomes) in by_source {
        let turns = |&i: &usize| {
            let (ls, lt) = lanes(&flows[i]);
            flows[i].main && (ls != lt || flows[i].to < s)
        };
        if !outcomes.iter().any(turns) {
            continue;
        }
        let straight: Vec<usize> = outcomes
            .iter()
            .copied()
            .filter(|&i| {
                let (ls, lt) = lanes(&flows[i]);
                !flows[i].main && ls == lt && flows[i].to > s
            })
            .collect();
        if let [only] = straight[..] {
            flows[only].variant = Variant::only(Variant::TAKE_BOTTOM);
        }
    }
}
