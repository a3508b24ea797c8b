//! `sopflow lint` on the command line: text, JSON, exit codes, cells of a
//! workbook, English.
#![cfg(feature = "cli")]

mod common;
use common::{example, sopflow, temp};

#[test]
fn lint_json_lists_findings_with_their_places_and_exits_1_on_warnings() {
    let dir = temp("json");
    let out = sopflow(
        &[
            "lint",
            &example("bps-layanan-perpustakaan.json"),
            "--json",
            "--today",
            "2026-12-03",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(
        report["summary"],
        serde_json::json!({"warnings": 7, "advice": 2})
    );
    let konsisten = findings
        .iter()
        .find(|f| f["code"] == "konsisten-pelaksana-lain")
        .unwrap();
    assert_eq!(konsisten["criterion"], "Konsisten");
    assert_eq!(konsisten["severity"], "warning");
    assert_eq!(konsisten["activity"], 4);
    assert_eq!(konsisten["id"], "4");
    assert_eq!(konsisten["path"], "/activities/3/actor");
    let identity = findings.last().unwrap();
    assert_eq!(identity["activity"], serde_json::Value::Null);
    // Several files: an array.
    let out = sopflow(
        &[
            "lint",
            &example("bps-layanan-perpustakaan.json"),
            &example("bps-distribusi-persediaan.json"),
            "--json",
        ],
        &dir,
    );
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports.as_array().map(Vec::len), Some(2));
}

#[test]
fn lint_exits_0_on_a_clean_sop_and_advice_counts_only_when_denied() {
    let dir = temp("exit");
    let out = sopflow(
        &[
            "lint",
            &example("bps-distribusi-persediaan.json"),
            "--today",
            "2026-12-03",
        ],
        &dir,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The distribution SOP, with its revision four years back: one warning.
    let out = sopflow(
        &[
            "lint",
            &example("bps-distribusi-persediaan.json"),
            "--today",
            "2029-07-01",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("dievaluasi-belum-direvisi"));
    // Advice only: 0, and 1 with --deny advice.
    let doc = serde_json::json!({
        "identity": {"number": "1", "created": "2026-01-01", "effective": "2026-01-01",
                     "approved_by": {"name": "A"}, "legal_basis": "UU", "records": "Buku"},
        "actors": [{"id": "a", "name": "Petugas"}],
        "activities": [
            {"text": "Pemohon datang", "actor": "a", "kind": "start", "requirements": "KTP"},
            {"text": "Menerima berkas", "actor": "a", "time": "5 menit", "output": "Berkas", "kind": "end"}
        ]
    });
    std::fs::write(dir.join("advice.json"), doc.to_string()).unwrap();
    let out = sopflow(&["lint", "advice.json", "--today", "2026-12-03"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = sopflow(
        &[
            "lint",
            "advice.json",
            "--today",
            "2026-12-03",
            "--deny",
            "advice",
        ],
        &dir,
    );
    assert_eq!(out.status.code(), Some(1));
    // Unreadable: 2; a wrong --today: a usage error.
    std::fs::write(dir.join("broken.json"), "{").unwrap();
    assert_eq!(
        sopflow(&["lint", "broken.json"], &dir).status.code(),
        Some(2)
    );
    assert_eq!(
        sopflow(&["lint", "advice.json", "--today", "3 Des"], &dir)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn lint_names_the_cell_of_a_workbook_and_speaks_english() {
    let dir = temp("cells");
    let out = sopflow(
        &[
            "convert",
            &example("bps-rekomendasi-statistik.json"),
            "-o",
            "sop.xlsx",
        ],
        &dir,
    );
    assert!(out.status.success());
    let out = sopflow(
        &["lint", "sop.xlsx", "--lang", "en", "--today", "2026-12-03"],
        &dir,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "warning [konsisten-pelaksana-lain] Konsisten activity 5 (id \"5\") Prosedur!"
        ),
        "{text}"
    );
    assert!(
        text.contains("the text names \"Pengguna Layanan\" as the one acting"),
        "{text}"
    );
}

#[test]
fn analyze_prints_where_the_time_goes_as_text_and_json() {
    let dir = temp("analyze");
    let file = example("bps-rekomendasi-statistik.json");
    let out = sopflow(&["analyze", &file], &dir);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "Waktu layanan (tercepat – terlama):\n  48 hari 10 menit – 66 hari 4 jam 20 menit",
        "Jalur kritis (kegiatan):\n  1 → 2 → 3 → 4 → 5 → 6 → 7 → 5 → 6 → 7 → 8",
        "  Aplikasi Pelayanan: 32 hari (3 langkah)",
        "  9 serah terima",
        "  kegiatan 5, 6, 7: satu putaran 18 hari",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    let out = sopflow(&["analyze", &file, "--json"], &dir);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["bottlenecks"][0]["activity"], 8);
    assert_eq!(json["loops"][0]["activities"], serde_json::json!([5, 6, 7]));
    assert_eq!(json["handovers"].as_array().map(Vec::len), Some(9));
    let out = sopflow(&["analyze", &file, "--lang", "en"], &dir);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("Rework loops:\n  activities 5, 6, 7: one round costs 18 hari")
    );
}

#[test]
fn render_analysis_appends_the_analysis_page_to_the_pdf() {
    let dir = temp("render-analysis");
    let file = example("bps-rekomendasi-statistik.json");
    let plain = sopflow(&["render", &file, "-o", "plain.pdf"], &dir);
    assert!(plain.status.success());
    let out = sopflow(&["render", &file, "--analysis", "-o", "sop.pdf"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = |name: &str| {
        lopdf::Document::load(dir.join(name))
            .unwrap()
            .get_pages()
            .len()
    };
    assert_eq!(pages("sop.pdf"), pages("plain.pdf") + 1);
    let doc = lopdf::Document::load(dir.join("sop.pdf")).unwrap();
    let last = *doc.get_pages().keys().last().unwrap();
    let text: String = doc
        .extract_text(&[last])
        .unwrap()
        .split_whitespace()
        .collect();
    for expected in ["AnalisisWaktuLayanan", "Jalurkritis", "satuputaran18hari"] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn diff_exits_0_for_the_same_sop_in_two_formats_and_1_with_changes() {
    let dir = temp("diff");
    let file = example("bps-distribusi-persediaan.json");
    assert!(
        sopflow(&["convert", &file, "-o", "same.xlsx"], &dir)
            .status
            .success()
    );
    let out = sopflow(&["diff", &file, "same.xlsx"], &dir);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("tidak ada perubahan"));

    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    doc["activities"][4]["time"] = "2 jam".into();
    doc["identity"]["revised"] = "01 Desember 2026".into();
    std::fs::write(dir.join("new.json"), doc.to_string()).unwrap();
    let out = sopflow(&["diff", &file, "new.json", "--json"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let changes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        changes["steps"],
        serde_json::json!([{"change": "changed", "old": "5", "new": "5", "fields": ["time"]}])
    );
    assert_eq!(changes["identity"][0]["field"], "revised");
    assert_ne!(
        changes["service_time"]["old"],
        changes["service_time"]["new"]
    );
    let out = sopflow(&["diff", &file, "new.json", "--lang", "en"], &dir);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("~ activity 5 (id \"5\", was 5) changed: time")
    );
    assert_eq!(
        sopflow(&["diff", &file, "missing.json"], &dir)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn diff_draws_the_new_version_with_its_changes_marked_and_a_changes_page() {
    let dir = temp("diff-drawn");
    let file = example("bps-distribusi-persediaan.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // A new step after row 2 (ids are row numbers: renumber and re-point),
    // and a new Waktu on what becomes row 6.
    let activities = doc["activities"].as_array_mut().unwrap();
    activities.insert(
        2,
        serde_json::json!({"id": "new", "text": "Mencatat penerimaan di buku agenda",
                           "actor": "penerima_gudang", "time": "10 menit", "output": "Buku agenda"}),
    );
    let mut renamed = std::collections::HashMap::new();
    for (i, a) in activities.iter_mut().enumerate() {
        renamed.insert(a["id"].as_str().unwrap().to_owned(), (i + 1).to_string());
        a["id"] = (i + 1).to_string().into();
    }
    for a in activities.iter_mut() {
        for key in ["yes", "no"] {
            if let Some(target) = a[key].as_str().map(str::to_owned) {
                a[key] = renamed[&target].clone().into();
            }
        }
    }
    activities[5]["time"] = "2 jam".into();
    std::fs::write(dir.join("new.json"), doc.to_string()).unwrap();
    let out = sopflow(&["diff", &file, "new.json", "-o", "changes.svg"], &dir);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("+ ditambahkan kegiatan 3"), "{text}");
    let pages: Vec<String> = (1..)
        .map(|i| dir.join(format!("changes-{i}.svg")))
        .take_while(|p| p.exists())
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let all = pages.concat();
    // The new step outlined (dashed), the changed one outlined (dotted)
    // with a corner mark in its Waktu cell, the new arrows dashed.
    assert_eq!(
        all.matches("<rect class=\"sop-mark sop-mark-added\"")
            .count(),
        1
    );
    assert_eq!(
        all.matches("<rect class=\"sop-mark sop-mark-changed\"")
            .count(),
        1
    );
    assert_eq!(
        all.matches("<path class=\"sop-mark sop-mark-changed\"")
            .count(),
        1
    );
    assert!(
        all.matches("<path class=\"sop-mark sop-mark-added\"")
            .count()
            >= 2
    );
    let last = pages.last().unwrap();
    assert!(
        last.contains(">Perubahan<") && last.contains("Ditambahkan"),
        "the changes page"
    );
    // As one HTML file too.
    let out = sopflow(&["diff", &file, "new.json", "-o", "changes.html"], &dir);
    assert_eq!(out.status.code(), Some(1));
    let html = std::fs::read_to_string(dir.join("changes.html")).unwrap();
    assert!(html.contains("sop-mark-added") && html.contains(">Perubahan<"));
    // No marks without changes; without -o nothing is drawn.
    let out = sopflow(&["diff", &file, &file, "-o", "same.svg"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let same: String = (1..)
        .map(|i| dir.join(format!("same-{i}.svg")))
        .take_while(|p| p.exists())
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(!same.contains("sop-mark"));
    let before = std::fs::read_dir(&dir).unwrap().count();
    sopflow(&["diff", &file, "new.json"], &dir);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), before);
}
