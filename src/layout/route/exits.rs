//! Exits of a decision's outcomes: each outcome but the one leaving by the
//! bottom vertex gets a side vertex or the middle of a lower edge of its
//! own, held before any other arrow takes a port.

use super::{PortUse, RouteFlow, Router, Side, toward};
use std::collections::{BTreeMap, BTreeSet};

/// Where an outcome of a decision leaves it, when it does not leave by
/// the bottom vertex: a side vertex, or past three outcomes the middle of
/// a lower edge (then sideways, below the side vertex's line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OutcomeExit {
    Side(Side),
    Lower(Side),
}

impl Router<'_> {
    /// Gives every outcome of a decision but the one that leaves by the
    /// bottom vertex (the main one, or one whose label needs the zone
    /// below) an exit of its own, before any other arrow takes a port:
    /// first the side vertex facing each cross-lane outcome, then a free
    /// side vertex, then the middle of a lower edge. Outcomes beyond that
    /// (more than five) keep the bottom vertex.
    pub(super) fn assign_outcome_exits(&mut self, flows: &[RouteFlow], ends: &[(usize, usize)]) {
        self.exits = vec![None; flows.len()];
        // A decision whose outcome needs the bottom (its label found no
        // room beside a side) sends its main outcome out of a side instead.
        let bottom_taken: BTreeSet<usize> = flows
            .iter()
            .filter(|f| f.bottom_only && !f.main)
            .map(|f| f.from)
            .collect();
        let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, flow) in flows.iter().enumerate() {
            let row = &self.rows[flow.from];
            let bottom = if flow.main {
                !bottom_taken.contains(&flow.from)
            } else {
                flow.bottom_only
            };
            if row.decision && !row.connector && !bottom {
                by_source.entry(flow.from).or_default().push(i);
            }
        }
        for (s, outcomes) in by_source {
            let wanted: Vec<Side> = outcomes
                .iter()
                .map(|&i| {
                    let (ls, lt) = ends[i];
                    toward(ls, lt).unwrap_or_else(|| self.preferred_side(&flows[i], ls, lt))
                })
                .collect();
            let mut lower_used = [false; 2];
            for pass in 0..3 {
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
                    if pass < 2 {
                        if let Some(side) = sides
                            .into_iter()
                            .find(|&x| *self.port(s, source.0, source.1, x) == PortUse::Free)
                        {
                            self.take(s, source, side, PortUse::Outcome);
                            self.exits[i] = Some(OutcomeExit::Side(side));
                        }
                    } else if let Some(side) = sides.into_iter().find(|&x| !lower_used[x as usize])
                    {
                        lower_used[side as usize] = true;
                        self.exits[i] = Some(OutcomeExit::Lower(side));
                    }
                }
            }
        }
    }
}
