//! Drawing quality on the peer-comparison graphs (issue "fewer crossings
//! than ELK"): crossings, bends per arrow, lines through a box, parallel
//! arrows closer than 4 pt, connector pairs and pages of the
//! whole document, every page, for `../shared/bench/gen_sop.py --n N
//! --seed 1`, with each choice of page breaks. Not timed; run with
//!
//! ```sh
//! cargo bench --bench quality
//! ```
//!
//! It needs `python3` and the shared folder next to the repository.

use sopflow::config::{Config, PageBreaks};
use sopflow::layout::{Layout, layout, verify};
use sopflow::{Procedure, parse_sop};

#[path = "../tests/common/gen_sop.rs"]
mod gen_sop;
use gen_sop::generated;

/// The figures the peers were measured on (shared/bench/README.md).
const ELK: [(usize, usize, f32); 2] = [(1_000, 2, 1.9), (10_000, 25, 1.9)];

fn lay_out(json: &str, breaks: PageBreaks) -> Layout {
    let sop = parse_sop(json).expect("generated documents parse");
    let procedure = Procedure::from_sop(&sop).expect("generated documents are valid");
    let mut config = Config::default();
    config.page.breaks = breaks;
    layout(&procedure, &config).expect("generated documents fit F4")
}

fn main() {
    // `cargo bench` passes `--bench`; a filter, if any, names the sizes.
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!(
        "| activities | page breaks | crossings | ELK crossings | bends per arrow | ELK bends | pass-throughs | parallels < 4 pt | connector merges | arrows | connector pairs | pages | invariants |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (n, elk_crossings, elk_bends) in ELK {
        if !filter.is_empty() && !filter.iter().any(|f| n.to_string().contains(f.as_str())) {
            continue;
        }
        let json = generated(n);
        for breaks in [
            PageBreaks::Balanced,
            PageBreaks::FewestPages,
            PageBreaks::FewestCrossings,
        ] {
            let l = lay_out(&json, breaks);
            let m = &l.metrics;
            let broken = verify(&l).len();
            println!(
                "| {n} | {breaks:?} | {} | {elk_crossings} | {:.2} | {elk_bends} | {} | {} | {} | {} | {} | {} | {} |",
                m.crossings,
                m.bends_per_flow(),
                m.pass_throughs,
                m.close_parallels,
                m.connector_merges,
                m.flows,
                m.connector_pairs,
                m.pages,
                if broken == 0 {
                    "kept".to_owned()
                } else {
                    format!("{broken} broken")
                }
            );
        }
    }
}
