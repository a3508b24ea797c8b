//! Where the service time goes: the critical (slowest) path, the time of
//! each performer on it, the steps that take the largest share (the
//! bottleneck), the hand-overs between performers along it, and the
//! rework loops with the cost of one round.

use crate::model::Kind;
use crate::procedure::{Procedure, ServiceTime};
use crate::time::{Duration, ParsedTime};
use serde::Serialize;

/// The time analysis of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// Fastest and slowest path, as the check summary computes them.
    pub service_time: Option<ServiceTime>,
    /// The slowest path from a start to an end, step by step (a loop's
    /// steps twice, as the slowest service time counts them).
    pub critical_path: Vec<PathStep>,
    /// Time of each performer along the critical path, in column order
    /// (performers with no step on it left out).
    pub performers: Vec<PerformerTime>,
    /// The steps of the critical path by their share of it, largest first
    /// (steps without a readable time left out).
    pub bottlenecks: Vec<Share>,
    /// Consecutive steps of the critical path done by different
    /// performers: each is a wait in practice.
    pub handovers: Vec<Handover>,
    /// The rework loops: steps that lead back to each other.
    pub loops: Vec<Loop>,
}

/// One step of the critical path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathStep {
    /// 1-based row.
    pub activity: usize,
    /// Activity id.
    pub id: String,
    /// Its longest time.
    pub time: Duration,
}

/// The time a performer spends along the critical path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerformerTime {
    /// The performer's id.
    pub id: String,
    /// The performer's name, after its group when it has one
    /// ("Satker Penerima / Operator").
    pub name: String,
    /// Clock time, calendar days and working days, kept apart.
    pub time: Duration,
    /// Steps of the path done by it (joint steps count for each).
    pub steps: usize,
}

/// A step's share of the critical path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    /// 1-based row.
    pub activity: usize,
    /// Activity id.
    pub id: String,
    /// Its time on the path (twice for a loop's step).
    pub time: Duration,
    /// Fraction of the path's total (1 hari = 1440 menit, 1 hari kerja =
    /// 480 menit), 0 to 1.
    pub share: f64,
}

/// A hand-over from one performer to another along the critical path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Handover {
    /// 1-based row handing over.
    pub from: usize,
    /// 1-based row taking over.
    pub to: usize,
    /// Performer names handing over.
    pub from_performers: Vec<String>,
    /// Performer names taking over.
    pub to_performers: Vec<String>,
}

/// A rework loop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loop {
    /// Its steps, 1-based rows in row order.
    pub activities: Vec<usize>,
    /// What one more round costs: the sum of its steps' times.
    pub round: crate::time::TimeSpan,
}

/// Analyses `procedure`.
pub fn analyze(procedure: &Procedure) -> Analysis {
    let steps = procedure.steps();
    let span = |i: usize| match steps[i].duration {
        ParsedTime::Span(span) => span,
        _ => crate::time::TimeSpan::default(),
    };
    let graph = procedure.graph();
    let components = petgraph::algo::tarjan_scc(&graph);
    let mut component_of = vec![0; steps.len()];
    for (c, members) in components.iter().enumerate() {
        for node in members {
            component_of[node.index()] = c;
        }
    }
    let members = |c: usize| {
        let mut rows: Vec<usize> = components[c].iter().map(|n| n.index()).collect();
        rows.sort_unstable();
        rows
    };
    let is_loop = |c: usize| components[c].len() > 1;
    let weight: Vec<f64> = (0..components.len())
        .map(|c| {
            let once: f64 = members(c).iter().map(|&i| span(i).max.to_minutes()).sum();
            if is_loop(c) { 2.0 * once } else { once }
        })
        .collect();
    // Longest path over the condensed graph, remembering where it came from.
    let successors = procedure.successors();
    let mut best: Vec<Option<f64>> = vec![None; components.len()];
    let mut from: Vec<Option<usize>> = vec![None; components.len()];
    for start in procedure.starts() {
        let c = component_of[start];
        best[c] = Some(weight[c]);
    }
    let mut end: Option<(f64, usize)> = None;
    for c in (0..components.len()).rev() {
        let Some(here) = best[c] else { continue };
        for node in members(c) {
            if steps[node].kind == Kind::End && end.is_none_or(|(t, _)| here > t) {
                end = Some((here, c));
            }
            for &next in &successors[node] {
                let target = component_of[next];
                if target != c && best[target].is_none_or(|b| here + weight[target] > b) {
                    best[target] = Some(here + weight[target]);
                    from[target] = Some(c);
                }
            }
        }
    }
    let mut chain = Vec::new();
    let mut at = end.map(|(_, c)| c);
    while let Some(c) = at {
        chain.push(c);
        at = from[c];
    }
    chain.reverse();
    let mut path: Vec<(usize, Duration)> = Vec::new();
    for &c in &chain {
        let rows = members(c);
        let rounds = if is_loop(c) { 2 } else { 1 };
        for _ in 0..rounds {
            path.extend(rows.iter().map(|&i| (i, span(i).max)));
        }
    }
    let total: f64 = path.iter().map(|(_, d)| d.to_minutes()).sum();
    let lanes = procedure.lanes();
    let lane_name = |l: usize| match &lanes[l].group {
        Some(group) => format!("{group} / {}", lanes[l].name),
        None => lanes[l].name.clone(),
    };
    let mut performers: Vec<PerformerTime> = lanes
        .iter()
        .enumerate()
        .map(|(i, l)| PerformerTime {
            id: l.id.clone(),
            name: lane_name(i),
            time: Duration::default(),
            steps: 0,
        })
        .collect();
    for &(i, d) in &path {
        for &l in &steps[i].lanes {
            performers[l].time = performers[l].time.plus(d);
            performers[l].steps += 1;
        }
    }
    performers.retain(|p| p.steps > 0);
    let mut bottlenecks: Vec<Share> = Vec::new();
    for &(i, d) in &path {
        match bottlenecks.iter_mut().find(|s| s.activity == i + 1) {
            Some(s) => s.time = s.time.plus(d),
            None => bottlenecks.push(Share {
                activity: i + 1,
                id: steps[i].id.to_string(),
                time: d,
                share: 0.0,
            }),
        }
    }
    for s in &mut bottlenecks {
        s.share = if total > 0.0 {
            s.time.to_minutes() / total
        } else {
            0.0
        };
    }
    bottlenecks.retain(|s| s.share > 0.0);
    bottlenecks.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then(a.activity.cmp(&b.activity))
    });
    let names =
        |i: usize| -> Vec<String> { steps[i].lanes.iter().map(|&l| lane_name(l)).collect() };
    let handovers = path
        .windows(2)
        .filter(|w| {
            !steps[w[0].0]
                .lanes
                .iter()
                .any(|l| steps[w[1].0].lanes.contains(l))
        })
        .map(|w| Handover {
            from: w[0].0 + 1,
            to: w[1].0 + 1,
            from_performers: names(w[0].0),
            to_performers: names(w[1].0),
        })
        .collect();
    let mut loops: Vec<Loop> = (0..components.len())
        .filter(|&c| is_loop(c))
        .map(|c| {
            let rows = members(c);
            let round = rows
                .iter()
                .fold(crate::time::TimeSpan::default(), |acc, &i| {
                    acc.plus(span(i))
                });
            Loop {
                activities: rows.iter().map(|i| i + 1).collect(),
                round,
            }
        })
        .collect();
    loops.sort_by_key(|l| l.activities[0]);
    Analysis {
        service_time: procedure.service_time(),
        critical_path: path
            .iter()
            .map(|&(i, time)| PathStep {
                activity: i + 1,
                id: steps[i].id.to_string(),
                time,
            })
            .collect(),
        performers,
        bottlenecks,
        handovers,
        loops,
    }
}
