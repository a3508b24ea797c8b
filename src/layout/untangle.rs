//! Phases 7b and 7c together, untangle: route and place a page's arrows
//! (a connector's line beside the axis jogged onto it where an arrow
//! across the top gap would cross it, [`jog_beside_lines`]), then, where two of them cross, one crosses the line joining the
//! symbols of a joint activity, two read as one line through a box, or a
//! connector's line joins another arrow, try
//! the other route variants of each such arrow ([`Variant`], and the
//! ones [`extra_variants`] adds for it) and keep
//! every change that leaves the page with fewer of these faults, or as
//! many and fewer bends, and never one that crowds a channel with more
//! tracks than it holds 4 pt apart.
//!
//! In: the [`Table`], the [`PagePlan`] (its arrows' variants are set
//! here), the [`RowBox`]es. Out: the page's [`FlowPath`]s, unlabelled,
//! and the tracks they take.
//! Linear in practice: pages are short, and only pages with crossings,
//! and on them only crossing arrows, are routed again.

use super::beside_jogs::jog_beside_lines;
use super::flows::place_flows;
use super::place::RowBox;
use super::plan::{PagePlan, Pair};
use super::quality;
use super::route::{Routes, Variant, extra_variants, route};
use super::table::Table;
use super::types::{FlowPath, Joint};

/// Rounds over the crossing arrows of a page.
const ROUNDS: usize = 2;

/// A page's arrows and the tracks they take.
pub(crate) struct Untangled {
    /// The arrows, unlabelled.
    pub flows: Vec<FlowPath>,
    /// Tracks used per channel: index `lane * 2 + side`.
    pub tracks: Vec<usize>,
}

/// The arrows of a page with the fewest crossings its variants reach.
pub(crate) fn untangled_flows(
    table: &Table<'_>,
    plan: &mut PagePlan,
    (boxes, joints): (&[RowBox], &[Joint]),
    pairs: &[Pair],
) -> Untangled {
    let lane_count = table.procedure.lanes.len();
    let first = route(&plan.rows, &plan.flows, lane_count);
    // A channel holds what fits 4 pt apart; a lane squeezed narrower than
    // its default routes need (the paper has no room) is not held back.
    let capacity: Vec<usize> = first
        .tracks
        .iter()
        .enumerate()
        .map(|(channel, &taken)| {
            let holds = table.columns.track_capacity(channel / 2);
            if table.lanes_final && holds >= taken {
                holds
            } else {
                usize::MAX
            }
        })
        .collect();
    let draw = |plan: &PagePlan, routes: Routes| {
        let crowded: usize = routes
            .tracks
            .iter()
            .zip(&capacity)
            .map(|(&t, &c)| t.saturating_sub(c))
            .sum();
        let mut flows = place_flows(table, plan, &routes, boxes, pairs);
        jog_beside_lines(table, plan, (&routes, boxes), &mut flows);
        (flows, crowded, routes.tracks)
    };
    let (mut best, crowded, mut tracks) = draw(plan, first);
    // The faults of a drawing, each as the pair of arrows to try again,
    // and how many there are.
    let faults = |flows: &[FlowPath], plan: &PagePlan| {
        let mut found = quality::crossings(flows);
        found.extend(quality::pass_throughs(flows));
        found.extend(quality::joint_crossings(flows, joints).map(|f| (f, f)));
        let mut count = found.len();
        // A connector's line joining another arrow: the target's side
        // exits may be what keeps it off a side, so they are tried too.
        for (i, j) in quality::connector_merges(flows, |f| plan.comes_from_connector(f)) {
            count += 1;
            found.push((i, j));
            let target = plan.flows[i].to;
            found.extend(
                (0..plan.flows.len())
                    .filter(|&k| plan.flows[k].from == target)
                    .map(|k| (i, k)),
            );
        }
        (found, count)
    };
    let (mut crossings, count) = faults(&best, plan);
    let mut score = (crowded, count, quality::bends(&best));
    for round in 0..ROUNDS {
        if score.1 == 0 {
            break;
        }
        let mut arrows: Vec<usize> = crossings.iter().flat_map(|&(h, v)| [h, v]).collect();
        arrows.sort_unstable();
        arrows.dedup();
        for f in arrows {
            let kept = plan.flows[f].variant;
            let mut chosen = kept;
            let flow = &plan.flows[f];
            let other_outcome = plan.rows[flow.from].outcomes && !flow.main;
            let tried = Variant::TRIED
                .into_iter()
                .chain(
                    extra_variants(&plan.rows, flow, round + 1 == ROUNDS)
                        .iter()
                        .copied(),
                )
                .filter(|&v| v != kept && (other_outcome || !v.moves_outcome_exit()));
            for variant in tried {
                plan.flows[f].variant = variant;
                let (flows, crowded, used) = draw(plan, route(&plan.rows, &plan.flows, lane_count));
                let (found, count) = faults(&flows, plan);
                let candidate = (crowded, count, quality::bends(&flows));
                if candidate < score {
                    (best, crossings, score, chosen) = (flows, found, candidate, variant);
                    tracks = used;
                }
            }
            plan.flows[f].variant = chosen;
            if score.1 == 0 {
                break;
            }
        }
    }
    Untangled {
        flows: best,
        tracks,
    }
}
