//! Each outcome of a decision leaves by its own exit (issue "drawings an
//! official signs as is", point 3): the bottom vertex, the side vertices,
//! then the middle of a lower edge; never two outcomes on one exit or one
//! first segment. `verify` checks it as invariant 11.

use sopflow::config::Config;
use sopflow::layout::{FlowPath, Layout, Point, Rect, layout, verify};
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

fn decision(layout: &Layout, id: &str) -> Rect {
    layout.pages[0]
        .symbols
        .iter()
        .find(|s| &*s.id == id)
        .map(|s| s.rect)
        .unwrap()
}

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

fn bottom(r: Rect) -> Point {
    Point::new(r.centre().x, r.bottom())
}
fn left(r: Rect) -> Point {
    Point::new(r.x, r.centre().y)
}
fn right(r: Rect) -> Point {
    Point::new(r.right(), r.centre().y)
}
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
    let d = decision(&l, "D");
    let out = leaving(&l, "D");
    assert_eq!(out.len(), 3);
    let by_label = |text: &str| out.iter().find(|(_, t)| t == text).unwrap().0.points[0];
    // The main outcome leaves by the bottom; "Surat" by the side facing its
    // lane; "Loket", in D's own lane, takes the side left free (the old
    // router sent it out of the right vertex with "Surat").
    assert!(near(by_label("Online"), bottom(d)), "{out:?}");
    assert!(near(by_label("Surat"), right(d)), "{out:?}");
    assert!(near(by_label("Loket"), left(d)), "{out:?}");
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
    let d = decision(&l, "D");
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
fn two_outcomes_to_one_target_are_two_flows_with_their_own_exits_and_labels() {
    let l = lay(actors(2)
        .activity("mulai", "l0", |a| a.id("S").kind(Kind::Start))
        .activity("memeriksa", "l0", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .branch("T", "Ada")
                .branch("T", "Tidak ada")
        })
        .activity("mencatat", "l1", |a| a.id("T").next("E"))
        .activity("selesai", "l1", |a| a.id("E").kind(Kind::End)));
    let out = leaving(&l, "D");
    assert_eq!(out.len(), 2);
    assert!(out.iter().all(|(f, _)| &*f.to == "T"));
    assert_ne!(out[0].0.points[0], out[1].0.points[0]);
    assert_ne!(out[0].0.points[1], out[1].0.points[1]);
    let mut labels: Vec<&str> = out.iter().map(|(_, t)| t.as_str()).collect();
    labels.sort_unstable();
    assert_eq!(labels, ["Ada", "Tidak ada"]);
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
    let d = decision(&l, "D");
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
