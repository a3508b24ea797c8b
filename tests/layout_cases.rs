//! Exact geometry of the basic cases, stated against the symbols and lanes
//! the layout produced: where each arrow leaves, bends and arrives.

use sopflow::config::Config;
use sopflow::generate::{GenerateOptions, generate};
use sopflow::layout::{ColumnKind, FlowPath, Layout, layout, verify};
use sopflow::layout::{Point, Rect};
use sopflow::{Kind, Procedure, SopBuilder};

fn lay(builder: SopBuilder) -> Layout {
    let procedure = Procedure::from_sop(&builder.build()).unwrap();
    let layout = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&layout), vec![]);
    assert_eq!(layout.pages.len(), 1);
    layout
}

fn actors(n: usize) -> SopBuilder {
    (0..n).fold(SopBuilder::new(), |b, i| {
        b.actor(&format!("l{i}"), &format!("Lane {i}"))
    })
}

fn symbol(layout: &Layout, id: &str, lane: usize) -> Rect {
    layout.pages[0]
        .symbols
        .iter()
        .find(|s| &*s.id == id && s.lane == lane)
        .map(|s| s.rect)
        .unwrap()
}

fn flow<'a>(layout: &'a Layout, from: &str, to: &str) -> &'a FlowPath {
    layout.pages[0]
        .flows
        .iter()
        .find(|f| &*f.from == from && &*f.to == to)
        .unwrap()
}

fn lane(layout: &Layout, i: usize) -> (f32, f32) {
    let c = layout
        .columns
        .iter()
        .find(|c| c.kind == ColumnKind::Lane(i))
        .unwrap();
    (c.x, c.x + c.width)
}

fn top(r: Rect) -> Point {
    Point::new(r.centre().x, r.y)
}
fn bottom(r: Rect) -> Point {
    Point::new(r.centre().x, r.bottom())
}
fn left(r: Rect) -> Point {
    Point::new(r.x, r.centre().y)
}
fn right(r: Rect) -> Point {
    Point::new(r.right(), r.centre().y)
}

#[test]
fn same_lane_step_drops_straight_down() {
    let l = lay(actors(1)
        .activity("a", "l0", |a| a.id("A"))
        .activity("b", "l0", |a| a.id("B")));
    let (a, b) = (symbol(&l, "A", 0), symbol(&l, "B", 0));
    assert_eq!(flow(&l, "A", "B").points, vec![bottom(a), top(b)]);
}

#[test]
fn cross_lane_step_is_an_l_from_the_side() {
    let l = lay(actors(2)
        .activity("a", "l0", |a| a.id("A"))
        .activity("b", "l1", |a| a.id("B")));
    let (a, b) = (symbol(&l, "A", 0), symbol(&l, "B", 1));
    assert_eq!(
        flow(&l, "A", "B").points,
        vec![right(a), Point::new(b.centre().x, a.centre().y), top(b)]
    );
}

#[test]
fn decision_main_outcome_goes_down_and_the_loop_climbs_the_far_side_channel_uncrossed() {
    let l = lay(actors(2)
        .activity("a", "l0", |a| a.id("A"))
        .activity("d", "l1", |a| {
            a.id("D").kind(Kind::Decision).yes("C").no("A")
        })
        .activity("c", "l1", |a| a.id("C")));
    let (a, d, c) = (symbol(&l, "A", 0), symbol(&l, "D", 1), symbol(&l, "C", 1));
    let yes = flow(&l, "D", "C");
    assert_eq!(yes.points, vec![bottom(d), top(c)]);
    assert!(
        yes.label
            .as_ref()
            .is_some_and(|t| &*t.lines[0].text == "Ya" && t.rect.y >= d.bottom())
    );
    // The loop back climbs lane 0's left channel and enters A's left side;
    // A's arrow to D leaves A's bottom and crosses to D in the gap below A.
    // In lane 0's right channel the loop would cross A's arrow, and with
    // A's arrow leaving A's right side the two would read as one line
    // passing through A.
    let to_d = &flow(&l, "A", "D").points;
    assert_eq!(to_d.len(), 4);
    assert_eq!((to_d[0], to_d[3]), (bottom(a), top(d)));
    assert!(a.bottom() < to_d[1].y && to_d[1].y < d.y);
    let no = flow(&l, "D", "A");
    let track = no.points[1].x;
    assert_eq!(
        no.points,
        vec![
            left(d),
            Point::new(track, d.centre().y),
            Point::new(track, a.centre().y),
            left(a)
        ]
    );
    assert!(
        lane(&l, 0).0 < track && track < a.x,
        "the loop climbs in lane 0's left channel"
    );
    assert_eq!((l.metrics.crossings, l.metrics.pass_throughs), (0, 0));
    assert!(
        no.label
            .as_ref()
            .is_some_and(|t| &*t.lines[0].text == "Tidak")
    );
}

#[test]
fn a_jump_over_rows_runs_in_a_channel_never_through_a_symbol() {
    let l = lay(actors(1)
        .activity("d", "l0", |a| {
            a.id("D").kind(Kind::Decision).yes("B").no("E")
        })
        .activity("b", "l0", |a| a.id("B"))
        .activity("c", "l0", |a| a.id("C"))
        .activity("e", "l0", |a| a.id("E")));
    let (d, e) = (symbol(&l, "D", 0), symbol(&l, "E", 0));
    let jump = flow(&l, "D", "E");
    let track = jump.points[1].x;
    assert_eq!(
        jump.points,
        vec![
            right(d),
            Point::new(track, d.centre().y),
            Point::new(track, e.centre().y),
            right(e)
        ]
    );
    assert!(track > d.right());
}

#[test]
fn two_loops_to_one_target_merge_into_one_port() {
    let l = lay(actors(1)
        .activity("t", "l0", |a| a.id("T"))
        .activity("x", "l0", |a| {
            a.id("X").kind(Kind::Decision).yes("Y").no("T")
        })
        .activity("y", "l0", |a| {
            a.id("Y").kind(Kind::Decision).yes("Z").no("T")
        })
        .activity("z", "l0", |a| a.id("Z")));
    let t = symbol(&l, "T", 0);
    let (from_x, from_y) = (flow(&l, "X", "T"), flow(&l, "Y", "T"));
    assert_eq!(from_x.points.last(), Some(&right(t)));
    assert_eq!(from_y.points.last(), Some(&right(t)));
    assert_eq!(from_x.points[1].x, from_y.points[1].x, "one net, one track");
}

#[test]
fn a_fork_leaves_both_sides() {
    let l = lay(actors(3)
        .activity("a", "l1", |a| a.id("A").next("B").next("C"))
        .activity("b", "l0", |a| a.id("B").next("C"))
        .activity("c", "l2", |a| a.id("C")));
    let (a, b, c) = (symbol(&l, "A", 1), symbol(&l, "B", 0), symbol(&l, "C", 2));
    assert_eq!(
        flow(&l, "A", "B").points,
        vec![left(a), Point::new(b.centre().x, a.centre().y), top(b)]
    );
    assert_eq!(
        flow(&l, "A", "C").points,
        vec![right(a), Point::new(c.centre().x, a.centre().y), top(c)]
    );
}

#[test]
fn a_merge_joins_the_final_approach() {
    let l = lay(actors(3)
        .activity("a", "l0", |a| a.id("A").next("C"))
        .activity("b", "l2", |a| a.id("B").next("C"))
        .activity("c", "l1", |a| a.id("C")));
    let (a, b, c) = (symbol(&l, "A", 0), symbol(&l, "B", 2), symbol(&l, "C", 1));
    let axis = c.centre().x;
    assert_eq!(
        flow(&l, "A", "C").points,
        vec![right(a), Point::new(axis, a.centre().y), top(c)]
    );
    assert_eq!(
        flow(&l, "B", "C").points,
        vec![left(b), Point::new(axis, b.centre().y), top(c)]
    );
}

#[test]
fn a_joint_activity_has_one_symbol_per_lane_joined_by_a_plain_line() {
    let l = lay(actors(3)
        .activity("a", "l1", |a| a.id("A"))
        .activity("j", "l0", |a| a.id("J").also("l2"))
        .activity("c", "l2", |a| a.id("C")));
    let (j0, j2) = (symbol(&l, "J", 0), symbol(&l, "J", 2));
    assert_eq!(j0.y, j2.y);
    let joint = &l.pages[0].joints[0];
    assert_eq!(joint.points, [right(j0), left(j2)]);
    assert_eq!(
        flow(&l, "J", "C").points,
        vec![bottom(j2), top(symbol(&l, "C", 2))],
        "leaves from the nearest symbol"
    );
}

#[test]
fn many_long_labels_on_one_source_all_find_room() {
    // Found by the layout fuzzer: a labelled fork with three long labels,
    // and the same as a decision. Words wider than the lane: beside a side
    // exit the labels break inside them (hyphenated) rather than vanish.
    let long = "Mmmmmmmmmmmmmmmmmmmm ".repeat(6);
    for kind in [Kind::Process, Kind::Decision] {
        let sop = actors(2)
            .activity("a", "l0", |a| {
                a.id("A")
                    .kind(kind)
                    .branch("B", &long)
                    .branch("C", "Belum lengkap sama sekali")
                    .branch("D", &long)
            })
            .activity("b", "l1", |a| a.id("B").next("D"))
            .activity("c", "l0", |a| a.id("C").next("D"))
            .activity("d", "l1", |a| a.id("D"))
            .build();
        let l = layout(&Procedure::from_sop(&sop).unwrap(), &Config::default()).unwrap();
        assert_eq!(verify(&l), vec![], "{kind:?}");
        let labelled = l
            .pages
            .iter()
            .flat_map(|p| &p.flows)
            .filter(|f| &*f.from == "A" && f.label.is_some())
            .count();
        assert_eq!(labelled, 3, "{kind:?}");
    }
}

#[test]
fn two_outcomes_to_one_target_are_two_labelled_flows_with_their_own_exits() {
    let l = lay(actors(2)
        .activity("a", "l0", |a| a.id("A"))
        .activity("d", "l1", |a| {
            a.id("D").kind(Kind::Decision).yes("C").no("C")
        })
        .activity("c", "l1", |a| a.id("C")));
    let flows: Vec<&FlowPath> = l.pages[0]
        .flows
        .iter()
        .filter(|f| &*f.from == "D" && &*f.to == "C")
        .collect();
    assert_eq!(flows.len(), 2, "both outcomes are drawn");
    let mut labels: Vec<&str> = flows
        .iter()
        .map(|f| f.label.as_ref().unwrap().lines[0].text.as_ref())
        .collect();
    labels.sort_unstable();
    assert_eq!(labels, ["Tidak", "Ya"]);
    assert_ne!(
        flows[0].points[0], flows[1].points[0],
        "each leaves by its own exit"
    );
}

#[test]
fn a_side_exit_label_in_a_narrow_lane_stays_inside_its_lane_and_row() {
    // Twelve performers on A4: lanes at their narrowest, long outcome
    // labels leaving by the diamond's side.
    let mut builder = actors(12);
    builder = builder
        .activity("mulai", "l0", |a| a.id("A").kind(Kind::Start))
        .activity("periksa", "l5", |a| a.id("B"))
        .activity("lengkap?", "l5", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .branch("C", "Lengkap dan sah")
                .branch("B", "Belum lengkap")
        })
        .activity("proses", "l6", |a| a.id("C").kind(Kind::End));
    let procedure = Procedure::from_sop(&builder.build()).unwrap();
    let mut config = Config::default();
    config.page.paper = sopflow::config::Paper::A4;
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    let page = &l.pages[0];
    let edges: Vec<f32> = l
        .columns
        .iter()
        .filter(|c| matches!(c.kind, ColumnKind::Lane(_)))
        .flat_map(|c| [c.x, c.x + c.width])
        .collect();
    let rows: Vec<f32> = page
        .rows
        .iter()
        .flat_map(|r| [r.y, r.y + r.height])
        .collect();
    let mut seen = 0;
    for f in page.flows.iter().filter(|f| &*f.from == "D") {
        let label = f.label.as_ref().expect("both outcomes are labelled");
        let r = label.rect;
        seen += 1;
        for x in &edges {
            assert!(
                !(r.x - 1.0 < *x && *x < r.right() + 1.0),
                "{r:?} crosses the lane line at {x}"
            );
        }
        for y in &rows {
            assert!(
                !(r.y - 1.0 < *y && *y < r.bottom() + 1.0),
                "{r:?} crosses the row line at {y}"
            );
        }
    }
    assert_eq!(seen, 2);
}

// Each outcome of a decision leaves by its own exit (`verify` invariant 11).

/// The arrows leaving `id` on the first page, with their label texts.
fn leaving<'a>(layout: &'a Layout, id: &str) -> Vec<(&'a FlowPath, String)> {
    layout.pages[0]
        .flows
        .iter()
        .filter(|f| &*f.from == id)
        .map(|f| {
            let label = f.label.as_ref().map_or(String::new(), |l| {
                l.lines
                    .iter()
                    .map(|x| &*x.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            (f, label)
        })
        .collect()
}

/// The middle of a diamond's lower-left (`sign` -1) or lower-right edge.
fn lower(r: Rect, sign: f32) -> Point {
    Point::new(
        r.centre().x + sign * r.width / 4.0,
        r.centre().y + r.height / 4.0,
    )
}

/// The same point, within rounding.
fn near(a: Point, b: Point) -> bool {
    (a.x - b.x).abs() <= 0.01 && (a.y - b.y).abs() <= 0.01
}

/// The first point of each arrow.
fn first_points(flows: &[(&FlowPath, String)]) -> Vec<Point> {
    flows.iter().map(|(f, _)| f.points[0]).collect()
}

#[test]
fn a_three_way_decision_sends_each_outcome_out_of_its_own_vertex() {
    let l = lay(actors(3)
        .activity("mulai", "l1", |a| a.id("S").kind(Kind::Start))
        .activity("memilih jalur", "l1", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .branch("X", "Online")
                .branch("Y", "Loket")
                .branch("Z", "Surat")
        })
        .activity("online", "l0", |a| a.id("X").next("E"))
        .activity("loket", "l1", |a| a.id("Y").next("E"))
        .activity("surat", "l2", |a| a.id("Z").next("E"))
        .activity("selesai", "l1", |a| a.id("E").kind(Kind::End)));
    let d = symbol(&l, "D", 1);
    let out = leaving(&l, "D");
    assert_eq!(out.len(), 3);
    let by_label = |text: &str| out.iter().find(|(_, t)| t == text).unwrap().0.points[0];
    // Each outcome leaves by a vertex of its own (the old router sent
    // "Loket" out of the right vertex with "Surat"). The main outcome,
    // left by the bottom, would cross "Loket" on its way down D's lane:
    // "Loket" drops straight from the bottom and the main outcome takes
    // the left vertex, facing its lane, so no arrow crosses another.
    assert!(near(by_label("Online"), left(d)), "{out:?}");
    assert!(near(by_label("Surat"), right(d)), "{out:?}");
    assert!(near(by_label("Loket"), bottom(d)), "{out:?}");
    assert_eq!(l.metrics.crossings, 0);
}

#[test]
fn a_four_way_decision_whose_left_is_entered_still_gives_each_outcome_an_exit() {
    // Row 3 reaches D from lane 0 and row 4 from above; D has four outcomes.
    let l = lay(actors(4)
        .activity("mulai", "l1", |a| a.id("S").kind(Kind::Start).next("P"))
        .activity("pilih", "l1", |a| {
            a.id("P").kind(Kind::Decision).yes("Q").no("R")
        })
        .activity("online", "l0", |a| a.id("R").next("D"))
        .activity("loket", "l1", |a| a.id("Q").next("D"))
        .activity("memeriksa", "l1", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .branch("A", "A")
                .branch("B", "B")
                .branch("C", "C")
                .branch("S", "Ulang")
        })
        .activity("proses a", "l3", |a| a.id("A").next("E"))
        .activity("proses b", "l3", |a| a.id("B").next("E"))
        .activity("proses c", "l0", |a| a.id("C").next("E"))
        .activity("selesai", "l1", |a| a.id("E").kind(Kind::End)));
    let d = symbol(&l, "D", 1);
    let out = leaving(&l, "D");
    assert_eq!(out.len(), 4);
    let mut firsts = first_points(&out);
    firsts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    firsts.dedup();
    assert_eq!(firsts.len(), 4, "four outcomes, four exits: {out:?}");
    let ports = [bottom(d), left(d), right(d), lower(d, -1.0), lower(d, 1.0)];
    assert!(
        firsts.iter().all(|&p| ports.iter().any(|&q| near(p, q))),
        "{firsts:?}"
    );
    assert!(
        firsts
            .iter()
            .any(|&p| near(p, lower(d, -1.0)) || near(p, lower(d, 1.0))),
        "past three outcomes, one leaves by a lower edge: {firsts:?}"
    );
    // Every outcome keeps its own label.
    let mut labels: Vec<&str> = out.iter().map(|(_, t)| t.as_str()).collect();
    labels.sort_unstable();
    assert_eq!(labels, ["A", "B", "C", "Ulang"]);
}

#[test]
fn verify_reports_two_outcomes_leaving_by_one_exit() {
    let mut l = lay(actors(3)
        .activity("mulai", "l1", |a| a.id("S").kind(Kind::Start))
        .activity("memilih", "l1", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .branch("Y", "Loket")
                .branch("Z", "Surat")
        })
        .activity("loket", "l1", |a| a.id("Y").next("E"))
        .activity("surat", "l2", |a| a.id("Z").next("E"))
        .activity("selesai", "l1", |a| a.id("E").kind(Kind::End)));
    let d = symbol(&l, "D", 1);
    // Send "Surat" down the bottom vertex too, as the old router did.
    let page = &mut l.pages[0];
    let surat = page
        .flows
        .iter()
        .position(|f| &*f.from == "D" && &*f.to == "Z")
        .unwrap();
    let target = *page.flows[surat].points.last().unwrap();
    let below = bottom(d).y + 6.0;
    page.flows[surat].points = vec![
        bottom(d),
        Point::new(bottom(d).x, below),
        Point::new(target.x, below),
        target,
    ];
    let broken: Vec<_> = verify(&l)
        .into_iter()
        .filter(|v| v.invariant == 11)
        .collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0].ids, vec!["D".to_owned()]);
}

#[test]
fn verify_reports_an_arrow_running_close_along_a_row_line() {
    let mut l = lay(actors(2)
        .activity("a", "l0", |a| a.id("A"))
        .activity("b", "l1", |a| a.id("B")));
    assert!(verify(&l).is_empty());
    // Send A's arrow along the row line under A, 2 pt above it.
    let line = l.pages[0].rows[0].y + l.pages[0].rows[0].height;
    let (a, b) = (symbol(&l, "A", 0), symbol(&l, "B", 1));
    let page = &mut l.pages[0];
    let f = page.flows.iter().position(|f| &*f.from == "A").unwrap();
    page.flows[f].points = vec![
        bottom(a),
        Point::new(a.centre().x, line - 2.0),
        Point::new(b.centre().x, line - 2.0),
        top(b),
    ];
    let broken: Vec<_> = verify(&l)
        .into_iter()
        .filter(|v| v.invariant == 12)
        .collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
}

#[test]
fn verify_reports_a_degenerate_arrow_without_panicking() {
    let mut l = lay(actors(2)
        .activity("a", "l0", |a| a.id("A"))
        .activity("d", "l0", |a| {
            a.id("D").kind(Kind::Decision).yes("B").no("A")
        })
        .activity("b", "l1", |a| a.id("B")));
    let page = &mut l.pages[0];
    for f in page.flows.iter_mut().filter(|f| &*f.from == "D") {
        f.points.truncate(1);
    }
    let broken = verify(&l);
    assert!(broken.iter().any(|v| v.invariant == 1), "{broken:?}");
}

#[test]
fn a_joint_decision_whose_long_labels_need_the_bottom_still_gives_each_outcome_an_exit() {
    // Found by the layout fuzzer: two outcomes whose labels find no room
    // beside a side both kept the bottom vertex.
    let l = lay(actors(11)
        .activity("memutuskan", "l3", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .also("l7")
                .also("l10")
                .branch("T", "")
                .branch("T", &"a".repeat(19))
                .branch("T", &"a".repeat(12))
                .branch("T", &"a".repeat(5))
        })
        .activity("mencatat", "l1", |a| a.id("T")));
    let out = leaving(&l, "D");
    assert_eq!(out.len(), 4);
    let mut firsts = first_points(&out);
    firsts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    firsts.dedup_by(|a, b| near(*a, *b));
    assert_eq!(firsts.len(), 4, "{out:?}");
}

#[test]
fn a_loop_that_would_cross_its_own_way_down_leaves_away_from_its_target() {
    // Generated: 5 (lane 1) decides, "Ya" goes down to 6 (lane 2), whose
    // "Tidak" loops back to 5. Out of 6's left vertex and up lane 2's
    // left channel, the loop would cross the arrow from 5 down to 6: it
    // leaves by the right vertex, away from lane 1, and climbs in lane 2's
    // right channel.
    let sop = generate(GenerateOptions::new(8, 4, 8));
    let procedure = Procedure::from_sop(&sop).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let d5 = symbol(&l, "5", 1);
    let d6 = symbol(&l, "6", 2);
    let back = flow(&l, "6", "5");
    assert!(near(back.points[0], right(d6)), "{back:?}");
    assert!(back.points.iter().all(|p| p.x >= d5.centre().x), "{back:?}");
    assert_eq!(l.metrics.crossings, 0);
}

#[test]
fn a_loop_goes_round_the_line_joining_a_joint_activity() {
    // J (lanes 2 and 3, joined) hands over to D in lane 1, whose "Tidak"
    // goes back to J. Up lane 2's right channel it would cross the line
    // joining J's two symbols (read as a junction): it leaves D's left
    // vertex and climbs in lane 1 to J's left side.
    let l = lay(actors(4)
        .activity("mulai", "l2", |a| a.id("S").kind(Kind::Start))
        .activity("bersama", "l2", |a| a.id("J").also("l3"))
        .activity("memeriksa", "l1", |a| {
            a.id("D").kind(Kind::Decision).yes("E").no("J")
        })
        .activity("selesai", "l0", |a| a.id("E").kind(Kind::End)));
    let joint = &l.pages[0].joints[0];
    let (y, x0, x1) = (joint.points[0].y, joint.points[0].x, joint.points[1].x);
    for f in &l.pages[0].flows {
        for w in f.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let crosses =
                a.x == b.x && a.y.min(b.y) < y && y < a.y.max(b.y) && x0 < a.x && a.x < x1;
            assert!(!crosses, "{f:?} crosses the joint line");
        }
    }
    let back = flow(&l, "D", "J");
    assert!(near(back.points[0], left(symbol(&l, "D", 1))), "{back:?}");
    assert!(
        near(*back.points.last().unwrap(), left(symbol(&l, "J", 2))),
        "{back:?}"
    );
    assert_eq!(l.metrics.crossings, 0);
}

#[test]
fn an_outcome_going_on_down_its_own_lane_takes_the_bottom_when_the_main_one_turns() {
    // "Ya" goes to the next lane, "Tidak" two rows down in the decision's
    // own lane: "Tidak" drops straight from the bottom vertex and "Ya"
    // leaves by the side vertex facing its lane, one corner each fewer
    // than "Ya" down and "Tidak" round by a side.
    let l = lay(actors(2)
        .activity("a", "l0", |a| a.id("A"))
        .activity("d", "l0", |a| {
            a.id("D").kind(Kind::Decision).yes("Y").no("N")
        })
        .activity("y", "l1", |a| a.id("Y").next("N"))
        .activity("n", "l0", |a| a.id("N")));
    let (d, y, n) = (symbol(&l, "D", 0), symbol(&l, "Y", 1), symbol(&l, "N", 0));
    assert_eq!(flow(&l, "D", "N").points, vec![bottom(d), top(n)]);
    assert_eq!(
        flow(&l, "D", "Y").points,
        vec![right(d), Point::new(y.centre().x, d.centre().y), top(y)]
    );
    assert_eq!(l.metrics.bends, 1 + 1, "Ya's corner and Y's L into N");
}

#[test]
fn a_jump_over_rows_goes_round_an_arrow_across_its_lane() {
    // D's "Tidak" skips B and C down lane 1, and B's arrow to C runs
    // across lane 1 between them: in a channel of lane 1 the two would
    // cross, so the jump runs down a channel of a next lane instead,
    // clear of B and C.
    let l = lay(actors(3)
        .activity("d", "l1", |a| {
            a.id("D").kind(Kind::Decision).yes("B").no("E")
        })
        .activity("b", "l0", |a| a.id("B"))
        .activity("c", "l2", |a| a.id("C"))
        .activity("e", "l1", |a| a.id("E")));
    assert_eq!(l.metrics.crossings, 0);
    let (b, c) = (symbol(&l, "B", 0), symbol(&l, "C", 2));
    let jump = flow(&l, "D", "E");
    let (left, right) = lane(&l, 1);
    let run = jump
        .points
        .windows(2)
        .find(|w| w[0].x == w[1].x && (w[0].y - w[1].y).abs() > 1.0)
        .unwrap();
    let x = run[0].x;
    assert!(x < left || x > right, "{:?}", jump.points);
    assert!(x < b.x || x > c.right(), "{:?}", jump.points);
}
