//! Arrows beside a connector's line: where the line from an incoming
//! off-page connector comes into its target's top and other arrows end
//! there too, they part at the target's edge. When the connector's line
//! comes down the axis (straight from above, or from the row above the
//! top gap), every arrow coming in across the top gap
//! ends instead at the point of the target's upper edge on the side it
//! comes from; when the connector's line itself comes in across the gap,
//! alone from its side, it is the one that ends on that side's point. The
//! connector's line then joins no other arrow on its way down (a loop back
//! from a later page would otherwise read like a second start), and no
//! arrow gains a corner: only its last drop moves off the axis. Arrows
//! that come in from one side, a connector's line among them, part in
//! two ways: the inner one (down the axis from a row above, or on the
//! inner track) turns higher and ends nearer the axis, the outer one
//! turns lower and ends farther out.

use super::{RouteFlow, RouteRow, Routes, Side, UpperPoint, Waypoint, X, Y};

/// Parts the arrows sharing the end of a connector's line at a top.
pub(super) fn clear_connector_lines(rows: &[RouteRow], flows: &[RouteFlow], routes: &mut Routes) {
    // The arrows ending on the axis at each symbol's top (a joint
    // activity has one in each of its lanes), in flow order.
    let mut into_top: std::collections::BTreeMap<(usize, usize), Vec<usize>> = Default::default();
    for (f, flow) in flows.iter().enumerate() {
        if let Some(&Waypoint {
            x: X::Axis(lane),
            row,
            y: Y::SymbolTop,
        }) = routes.paths[f].last()
            && row == flow.to
        {
            into_top.entry((row, lane)).or_default().push(f);
        }
    }
    for ((t, lane), arrows) in into_top {
        let from_connector = |f: usize| rows[flows[f].from].connector;
        if arrows.len() < 2 || !arrows.iter().any(|&f| from_connector(f)) {
            continue;
        }
        let sides: Vec<Option<Side>> = arrows
            .iter()
            .map(|&f| approach(&routes.paths[f], lane))
            .collect();
        // A connector's line down the axis: from straight above, else
        // from the row above the top gap.
        let straight_above = |k: usize| from_connector(arrows[k]) && sides[k].is_none();
        let any_straight_above = (0..arrows.len()).any(straight_above);
        let down_axis: Vec<bool> = (0..arrows.len())
            .map(|k| {
                let path = &routes.paths[arrows[k]];
                straight_above(k)
                    || (from_connector(arrows[k])
                        && !any_straight_above
                        && path[path.len() - axis_run(path, lane)].row < t)
            })
            .collect();
        let straight_line = down_axis.iter().any(|&d| d);
        // Arrows from one side, one of them a connector's line: parted.
        let mut parted = vec![false; arrows.len()];
        for side in [Side::Left, Side::Right] {
            let from_side: Vec<usize> = (0..arrows.len())
                .filter(|&k| sides[k] == Some(side) && !down_axis[k])
                .collect();
            let members: Vec<(usize, bool)> = from_side
                .iter()
                .map(|&k| (arrows[k], from_connector(arrows[k])))
                .collect();
            let axis_taken = straight_line || sides.iter().any(|&s| s != Some(side));
            if members.iter().any(|m| m.1)
                && part(&mut routes.paths, &members, (lane, side, t), axis_taken)
            {
                for k in from_side {
                    parted[k] = true;
                }
            }
        }
        for (k, (&f, &side)) in arrows.iter().zip(&sides).enumerate() {
            let Some(side) = side.filter(|_| !down_axis[k] && !parted[k]) else {
                continue;
            };
            let alone = sides
                .iter()
                .enumerate()
                .all(|(j, &other)| j == k || other != Some(side));
            if straight_line || (from_connector(f) && alone) {
                move_last_drop(&mut routes.paths[f], lane, (side, UpperPoint::Near), t);
            }
        }
    }
}

/// The side of `lane`'s axis from which `path` comes to its trailing run
/// on that axis; none when it comes straight down the axis.
fn approach(path: &[Waypoint], lane: usize) -> Option<Side> {
    let before = path.len().checked_sub(axis_run(path, lane) + 1)?;
    side_of(path[before].x, lane)
}

/// Parts the arrows of `members` (each with whether it is a connector's
/// line) that come from `side` into row `t`'s top in two ways (down the
/// axis from a row above, down a track of `lane`'s channel on that side,
/// or from another lane, then across the top gap), each way taken by one
/// connector's line or by arrows of no connector. The inner way (down the axis, else the
/// inner track) turns above the bus and ends nearer the axis (on it,
/// unless `axis_taken`); the outer one turns below the bus and ends
/// farther out on the upper edge. No connector's line then runs on
/// another arrow, and the two ways do not cross. Returns false, changing
/// nothing, where the arrows do not come so.
fn part(
    paths: &mut [Vec<Waypoint>],
    members: &[(usize, bool)],
    (lane, side, t): (usize, Side, usize),
    axis_taken: bool,
) -> bool {
    // How far out an arrow comes, nearest first: down the axis from
    // above, on a track of the lane, from a lane farther out (its channel
    // facing this lane, outer tracks nearest, then its axis, then its
    // other channel).
    let reach = |path: &[Waypoint]| {
        let run = axis_run(path, lane);
        let turn = path.len().checked_sub(run + 1)?;
        if path.get(turn + 1).is_some_and(|w| w.row < t) {
            return Some((0, 0, 0, 0));
        }
        let Waypoint { x, row, y } = path[turn];
        if row != t || y != Y::BusAbove {
            return None;
        }
        match (x, x.lane().abs_diff(lane)) {
            (X::Track(_, s, k), 0) => (s == side).then_some((1, 0, 0, k)),
            (X::Track(_, s, k), far) if s != side => Some((2, far, 0, usize::MAX - k)),
            (X::Axis(_), far) if far > 0 => Some((2, far, 1, 0)),
            (X::Track(_, _, k), far) => Some((2, far, 2, k)),
            _ => None,
        }
    };
    let Some(reaches) = members
        .iter()
        .map(|&(f, connector)| reach(&paths[f]).map(|r| (f, connector, r)))
        .collect::<Option<Vec<_>>>()
    else {
        return false;
    };
    // The arrows of no connector go one way (they may join): nearer or
    // farther out than every connector's line.
    let lines: Vec<_> = reaches.iter().filter(|r| r.1).map(|r| r.2).collect();
    let others = reaches.iter().filter(|r| !r.1).map(|r| r.2);
    let (Some(lines_in), Some(lines_out)) = (lines.iter().min(), lines.iter().max()) else {
        return false;
    };
    let others_way = match (others.clone().min(), others.max()) {
        (Some(_), Some(out)) if out < *lines_in => Some(out),
        (Some(inn), Some(_)) if inn > *lines_out => Some(inn),
        (None, None) => None,
        _ => return false,
    };
    let way = |&(_, connector, reach): &(usize, bool, _)| {
        if connector { Some(reach) } else { others_way }
    };
    let mut ways: Vec<_> = reaches.iter().filter_map(way).collect();
    ways.sort_unstable();
    ways.dedup();
    if ways.len() != 2 || ways.len() != lines.len() + usize::from(others_way.is_some()) {
        return false;
    }
    for reach in &reaches {
        let f = reach.0;
        let (level, point) = if way(reach) == Some(ways[0]) {
            (Y::BusAboveInner, axis_taken.then_some(UpperPoint::Near))
        } else if axis_taken {
            (Y::BusAboveOuter, Some(UpperPoint::Far))
        } else {
            (Y::BusAboveOuter, Some(UpperPoint::Near))
        };
        let path = &mut paths[f];
        for w in path.iter_mut().rev().take_while(|w| w.row == t) {
            if w.y == Y::BusAbove {
                w.y = level;
            }
        }
        if let Some(point) = point {
            move_last_drop(path, lane, (side, point), t);
        }
    }
    true
}

/// Moves the trailing run of `path` on `lane`'s axis to a point of the
/// upper edge on `side` of the symbol in row `t`.
fn move_last_drop(path: &mut [Waypoint], lane: usize, (side, point): (Side, UpperPoint), t: usize) {
    let run = axis_run(path, lane);
    let last = path.len() - 1;
    for w in &mut path[last + 1 - run..] {
        w.x = X::Upper(lane, side, t, point);
    }
    path[last].y = Y::UpperEdge;
}

/// How many of the last waypoints of `path` lie on `lane`'s axis.
fn axis_run(path: &[Waypoint], lane: usize) -> usize {
    path.iter()
        .rev()
        .take_while(|w| w.x == X::Axis(lane))
        .count()
}

/// The side of `lane`'s axis that horizontal position `x` lies on.
fn side_of(x: X, lane: usize) -> Option<Side> {
    let (at, side) = match x {
        X::Axis(l) => (l, None),
        X::Edge(l, _, side)
        | X::Track(l, side, _)
        | X::Lower(l, side, _)
        | X::Upper(l, side, ..)
        | X::Beside(l, side) => (l, Some(side)),
    };
    match at.cmp(&lane) {
        std::cmp::Ordering::Less => Some(Side::Left),
        std::cmp::Ordering::Greater => Some(Side::Right),
        std::cmp::Ordering::Equal => side,
    }
}

/// The last three waypoints of a route parted over row `row`'s top: at
/// `level` from `track` across to the upper-edge point `end`, then down
/// onto it.
#[cfg(test)]
pub(super) fn parted_end(track: X, end: X, row: usize, level: Y) -> [Waypoint; 3] {
    let wp = |x, y| Waypoint { x, row, y };
    [wp(track, level), wp(end, level), wp(end, Y::UpperEdge)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::route::Slot;
    use crate::layout::types::Shape;

    fn row(connector: bool) -> RouteRow {
        RouteRow {
            lanes: vec![0],
            outcomes: false,
            shape: if connector {
                Shape::OffPage
            } else {
                Shape::Process
            },
            connector,
            slots: Vec::new(),
        }
    }

    fn wp(x: X, row: usize, y: Y) -> Waypoint {
        Waypoint { x, row, y }
    }

    /// A connector (row 0) reached through lane 0's right channel and a
    /// straight drop from row 1, both into row 2's top; with `loop_back`,
    /// row 3 also climbs that channel into row 2's top.
    fn shared_top(loop_back: bool) -> (Vec<RouteRow>, Vec<RouteFlow>, Routes) {
        let rows = vec![row(true), row(false), row(false), row(false)];
        let across = |from: usize, y: Y| {
            vec![
                wp(X::Edge(0, Slot::Right, Side::Right), from, Y::Mid),
                wp(X::Track(0, Side::Right, 0), from, y),
                wp(X::Track(0, Side::Right, 0), 2, Y::BusAbove),
                wp(X::Axis(0), 2, Y::BusAbove),
                wp(X::Axis(0), 2, Y::SymbolTop),
            ]
        };
        let mut flows = vec![
            RouteFlow::between(0, 2, true),
            RouteFlow::between(1, 2, true),
        ];
        let mut paths = vec![
            across(0, Y::Mid),
            vec![
                wp(X::Axis(0), 1, Y::SymbolBottom),
                wp(X::Axis(0), 2, Y::SymbolTop),
            ],
        ];
        if loop_back {
            flows.push(RouteFlow::between(3, 2, false));
            paths.push(across(3, Y::Mid));
        }
        let tracks = vec![0, 1];
        (rows, flows, Routes { paths, tracks })
    }

    #[test]
    fn a_connectors_line_alone_on_its_side_ends_on_that_sides_upper_point() {
        let (rows, flows, mut routes) = shared_top(false);
        let straight = routes.paths[1].clone();
        clear_connector_lines(&rows, &flows, &mut routes);
        let line = &routes.paths[0];
        assert_eq!(
            line[3],
            wp(
                X::Upper(0, Side::Right, 2, UpperPoint::Near),
                2,
                Y::BusAbove
            )
        );
        assert_eq!(
            line[4],
            wp(
                X::Upper(0, Side::Right, 2, UpperPoint::Near),
                2,
                Y::UpperEdge
            )
        );
        assert_eq!(routes.paths[1], straight, "the straight drop keeps the top");
    }

    #[test]
    fn a_connectors_line_sharing_a_track_with_another_is_left_as_it_is() {
        let (rows, flows, mut routes) = shared_top(true);
        let before = routes.paths.clone();
        clear_connector_lines(&rows, &flows, &mut routes);
        assert_eq!(routes.paths, before);
    }

    #[test]
    fn two_arrows_on_two_tracks_of_one_side_part_at_a_free_top() {
        // The connector's line on the outer track, a loop from row 3 on
        // the inner one; nothing comes down the axis.
        let rows = vec![row(true), row(false), row(false), row(false)];
        let flows = vec![
            RouteFlow::between(0, 2, true),
            RouteFlow::between(3, 2, false),
        ];
        let across = |from: usize, track: usize| {
            vec![
                wp(X::Edge(0, Slot::Right, Side::Right), from, Y::Mid),
                wp(X::Track(0, Side::Right, track), from, Y::Mid),
                wp(X::Track(0, Side::Right, track), 2, Y::BusAbove),
                wp(X::Axis(0), 2, Y::BusAbove),
                wp(X::Axis(0), 2, Y::SymbolTop),
            ]
        };
        let mut routes = Routes {
            paths: vec![across(0, 1), across(3, 0)],
            tracks: vec![0, 2],
        };
        clear_connector_lines(&rows, &flows, &mut routes);
        let near = X::Upper(0, Side::Right, 2, UpperPoint::Near);
        assert_eq!(
            routes.paths[0][2..],
            parted_end(X::Track(0, Side::Right, 1), near, 2, Y::BusAboveOuter)
        );
        assert_eq!(
            routes.paths[1][2..],
            [
                wp(X::Track(0, Side::Right, 0), 2, Y::BusAboveInner),
                wp(X::Axis(0), 2, Y::BusAboveInner),
                wp(X::Axis(0), 2, Y::SymbolTop),
            ]
        );
    }

    #[test]
    fn a_connectors_line_across_the_gap_parts_from_arrows_down_the_axis_on_its_side() {
        // Rows 1 and 2 leave by their left sides toward lane 0 and come
        // down its axis into row 3's top; the connector's line comes down
        // the right channel and across the top gap.
        let rows = vec![row(true), row(false), row(false), row(false)];
        let flows = vec![
            RouteFlow::between(1, 3, true),
            RouteFlow::between(2, 3, true),
            RouteFlow::between(0, 3, true),
        ];
        let down_axis = |from: usize| {
            vec![
                wp(X::Edge(1, Slot::Centre, Side::Left), from, Y::Mid),
                wp(X::Axis(0), from, Y::Mid),
                wp(X::Axis(0), 3, Y::SymbolTop),
            ]
        };
        let mut routes = Routes {
            paths: vec![
                down_axis(1),
                down_axis(2),
                vec![
                    wp(X::Edge(0, Slot::Right, Side::Right), 0, Y::Mid),
                    wp(X::Track(0, Side::Right, 0), 0, Y::Mid),
                    wp(X::Track(0, Side::Right, 0), 3, Y::BusAbove),
                    wp(X::Axis(0), 3, Y::BusAbove),
                    wp(X::Axis(0), 3, Y::SymbolTop),
                ],
            ],
            tracks: vec![0, 1],
        };
        let joined = routes.paths[..2].to_vec();
        clear_connector_lines(&rows, &flows, &mut routes);
        assert_eq!(routes.paths[..2], joined, "the others keep the axis");
        let near = X::Upper(0, Side::Right, 3, UpperPoint::Near);
        assert_eq!(
            routes.paths[2][2..],
            parted_end(X::Track(0, Side::Right, 0), near, 3, Y::BusAboveOuter)
        );
    }

    #[test]
    fn beside_a_connectors_line_straight_from_above_the_others_part_on_their_side() {
        // Into row 3's top in lane 1: one connector's line straight down
        // from the band; another down lane 1's left channel and the axis
        // from row 2; an arrow from lane 0 across the top gap.
        let rows = vec![row(true), row(false), row(false), row(false)];
        let flows = vec![
            RouteFlow::between(0, 3, true),
            RouteFlow::between(0, 3, true),
            RouteFlow::between(1, 3, true),
        ];
        let straight = vec![
            wp(X::Axis(1), 0, Y::SymbolBottom),
            wp(X::Axis(1), 3, Y::SymbolTop),
        ];
        let mut routes = Routes {
            paths: vec![
                straight.clone(),
                vec![
                    wp(X::Edge(1, Slot::Left, Side::Left), 0, Y::Mid),
                    wp(X::Track(1, Side::Left, 0), 0, Y::Mid),
                    wp(X::Track(1, Side::Left, 0), 2, Y::Mid),
                    wp(X::Axis(1), 2, Y::Mid),
                    wp(X::Axis(1), 3, Y::SymbolTop),
                ],
                vec![
                    wp(X::Edge(0, Slot::Centre, Side::Right), 1, Y::Mid),
                    wp(X::Track(0, Side::Right, 0), 1, Y::Mid),
                    wp(X::Track(0, Side::Right, 0), 3, Y::BusAbove),
                    wp(X::Axis(1), 3, Y::BusAbove),
                    wp(X::Axis(1), 3, Y::SymbolTop),
                ],
            ],
            tracks: vec![0, 1, 1, 0],
        };
        clear_connector_lines(&rows, &flows, &mut routes);
        assert_eq!(
            routes.paths[0], straight,
            "the straight line keeps the axis"
        );
        let (near, far) = (
            X::Upper(1, Side::Left, 3, UpperPoint::Near),
            X::Upper(1, Side::Left, 3, UpperPoint::Far),
        );
        assert_eq!(
            routes.paths[1][3..],
            [wp(near, 2, Y::Mid), wp(near, 3, Y::UpperEdge)]
        );
        assert_eq!(
            routes.paths[2][2..],
            parted_end(X::Track(0, Side::Right, 0), far, 3, Y::BusAboveOuter)
        );
    }

    #[test]
    fn arrows_beside_a_straight_connector_line_end_on_their_sides_upper_points() {
        let rows = vec![row(true), row(false), row(false)];
        let flows = vec![
            RouteFlow::between(0, 2, true),
            RouteFlow::between(1, 2, true),
        ];
        let mut routes = Routes {
            paths: vec![
                vec![
                    wp(X::Axis(0), 0, Y::SymbolBottom),
                    wp(X::Axis(0), 2, Y::SymbolTop),
                ],
                vec![
                    wp(X::Edge(1, Slot::Centre, Side::Left), 1, Y::Mid),
                    wp(X::Axis(0), 1, Y::Mid),
                    wp(X::Axis(0), 2, Y::SymbolTop),
                ],
            ],
            tracks: vec![0, 0],
        };
        clear_connector_lines(&rows, &flows, &mut routes);
        assert_eq!(routes.paths[0][1], wp(X::Axis(0), 2, Y::SymbolTop));
        assert_eq!(
            routes.paths[1][1..],
            [
                wp(X::Upper(0, Side::Right, 2, UpperPoint::Near), 1, Y::Mid),
                wp(
                    X::Upper(0, Side::Right, 2, UpperPoint::Near),
                    2,
                    Y::UpperEdge
                )
            ]
        );
    }
}
