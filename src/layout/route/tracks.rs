//! Phase 1, the routing pre-pass: how many channel tracks each lane
//! needs, before any width is known.

use super::{RouteFlow, RouteRow, raise_to_busier_side, route};
use crate::layout::dims::shape_of;
use crate::procedure::Procedure;

/// The tracks each lane needs on its busier side, from routing passes
/// (cheap: no text, no geometry) over windows of `window` consecutive
/// rows, overlapping by half: any page of at most `window / 2 + 1` rows
/// lies inside one window. A flow that leaves its window ends at an
/// off-page connector in its own lane on the page and takes no track
/// there. Where a page needs more, the track spacing absorbs it.
pub(crate) fn lane_tracks(procedure: &Procedure, window: usize) -> Vec<usize> {
    let lane_count = procedure.lanes.len();
    let steps = &procedure.steps;
    let window = window.max(2);
    let stride = (window / 2).max(1);
    let mut by_first_row: Vec<Vec<usize>> = vec![Vec::new(); steps.len()];
    for (i, f) in procedure.flows.iter().enumerate() {
        let first = f.from.min(f.to);
        if f.from.abs_diff(f.to) < window {
            by_first_row[first].push(i);
        }
    }
    let mut tracks = vec![0; lane_count];
    let mut start = 0;
    while start < steps.len() {
        let end = start.saturating_add(window).min(steps.len());
        let rows: Vec<RouteRow> = steps[start..end]
            .iter()
            .enumerate()
            .map(|(k, s)| RouteRow {
                lanes: s.lanes.clone(),
                outcomes: procedure.branches(start + k),
                shape: shape_of(s.kind),
                connector: false,
                slots: Vec::new(),
            })
            .collect();
        let mut inside: Vec<usize> = by_first_row[start..end]
            .iter()
            .flatten()
            .copied()
            .filter(|&i| {
                let f = &procedure.flows[i];
                f.from.max(f.to) < end
            })
            .collect();
        inside.sort_unstable();
        let flows: Vec<RouteFlow> = inside
            .iter()
            .map(|&i| {
                let f = &procedure.flows[i];
                RouteFlow::between(f.from - start, f.to - start, f.main)
            })
            .collect();
        let routes = route(&rows, &flows, lane_count);
        raise_to_busier_side(&mut tracks, &routes.tracks);
        if end == steps.len() {
            break;
        }
        start += stride;
    }
    tracks
}
