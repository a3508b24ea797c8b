//! A branch label wraps at spaces before it moves, and its lane widens for
//! its longest word when the paper has the room: on real documents every
//! label prints at the label size, in whole words.

mod common;

use sopflow::config::Config;
use sopflow::layout::{ColumnKind, Layout, layout, verify};
use sopflow::{Kind, Procedure, SopBuilder};

/// `bps-rekomendasi-statistik` laid out on the default paper, every
/// invariant kept (the tests then break one by hand).
fn statistik_verified() -> Layout {
    let file = common::example_files()
        .into_iter()
        .find(|f| f.ends_with("bps-rekomendasi-statistik.json"))
        .unwrap();
    let l = layout(&common::load(&file), &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    l
}

/// A fuzzer's input kept in `tests/fixtures`, laid out on Legal paper,
/// every invariant kept.
fn fixture_on_legal_verified(name: &str, landscape: bool) -> Layout {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut config = Config::default();
    config.page.paper = sopflow::config::Paper::Legal;
    config.page.landscape = landscape;
    let l = layout(&common::load(&file), &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    l
}

#[test]
fn every_label_of_the_real_documents_prints_whole_words_at_the_label_size() {
    let config = Config::default();
    for file in common::example_files() {
        let l = layout(&common::load(&file), &config).unwrap();
        assert_eq!(verify(&l), vec![], "{}", file.display());
        // Each reads as its own arrow's (before, "Belum lengkap" of the
        // signed SOP's activity 7 sat 3 pt from "valid" dropping into the
        // diamond's top, 13.5 pt from its own exit).
        assert_eq!(
            common::labels_not_owned(&l),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
        for page in &l.pages {
            for flow in &page.flows {
                let Some(label) = &flow.label else { continue };
                assert_eq!(
                    label.font.size,
                    config.theme.label_font_size,
                    "{}: the label of {} → {}",
                    file.display(),
                    flow.from,
                    flow.to
                );
                for line in &label.lines {
                    assert!(!line.text.ends_with('-'), "{}", line.text);
                }
            }
        }
    }
}

#[test]
fn a_lane_widens_for_the_longest_word_of_a_label_beside_a_bottom_stub() {
    // "Diteruskanlah" beside the stub of a decision whose main outcome goes
    // down: the lane takes the word's width on each side of its axis.
    // Seven performers: the lanes start narrow.
    let mut builder = (0..7).fold(SopBuilder::new(), |b, i| {
        b.actor(&format!("l{i}"), &format!("Pelaksana {i}"))
    });
    builder = builder
        .activity("mulai", "l0", |a| a.id("A").kind(Kind::Start))
        .activity("periksa", "l1", |a| a.id("B"))
        .activity("setuju?", "l1", |a| {
            a.id("D")
                .kind(Kind::Decision)
                .branch("E", "Diteruskanlah")
                .branch("B", "Tidak")
        });
    for (i, id) in ["E", "F", "G", "H", "I"].iter().enumerate() {
        let next = ["F", "G", "H", "I", "J"][i];
        builder = builder.activity("kerjakan", &format!("l{}", [1, 2, 3, 4, 5][i]), |a| {
            a.id(id).next(next)
        });
    }
    builder = builder.activity("selesai", "l6", |a| a.id("J").kind(Kind::End));
    let procedure = Procedure::from_sop(&builder.build()).unwrap();
    let config = Config::default();
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    let lane = l
        .columns
        .iter()
        .find(|c| c.kind == ColumnKind::Lane(1))
        .unwrap();
    let word = sopflow::layout::FontMeasurer::with_thread_local(|m| {
        use sopflow::layout::TextMeasurer;
        m.width(
            "Diteruskanlah",
            sopflow::layout::Font::regular(config.theme.label_font_size),
        )
    });
    assert!(lane.width >= 2.0 * word, "{} for {word}", lane.width);
    let down = l.pages[0]
        .flows
        .iter()
        .find(|f| &*f.from == "D" && &*f.to == "E")
        .unwrap();
    let label = down.label.as_ref().unwrap();
    assert_eq!(label.font.size, config.theme.label_font_size);
    assert_eq!(label.lines.len(), 1);
    assert!(label.rect.x >= lane.x && label.rect.right() <= lane.x + lane.width);
}

#[test]
fn a_lane_widens_for_a_side_label_when_moving_its_exit_would_cross_arrows() {
    // Signed SOP, activity 7: "Belum lengkap" loops back up to 6 in
    // another lane. Beside the left vertex (away from its target) it
    // crosses nothing, but the lane left it 7 pt; through the bottom it
    // crossed "valid". The lane widens for its longest word instead.
    let config = Config::default();
    let l = layout(
        &common::load(std::path::Path::new(&common::example(
            "bps-rekomendasi-statistik.json",
        ))),
        &config,
    )
    .unwrap();
    assert_eq!(verify(&l), vec![]);
    assert_eq!(l.metrics.crossings, 0);
    let flow = l
        .pages
        .iter()
        .flat_map(|p| &p.flows)
        .find(|f| &*f.from == "7" && &*f.to == "6")
        .expect("the loop back from 7");
    let (a, b) = (flow.points[0], flow.points[1]);
    assert_eq!(a.y, b.y, "leaves by a side vertex: {:?}", flow.points);
    let label = flow.label.as_ref().unwrap();
    assert_eq!(label.font.size, config.theme.label_font_size);
    let lane = l
        .columns
        .iter()
        .find(|c| c.kind == ColumnKind::Lane(2))
        .unwrap();
    assert!(label.rect.x >= lane.x && label.rect.right() <= lane.x + lane.width);
}

#[test]
fn an_arrow_into_a_decisions_top_ends_on_its_upper_edge_away_from_a_side_label() {
    // Signed SOP, activity 7: "Belum lengkap" leaves by the left vertex and
    // its label rises over the diamond's corner; "valid" comes from 6 on
    // the right across the top gap. It ends on the upper right edge, half
    // way from the top vertex to the right one, without a new corner.
    let l = layout(
        &common::load(std::path::Path::new(&common::example(
            "bps-rekomendasi-statistik.json",
        ))),
        &Config::default(),
    )
    .unwrap();
    assert_eq!(verify(&l), vec![]);
    let page = l
        .pages
        .iter()
        .find(|p| p.symbols.iter().any(|s| &*s.id == "7"))
        .unwrap();
    let seven = page.symbols.iter().find(|s| &*s.id == "7").unwrap().rect;
    let valid = page
        .flows
        .iter()
        .find(|f| &*f.from == "6" && &*f.to == "7")
        .unwrap();
    assert_eq!(valid.points.len(), 3, "{:?}", valid.points);
    let end = valid.points[2];
    let centre = seven.x + seven.width / 2.0;
    assert!(
        (end.x - (centre + seven.width / 4.0)).abs() < 0.01,
        "{end:?}"
    );
    assert!(
        (end.y - (seven.y + seven.height / 4.0)).abs() < 0.01,
        "{end:?}"
    );
    assert!(valid.points[0].x > end.x, "comes from the right");
    let back = page
        .flows
        .iter()
        .find(|f| &*f.from == "7" && &*f.to == "6")
        .unwrap();
    assert!(back.points[0].x < centre, "leaves by the left vertex");
    assert!(back.label.is_some());
}

#[test]
fn verify_reports_a_label_over_an_arrowhead() {
    let mut l = statistik_verified();
    // Move a label onto the head of the arrow its page ends with, where
    // no line passes through the label (the head's base is 5 pt long).
    let page = l
        .pages
        .iter_mut()
        .find(|p| p.flows.iter().any(|f| f.label.is_some()))
        .unwrap();
    let head = page.flows.last().unwrap().arrowhead_box().unwrap();
    let flow = page.flows.iter_mut().find(|f| f.label.is_some()).unwrap();
    let label = flow.label.as_mut().unwrap();
    label.rect.x = head.x + head.width - 0.5;
    label.rect.y = head.y + 1.0;
    let found = verify(&l);
    assert!(
        found
            .iter()
            .any(|v| v.invariant == 7 && v.message.contains("arrowhead")),
        "{found:?}"
    );
}

#[test]
fn verify_reports_two_labels_stacked_closer_than_the_lines_of_one() {
    let mut l = statistik_verified();
    // A second label right under the first, 1 pt below it: the two read
    // as one label of two lines.
    let page = l
        .pages
        .iter_mut()
        .find(|p| p.flows.iter().filter(|f| f.label.is_some()).count() >= 2)
        .unwrap();
    let labelled: Vec<usize> = (0..page.flows.len())
        .filter(|&f| page.flows[f].label.is_some())
        .collect();
    let first = page.flows[labelled[0]].label.as_ref().unwrap().rect;
    let second = page.flows[labelled[1]].label.as_mut().unwrap();
    second.rect.x = first.x;
    second.rect.y = first.bottom() + 1.0;
    let found = verify(&l);
    assert!(
        found
            .iter()
            .any(|v| v.invariant == 7 && v.message.contains("read as one")),
        "{found:?}"
    );
}

#[test]
fn verify_reports_a_label_nearer_another_arrow_than_its_own() {
    let mut l = statistik_verified();
    // Beside the middle of a long vertical run of an arrow that shares
    // neither end with the labelled one, far from the label's own exit.
    let page = l
        .pages
        .iter_mut()
        .find(|p| p.flows.iter().any(|f| f.label.is_some()))
        .unwrap();
    let f = page.flows.iter().position(|f| f.label.is_some()).unwrap();
    let (from, to, start) = {
        let own = &page.flows[f];
        (own.from.clone(), own.to.clone(), own.points[0])
    };
    let (x, y) = page
        .flows
        .iter()
        .filter(|g| g.from != from && g.to != to)
        .flat_map(|g| g.points.windows(2))
        .filter(|w| w[0].x == w[1].x && (w[1].y - w[0].y).abs() > 40.0)
        .map(|w| (w[0].x, (w[0].y + w[1].y) / 2.0))
        .find(|&(x, y)| (x - start.x).abs() + (y - start.y).abs() > 60.0)
        .expect("an unrelated vertical run far from the label");
    let label = page.flows[f].label.as_mut().unwrap();
    label.rect.x = x + 1.0;
    label.rect.y = y - label.rect.height / 2.0;
    let found = verify(&l);
    assert!(
        found.iter().any(|v| v.invariant == 7
            && v.ids == [from.to_string(), to.to_string()]
            && v.message.contains("reads as another arrow's")),
        "{found:?}"
    );
}

/// Proptest (dense, 29 activities, 3 performers): on page 5 "Belum
/// lengkap" leaves decision 28 by its left vertex into a loop that hugs
/// the diamond, with another arrow's line just outside it; no drawing
/// tried has a clear place for it that reads as its own arrow's, so it
/// sits under the vertex, nearer that line, rather than be left out, and
/// the layout says so (`label-crowded`), the one case `verify` lets pass.
#[test]
fn a_label_with_no_place_of_its_own_is_warned_about() {
    let options = sopflow::generate::GenerateOptions {
        decisions: 0.45,
        forks: 0.2,
        joints: 0.2,
        ..sopflow::generate::GenerateOptions::new(29, 3, 14000226956584631716)
    };
    let sop = sopflow::generate::generate(options);
    let mut l = layout(&Procedure::from_sop(&sop).unwrap(), &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let crowded: Vec<_> = l
        .warnings
        .iter()
        .filter(|w| w.code == sopflow::Code::LabelCrowded)
        .collect();
    assert_eq!(crowded.len(), 1, "{crowded:?}");
    assert_eq!(crowded[0].activity.as_ref().unwrap().id, "28");
    assert!(
        crowded[0].message.contains("Belum lengkap"),
        "{}",
        crowded[0].message
    );
    // Without the warning the label is reported.
    l.warnings.retain(|w| w.code != sopflow::Code::LabelCrowded);
    let found = verify(&l);
    assert!(
        found
            .iter()
            .any(|v| v.ids == ["28", "27"] && v.message.contains("reads as another arrow's")),
        "{found:?}"
    );
}

/// Fuzz `crash-d46498cd…`: a start (a capsule) with four labelled
/// arrows to one activity sent them down one bottom stub, which holds two
/// labels; the third and fourth were forced over the others. Labelled
/// arrows are outcomes: each leaves by an exit of its own, past three by
/// points on the capsule's lower arcs.
#[test]
fn four_labelled_arrows_from_a_start_to_one_activity_keep_their_labels_apart() {
    let json = r#"{"actors":[{"id":"p0","name":"Pelaksana 0"},{"id":"p1","name":"Pelaksana 1"},
        {"id":"p2","name":"Pelaksana 2"},{"id":"p3","name":"Pelaksana 3"}],
        "activities":[{"text":"---------","actor":"p0","next":[{"to":"2","label":"---"},
        {"to":"2","label":""},{"to":"2","label":"]ccccccccccc"},
        {"to":"2","label":"-]cccccccccccccccc"}]},
        {"text":"","actor":"p3","kind":"process","next":["1","1"]}]}"#;
    let l = common::lay_out_on_legal_portrait(json);
    assert_eq!(verify(&l), vec![]);
}

/// Fuzz `crash-e58e0cd7…`: a box with four labelled arrows back to the
/// start and on to itself, nine performers on Letter portrait. With the
/// labels left over placed again first, one label found a place and
/// another was kept over a line instead: a second try is kept only when
/// fewer labels are left over or kept in no clear place.
#[test]
fn labels_placed_again_first_keep_the_try_with_fewer_faults() {
    let json = r#"{"actors":[{"id":"p0","name":"Pelaksana 0"},{"id":"p1","name":"Pelaksana 1"},
        {"id":"p2","name":"Pelaksana 2"},{"id":"p3","name":"Pelaksana 3"},{"id":"p4","name":"Pelaksana 4"},
        {"id":"p5","name":"Pelaksana 5"},{"id":"p6","name":"Pelaksana 6"},{"id":"p7","name":"Pelaksana 7"},
        {"id":"p8","name":"Pelaksana 8"}],
        "activities":[{"text":"{shv","actor":"p0","time":""},
        {"text":"","actor":"p0","kind":"start","requirements":["",""],"time":"","notes":"","symbol_text":""},
        {"text":"","actor":"p0","kind":"process","time":"","next":[{"to":"2","label":"_KK"},
        {"to":"1","label":"KKKKKKKKKKKKKKKKKK_________"},
        {"to":"2","label":"_______________ne__________________"},{"to":"2","label":""}]}]}"#;
    let procedure = Procedure::from_sop(&sopflow::parse_sop(json).unwrap()).unwrap();
    let mut config = Config::default();
    config.page.paper = sopflow::config::Paper::Letter;
    config.page.landscape = false;
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
}

#[test]
fn labelled_arrows_of_a_process_leave_by_exits_of_their_own() {
    // A task with four labelled ways to one activity (BPMN boundary
    // events are labelled arrows of their host): they used to share the
    // right side, three lines drawn as one.
    let sop = SopBuilder::new()
        .actor("a", "Pemohon")
        .actor("b", "Petugas Loket")
        .actor("c", "Kepala Seksi")
        .activity("mulai", "a", |a| a.id("1").kind(Kind::Start))
        .activity("memeriksa berkas", "b", |a| {
            a.id("2")
                .branch("3", "Pos")
                .branch("3", "Kurir")
                .branch("3", "Email")
                .branch("3", "Langsung")
        })
        .activity("menyetujui", "c", |a| a.id("3"))
        .activity("selesai", "c", |a| a.id("4").kind(Kind::End))
        .build();
    let l = layout(&Procedure::from_sop(&sop).unwrap(), &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let leaving: Vec<_> = l.pages[0]
        .flows
        .iter()
        .filter(|f| &*f.from == "2")
        .collect();
    assert_eq!(leaving.len(), 4);
    for (k, a) in leaving.iter().enumerate() {
        assert!(a.label.is_some());
        for b in &leaving[k + 1..] {
            assert_ne!(
                a.points[0], b.points[0],
                "{:?} and {:?}",
                a.points, b.points
            );
        }
    }
}

#[test]
fn each_label_reads_as_its_own_arrows_when_moving_its_exit_costs_nothing() {
    // Generated documents where, before, eight "Tidak" labels rose over a
    // diamond's corner next to an arrow dropping into its top, or next to
    // another arrow's climb, nearer to those than to their own exit; on
    // these, moving each such exit costs no crossing and joins no
    // connector's line to another arrow.
    for seed in [3, 4, 9] {
        let sop =
            sopflow::generate::generate(sopflow::generate::GenerateOptions::new(600, 8, seed));
        let l = layout(&Procedure::from_sop(&sop).unwrap(), &Config::default()).unwrap();
        assert_eq!(verify(&l), vec![]);
        assert_eq!(
            common::labels_not_owned(&l),
            Vec::<String>::new(),
            "seed {seed}"
        );
    }
}

#[test]
fn a_side_exits_label_has_no_other_line_between_it_and_its_own() {
    // Generated 81 activities, 4 performers, seed 79, on A4: on page 3 the
    // loop back out of 16's side and the arrow from 14 down to 18 share a
    // channel and overlap without nesting. With 14's arrow on the inner
    // track, "Tidak" hung between 16's corner and that arrow's line.
    let sop = sopflow::generate::generate(sopflow::generate::GenerateOptions::new(81, 4, 79));
    let procedure = Procedure::from_sop(&sop).unwrap();
    let mut config = Config::default();
    config.page.paper = sopflow::config::Paper::A4;
    let l = layout(&procedure, &config).unwrap();
    assert_eq!(verify(&l), vec![]);
    assert_eq!(common::labels_not_owned(&l), Vec::<String>::new());
}

#[test]
fn a_label_in_a_zone_too_narrow_for_its_syllables_prints_smaller_rather_than_break_one() {
    // Fourteen performers on F4 leave lanes so narrow that "Tidak" fits
    // the zone under a decision only as "Ti-" and "dak"; at the label size
    // "dak" was a hair too wide and broke again, "da-" and "k".
    let sop = sopflow::generate::generate(sopflow::generate::GenerateOptions::new(300, 14, 1));
    let l = layout(&Procedure::from_sop(&sop).unwrap(), &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let mut syllables = 0;
    for label in l
        .pages
        .iter()
        .flat_map(|p| &p.flows)
        .filter_map(|f| f.label.as_ref())
    {
        let lines: Vec<&str> = label.lines.iter().map(|l| &*l.text).collect();
        match lines[..] {
            ["Ya"] | ["Tidak"] => {}
            ["Ti-", "dak"] => syllables += 1,
            _ => panic!("{lines:?}"),
        }
    }
    assert!(syllables > 0, "no label wrapped between its syllables");
}

#[test]
fn a_label_left_over_after_the_exits_moved_takes_its_place_before_the_others() {
    // Found by proptest: 137 activities, 11 performers. On page 13 the
    // joint decision 55 sends "Tidak" down its bottom stub and "Ya" out
    // of its lower right edge (its right vertex holds the joint line).
    // "Ti-dak", placed first right of the stub, took the only place under
    // "Ya"'s first segment; "Ya" was left out. Placed first, "Ya" keeps
    // it and "Ti-dak" goes left of the stub.
    let sop = sopflow::generate::generate(sopflow::generate::GenerateOptions::new(
        137,
        11,
        13244667540369707822,
    ));
    let procedure = Procedure::from_sop(&sop).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![]);
    let labelled = procedure
        .flows()
        .iter()
        .filter(|f| f.label.is_some())
        .count();
    let printed = l
        .pages
        .iter()
        .flat_map(|p| &p.flows)
        .filter(|f| f.label.is_some())
        .count();
    assert_eq!(printed, labelled);
}

#[test]
fn a_start_with_four_labelled_outcomes_keeps_every_label_clear() {
    // Found by the layout fuzzer: a start capsule in one lane sends four
    // labelled arrows (one label empty), two to each of two activities,
    // on Legal paper.
    // Untangle trying the arrows in the most faults first chose routes
    // that left no clear place for the long unspaced label of the arrow
    // leaving the bottom, and it overlapped the label beside it (in index
    // order the routes leave room for every label).
    let l = fixture_on_legal_verified("fuzz-four-labelled-outcomes.json", true);
    let labelled = l.pages[0].flows.iter().filter(|f| f.label.is_some());
    assert_eq!(labelled.count(), 3);
}

#[test]
fn two_labels_either_side_of_a_stub_are_two_even_when_close() {
    // Found by the layout fuzzer (Legal portrait): a joint activity sends
    // four arrows to a start in one lane, two labelled. The long label,
    // broken over seven lines, is kept beside the bottom stub (left of
    // it) and the short one rises beside the right vertex over the
    // stub's other side: 2.4 pt apart, the stub between them. Two labels
    // closer than 3 pt read as one only where no line runs between them.
    let l = fixture_on_legal_verified("fuzz-labels-either-side-of-a-stub.json", false);
    let labels: Vec<_> = l.pages[0]
        .flows
        .iter()
        .filter_map(|f| f.label.as_ref().map(|label| (label.rect, f.points[0])))
        .collect();
    assert_eq!(labels.len(), 2);
    let (left, right) = if labels[0].0.x < labels[1].0.x {
        (labels[0], labels[1])
    } else {
        (labels[1], labels[0])
    };
    let stub = left.1.x;
    assert!(left.0.right() < stub && stub < right.0.x, "{labels:?}");
}
