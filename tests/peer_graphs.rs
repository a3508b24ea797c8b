//! The graphs sopflow is compared with ELK, Graphviz and dagre on
//! (`../shared/bench/gen_sop.py --n N --seed 1`, whole document, default
//! page breaks): every invariant kept, each branch label reading as its
//! own arrow's (no unrelated arrow 3 pt nearer to it), at most one bend per arrow on
//! average, and no more crossings than measured when this test was
//! written (ELK layered draws 2 at 1,000 activities and 25 at 10,000;
//! `cargo bench --bench quality` prints the figures). Needs `python3`
//! and the shared folder next to the repository, as the bench does.

use sopflow::config::Config;
use sopflow::layout::{layout, verify};
use sopflow::{Procedure, parse_sop};

mod common;

#[path = "common/gen_sop.rs"]
mod gen_sop;
use gen_sop::generated;

fn check(n: usize, most_crossings: usize) {
    let sop = parse_sop(&generated(n)).unwrap();
    let procedure = Procedure::from_sop(&sop).unwrap();
    let l = layout(&procedure, &Config::default()).unwrap();
    assert_eq!(verify(&l), vec![], "{n} activities");
    assert_eq!(common::labels_not_owned(&l), Vec::<String>::new());
    let m = &l.metrics;
    assert!(
        m.crossings <= most_crossings,
        "{n} activities: {} crossings",
        m.crossings
    );
    assert!(m.bends_per_flow() <= 1.0, "{n}: {}", m.bends_per_flow());
    assert_eq!(m.connector_merges, 0, "{n} activities");
}

#[test]
fn a_thousand_activities_draw_no_more_crossings_than_elk() {
    check(1_000, 2);
}

#[test]
fn ten_thousand_activities_draw_fewer_crossings_than_elk() {
    check(10_000, 14);
}
