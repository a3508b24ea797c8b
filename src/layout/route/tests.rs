//! Unit tests of the router: routes end where they should, straight drops
//! take no channel, nested loops nest, lane tracks and nearest lanes.

use super::*;

pub(super) fn rows(lanes: &[usize]) -> Vec<RouteRow> {
    lanes
        .iter()
        .map(|&lane| RouteRow {
            lanes: vec![lane],
            outcomes: false,
            shape: crate::layout::types::Shape::Process,
            connector: false,
            slots: Vec::new(),
        })
        .collect()
}

pub(super) fn tracks_of(path: &[Waypoint]) -> Vec<(usize, Side, usize)> {
    path.iter()
        .filter_map(|w| match w.x {
            X::Track(lane, side, track) => Some((lane, side, track)),
            _ => None,
        })
        .collect()
}

#[test]
fn every_route_runs_from_its_source_row_to_its_target_row() {
    let rows = rows(&[0, 1, 1, 0, 2, 1]);
    let flows: Vec<RouteFlow> = [
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 4),
        (4, 5),
        (5, 1),
        (3, 0),
        (0, 5),
    ]
    .iter()
    .map(|&(a, b)| RouteFlow::between(a, b, true))
    .collect();
    let routes = route(&rows, &flows, 3);
    assert_eq!(routes.paths.len(), flows.len());
    for (path, flow) in routes.paths.iter().zip(&flows) {
        assert_eq!(path.first().unwrap().row, flow.from);
        assert_eq!(path.last().unwrap().row, flow.to);
    }
}

#[test]
fn a_straight_drop_in_one_lane_takes_no_channel() {
    let routes = route(&rows(&[0, 0]), &[RouteFlow::between(0, 1, true)], 1);
    assert!(tracks_of(&routes.paths[0]).is_empty());
    assert_eq!(routes.tracks, vec![0, 0]);
}

#[test]
fn nested_loops_get_their_own_tracks_the_longer_outside() {
    // Rows 1 and 4 loop back to row 0 and row 3 to row 2, all in lane 0.
    let rows = rows(&[0; 6]);
    let flows = [
        RouteFlow::between(0, 1, true),
        RouteFlow::between(1, 2, true),
        RouteFlow::between(2, 3, true),
        RouteFlow::between(3, 4, true),
        RouteFlow::between(4, 5, true),
        RouteFlow::between(4, 0, false),
        RouteFlow::between(3, 2, false),
    ];
    let routes = route(&rows, &flows, 1);
    let outer = tracks_of(&routes.paths[5]);
    let inner = tracks_of(&routes.paths[6]);
    assert!(!outer.is_empty() && !inner.is_empty());
    if outer[0].1 == inner[0].1 {
        assert!(outer[0].2 > inner[0].2, "{outer:?} outside {inner:?}");
    }
    let used = routes.tracks.iter().sum::<usize>();
    assert!(used >= 2);
}

#[test]
fn lane_tracks_are_the_busier_side_of_each_lane() {
    let sop = crate::generate::generate(crate::generate::GenerateOptions::new(200, 4, 3));
    let procedure = crate::Procedure::from_sop(&sop).unwrap();
    let tracks = lane_tracks(&procedure, usize::MAX);
    assert_eq!(tracks.len(), 4);
    assert!(tracks.iter().any(|&t| t > 0), "loops need channel tracks");
    let paged = lane_tracks(&procedure, 16);
    assert!(paged.iter().zip(&tracks).all(|(p, t)| p <= t));
    // A loop from the last row back to the first spans every page: on each
    // page it ends at a connector and needs no track.
    let mut activities: Vec<String> = (1..30)
        .map(|i| format!(r#"{{"text":"Langkah {i}","actor":"a{}"}}"#, i % 2))
        .collect();
    activities
        .push(r#"{"text":"Sesuai?","actor":"a1","kind":"decision","yes":"31","no":"1"}"#.into());
    activities.push(r#"{"text":"Selesai","actor":"a1","kind":"end"}"#.into());
    let json = format!(
        r#"{{"actors":[{{"id":"a0","name":"A"}},{{"id":"a1","name":"B"}}],"activities":[{}]}}"#,
        activities.join(",")
    );
    let procedure = crate::Procedure::from_sop(&crate::parse_sop(&json).unwrap()).unwrap();
    assert!(lane_tracks(&procedure, usize::MAX).iter().sum::<usize>() > 0);
    assert_eq!(lane_tracks(&procedure, 16), [0, 0]);
}

#[test]
fn nearest_lanes_picks_the_closest_pair() {
    assert_eq!(nearest_lanes(&[0, 5], &[3, 9]), (5, 3));
    assert_eq!(nearest_lanes(&[2], &[2, 7]), (2, 2));
}

/// A band row of connectors in `lanes`, in `slots`.
pub(super) fn band(lanes: &[usize], slots: &[Slot]) -> RouteRow {
    RouteRow {
        lanes: lanes.to_vec(),
        outcomes: false,
        shape: crate::layout::types::Shape::OffPage,
        connector: true,
        slots: slots.to_vec(),
    }
}

/// The arrow from the band row's connector in `slot` of lane 0 to `to`.
pub(super) fn from_band(slot: Slot, to: usize) -> RouteFlow {
    RouteFlow {
        from_lane: Some(0),
        from_slot: slot,
        ..RouteFlow::between(0, to, true)
    }
}

#[test]
fn two_connectors_sharing_a_lane_drop_straight_into_the_top_below() {
    let mut all = vec![band(&[0, 0], &[Slot::Left, Slot::Right])];
    all.extend(rows(&[0]));
    let routes = route(
        &all,
        &[from_band(Slot::Left, 1), from_band(Slot::Right, 1)],
        1,
    );
    for (path, side) in routes.paths.iter().zip([Side::Left, Side::Right]) {
        let wp = |row, y| Waypoint {
            x: X::Beside(0, side),
            row,
            y,
        };
        assert_eq!(path, &vec![wp(0, Y::SymbolBottom), wp(1, Y::OutlineAbove)]);
    }
    assert_eq!(routes.tracks, vec![0, 0]);
}

#[test]
fn a_connectors_line_enters_no_side_another_arrow_enters() {
    // Rows: the band, A, C, D. A drops into C's top, D loops back into
    // C's side; the right connector's line comes down past A to C.
    let mut all = vec![band(&[0, 0], &[Slot::Left, Slot::Right])];
    all.extend(rows(&[0, 0, 0]));
    let flows = [
        RouteFlow::between(1, 2, true),
        RouteFlow::between(3, 2, true),
        from_band(Slot::Left, 1),
        from_band(Slot::Right, 2),
    ];
    let routes = route(&all, &flows, 1);
    let loop_end = *routes.paths[1].last().unwrap();
    assert!(
        matches!(loop_end.x, X::Edge(0, Slot::Centre, _)),
        "{loop_end:?}"
    );
    let line_end = *routes.paths[3].last().unwrap();
    assert_ne!(line_end.x, loop_end.x, "{:?}", routes.paths[3]);
    assert!(
        matches!(line_end.x, X::Upper(0, _, 2, _) | X::Axis(0)),
        "into C's top: {:?}",
        routes.paths[3]
    );
}

#[test]
fn a_connectors_line_over_a_shared_top_comes_down_the_axis_from_the_row_above() {
    // Rows: the band, A, B (lane 0), C (lane 1), T (lane 0), E (lane 1).
    // C's arrow comes down its own lane and across T's top gap; T leaves
    // by its right side. The right connector's line leaves its channel at
    // C's row, where lane 0 is empty, and drops down the axis into T's
    // top; C's arrow ends beside it, on T's upper right edge.
    let mut all = vec![band(&[0, 0], &[Slot::Left, Slot::Right])];
    all.extend(rows(&[0, 0, 1, 0, 1]));
    let flows = [
        RouteFlow::between(1, 2, true),
        RouteFlow::between(2, 3, true),
        RouteFlow {
            variant: Variant::only(Variant::SOURCE_LANE),
            ..RouteFlow::between(3, 4, true)
        },
        RouteFlow::between(4, 5, true),
        from_band(Slot::Left, 1),
        from_band(Slot::Right, 4),
    ];
    let routes = route(&all, &flows, 2);
    let line = &routes.paths[5];
    let n = line.len();
    let wp = |x, row, y| Waypoint { x, row, y };
    assert_eq!(line[n - 2], wp(X::Axis(0), 3, Y::Mid), "{line:?}");
    assert_eq!(line[n - 1], wp(X::Axis(0), 4, Y::SymbolTop), "{line:?}");
    let from_c = &routes.paths[2];
    assert_eq!(
        from_c.last(),
        Some(&wp(
            X::Upper(0, Side::Right, 4, UpperPoint::Near),
            4,
            Y::UpperEdge
        )),
        "{from_c:?}"
    );
}

#[test]
fn connectors_drop_past_a_loop_over_their_targets_top_rather_than_join_it() {
    // Rows: the band, T (a decision), D, X. T's outcomes go down to D and
    // out of a side to X, so no arrow may come into T's other side (it
    // would read as one line through T): D's loop back comes over T's
    // top. Over the top the connectors' lines would join the loop; they
    // drop straight from their tips instead.
    let mut all = vec![band(&[0, 0], &[Slot::Left, Slot::Right])];
    all.extend(rows(&[0, 0, 0]));
    all[1].outcomes = true;
    let flows = [
        RouteFlow::between(2, 1, true),
        RouteFlow::between(1, 2, true),
        RouteFlow::between(1, 3, false),
        from_band(Slot::Left, 1),
        from_band(Slot::Right, 1),
    ];
    let routes = route(&all, &flows, 1);
    let wp = |x, row, y| Waypoint { x, row, y };
    assert_eq!(
        routes.paths[0].last(),
        Some(&wp(X::Axis(0), 1, Y::SymbolTop)),
        "the loop comes over the top: {:?}",
        routes.paths[0]
    );
    for (path, side) in routes.paths[3..].iter().zip([Side::Left, Side::Right]) {
        let beside = |row, y| wp(X::Beside(0, side), row, y);
        assert_eq!(
            path,
            &vec![beside(0, Y::SymbolBottom), beside(1, Y::OutlineAbove)]
        );
    }
}

#[test]
fn a_connector_drops_beside_the_axis_only_past_no_other_band_row_in_its_lane() {
    // Two band rows of two connectors each in lane 0 above one step: the
    // first row's lines would drop through the second row's connectors.
    let mut all = vec![
        band(&[0, 0], &[Slot::Left, Slot::Right]),
        band(&[0, 0], &[Slot::Left, Slot::Right]),
    ];
    all.extend(rows(&[0]));
    let from = |row: usize, slot: Slot| RouteFlow {
        from_lane: Some(0),
        from_slot: slot,
        ..RouteFlow::between(row, 2, true)
    };
    let flows = [
        from(0, Slot::Left),
        from(0, Slot::Right),
        from(1, Slot::Left),
        from(1, Slot::Right),
    ];
    let routes = route(&all, &flows, 1);
    let beside = |path: &Vec<Waypoint>| path.iter().any(|w| matches!(w.x, X::Beside(..)));
    assert!(
        !beside(&routes.paths[0]) && !beside(&routes.paths[1]),
        "{:?}",
        routes.paths
    );
    assert!(
        beside(&routes.paths[2]) && beside(&routes.paths[3]),
        "{:?}",
        routes.paths
    );
}

#[test]
fn a_decisions_side_exit_takes_the_inner_track_of_a_net_it_overlaps() {
    // Rows A, B, C, D (a decision), E in one lane. D loops back to A out
    // of its side; C goes down past D to E. The two nets overlap without
    // nesting and cross once either way; C's is shorter, but D's goes
    // inside, so that no line runs between D's label and its own.
    let mut all = rows(&[0, 0, 0, 0, 0]);
    all[3].outcomes = true;
    let flows = [
        RouteFlow::between(0, 1, true),
        RouteFlow::between(1, 2, true),
        RouteFlow::between(2, 4, true),
        RouteFlow::between(3, 4, true),
        RouteFlow::between(3, 0, false),
    ];
    let routes = route(&all, &flows, 1);
    let (down, back) = (tracks_of(&routes.paths[2]), tracks_of(&routes.paths[4]));
    assert!(!down.is_empty() && !back.is_empty(), "{:?}", routes.paths);
    assert_eq!(down[0].1, back[0].1, "one channel: {:?}", routes.paths);
    assert!(back[0].2 < down[0].2, "{:?}", routes.paths);
}

#[test]
fn two_connectors_lines_over_one_top_from_one_side_part_instead_of_joining() {
    // Rows: two head band rows, each with one connector in lane 0, then
    // A, B, the decision T and C in lane 0. B drops into T's top and T
    // loops back to A by its left vertex; both connectors' lines come
    // down the right channel past A and B, over T's top gap.
    let mut all = vec![band(&[0], &[Slot::Centre]), band(&[0], &[Slot::Centre])];
    all.extend(rows(&[0, 0, 0, 0]));
    all[4].outcomes = true;
    all[4].shape = crate::layout::types::Shape::Decision;
    let flows = [
        RouteFlow::between(2, 3, true),
        RouteFlow::between(3, 4, true),
        RouteFlow::between(4, 5, true),
        RouteFlow::between(4, 2, false),
        from_band(Slot::Centre, 4),
        RouteFlow {
            from: 1,
            ..from_band(Slot::Centre, 4)
        },
    ];
    let routes = route(&all, &flows, 1);
    let wp = |x, y| Waypoint { x, row: 4, y };
    let (outer, inner) = (&routes.paths[4], &routes.paths[5]);
    let (n, m) = (outer.len(), inner.len());
    // Each its own track, the nearer band row's inside.
    assert_eq!(tracks_of(inner)[0], (0, Side::Right, 1), "{inner:?}");
    assert_eq!(tracks_of(outer)[0], (0, Side::Right, 2), "{outer:?}");
    // The inner line turns above the bus and ends nearer the axis; the
    // outer one turns below it and ends farther out.
    assert_eq!(
        inner[m - 3..],
        entries::parted_end(
            X::Track(0, Side::Right, 1),
            X::Upper(0, Side::Right, 4, UpperPoint::Near),
            4,
            Y::BusAboveInner
        )
    );
    assert_eq!(
        outer[n - 3..],
        entries::parted_end(
            X::Track(0, Side::Right, 2),
            X::Upper(0, Side::Right, 4, UpperPoint::Far),
            4,
            Y::BusAboveOuter
        )
    );
    // B keeps T's top.
    assert_eq!(routes.paths[1].last(), Some(&wp(X::Axis(0), Y::SymbolTop)));
}

#[test]
fn a_connectors_line_leaves_its_channel_at_no_joint_activitys_line() {
    // Rows: the band (two connectors in lane 1), C a joint activity in
    // lanes 0 and 2, the decision T in lane 1, E (lane 0) and F (lane 2).
    // T's outcomes leave by its sides; both connectors lead to T. C's
    // joint line crosses lane 1 at the row's middle: the connectors'
    // lines come in across T's top gap, not along that line.
    let mut all = vec![band(&[1, 1, 1], &[Slot::Left, Slot::Centre, Slot::Right])];
    all.extend(rows(&[0, 1, 0, 2]));
    all[1].lanes = vec![0, 2];
    all[2].outcomes = true;
    all[2].shape = crate::layout::types::Shape::Decision;
    let from_band = |slot: Slot| RouteFlow {
        from_lane: Some(1),
        from_slot: slot,
        ..RouteFlow::between(0, 2, true)
    };
    let flows = [
        RouteFlow::between(1, 3, true),
        RouteFlow::between(2, 3, true),
        RouteFlow::between(2, 4, false),
        from_band(Slot::Left),
        from_band(Slot::Centre),
        from_band(Slot::Right),
    ];
    let routes = route(&all, &flows, 3);
    let line = &routes.paths[3];
    let n = line.len();
    let near = X::Upper(1, Side::Left, 2, UpperPoint::Near);
    let wp = |x, y| Waypoint { x, row: 2, y };
    assert_eq!(
        line[n - 3..],
        [
            wp(X::Track(1, Side::Left, 0), Y::BusAbove),
            wp(near, Y::BusAbove),
            wp(near, Y::UpperEdge)
        ],
        "{line:?}"
    );
}

#[test]
fn an_axis_connectors_line_past_a_row_goes_after_the_lines_beside_it() {
    // Three connectors in lane 0 of the band row: the left one leads to
    // row 1, the centre and right ones to row 2, below row 1. The right
    // one, routed first, takes row 2's right side from its outer channel
    // track; the centre one comes down the inner track of that (quieter)
    // channel and over row 2's top, and they do not cross (routed first,
    // the centre one took that side, and the right one's way over the
    // top crossed it).
    let mut rows = rows(&[0, 0, 0]);
    rows[0] = band(&[0, 0, 0], &[Slot::Left, Slot::Centre, Slot::Right]);
    let flows = [
        RouteFlow::between(1, 2, true),
        from_band(Slot::Left, 1),
        from_band(Slot::Centre, 2),
        from_band(Slot::Right, 2),
    ];
    let routes = route(&rows, &flows, 1);
    let (centre, right) = (&routes.paths[2], &routes.paths[3]);
    assert_eq!(
        right.last().unwrap().x,
        X::Edge(0, Slot::Centre, Side::Right),
        "{right:?}"
    );
    assert_eq!(centre.last().unwrap().row, 2);
    assert!(
        matches!(centre.last().unwrap().y, Y::SymbolTop | Y::UpperEdge),
        "{centre:?}"
    );
    let track = |p: &[Waypoint]| tracks_of(p)[0];
    assert_eq!(track(centre).1, Side::Right);
    assert!(track(centre).2 < track(right).2, "{centre:?} {right:?}");
}

#[test]
fn a_side_a_connectors_line_comes_down_to_is_left_to_it() {
    // Lane 0: the band (two connectors), D (a decision), P, E. D's other
    // outcome takes the bottom (its label needs it) and goes to E, so
    // its main one leaves by the right vertex for P. The right
    // connector's line comes down the right channel past D to P as well.
    // Joining the channel higher up, it takes P's right side from the
    // outer track; D's arrow, routed first, leaves it and comes over P's
    // top from the inner track (into the side, it would cross the line).
    let mut all = rows(&[0, 0, 0, 0]);
    all[0] = band(&[0, 0], &[Slot::Left, Slot::Right]);
    all[1].outcomes = true;
    all[1].shape = crate::layout::types::Shape::Decision;
    let flows = [
        RouteFlow::between(1, 2, true),
        RouteFlow {
            bottom_only: true,
            ..RouteFlow::between(1, 3, false)
        },
        RouteFlow::between(2, 3, true),
        from_band(Slot::Left, 1),
        from_band(Slot::Right, 2),
    ];
    let routes = route(&all, &flows, 1);
    let (main, line) = (&routes.paths[0], &routes.paths[4]);
    assert_eq!(main[0].x, X::Edge(0, Slot::Centre, Side::Right), "{main:?}");
    assert_eq!(
        line.last().unwrap().x,
        X::Edge(0, Slot::Centre, Side::Right),
        "{line:?}"
    );
    assert!(
        matches!(main.last().unwrap().y, Y::SymbolTop | Y::UpperEdge),
        "{main:?}"
    );
    let track = |p: &[Waypoint]| tracks_of(p)[0];
    assert_eq!(track(main).1, Side::Right);
    assert!(track(main).2 < track(line).2, "{main:?} {line:?}");
}
