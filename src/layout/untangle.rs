//! Phases 7b and 7c together, untangle: route and place a page's arrows,
//! then, where two of them cross or read as one line through a box, try
//! the other route variants of each such arrow ([`Variant`]) and keep
//! every change that leaves the page with fewer of these faults, or as
//! many and fewer bends.
//!
//! In: the [`Table`], the [`PagePlan`] (its arrows' variants are set
//! here), the [`RowBox`]es. Out: the page's [`FlowPath`]s, unlabelled.
//! Linear in practice: pages are short, and only pages with crossings,
//! and on them only crossing arrows, are routed again.

use super::flows::place_flows;
use super::place::RowBox;
use super::plan::{PagePlan, Pair};
use super::quality;
use super::route::{Variant, route};
use super::table::Table;
use super::types::FlowPath;

/// Rounds over the crossing arrows of a page.
const ROUNDS: usize = 2;

/// The arrows of a page with the fewest crossings its variants reach.
pub(crate) fn untangled_flows(
    table: &Table<'_>,
    plan: &mut PagePlan,
    boxes: &[RowBox],
    pairs: &[Pair],
) -> Vec<FlowPath> {
    let lane_count = table.procedure.lanes.len();
    let draw = |plan: &PagePlan| {
        let routes = route(&plan.rows, &plan.flows, lane_count);
        place_flows(table, plan, &routes, boxes, pairs)
    };
    let mut best = draw(plan);
    let mut crossings = faults(&best);
    let mut score = (crossings.len(), quality::bends(&best));
    for _ in 0..ROUNDS {
        if score.0 == 0 {
            break;
        }
        let mut arrows: Vec<usize> = crossings.iter().flat_map(|&(h, v)| [h, v]).collect();
        arrows.sort_unstable();
        arrows.dedup();
        for f in arrows {
            let kept = plan.flows[f].variant;
            let mut chosen = kept;
            for variant in Variant::TRIED.into_iter().filter(|&v| v != kept) {
                plan.flows[f].variant = variant;
                let flows = draw(plan);
                let found = faults(&flows);
                let candidate = (found.len(), quality::bends(&flows));
                if candidate < score {
                    (best, crossings, score, chosen) = (flows, found, candidate, variant);
                }
            }
            plan.flows[f].variant = chosen;
            if score.0 == 0 {
                break;
            }
        }
    }
    best
}

/// The pairs of arrows that cross, or that read as one line passing a box.
fn faults(flows: &[FlowPath]) -> Vec<(usize, usize)> {
    let mut found = quality::crossings(flows);
    found.extend(quality::pass_throughs(flows));
    found
}
