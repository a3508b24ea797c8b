//! The `sopflow` binary: check, render, layout, schema, and the no-argument demo.
#![cfg(feature = "cli")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sopflow(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sopflow"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sopflow-cli-{name}-{}", std::process::id()));
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

#[test]
fn check_passes_every_example() {
    let files: Vec<String> = common::example_files()
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = sopflow(&args, Path::new("."));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.matches(": OK,").count(), files.len(), "{stdout}");
}

#[test]
fn check_json_reports_errors_warnings_and_summary() {
    let dir = temp("json");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, r#"{"actors":[{"id":"a","name":"A"}],"activities":[{"text":"x","actor":"zz"},{"text":"y","actor":"a","time":"Sesuai kebutuhan"}]}"#).unwrap();
    let out = sopflow(&["check", "--json", broken.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"][0]["code"], "unknown-actor");
    assert_eq!(report["errors"][0]["path"], "/activities/0/actor");
    assert!(report["summary"].is_null());

    let out = sopflow(
        &["check", "--json", &example("pelayanan-ktp-el.json")],
        &dir,
    );
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]));
    let summary = &report["summary"];
    assert_eq!(
        (
            summary["activities"].as_u64(),
            summary["actors"].as_u64(),
            summary["decisions"].as_u64()
        ),
        (Some(8), Some(4), Some(2))
    );
    // The layout figures on the default paper: one flowchart page, so no
    // off-page connector pair.
    let figures = &report["layout"];
    assert_eq!(figures["pages"].as_u64(), Some(1));
    assert_eq!(figures["connector_pairs"].as_u64(), Some(0));
    assert_eq!(figures["flows"].as_u64(), Some(9));
    // 5 + 10 + 5 + 15 + 30 + 60 + 1440 + 5 minutes straight through; one more
    // round of each rework loop (5 + 10 and 15 + 30) at worst.
    assert_eq!(summary["service_time"]["min"].as_f64(), Some(1570.0));
    assert_eq!(summary["service_time"]["max"].as_f64(), Some(1630.0));
    // "1 x 24 jam" is clock time: the total stays in hours and minutes.
    assert_eq!(
        summary["service_time"]["text"],
        "26 jam 10 menit - 27 jam 10 menit"
    );
}

#[test]
fn check_exit_codes() {
    let dir = temp("codes");
    std::fs::write(dir.join("not.json"), "{ this is not json").unwrap();
    let out = sopflow(&["check", "not.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("baris 1"));
    let out = sopflow(&["check", "missing.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    std::fs::write(dir.join("bad.json"), r#"{"activities":[]}"#).unwrap();
    let out = sopflow(&["check", "bad.json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no-activities"));
}

#[test]
fn render_follows_the_output_extension_and_writes_one_file_per_input() {
    let dir = temp("render");
    for (out, magic) in [("a.pdf", &b"%PDF"[..]), ("b.svg", &b"<svg"[..])] {
        let status = sopflow(
            &["render", &example("pelayanan-ktp-el.json"), "-o", out],
            &dir,
        );
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let written = if out.ends_with("svg") {
            dir.join("b-1.svg")
        } else {
            dir.join(out)
        };
        assert!(
            std::fs::read(&written).unwrap().starts_with(magic),
            "{}",
            written.display()
        );
    }
    let out = sopflow(
        &[
            "render",
            &example("pelayanan-ktp-el.json"),
            &example("bps-layanan-perpustakaan.json"),
            "-o",
            "many",
            "--format",
            "png",
            "--dpi",
            "40",
        ],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.join("many"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("pelayanan-ktp-el"))
            && names
                .iter()
                .any(|n| n.starts_with("bps-layanan-perpustakaan")),
        "{names:?}"
    );
    let bad = sopflow(&["render", "nope.json"], &dir);
    assert!(!bad.status.success());
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).lines().count(),
        1,
        "one clear line"
    );
}

#[test]
fn layout_prints_verified_json() {
    let out = sopflow(
        &[
            "layout",
            "--verify",
            &example("bps-distribusi-persediaan.json"),
        ],
        Path::new("."),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let layout: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(layout["pages"].as_array().unwrap().len() >= 2);
    assert!(layout["metrics"]["flows"].as_u64().unwrap() > 0);
}

#[test]
fn no_arguments_print_a_short_help_and_write_nothing() {
    let dir = temp("no-arguments");
    let out = sopflow(&[], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("sopflow demo"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}

#[test]
fn demo_renders_the_bundled_example() {
    let dir = temp("demo");
    let out = sopflow(&["demo"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written: Vec<String> = std::fs::read_dir(dir.join("sopflow-out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for extension in ["pdf", "svg", "png"] {
        assert!(
            written.iter().any(|n| n.ends_with(extension)),
            "{written:?}"
        );
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("sopflow-out"));
}

#[test]
fn schema_accepts_every_example_and_every_indonesian_name() {
    let out = sopflow(&["schema"], Path::new("."));
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for file in common::example_files() {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
    }
    let indonesian = serde_json::json!({
        "format": "sopflow/1",
        "identitas": {
            "instansi": "Kota", "unit_kerja": "Dinas", "nomor": "1", "tanggal_pembuatan": "2025-01-01",
            "tanggal_revisi": "-", "tanggal_efektif": "2025-01-02", "nama": "SOP",
            "disahkan_oleh": { "jabatan": "Kepala", "nama": "X", "nip": "1" },
            "dasar_hukum": "UU", "kualifikasi_pelaksana": ["a"], "keterkaitan": "b", "peralatan": "c",
            "peringatan": "d", "pencatatan": "e", "tanda_tangan": "ttd.png", "catatan_kaki": "f", "logo": "logo.png"
        },
        "pelaksana": [{ "id": "a", "nama": "A" }],
        "kegiatan": [
            { "uraian": "Mulai", "pelaksana": "a", "jenis": "mulai", "kelengkapan": "KTP", "waktu": "5 menit", "keterangan": "-", "teks_simbol": "?" },
            { "uraian": "Cek", "pelaksana": "a", "jenis": "keputusan", "ya": "3", "tidak": "1" },
            { "uraian": "Lanjut", "pelaksana": "a", "jenis": "proses", "lanjut": [{ "ke": "4", "label": "ok" }] },
            { "uraian": "Akhir", "pelaksana": ["a"], "jenis": "selesai" }
        ]
    });
    let errors: Vec<String> = validator
        .iter_errors(&indonesian)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    sopflow::parse_sop(&indonesian.to_string()).unwrap();
    let typo =
        serde_json::json!({ "activities": [{ "text": "x", "actor": "a", "uraianx": "typo" }] });
    assert!(!validator.is_valid(&typo));
    let both = serde_json::json!({ "activities": [{ "text": "x", "uraian": "y", "actor": "a" }] });
    assert!(
        !validator.is_valid(&both),
        "a field and its alias together are refused"
    );
}

#[test]
fn a_configuration_file_renames_columns_and_changes_the_paper() {
    let dir = temp("config");
    std::fs::write(
        dir.join("style.json"),
        r#"{ "page": { "paper": "a4" }, "labels": { "requirements": "Persyaratan/Perlengkapan", "time": "Durasi", "output": "Hasil" }, "table": { "column_numbers": true } }"#,
    )
    .unwrap();
    let out = sopflow(
        &[
            "render",
            &example("pelayanan-ktp-el.json"),
            "-o",
            "out.svg",
            "--config",
            "style.json",
        ],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(dir.join("out-2.svg")).unwrap();
    // The long header breaks after its slash, never inside a word.
    for word in [
        ">Persyaratan/<",
        ">Perlengkapan<",
        ">Durasi<",
        ">Hasil<",
        ">(1)<",
        "width=\"841.89pt\"",
    ] {
        assert!(svg.contains(word), "{word}");
    }
    std::fs::write(dir.join("typo.json"), r#"{ "labelz": {} }"#).unwrap();
    let out = sopflow(
        &[
            "render",
            &example("pelayanan-ktp-el.json"),
            "-o",
            "x.pdf",
            "--config",
            "typo.json",
        ],
        &dir,
    );
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("labelz"));
}

#[test]
fn check_json_lists_the_layouts_warnings_too() {
    // Sixteen performers squeeze F4: `render` warns `lanes-squeezed`, and
    // so must `check` (an e-SOP portal checks before it renders).
    let dir = temp("squeezed");
    common::squeezed_document(&dir);
    let out = sopflow(&["check", "--json", "doc.json"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let squeezed = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "lanes-squeezed")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(squeezed["path"], "/actors");
    assert!(!report["layout"].is_null());
}

#[test]
fn check_judges_the_paper_and_configuration_render_would_print_on() {
    // A portal checks on the paper it will print: sixteen performers fit
    // F4 landscape (squeezed), not A4 portrait.
    let dir = temp("check-paper");
    common::squeezed_document(&dir);
    let report = |args: &[&str]| {
        let out = sopflow(&[&["check", "--json", "doc.json"], args].concat(), &dir);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), json)
    };
    let (code, fits) = report(&[]);
    assert_eq!(code, Some(0), "{fits}");
    assert!(!fits["layout"].is_null());
    let (code, refused) = report(&["--paper", "a4", "--portrait"]);
    assert_eq!(code, Some(1), "{refused}");
    let error = refused["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "table-too-wide")
        .unwrap_or_else(|| panic!("{refused}"));
    assert!(error["message"].as_str().unwrap().contains("A4"), "{error}");
    assert!(refused["layout"].is_null());
    // A configuration file says the same.
    std::fs::write(
        dir.join("a4.json"),
        r#"{"page":{"paper":"a4","landscape":false}}"#,
    )
    .unwrap();
    let (code, _) = report(&["--config", "a4.json"]);
    assert_eq!(code, Some(1));
    // The figures are those of the paper asked for: on Legal (wider and
    // a little taller than F4) the pages break elsewhere.
    let (code, legal) = report(&["--paper", "legal"]);
    assert_eq!(code, Some(0));
    assert_ne!(legal["layout"]["pages"], fits["layout"]["pages"]);
}
