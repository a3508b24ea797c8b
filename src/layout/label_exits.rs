//! Phase 7d's driver: a page's labels, and the exits that move for them.
//! Each label first looks for a place that reads as its own arrow's
//! ([`Pass::Owned`]); the arrows whose label finds none leave by the
//! bottom instead and the page is routed again. Where that costs
//! crossings, or joins a connector's line to another arrow, the exits
//! stay if every label finds a clear place that reads as its own arrow's
//! ([`Pass::Kept`]). A label that loses its place when the page is routed
//! again moves its exit too, for a few rounds; then the exits stay, a
//! label crowded nearer another arrow where it must ([`Pass::Crowded`]),
//! and a label is left out only when no drawing tried prints them all.
//!
//! In: the page with its untangled arrows, the [`PagePlan`] (the moved
//! exits are set in it). Out: the labels set on the page's arrows, the
//! tracks its channels take, and the lanes to widen for labels.

use super::labels::{Pass, place_labels};
use super::place::RowBox;
use super::plan::{PagePlan, Pair};
use super::quality;
use super::table::Table;
use super::types::{FlowPath, Page};
use super::untangle::{Untangled, untangled_flows};

/// Rounds of moving exits for labels that lost their place.
const ROUNDS: usize = 3;

/// Labels the arrows of `page` (drawn as `drawn`), moving exits where a
/// label finds no room. Returns the tracks the chosen drawing takes; sets
/// `label_room` for the lanes of the sources whose exits, moved at first,
/// cost crossings.
pub(crate) fn label_page(
    table: &Table<'_>,
    (page, plan): (&mut Page, &mut PagePlan),
    (boxes, pairs): (&[RowBox], &[Pair]),
    drawn: Untangled,
    label_room: &mut [bool],
) -> Vec<usize> {
    page.flows = drawn.flows;
    let mut failed = place_labels(table, page, plan, Pass::Owned);
    if failed.is_empty() {
        return drawn.tracks;
    }
    let unparted = page.flows.clone();
    if part_entries(page, &failed) {
        for flow in &mut page.flows {
            flow.label = None;
        }
        if place_labels(table, page, plan, Pass::Owned).is_empty() {
            return drawn.tracks;
        }
    }
    page.flows = unparted;
    let original = page.flows.clone();
    let faults = |flows: &[FlowPath], plan: &PagePlan| {
        (
            quality::crossings(flows).len(),
            quality::connector_merges(flows, |f| plan.comes_from_connector(f)).len(),
        )
    };
    let before = faults(&original, plan);
    // The original exits with every label in a clear place (`pass`):
    // the labels that find none.
    let keep = |page: &mut Page, plan: &PagePlan, pass: Pass| {
        page.flows.clone_from(&original);
        for flow in &mut page.flows {
            flow.label = None;
        }
        place_labels(table, page, plan, pass)
    };
    let mut round = 0;
    loop {
        for &f in &failed {
            plan.flows[f].bottom_only = true;
        }
        let again = untangled_flows(table, plan, (boxes, &page.joints), pairs);
        let after = faults(&again.flows, plan);
        let costlier = after.0 > before.0;
        if costlier && round == 0 {
            mark_lanes(table, plan, &failed, label_room);
        }
        if (costlier || after.1 > before.1) && keep(page, plan, Pass::Kept).is_empty() {
            mark_lanes(table, plan, &failed, label_room);
            return drawn.tracks;
        }
        page.flows = again.flows;
        let lost = place_labels(table, page, plan, Pass::Rerouted);
        round += 1;
        if lost.is_empty() {
            return again.tracks;
        }
        if round == ROUNDS {
            // Rather the original exits, every label in a clear place
            // (reading as its own arrow's, else crowded), than a label
            // left out.
            let rerouted = std::mem::take(&mut page.flows);
            if keep(page, plan, Pass::Kept).is_empty() || keep(page, plan, Pass::Crowded).is_empty()
            {
                mark_lanes(table, plan, &failed, label_room);
                return drawn.tracks;
            }
            page.flows = rerouted;
            return again.tracks;
        }
        failed = lost;
    }
}

/// Moves aside the arrows that come into the top of the source of each
/// of `failed` (leaving by a side vertex) across the top gap from the
/// other side: each ends on the source's upper edge on its own side, a
/// quarter of the symbol's width off the axis, away from the label. Only
/// the last drop moves and the arrows keep their corners; a top that an
/// arrow drops into straight, or from the label's side, stays, and so do
/// arrows whose point another arrow already ends on. Returns
/// whether any arrow moved, with no crossing and no close parallel added.
fn part_entries(page: &mut Page, failed: &[usize]) -> bool {
    let before = (
        quality::crossings(&page.flows).len(),
        quality::close_parallels(&page.flows),
    );
    let mut moved = false;
    for &f in failed {
        let start = page.flows[f].points[0];
        let Some(symbol) = page.symbols.iter().find(|s| {
            s.id == page.flows[f].from
                && (s.rect.centre().y - start.y).abs() < 0.01
                && ((s.rect.x - start.x).abs() < 0.01 || (s.rect.right() - start.x).abs() < 0.01)
        }) else {
            continue;
        };
        let (rect, shape) = (symbol.rect, symbol.shape);
        let axis = rect.centre().x;
        // The side the arrows to move come from: away from the exit.
        let away = if start.x < axis { 1.0 } else { -1.0 };
        let (dx, dy) = super::flows::upper_entry(shape, (rect.width, rect.height));
        let into_top: Vec<usize> = (0..page.flows.len())
            .filter(|&g| {
                page.flows[g]
                    .points
                    .last()
                    .is_some_and(|p| (p.x - axis).abs() < 0.01 && (p.y - rect.y).abs() < 0.01)
            })
            .collect();
        let across = |g: usize| {
            let &[.., a, b, _] = &page.flows[g].points[..] else {
                return false;
            };
            (a.y - b.y).abs() < 0.01 && (a.x - axis) * away >= dx + quality::PARALLEL_GAP
        };
        let x = axis + away * dx;
        // An arrow already ending there (parted from one over the top).
        let taken = page.flows.iter().any(|f| {
            f.points
                .last()
                .is_some_and(|p| (p.x - x).abs() < 0.01 && (p.y - rect.y - dy).abs() < 0.01)
        });
        if taken || into_top.is_empty() || !into_top.iter().all(|&g| across(g)) {
            continue;
        }
        for g in into_top {
            let points = &mut page.flows[g].points;
            let n = points.len();
            points[n - 2].x = x;
            points[n - 1] = crate::geom::Point::new(x, rect.y + dy);
            moved = true;
        }
    }
    moved
        && quality::crossings(&page.flows).len() <= before.0
        && quality::close_parallels(&page.flows) <= before.1
}

/// Marks the lanes of the sources of `flows` to be widened for labels.
fn mark_lanes(table: &Table<'_>, plan: &PagePlan, flows: &[usize], label_room: &mut [bool]) {
    for &f in flows {
        let source = table.procedure.flows[plan.flow_index[f]].from;
        for &lane in &table.procedure.steps[source].lanes {
            label_room[lane] = true;
        }
    }
}
