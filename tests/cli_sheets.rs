//! The command line with spreadsheets: `convert` both ways, `template`,
//! `check`/`render`/`layout` on workbooks and CSV, `--from` with standard
//! input, English messages.
#![cfg(feature = "cli")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn sopflow(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopflow"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn sopflow_with_stdin(args: &[&str], dir: &Path, stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sopflow"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that refuses before reading closes its input early.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopflow-sheets-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn convert_goes_to_xlsx_and_back_and_the_workbook_renders() {
    let dir = temp("convert");
    let json = example("bps-rekomendasi-statistik.json");
    let out = sopflow(&["convert", &json, "-o", "sop.xlsx"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = sopflow(&["convert", "sop.xlsx", "-o", "back.json"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let back: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("back.json")).unwrap()).unwrap();
    assert_eq!(back, original);
    let out = sopflow(&["check", "sop.xlsx"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let out = sopflow(&["render", "sop.xlsx", "-o", "sop.pdf"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        std::fs::read(dir.join("sop.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let out = sopflow(&["layout", "sop.xlsx", "--verify"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn convert_writes_csv_that_reads_back_to_the_same_flowchart() {
    let dir = temp("csv");
    let json = example("pelayanan-ktp-el.json");
    let out = sopflow(&["convert", &json, "-o", "sop.csv"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read(dir.join("sop.csv")).unwrap();
    assert!(
        csv.starts_with("\u{feff}No;Kegiatan;Pelaksana".as_bytes()),
        "{}",
        text(&csv[..80])
    );
    let layout_of = |file: &str| {
        let out = sopflow(&["layout", file], &dir);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        value["pages"].as_array().unwrap().len()
    };
    assert_eq!(layout_of("sop.csv"), layout_of(&json));
}

#[test]
fn standard_input_needs_from_and_then_reads_any_format() {
    let dir = temp("stdin");
    let bytes = std::fs::read(example("pelayanan-ktp-el.json")).unwrap();
    let out = sopflow_with_stdin(&["check", "-"], &dir, &bytes);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("--from"),
        "{}",
        text(&out.stdout)
    );
    let out = sopflow_with_stdin(
        &["convert", "-", "--from", "json", "-o", "-", "--to", "xlsx"],
        &dir,
        &bytes,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xlsx = out.stdout;
    assert!(xlsx.starts_with(b"PK"));
    let out = sopflow_with_stdin(&["check", "-", "--from", "xlsx"], &dir, &xlsx);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn template_writes_a_workbook_that_checks() {
    let dir = temp("template");
    let out = sopflow(&["template"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.join("sop-template.xlsx").exists());
    let out = sopflow(&["check", "sop-template.xlsx"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn a_refused_workbook_names_the_cell_in_the_chosen_language() {
    let dir = temp("refused");
    let csv = "No;Kegiatan;Pelaksana;Lanjut\n1;Mulai;A;\n2;Memeriksa;A;\"Ya: 3; Tidak: 9\"\n3;Selesai;A;\n";
    std::fs::write(dir.join("sop.csv"), csv).unwrap();
    let out = sopflow(&["check", "sop.csv", "--lang", "en"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("error [invalid-cell] CSV!D3: \"Tidak: 9\" points to activity 9, which is not in the table"),
        "{stdout}"
    );
    let out = sopflow(&["check", "sop.csv"], &dir);
    assert!(
        text(&out.stdout).contains("galat [invalid-cell] CSV!D3"),
        "{}",
        text(&out.stdout)
    );
    let damaged = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/damaged-cfb.xls"
    ))
    .unwrap();
    std::fs::write(dir.join("damaged.xls"), damaged).unwrap();
    let out = sopflow(&["check", "damaged.xls"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("struktur berkas rusak"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(dir.join("fake.xlsx"), b"%PDF-1.4 not a workbook").unwrap();
    let out = sopflow(&["check", "fake.xlsx", "--json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("unreadable-workbook"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn render_into_a_folder_with_one_input_names_pages_inside_it() {
    let dir = temp("folder");
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let json = example("bps-distribusi-persediaan.json");
    let out = sopflow(&["render", &json, "-f", "svg", "-o", "out/"], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.is_empty());
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("bps-distribusi-persediaan") && n.ends_with(".svg")),
        "{names:?}"
    );
}
