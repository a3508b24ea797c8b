//! Phase 7c, last step: a connector's line beside the axis that drops
//! straight into its target's upper edge (`route/beside.rs`) is crossed
//! by an arrow coming across the top gap from the line's side into the
//! top (a loop back from below, say). There the line jogs onto the axis
//! just above that arrow and drops into the top, and the arrow ends on
//! the upper edge on its own side instead, a quarter of the symbol's
//! width out: the two no longer cross. Kept only where that spares a
//! crossing and brings no line closer to another or through a box.
//!
//! In: the [`Table`], the [`PagePlan`], the page's [`Routes`] and
//! [`RowBox`]es, its placed [`FlowPath`]s. Out: those paths, jogged.

use super::dims::MIN_LINE_CLEARANCE;
use super::flows::{PARTED, upper_entry};
use super::place::RowBox;
use super::plan::PagePlan;
use super::quality::{self, PARALLEL_GAP};
use super::route::{Routes, Side, Waypoint, X, Y};
use super::table::Table;
use super::types::FlowPath;
use crate::geom::Point;

/// Jogs the connectors' lines beside the axis that an arrow into the
/// same top crosses (see the module).
pub(crate) fn jog_beside_lines(
    table: &Table<'_>,
    plan: &PagePlan,
    (routes, boxes): (&Routes, &[RowBox]),
    flows: &mut [FlowPath],
) {
    for (c, path) in routes.paths.iter().enumerate() {
        let [
            Waypoint {
                x: X::Beside(lane, side),
                ..
            },
            Waypoint {
                y: Y::OutlineAbove,
                row: t,
                ..
            },
        ] = path[..]
        else {
            continue;
        };
        // The one arrow ending on the axis at the target's top.
        let top = Waypoint {
            x: X::Axis(lane),
            row: t,
            y: Y::SymbolTop,
        };
        let mut into_top =
            (0..routes.paths.len()).filter(|&g| routes.paths[g].last() == Some(&top));
        let (Some(g), None) = (into_top.next(), into_top.next()) else {
            continue;
        };
        let b = &boxes[t];
        let axis = table.axis(lane);
        let out = match side {
            Side::Left => -1.0,
            Side::Right => 1.0,
        };
        let (&[tip, _], &[.., turn, corner, _]) = (&flows[c].points[..], &flows[g].points[..])
        else {
            continue;
        };
        let (dx, dy) = upper_entry(plan.rows[t].shape, b.size);
        // Across the top gap from the line's side, from past the line.
        let across = turn.y == corner.y
            && corner.x == axis
            && (turn.x - axis) * out >= ((tip.x - axis) * out).max(dx) + PARALLEL_GAP;
        let level = corner.y - PARTED;
        if !across || level < b.y + MIN_LINE_CLEARANCE || level <= tip.y {
            continue;
        }
        let before = faults(flows);
        let kept = (flows[c].points.clone(), flows[g].points.clone());
        flows[c].points = vec![
            tip,
            Point::new(tip.x, level),
            Point::new(axis, level),
            Point::new(axis, b.top()),
        ];
        let x = axis + out * dx;
        let arrow = &mut flows[g].points;
        let n = arrow.len();
        arrow[n - 2].x = x;
        arrow[n - 1] = Point::new(x, b.top() + dy);
        let after = faults(flows);
        if !(after.0 < before.0 && after.1 <= before.1 && after.2 <= before.2) {
            (flows[c].points, flows[g].points) = kept;
        }
    }
}

/// Crossings, close parallels and lines through a box among `flows`.
fn faults(flows: &[FlowPath]) -> (usize, usize, usize) {
    (
        quality::crossings(flows).len(),
        quality::close_parallels(flows),
        quality::pass_throughs(flows).len(),
    )
}
