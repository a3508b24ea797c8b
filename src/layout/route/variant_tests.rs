//! Unit tests of the route variants untangle tries for one arrow: a
//! connector's line or an arrow past rows of its lane down another
//! channel, an arrow down to another lane into its target's side or round
//! the target's lane.

use super::tests::{band, from_band, rows, tracks_of};
use super::*;

/// The channels (lane, side) whose tracks `path` takes, in order.
fn channels(path: &[Waypoint]) -> Vec<(usize, Side)> {
    tracks_of(path).iter().map(|&(l, s, _)| (l, s)).collect()
}

#[test]
fn a_connectors_line_detours_down_the_channel_its_variant_names() {
    // A band connector in lane 1 over an activity three rows down in lane
    // 1; rows 1 and 2 stand in lanes 0 and 2. Each detour variant runs the
    // line's long vertical stretch in its channel: the lane's own on the
    // quieter side (both sides are quiet: right) or the other, or the
    // next lane's far channel on either side.
    let mut rows = rows(&[1, 0, 2, 1]);
    rows[0] = band(&[1], &[]);
    let cases = [
        (Variant::DETOURS[0], (1, Side::Right)),
        (Variant::DETOURS[1], (1, Side::Left)),
        (Variant::DETOURS[2], (2, Side::Right)),
        (Variant::DETOURS[3], (0, Side::Left)),
    ];
    for (variant, channel) in cases {
        let flow = RouteFlow {
            from_lane: Some(1),
            variant,
            ..RouteFlow::between(0, 3, true)
        };
        let routes = route(&rows, &[flow], 3);
        let path = &routes.paths[0];
        assert_eq!(channels(path), vec![channel, channel], "{variant:?}");
        assert_eq!(path.last().unwrap().row, 3);
    }
}

#[test]
fn a_connectors_line_takes_no_far_channel_past_a_symbol_in_that_lane() {
    // The way to lane 2's far channel would cross lane 2's axis in the
    // band row, where another connector stands: the line keeps its axis.
    let mut rows = rows(&[1, 0, 0, 1]);
    rows[0] = band(&[1, 2], &[]);
    let flow = RouteFlow {
        from_lane: Some(1),
        variant: Variant::DETOURS[2],
        ..RouteFlow::between(0, 3, true)
    };
    let routes = route(&rows, &[flow], 3);
    assert!(
        tracks_of(&routes.paths[0]).is_empty(),
        "{:?}",
        routes.paths[0]
    );
}

#[test]
fn an_arrow_past_rows_of_its_lane_detours_and_a_next_row_arrow_does_not() {
    // Rows 0 and 3 in lane 1, rows 1 and 2 in lanes 0 and 2: the arrow
    // from 0 to 3 passes two rows and takes the next lane's far channel;
    // one to the next row of its lane has nothing to go round.
    let rows = rows(&[1, 0, 2, 1, 1]);
    let variant = Variant::DETOURS[2];
    let past = RouteFlow {
        variant,
        ..RouteFlow::between(0, 3, true)
    };
    let next = RouteFlow {
        variant,
        ..RouteFlow::between(3, 4, true)
    };
    let routes = route(&rows, &[past, next], 3);
    assert_eq!(channels(&routes.paths[0]), vec![(2, Side::Right); 2]);
    assert!(
        channels(&routes.paths[1]).is_empty(),
        "{:?}",
        routes.paths[1]
    );
}

#[test]
fn an_arrow_into_another_lanes_side_leaves_the_top_to_two_connectors() {
    // Two connectors share lane 0 of the band row over row 2; row 1 in
    // lane 1 sends an arrow to row 2. In its reverse L it runs down lane
    // 1's axis to row 2 and into the facing (right) side, and both
    // connectors' lines drop straight into row 2's top.
    let mut rows = rows(&[0, 1, 0]);
    rows[0] = band(&[0, 0], &[Slot::Left, Slot::Right]);
    let across = RouteFlow {
        variant: Variant::SIDEWAYS_OR_AROUND[0],
        ..RouteFlow::between(1, 2, true)
    };
    let flows = [across, from_band(Slot::Left, 2), from_band(Slot::Right, 2)];
    let routes = route(&rows, &flows, 2);
    let wp = |x, row, y| Waypoint { x, row, y };
    assert_eq!(
        routes.paths[0],
        vec![
            wp(X::Axis(1), 1, Y::SymbolBottom),
            wp(X::Axis(1), 2, Y::Mid),
            wp(X::Edge(0, Slot::Centre, Side::Right), 2, Y::Mid),
        ]
    );
    for (path, side) in routes.paths[1..].iter().zip([Side::Left, Side::Right]) {
        assert_eq!(path.len(), 2, "{path:?}");
        assert_eq!(path[1].x, X::Beside(0, side));
    }
}

#[test]
fn an_arrow_down_to_another_lane_may_go_round_the_target_lane() {
    // Row 0 in lane 2 leads to row 3 in lane 1; between them row 1 (lane
    // 2) leads to row 2 (lane 0) across lane 1. Round the target's lane
    // the arrow runs down the far (left) channel of lane 0 and comes into
    // row 3's facing (left) side; the other side variant comes in over
    // row 3's top.
    let rows = rows(&[2, 2, 0, 1]);
    let around = |variant| RouteFlow {
        variant,
        ..RouteFlow::between(0, 3, false)
    };
    let others = [
        RouteFlow::between(1, 2, true),
        RouteFlow::between(2, 3, true),
    ];
    for (variant, into_side) in [
        (Variant::SIDEWAYS_OR_AROUND[1], true),
        (Variant::SIDEWAYS_OR_AROUND[2], false),
    ] {
        let flows = [around(variant), others[0], others[1]];
        let routes = route(&rows, &flows, 3);
        let path = &routes.paths[0];
        let taken = channels(path);
        assert!(!taken.is_empty(), "{path:?}");
        assert!(taken.iter().all(|&c| c == (0, Side::Left)), "{path:?}");
        let end = *path.last().unwrap();
        if into_side {
            assert_eq!(end.x, X::Edge(1, Slot::Centre, Side::Left), "{path:?}");
        } else {
            assert_eq!((end.x, end.y), (X::Axis(1), Y::SymbolTop), "{path:?}");
        }
    }
    // Only between activities of one lane each: from a joint activity
    // (lanes 2 and 3) the variant leaves the default route.
    let mut joint = rows.clone();
    joint[0].lanes = vec![2, 3];
    let path_of = |variant| {
        let flows = [around(variant), others[0], others[1]];
        route(&joint, &flows, 4).paths[0].clone()
    };
    assert_eq!(
        path_of(Variant::SIDEWAYS_OR_AROUND[1]),
        path_of(Variant::default())
    );
}
