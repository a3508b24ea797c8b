//! Unit tests of the router: routes end where they should, straight drops
//! take no channel, nested loops nest, lane tracks and nearest lanes.

use super::*;

fn rows(lanes: &[usize]) -> Vec<RouteRow> {
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

fn tracks_of(path: &[Waypoint]) -> Vec<(usize, Side, usize)> {
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
