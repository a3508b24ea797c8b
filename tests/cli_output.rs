//! The command line's edges: no wrong file under a right-looking name,
//! pipes, exit codes, a closed pipe, discoverable defaults.
#![cfg(feature = "cli")]

mod common;
use common::{example, sopflow, temp};

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_sopflow_cannot_write_under_its_name_is_a_usage_error_and_writes_nothing() {
    let dir = temp("names");
    let file = example("bps-layanan-perpustakaan.json");
    for (args, words) in [
        (vec!["-o", "w.jpg"], "not .jpg"),
        (vec!["-o", "w2.pdf", "--format", "svg"], "disagree"),
    ] {
        let mut all = vec!["render", file.as_str()];
        all.extend(args);
        let out = sopflow(&all, &dir);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(words));
    }
    let other = example("bps-rekomendasi-statistik.json");
    let out = sopflow(&["render", &file, &other, "-o", "all.pdf"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("need an output folder"));
    assert_eq!(entries(&dir), Vec::<String>::new());
    // A folder takes several; the extension agreeing with --format is fine.
    assert!(
        sopflow(&["render", &file, &other, "-o", "out/"], &dir)
            .status
            .success()
    );
    assert_eq!(entries(&dir.join("out")).len(), 2);
    assert!(
        sopflow(&["render", &file, "-o", "one.svg", "--format", "svg"], &dir)
            .status
            .success()
    );
}

#[test]
fn a_failed_render_leaves_no_file() {
    let dir = temp("atomic");
    let file = example("bps-layanan-perpustakaan.json");
    // The folder to write into is a file: the render fails at writing.
    std::fs::write(dir.join("taken"), b"").unwrap();
    let out = sopflow(&["render", &file, "-o", "taken/doc.pdf"], &dir);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(entries(&dir), ["taken"]);
    // A DPI out of range is a usage error, found before anything is written.
    let out = sopflow(&["render", &file, "-o", "doc.png", "--dpi", "5"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(entries(&dir), ["taken"]);
}

#[test]
fn standard_input_to_standard_output_carries_the_document_alone() {
    let dir = temp("pipes");
    let bytes = std::fs::read(example("bps-layanan-perpustakaan.json")).unwrap();
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sopflow"))
            .args(args)
            .current_dir(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), &bytes).unwrap();
        child.wait_with_output().unwrap()
    };
    let pdf = run(&[
        "render", "-", "--from", "json", "-o", "-", "--format", "pdf",
    ]);
    assert!(
        pdf.status.success(),
        "{}",
        String::from_utf8_lossy(&pdf.stderr)
    );
    assert!(pdf.stdout.starts_with(b"%PDF-"));
    assert!(
        pdf.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&pdf.stderr)
    );
    let svg = run(&[
        "render", "-", "--from", "json", "-o", "-", "--format", "svg", "--page", "2",
    ]);
    assert!(svg.status.success());
    assert!(svg.stdout.starts_with(b"<svg") && svg.stdout.ends_with(b"</svg>\n"));
    let png = run(&[
        "render", "-", "--from", "json", "-o", "-", "--format", "png", "--page", "1",
    ]);
    assert!(png.stdout.starts_with(b"\x89PNG"));
    let html = run(&[
        "render", "-", "--from", "json", "-o", "-", "--format", "html",
    ]);
    assert!(html.stdout.starts_with(b"<!DOCTYPE html>"));
    let layout = run(&["layout", "-", "--from", "json"]);
    assert!(serde_json::from_slice::<serde_json::Value>(&layout.stdout).is_ok());
    let check = run(&["check", "-", "--from", "json", "--json"]);
    assert!(serde_json::from_slice::<serde_json::Value>(&check.stdout).is_ok());
    // Several pages do not fit standard output.
    let many = run(&[
        "render", "-", "--from", "json", "-o", "-", "--format", "svg",
    ]);
    assert!(!many.status.success() && many.stdout.is_empty());
    assert_eq!(entries(&dir), Vec::<String>::new());
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    // More output than a pipe holds (64 KiB), so the writer meets the
    // closed end.
    let files: Vec<String> = (0..1500)
        .map(|_| example("bps-layanan-perpustakaan.json"))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sopflow"))
        .arg("check")
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_missing_file_is_exit_2_for_every_command() {
    let dir = temp("missing");
    for command in ["check", "render", "layout", "lint", "analyze", "convert"] {
        let out = if command == "convert" {
            sopflow(&[command, "missing.json", "-o", "x.json"], &dir)
        } else {
            sopflow(&[command, "missing.json"], &dir)
        };
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("unreadable-file")
                || String::from_utf8_lossy(&out.stdout).contains("unreadable-file"),
            "{command}"
        );
    }
    let out = sopflow(&["diff", "missing.json", "missing.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let out = sopflow(
        &["forms", "missing.json", "--monitoring", "-o", "m.pdf"],
        &dir,
    );
    assert_eq!(out.status.code(), Some(2));
    // The table is in --help too.
    let help = sopflow(&["--help"], &dir);
    assert!(String::from_utf8_lossy(&help.stdout).contains("2 usage error or unreadable input"));
}

#[test]
fn the_default_configuration_reads_back_and_matches_its_schema() {
    let dir = temp("config");
    let defaults = sopflow(&["config", "--defaults"], &dir);
    assert!(defaults.status.success());
    std::fs::write(dir.join("style.json"), &defaults.stdout).unwrap();
    let file = example("bps-layanan-perpustakaan.json");
    let with = sopflow(&["layout", &file, "--config", "style.json"], &dir);
    let without = sopflow(&["layout", &file], &dir);
    assert!(with.status.success());
    assert_eq!(with.stdout, without.stdout, "the defaults are the defaults");
    let schema = sopflow(&["config", "--schema"], &dir);
    let schema: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&defaults.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&value));
    assert!(!validator.is_valid(&serde_json::json!({"no_such_key": 1})));
}

#[test]
fn check_refuses_the_images_render_would_refuse() {
    let dir = temp("images");
    let mut doc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example("bps-layanan-perpustakaan.json")).unwrap(),
    )
    .unwrap();
    for (name, logo) in [
        ("escape", "../../etc/passwd"),
        ("absolute", "/etc/passwd"),
        ("missing", "logo.png"),
    ] {
        doc["identity"]["logo"] = logo.into();
        std::fs::write(dir.join(format!("{name}.json")), doc.to_string()).unwrap();
        let out = sopflow(&["check", &format!("{name}.json"), "--json"], &dir);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["errors"][0]["code"], "unusable-image", "{name}");
        assert_eq!(report["errors"][0]["path"], "/identity/logo", "{name}");
    }
}

#[test]
fn the_implicit_end_of_the_last_row_explains_itself() {
    let dir = temp("implicit-end");
    let doc = serde_json::json!({"actors": [{"id": "a", "name": "A"}], "activities": [
        {"id": "1", "text": "Menerima", "actor": "a"},
        {"id": "2", "text": "Memeriksa", "actor": "a", "next": "1"}]});
    std::fs::write(dir.join("doc.json"), doc.to_string()).unwrap();
    let out = sopflow(&["check", "doc.json", "--lang", "en"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("the last activity is an end by default, and an end cannot have a successor; give it \"kind\": \"process\" to continue")
    );
}

#[test]
fn progress_stays_off_a_log_that_is_not_a_terminal() {
    let dir = temp("progress");
    let files: Vec<String> = [
        "bps-distribusi-persediaan.json",
        "bps-layanan-perpustakaan.json",
        "bps-rekomendasi-statistik.json",
    ]
    .iter()
    .map(|f| example(f))
    .collect();
    let mut args = vec!["render"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", "out/"]);
    let out = sopflow(&args, &dir);
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    args.push("--quiet");
    assert!(sopflow(&args, &dir).status.success());
}
