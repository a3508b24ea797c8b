//! Service time along the procedure's paths: the fastest and the slowest
//! path from a start to an end, overall and through each step.

use super::{Procedure, ServiceTime};
use crate::model::Kind;
use crate::time::{Duration, ParsedTime, TimeSpan};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

impl Procedure {
    /// Minimum and maximum total time from a start to an end, or `None`
    /// when no end is reachable. Steps without a readable time count zero.
    /// The fastest path takes no loop; the slowest passes every activity of
    /// a rework loop it meets, then goes round the loop once more (a loop's
    /// activities count twice, never more).
    pub fn service_time(&self) -> Option<ServiceTime> {
        let min = self.fastest_path()?;
        let max = self.slowest_path()?;
        Some(ServiceTime { min, max })
    }

    /// For each step, the fastest and the slowest path from a start to an
    /// end that passes through it, counted as [`Procedure::service_time`]
    /// counts them; `None` for a step on no such path.
    pub fn service_time_through(&self) -> Vec<Option<ServiceTime>> {
        let successors = self.successors();
        let mut predecessors = vec![Vec::new(); self.steps.len()];
        for flow in &self.flows {
            predecessors[flow.to].push(flow.from);
        }
        let starts: Vec<(usize, Duration)> = self
            .starts()
            .into_iter()
            .map(|s| (s, self.span(s).min))
            .collect();
        let ends: Vec<(usize, Duration)> = self
            .ends()
            .into_iter()
            .map(|e| (e, Duration::default()))
            .collect();
        // Up to a step, its own time included; after it, to an end.
        let before = self.shortest(&starts, &successors, false, |next, _| self.span(next).min);
        let after = self.shortest(&ends, &predecessors, true, |_, from| self.span(from).min);
        let slowest = self.condensed();
        (0..self.steps.len())
            .map(|i| {
                let min = before[i]?.plus(after[i]?);
                let c = slowest.component_of[i];
                let max = slowest.before[c]?.plus(slowest.after[c]?);
                Some(ServiceTime { min, max })
            })
            .collect()
    }

    pub(super) fn span(&self, step: usize) -> TimeSpan {
        match self.steps[step].duration {
            ParsedTime::Span(span) => span,
            _ => TimeSpan::default(),
        }
    }

    /// The fastest path's time: the nearest end of a Dijkstra from every
    /// start at once (ties to the lower row).
    fn fastest_path(&self) -> Option<Duration> {
        let starts: Vec<(usize, Duration)> = self
            .starts()
            .into_iter()
            .map(|s| (s, self.span(s).min))
            .collect();
        let best = self.shortest(&starts, &self.successors(), false, |next, _| {
            self.span(next).min
        });
        self.ends()
            .into_iter()
            .filter_map(|e| best[e])
            .min_by(|a, b| a.to_minutes().total_cmp(&b.to_minutes()))
    }

    /// Dijkstra over `edges` (the flows, or with `reversed` the flows
    /// turned round) from `sources`, where stepping from `from` to `next`
    /// costs `cost(next, from)`. No path runs on past an end.
    fn shortest(
        &self,
        sources: &[(usize, Duration)],
        edges: &[Vec<usize>],
        reversed: bool,
        cost: impl Fn(usize, usize) -> Duration,
    ) -> Vec<Option<Duration>> {
        #[derive(PartialEq)]
        struct Entry(f64, usize);
        impl Eq for Entry {}
        impl PartialOrd for Entry {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for Entry {
            fn cmp(&self, other: &Self) -> Ordering {
                other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
            }
        }
        let mut best: Vec<Option<Duration>> = vec![None; self.steps.len()];
        let mut heap = BinaryHeap::new();
        for &(node, d) in sources {
            best[node] = Some(d);
            heap.push(Entry(d.to_minutes(), node));
        }
        let mut done = vec![false; self.steps.len()];
        while let Some(Entry(_, node)) = heap.pop() {
            if std::mem::replace(&mut done[node], true) {
                continue;
            }
            let Some(here) = best[node] else { continue };
            for &next in &edges[node] {
                // No path runs on past an end.
                let (tail, _) = if reversed { (next, node) } else { (node, next) };
                if self.steps[tail].kind == Kind::End {
                    continue;
                }
                let candidate = here.plus(cost(next, node));
                if best[next].is_none_or(|b| candidate.to_minutes() < b.to_minutes()) {
                    best[next] = Some(candidate);
                    heap.push(Entry(candidate.to_minutes(), next));
                }
            }
        }
        best
    }

    /// The slowest path's time: the longest path over the loop-condensed
    /// graph.
    fn slowest_path(&self) -> Option<Duration> {
        let condensed = self.condensed();
        (0..self.steps.len())
            .filter(|&i| self.steps[i].kind == Kind::End)
            .filter_map(|i| condensed.before[condensed.component_of[i]])
            .max_by(|a, b| a.to_minutes().total_cmp(&b.to_minutes()))
    }

    /// Longest times over the graph whose rework loops are condensed into
    /// one node each (weighing twice its steps' longest times).
    fn condensed(&self) -> Condensed {
        let graph = self.graph();
        let components = petgraph::algo::tarjan_scc(&graph);
        let mut component_of = vec![0; self.steps.len()];
        for (c, members) in components.iter().enumerate() {
            for node in members {
                component_of[node.index()] = c;
            }
        }
        let weight: Vec<Duration> = components
            .iter()
            .map(|members| {
                let once = members.iter().fold(Duration::default(), |acc, n| {
                    acc.plus(self.span(n.index()).max)
                });
                if members.len() > 1 {
                    once.plus(once)
                } else {
                    once
                }
            })
            .collect();
        let longer = |slot: &mut Option<Duration>, candidate: Duration| {
            if slot.is_none_or(|b| candidate.to_minutes() > b.to_minutes()) {
                *slot = Some(candidate);
            }
        };
        let successors = self.successors();
        let mut before: Vec<Option<Duration>> = vec![None; components.len()];
        for start in self.starts() {
            before[component_of[start]] = Some(weight[component_of[start]]);
        }
        // tarjan_scc yields components in reverse topological order.
        for c in (0..components.len()).rev() {
            let Some(here) = before[c] else { continue };
            for node in &components[c] {
                for &next in &successors[node.index()] {
                    let target = component_of[next];
                    if target != c {
                        longer(&mut before[target], here.plus(weight[target]));
                    }
                }
            }
        }
        let mut after: Vec<Option<Duration>> = vec![None; components.len()];
        for (c, members) in components.iter().enumerate() {
            for node in members {
                let node = node.index();
                if self.steps[node].kind == Kind::End {
                    longer(&mut after[c], Duration::default());
                }
                for &next in &successors[node] {
                    let target = component_of[next];
                    if target != c
                        && let Some(rest) = after[target]
                    {
                        longer(&mut after[c], weight[target].plus(rest));
                    }
                }
            }
        }
        Condensed {
            component_of,
            before,
            after,
        }
    }
}

/// Longest times over the loop-condensed graph, per component.
struct Condensed {
    /// The component of each step.
    component_of: Vec<usize>,
    /// From a start up to the component, its own weight included.
    before: Vec<Option<Duration>>,
    /// From the component's exit to an end.
    after: Vec<Option<Duration>>,
}
