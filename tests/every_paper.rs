//! The real documents (signed SOPs and BPMN models) on every standard
//! paper, both orientations and every page-break mode: each layout passes
//! `verify`, each label reads as its own arrow's, no connector's line
//! joins another arrow and no two arrows run closer than 4 pt.
#![cfg(feature = "bpmn")]

mod common;

use sopflow::Procedure;
use sopflow::config::{Config, PageBreaks, Paper};
use sopflow::import::{self, Format, ImportOptions};
use sopflow::layout::{layout, verify};

/// Every shared example and BPMN model, by name.
fn documents() -> Vec<(String, Procedure)> {
    let mut all: Vec<(String, Procedure)> = common::example_files()
        .iter()
        .map(|f| (f.display().to_string(), common::load(f)))
        .collect();
    for name in [
        "c8-absence-request.bpmn",
        "miwg-A.4.1.bpmn",
        "miwg-C.1.0.bpmn",
    ] {
        let path = format!("{}/../shared/bpmn/{name}", env!("CARGO_MANIFEST_DIR"));
        let imported = import::read_bytes(
            std::fs::read(&path).unwrap(),
            Format::Bpmn,
            &ImportOptions::default(),
        )
        .unwrap();
        all.push((name.to_string(), imported.into_procedure().unwrap().0));
    }
    all
}

#[test]
fn every_real_document_reads_cleanly_on_every_paper() {
    let mut faults = Vec::new();
    for (name, procedure) in documents() {
        for paper in [Paper::A4, Paper::F4, Paper::Letter, Paper::Legal] {
            for landscape in [true, false] {
                for breaks in [
                    PageBreaks::Balanced,
                    PageBreaks::FewestPages,
                    PageBreaks::FewestCrossings,
                ] {
                    let mut config = Config::default();
                    config.page.paper = paper;
                    config.page.landscape = landscape;
                    config.page.breaks = breaks;
                    let l = layout(&procedure, &config).unwrap();
                    let m = &l.metrics;
                    let found = (
                        verify(&l),
                        common::labels_not_owned(&l),
                        m.connector_merges,
                        m.close_parallels,
                    );
                    if found != (vec![], vec![], 0, 0) {
                        faults.push(format!(
                            "{name}, {paper:?}, landscape {landscape}, {breaks:?}: {found:?}"
                        ));
                    }
                }
            }
        }
    }
    assert_eq!(faults, Vec::<String>::new());
}

#[test]
fn two_connectors_sharing_a_lane_drop_straight_into_the_top_below_them() {
    // The signed SOP on Letter: page 2 opens with connectors 1 and 2 side
    // by side over activity 5. Each line leaves its connector's tip and
    // drops into 5's top edge without a corner (before, both went round
    // into 5's sides, and 2's joined the loop back from 6 there).
    let mut config = Config::default();
    config.page.paper = Paper::Letter;
    let l = layout(
        &common::load(std::path::Path::new(&common::example(
            "bps-rekomendasi-statistik.json",
        ))),
        &config,
    )
    .unwrap();
    assert_eq!(l.metrics.connector_merges, 0);
    let page = l
        .pages
        .iter()
        .find(|p| p.symbols.iter().any(|s| &*s.id == "5"))
        .unwrap();
    let five = page.symbols.iter().find(|s| &*s.id == "5").unwrap().rect;
    let incoming: Vec<_> = page
        .connectors
        .iter()
        .filter(|c| {
            c.rect.bottom() < five.y && c.rect.x >= five.x && c.rect.right() <= five.right()
        })
        .collect();
    assert_eq!(incoming.len(), 2, "{:?}", page.connectors);
    for c in incoming {
        let centre = c.rect.x + c.rect.width / 2.0;
        let line = page
            .flows
            .iter()
            .find(|f| f.points[0].x == centre && f.points[0].y == c.rect.bottom())
            .unwrap_or_else(|| panic!("a line from {:?}", c.rect));
        assert_eq!(&*line.to, "5");
        assert_eq!(line.points.len(), 2, "{:?}", line.points);
        assert_eq!(line.points[1].x, centre);
        assert_eq!(line.points[1].y, five.y);
    }
}
