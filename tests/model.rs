//! The input format: every example reads, round trips, and validates clean.

use sopflow::{Procedure, parse_sop, validate};
mod common;
use common::example_files;

#[test]
fn every_example_checks_without_errors() {
    let files = example_files();
    assert!(files.len() >= 3, "examples missing: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let sop = parse_sop(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let diagnostics = validate(&sop);
        assert!(
            !diagnostics.has_errors(),
            "{}: {diagnostics}",
            file.display()
        );
        Procedure::from_sop(&sop).unwrap();
    }
}

#[test]
fn serialising_and_reading_back_gives_the_same_model() {
    for file in example_files() {
        let sop = parse_sop(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let json = serde_json::to_string_pretty(&sop).unwrap();
        let again = parse_sop(&json).unwrap();
        assert_eq!(sop, again, "{}", file.display());
    }
}
