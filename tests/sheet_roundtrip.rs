//! JSON → XLSX → JSON keeps every field of every example and of generated
//! SOPs; JSON → CSV → JSON keeps the flowchart.
#![cfg(feature = "sheet")]

mod common;

use proptest::prelude::*;
use sopflow::import::{self, Format, ImportOptions};
use sopflow::model::Sop;
use sopflow::parse_sop;

/// The document as it comes back: a joint activity's performers in
/// column order (the order its lanes are drawn in anyway).
fn in_column_order(mut sop: Sop) -> Sop {
    let actors = sop.actors.clone();
    let column = |key: &String| actors.iter().position(|a| a.key() == key);
    for a in &mut sop.activities {
        a.actor.sort_by_key(column);
    }
    sop
}

fn through_xlsx(sop: &Sop) -> Sop {
    let bytes = sopflow::export::write_xlsx(sop).unwrap();
    let back = import::read_bytes(bytes, Format::Xlsx, &ImportOptions::default())
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(back.warnings.0.is_empty(), "{}", back.warnings);
    back.sop
}

fn assert_same(name: &str, want: &Sop, got: &Sop) {
    let (w, g) = (
        serde_json::to_string_pretty(want).unwrap(),
        serde_json::to_string_pretty(got).unwrap(),
    );
    if let Some((a, b)) = w.lines().zip(g.lines()).find(|(a, b)| a != b) {
        panic!("{name}: first difference:\n want {a}\n got  {b}");
    }
    assert_eq!(w, g, "{name}");
}

#[test]
fn every_example_survives_a_round_trip_through_xlsx() {
    for path in common::example_files() {
        let sop = parse_sop(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.display().to_string();
        assert_same(&name, &in_column_order(sop.clone()), &through_xlsx(&sop));
    }
}

/// What a flowchart shows: lanes by name and group, and each row's
/// texts, kind, lanes and arrows.
fn drawn(sop: &Sop) -> Vec<String> {
    let procedure = sopflow::Procedure::from_sop(sop).unwrap_or_else(|d| panic!("{d}"));
    let lanes: Vec<String> = procedure
        .lanes()
        .iter()
        .map(|l| format!("{:?}/{}", l.group, l.name))
        .collect();
    let steps = procedure.steps();
    let mut out = lanes;
    for s in steps {
        out.push(format!(
            "{} {:?} {:?} {} {:?} {:?} {:?} {:?}",
            s.id, s.kind, s.lanes, s.text, s.requirements, s.time, s.output, s.notes
        ));
    }
    for f in procedure.flows() {
        out.push(format!(
            "{}->{} {:?}",
            steps[f.from].id, steps[f.to].id, f.label
        ));
    }
    out
}

#[test]
fn every_example_survives_a_round_trip_through_csv_as_the_same_flowchart() {
    for path in common::example_files() {
        let sop = parse_sop(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let csv = sopflow::export::write_csv(&sop).unwrap();
        let back = import::read_bytes(csv.into_bytes(), Format::Csv, &ImportOptions::default())
            .unwrap_or_else(|d| panic!("{}: {d}", path.display()));
        assert_eq!(drawn(&back.sop), drawn(&sop), "{}", path.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_sops_survive_a_round_trip_through_xlsx(
        activities in 2usize..120,
        actors in 1usize..9,
        seed in 0u64..1_000,
    ) {
        let options = sopflow::generate::GenerateOptions::new(activities, actors, seed);
        let sop = sopflow::generate::generate(options);
        assert_same("generated", &in_column_order(sop.clone()), &through_xlsx(&sop));
    }
}

/// The text of one part of the written workbook.
fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_written_workbook_is_styled_like_the_printed_table() {
    use calamine::Reader;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/examples/bps-distribusi-persediaan.json");
    let path = if path.exists() {
        path
    } else {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/bps-distribusi-persediaan.json")
    };
    let sop = parse_sop(&std::fs::read_to_string(path).unwrap()).unwrap();
    let bytes = sopflow::export::write_xlsx(&sop).unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Prosedur", "Identitas", "Pelaksana"]);
    let merges = book.merge_cells_by_sheet_name("Prosedur").unwrap();
    let range = book.worksheet_range("Prosedur").unwrap();
    let merged: Vec<String> = merges
        .iter()
        .map(|m| {
            let text = range
                .get_value(m.start)
                .map(|v| v.to_string())
                .unwrap_or_default();
            format!("{text} {:?}-{:?}", m.start, m.end)
        })
        .collect();
    let actors = sop.actors.len() as u32;
    let grouped = sop.actors.iter().any(|a| a.group.is_some());
    let bottom = if grouped { 4 } else { 3 };
    if grouped {
        let first = sop.actors[0].group.clone().unwrap();
        assert!(
            merged
                .iter()
                .any(|m| m.starts_with(&format!("{first} (3, 2)"))),
            "{merged:?}"
        );
    }
    assert!(
        merged.contains(&format!("Pelaksana (2, 2)-(2, {})", 1 + actors)),
        "{merged:?}"
    );
    assert!(
        merged.contains(&format!(
            "Mutu Baku (2, {})-(2, {})",
            2 + actors,
            4 + actors
        )),
        "{merged:?}"
    );
    assert!(
        merged.contains(&format!("Kegiatan (2, 1)-({bottom}, 1)")),
        "{merged:?}"
    );
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let pane = format!(
        r#"<pane xSplit="2" ySplit="{}" topLeftCell="C{}" activePane="bottomRight" state="frozen"/>"#,
        bottom + 1,
        bottom + 2
    );
    assert!(sheet.contains(&pane), "frozen header rows");
    assert!(
        sheet.contains(r#"<formula1>"mulai,proses,keputusan,selesai"</formula1>"#),
        "the Jenis drop-down"
    );
    assert!(sheet.contains("<col "), "column widths");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(
        styles.contains(r#"<fgColor rgb="FFD9D9D9"/>"#),
        "grey header"
    );
    assert!(styles.contains(r#"wrapText="1""#), "wrapped text");
    assert!(styles.contains("<b/>"), "bold header");
}
