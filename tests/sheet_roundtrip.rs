//! JSON → XLSX → JSON keeps every field of every shared example.
#![cfg(feature = "sheet")]

use sopflow::import::{self, Format, ImportOptions};
use sopflow::parse_sop;

fn examples() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

#[test]
fn every_example_survives_a_round_trip_through_xlsx() {
    for (name, json) in examples() {
        let mut sop = parse_sop(&json).unwrap();
        // A joint activity's performers come back in column order (the
        // order the lanes are drawn in anyway).
        let column = |sop: &sopflow::model::Sop, key: &str| {
            sop.actors.iter().position(|a| a.key() == key)
        };
        let copy = sop.clone();
        for a in &mut sop.activities {
            a.actor.sort_by_key(|k| column(&copy, k));
        }
        let bytes = sopflow::export::write_xlsx(&sop).unwrap();
        let back = import::read_bytes(bytes, Format::Xlsx, &ImportOptions::default())
            .unwrap_or_else(|d| panic!("{name}: {d}"));
        assert!(back.warnings.0.is_empty(), "{name}: {}", back.warnings);
        let (want, got) = (
            serde_json::to_value(&sop).unwrap(),
            serde_json::to_value(&back.sop).unwrap(),
        );
        if want != got {
            let (w, g) = (serde_json::to_string_pretty(&want).unwrap(), serde_json::to_string_pretty(&got).unwrap());
            for (a, b) in w.lines().zip(g.lines()) {
                if a != b {
                    panic!("{name}: first difference:\n want {a}\n got  {b}");
                }
            }
            panic!("{name}: lengths differ");
        }
    }
}
