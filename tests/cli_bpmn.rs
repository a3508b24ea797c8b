//! The command line with BPMN models: convert to JSON and XLSX, check,
//! render, layout and standard input with `--from bpmn`.
#![cfg(feature = "cli")]

mod common;
use common::{sopflow, temp};

use std::io::Write;
use std::process::{Command, Stdio};

fn model(name: &str) -> String {
    format!("{}/../shared/bpmn/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn convert_writes_tidy_json_that_reads_back_to_the_same_sop() {
    let dir = temp("convert");
    let out = sopflow(
        &["convert", &model("miwg-C.1.0.bpmn"), "-o", "sop.json"],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = std::fs::read_to_string(dir.join("sop.json")).unwrap();
    let sop = sopflow::parse_sop(&json).unwrap();
    assert_eq!(sop.activities.len(), 21);
    // Fields in the model's order: id, text, actor, kind, … next.
    let first = json.find("\"activities\"").unwrap();
    let block = &json[first..];
    let order: Vec<usize> = [
        "\"id\"",
        "\"text\"",
        "\"actor\"",
        "\"kind\"",
        "\"notes\"",
        "\"next\"",
    ]
    .iter()
    .map(|k| block.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // The unnamed decision's warning goes to standard error, with its place.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("baris 206 kolom 5"), "{stderr}");
    // Same bytes twice.
    let again = sopflow(
        &[
            "convert",
            &model("miwg-C.1.0.bpmn"),
            "-o",
            "-",
            "--to",
            "json",
        ],
        &dir,
    );
    assert_eq!(again.stdout, json.as_bytes());

    let out = sopflow(
        &[
            "convert",
            &model("c8-absence-request.bpmn"),
            "-o",
            "sop.xlsx",
        ],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sopflow(&["check", "sop.xlsx"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("12 kegiatan"));
}

#[test]
fn check_render_and_layout_take_a_model_directly_or_from_standard_input() {
    let dir = temp("render");
    let out = sopflow(&["check", &model("miwg-A.4.1.bpmn")], &dir);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("11 kegiatan, 3 pelaksana"));
    let out = sopflow(
        &["render", &model("c8-absence-request.bpmn"), "-o", "sop.pdf"],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read(dir.join("sop.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_sopflow"))
        .args(["layout", "-", "--from", "bpmn"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let bytes = std::fs::read(model("miwg-A.4.1.bpmn")).unwrap();
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let layout: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(layout["pages"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn a_broken_model_is_an_error_with_its_place_and_exit_code_2() {
    let dir = temp("broken");
    std::fs::write(
        dir.join("half.bpmn"),
        b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>\n<process id='p'>",
    )
    .unwrap();
    let out = sopflow(&["check", "half.bpmn", "--lang", "en"], &dir);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("line 2 column 17") && report.contains("truncated"),
        "{report}"
    );
}
