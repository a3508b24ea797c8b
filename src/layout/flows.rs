//! Phase 7c, flows: the routes of a page turned into points. Waypoints
//! name a lane's axis, a symbol's edge or a channel track and a row's
//! part; here they get coordinates, and corners that are not corners go.
//!
//! In: the [`Table`], the [`PagePlan`], the [`Routes`] (phase 7b) and the
//! [`RowBox`]es (phase 7a). Out: the page's [`FlowPath`]s, unlabelled.

use super::dims::{Channel, MIN_LINE_CLEARANCE, connector_box};
use super::place::{RowBox, connector_at};
use super::plan::{PagePlan, Pair};
use super::quality::PARALLEL_GAP;
use super::route::{Routes, Side, Slot, UpperPoint, Waypoint, X, Y};
use super::table::Table;
use super::types::{FlowPath, Shape};
use crate::geom::Point;

/// The arrows of a page: routes turned into points.
pub(crate) fn place_flows(
    table: &Table<'_>,
    plan: &PagePlan,
    routes: &Routes,
    boxes: &[RowBox],
    pairs: &[Pair],
) -> Vec<FlowPath> {
    let track_x = |lane: usize, side: Side, track: usize| {
        let (x, w) = table.columns.lanes[lane];
        let count = routes.tracks[lane * 2 + side as usize];
        let offset = Channel::of(w, table.columns.symbol_width).offset(track, count);
        match side {
            Side::Left => x + w / 2.0 - offset,
            Side::Right => x + w / 2.0 + offset,
        }
    };
    // How far off the axis the lines of two connectors sharing a lane run.
    let beside = connector_box(table.columns.symbol_width, 2, Slot::Right).0;
    let point = |w: &Waypoint| {
        let b = &boxes[w.row];
        let x = match w.x {
            X::Axis(lane) => table.axis(lane),
            X::Edge(lane, slot, side) => {
                let row = &plan.rows[w.row];
                let (x, width) = match (0..row.lanes.len())
                    .find(|&k| row.connector && row.lanes[k] == lane && row.slot(k) == slot)
                {
                    Some(k) => connector_at(table, row, k),
                    None => (table.axis(lane), b.size.0),
                };
                match side {
                    Side::Left => x - width / 2.0,
                    Side::Right => x + width / 2.0,
                }
            }
            X::Track(lane, side, track) => track_x(lane, side, track),
            X::Upper(lane, side, row, point) => {
                let off = upper_point(plan.rows[row].shape, boxes[row].size, point);
                match side {
                    Side::Left => table.axis(lane) - off,
                    Side::Right => table.axis(lane) + off,
                }
            }
            X::Beside(lane, side) => match side {
                Side::Left => table.axis(lane) - beside,
                Side::Right => table.axis(lane) + beside,
            },
            X::Lower(lane, side, point) => {
                let off = lower_edge_offset(plan.rows[w.row].shape, b.size, point.along());
                match side {
                    Side::Left => table.axis(lane) - off,
                    Side::Right => table.axis(lane) + off,
                }
            }
        };
        let y = match w.y {
            Y::Mid => b.mid(),
            Y::SymbolTop => b.top(),
            Y::SymbolBottom => b.bottom(),
            Y::BusBelow => b.bottom() + b.bus_below,
            Y::BusAbove => b.y + (b.top() - b.y) / 2.0,
            Y::BusAboveInner => parted_levels(b).0,
            Y::BusAboveOuter => parted_levels(b).1,
            Y::LowerEdge(point) => b.mid() + b.size.1 / 2.0 * point.along(),
            Y::UpperEdge => {
                // The height goes with an upper edge point, the near one
                // unless the point says otherwise.
                let point = match w.x {
                    X::Upper(.., point) => point,
                    _ => UpperPoint::Near,
                };
                let shape = plan.rows[w.row].shape;
                b.top() + outline_depth(shape, b.size, upper_point(shape, b.size, point))
            }
            Y::OutlineAbove => b.top() + outline_depth(plan.rows[w.row].shape, b.size, beside),
        };
        Point::new(x, y)
    };
    let id = |step: usize| table.procedure.steps[step].id.clone();
    routes
        .paths
        .iter()
        .enumerate()
        .map(|(f, path)| {
            let flow = &table.procedure.flows[plan.flow_index[f]];
            let connector = plan.pair[f].map(|k| pairs[k].label.clone());
            let points = simplify(path.iter().map(point).collect());
            FlowPath {
                from: id(flow.from),
                to: id(flow.to),
                points,
                label: None,
                connector,
            }
        })
        .collect()
}

/// Drops repeated points and corners that are not corners.
fn simplify(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_some_and(|q| q.x == p.x && q.y == p.y) {
            continue;
        }
        if out.len() >= 2 {
            let a = out[out.len() - 2];
            let b = out[out.len() - 1];
            if (a.x == b.x && b.x == p.x) || (a.y == b.y && b.y == p.y) {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// How far from its axis a symbol of `shape` and `size` reaches at
/// `along` (0 the middle, 1 the bottom) of its lower half: where a point
/// on its lower edge lies, on its outline.
fn lower_edge_offset(shape: Shape, (width, height): (f32, f32), along: f32) -> f32 {
    match shape {
        Shape::Decision => width / 2.0 * (1.0 - along),
        Shape::Terminator => {
            let r = height / 2.0;
            width / 2.0 - r + r * (1.0 - along * along).max(0.0).sqrt()
        }
        Shape::Process | Shape::OffPage => width / 2.0,
    }
}

/// Where an arrow enters a symbol of `shape` and `size` beside its top:
/// how far from the axis and how far below the top, on its outline. A
/// box's or connector's top edge a quarter of the width out; a capsule's
/// at the same distance (on its end arc when the flat top is shorter); a
/// diamond's upper edge half way from its top vertex to its side one.
pub(super) fn upper_entry(shape: Shape, size: (f32, f32)) -> (f32, f32) {
    let dx = size.0 / 4.0;
    (dx, outline_depth(shape, size, dx))
}

/// How far off the axis an [`X::Upper`] point lies: the near one where
/// [`upper_entry`] puts it, the far one a parallel gap (or an eighth of
/// the width) past it, short of the side vertex.
fn upper_point(shape: Shape, size: (f32, f32), point: UpperPoint) -> f32 {
    let near = upper_entry(shape, size).0;
    match point {
        UpperPoint::Near => near,
        UpperPoint::Far => (near + PARTED.max(size.0 / 8.0)).min(size.0 / 2.0 - 2.0),
    }
}

/// How far apart two arrows parted across one top gap run.
pub(super) const PARTED: f32 = PARALLEL_GAP + 0.5;

/// The heights of [`Y::BusAboveInner`] and [`Y::BusAboveOuter`] in row
/// `b`: [`PARTED`] apart about the bus, each clear of the row line and of
/// the symbol's top; on the bus both, where the top gap is too short.
fn parted_levels(b: &RowBox) -> (f32, f32) {
    let gap = b.top() - b.y;
    let bus = b.y + gap / 2.0;
    if gap >= PARTED + 2.0 * MIN_LINE_CLEARANCE {
        (bus - PARTED / 2.0, bus + PARTED / 2.0)
    } else {
        (bus, bus)
    }
}

/// How far below its top the outline of a symbol of `shape` and `size`
/// lies `dx` off its axis (within its half width), on its upper half.
fn outline_depth(shape: Shape, (width, height): (f32, f32), dx: f32) -> f32 {
    match shape {
        Shape::Decision => height * dx / width,
        Shape::Terminator => {
            let r = height / 2.0;
            let past = (dx - (width / 2.0 - r)).max(0.0);
            r - (r * r - past * past).max(0.0).sqrt()
        }
        Shape::Process | Shape::OffPage => 0.0,
    }
}
