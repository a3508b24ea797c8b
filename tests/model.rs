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

#[test]
fn service_time_takes_the_fastest_path_and_one_round_of_each_loop() {
    use sopflow::SopBuilder;
    let sop = SopBuilder::new()
        .actor("a", "A")
        .activity("mulai", "a", |x| x.time("10 menit"))
        .activity("cek", "a", |x| {
            x.kind(sopflow::Kind::Decision)
                .time("1 jam")
                .yes("3")
                .no("1")
        })
        .activity("cepat", "a", |x| {
            x.kind(sopflow::Kind::Decision)
                .time("1 hari kerja")
                .branch("5", "ringkas")
                .branch("4", "lengkap")
        })
        .activity("lambat", "a", |x| x.time("2 hari"))
        .activity("selesai", "a", |x| x.time("-"))
        .build();
    let procedure = Procedure::from_sop(&sop).unwrap();
    let time = procedure.service_time().unwrap();
    // Fastest: 10 min + 1 h + 1 working day, skipping "lambat".
    assert_eq!(
        (time.min.minutes, time.min.days, time.min.working_days),
        (70.0, 0.0, 1.0)
    );
    // Slowest: the loop {mulai, cek} twice, then "lambat".
    assert_eq!(
        (time.max.minutes, time.max.days, time.max.working_days),
        (140.0, 2.0, 1.0)
    );
    assert_eq!(
        time.span().to_string(),
        "1 hari kerja + 1 jam 10 menit - 1 hari kerja + 2 hari 2 jam 20 menit"
    );
}
