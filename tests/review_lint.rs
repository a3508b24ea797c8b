//! `review::lint`: one test per rule (each fails without its rule), and the
//! shared examples' findings, read and pinned.

use sopflow::review::{Date, Finding, Level, LintConfig, lint};
use sopflow::{Procedure, parse_sop};

fn config() -> LintConfig {
    LintConfig {
        today: Date::parse("2026-12-03").unwrap(),
        ..LintConfig::default()
    }
}

/// A complete, clean SOP (no finding) that a test spoils in one place.
fn clean() -> serde_json::Value {
    serde_json::json!({
        "identity": {
            "number": "SOP-01/2026", "created": "2026-01-05", "effective": "2026-02-01",
            "approved_by": {"position": "Kepala Dinas", "name": "Budi"},
            "name": "Layanan Izin", "legal_basis": ["Perda 1/2020"], "records": ["Buku register"]
        },
        "actors": [
            {"id": "loket", "name": "Petugas Loket"},
            {"id": "kasi", "name": "Kepala Seksi"}
        ],
        "activities": [
            {"id": "1", "text": "Menerima berkas permohonan", "actor": "loket", "kind": "start",
             "requirements": ["Formulir"], "time": "10 menit", "output": "Berkas"},
            {"id": "2", "text": "Memeriksa kelengkapan berkas", "actor": "kasi", "kind": "decision",
             "time": "15 menit", "output": "Berkas diperiksa",
             "next": [{"to": "3", "label": "Lengkap"}, {"to": "1", "label": "Belum lengkap"}]},
            {"id": "3", "text": "Petugas loket menyerahkan izin kepada pemohon", "actor": "loket",
             "kind": "end", "time": "5 menit"}
        ]
    })
}

fn findings(doc: &serde_json::Value) -> Vec<Finding> {
    let sop = parse_sop(&doc.to_string()).unwrap();
    let procedure = Procedure::from_sop(&sop).unwrap();
    lint(&procedure, &config())
}

/// `code activity` of each finding.
fn codes(doc: &serde_json::Value) -> Vec<String> {
    findings(doc)
        .iter()
        .map(|f| match f.activity {
            Some(n) => format!("{} {n}", f.code),
            None => format!("{} {}", f.code, f.path),
        })
        .collect()
}

#[test]
fn a_clean_sop_has_no_finding() {
    assert_eq!(codes(&clean()), Vec::<String>::new());
}

#[test]
fn terukur_a_step_without_waktu_or_with_a_waktu_that_is_no_duration() {
    let mut doc = clean();
    doc["activities"][1]["time"].take();
    doc["activities"][2]["time"] = "Sesuai kebutuhan".into();
    let found = findings(&doc);
    assert_eq!(
        codes(&doc),
        ["terukur-tanpa-waktu 2", "terukur-waktu-bukan-durasi 3"]
    );
    assert_eq!(found[0].path, "/activities/1/time");
    assert_eq!(found[0].severity, Level::Warning);
    assert!(found[1].message.contains("\"Sesuai kebutuhan\""));
}

#[test]
fn terukur_a_step_without_output_but_the_end_may_omit_it() {
    let mut doc = clean();
    doc["activities"][1]["output"].take();
    assert_eq!(codes(&doc), ["terukur-tanpa-output 2"]);
}

#[test]
fn terukur_the_first_step_without_kelengkapan() {
    let mut doc = clean();
    doc["activities"][0]["requirements"].take();
    assert_eq!(codes(&doc), ["terukur-awal-tanpa-kelengkapan 1"]);
}

#[test]
fn terukur_a_decision_whose_outcomes_carry_no_label() {
    let mut doc = clean();
    doc["activities"][1]["next"] = serde_json::json!(["3", "1"]);
    assert_eq!(codes(&doc), ["terukur-keputusan-tanpa-label 2"]);
}

#[test]
fn jelas_a_text_that_is_not_an_action() {
    let mut doc = clean();
    doc["activities"][1]["kind"] = "process".into();
    doc["activities"][1]["next"] = "3".into();
    doc["activities"][1]["text"] = "Pemeriksaan kelengkapan berkas".into();
    assert_eq!(codes(&doc), ["jelas-bukan-kegiatan 2"]);
    doc["activities"][1]["text"] = "Kepala seksi memeriksa kelengkapan berkas".into();
    assert_eq!(codes(&doc), Vec::<String>::new());
}

#[test]
fn jelas_a_text_over_forty_words_and_the_same_text_twice() {
    let mut doc = clean();
    doc["activities"][1]["text"] = format!("Memeriksa {}", "berkas ".repeat(40)).into();
    doc["activities"][2]["text"] = "menerima  berkas permohonan.".into();
    assert_eq!(
        codes(&doc),
        ["jelas-teks-panjang 2", "jelas-teks-berulang 3"]
    );
}

#[test]
fn jelas_a_symbol_text_longer_than_its_symbol() {
    let mut doc = clean();
    doc["activities"][1]["symbol_text"] = "Cek".into();
    assert_eq!(codes(&doc), Vec::<String>::new());
    doc["activities"][1]["symbol_text"] =
        "Memeriksa kelengkapan dan keabsahan seluruh berkas permohonan izin yang diajukan oleh pemohon beserta lampirannya".into();
    assert_eq!(codes(&doc), ["jelas-teks-simbol-panjang 2"]);
}

#[test]
fn konsisten_the_text_names_another_performer_as_its_subject() {
    let mut doc = clean();
    doc["activities"][1]["text"] = "Petugas Loket memeriksa kelengkapan berkas".into();
    let found = findings(&doc);
    assert_eq!(codes(&doc), ["konsisten-pelaksana-lain 2"]);
    assert!(
        found[0].message.contains("\"Petugas Loket\"") && found[0].message.contains("Kepala Seksi"),
        "{}",
        found[0].message
    );
    // An official who is no performer of this SOP, as subject.
    doc["activities"][1]["text"] = "Sekretaris Dinas memeriksa kelengkapan berkas".into();
    assert_eq!(codes(&doc), ["konsisten-pelaksana-lain 2"]);
    assert!(findings(&doc)[0].message.contains("\"Sekretaris Dinas\""));
    // The step's own performer, abbreviated, is its own.
    doc["activities"][1]["text"] = "Kasi memeriksa kelengkapan berkas".into();
    assert_eq!(codes(&doc), Vec::<String>::new());
    // Naming another performer as the one served is no subject.
    doc["activities"][1]["text"] = "Memeriksa berkas dari Petugas Loket".into();
    assert_eq!(codes(&doc), Vec::<String>::new());
}

#[test]
fn konsisten_one_performer_spelled_two_ways_and_labels_in_two_styles() {
    let mut doc = clean();
    doc["actors"][1]["name"] = "Petugas loket".into();
    doc["activities"][1]["next"][1]["label"] = "belum lengkap".into();
    assert_eq!(
        codes(&doc),
        [
            "konsisten-ejaan-pelaksana /actors/1/name",
            "konsisten-gaya-label 2"
        ]
    );
}

#[test]
fn dapat_dievaluasi_empty_identity_fields_and_an_old_revision() {
    let mut doc = clean();
    doc["identity"]["legal_basis"].take();
    doc["identity"]["number"] = "-".into();
    doc["identity"]["approved_by"].take();
    assert_eq!(
        codes(&doc),
        [
            "dievaluasi-identitas-kosong /identity/number",
            "dievaluasi-identitas-kosong /identity/approved_by",
            "dievaluasi-identitas-kosong /identity/legal_basis",
        ]
    );
    let mut doc = clean();
    doc["identity"]["created"] = "3 Maret 2019".into();
    doc["identity"]["effective"] = "4 Maret 2019".into();
    doc["identity"]["revised"] = "01-12-2024".into();
    assert_eq!(codes(&doc), ["dievaluasi-belum-direvisi /identity/revised"]);
    assert!(findings(&doc)[0].message.contains("2024-12-01"));
    // Two years to the day is still current.
    doc["identity"]["revised"] = "2024-12-03".into();
    assert_eq!(codes(&doc), Vec::<String>::new());
}

#[test]
fn tepat_unreachable_steps_dead_ends_and_idle_performers_are_in_the_same_list() {
    let mut doc = clean();
    doc["actors"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "arsip", "name": "Arsiparis"}));
    doc["activities"][1]["next"][1]["to"] = "3".into();
    doc["activities"][0]["next"] = "3".into();
    let codes = codes(&doc);
    assert!(
        codes.contains(&"tepat-pelaksana-tanpa-kegiatan /actors/2".to_owned()),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"tepat-tidak-terjangkau 2".to_owned()),
        "{codes:?}"
    );
}

/// The findings of a shared example, one line each.
fn example(name: &str) -> Vec<String> {
    let path = format!("{}/../shared/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let sop = parse_sop(&std::fs::read_to_string(path).unwrap()).unwrap();
    let procedure = Procedure::from_sop(&sop).unwrap();
    lint(&procedure, &config())
        .iter()
        .map(|f| {
            let place = f.activity.map_or(f.path.clone(), |n| n.to_string());
            format!("{:?} {} {place}", f.severity, f.code)
        })
        .collect()
}

#[test]
fn the_shared_examples_findings_are_the_ones_a_reviewer_agrees_with() {
    // Read against each document: complete Mutu Baku and identity.
    assert_eq!(
        example("bps-distribusi-persediaan.json"),
        Vec::<String>::new()
    );
    // No Output anywhere, the start (a need, not a step) without time,
    // step 4 in the Aplikasi column although "Pengguna layanan" does it,
    // no Pencatatan dan Pendataan.
    assert_eq!(
        example("bps-layanan-perpustakaan.json"),
        [
            "Advice terukur-tanpa-waktu 1",
            "Advice terukur-tanpa-output 1",
            "Warning terukur-tanpa-output 2",
            "Warning terukur-tanpa-output 3",
            "Warning terukur-tanpa-output 4",
            "Warning terukur-tanpa-output 5",
            "Warning terukur-awal-tanpa-kelengkapan 1",
            "Warning konsisten-pelaksana-lain 4",
            "Warning dievaluasi-identitas-kosong /identity/records",
        ]
    );
    // The same, with steps 5 ("Pengguna layanan melakukan …") and 8
    // ("Petugas layanan menyampaikan …") in the Aplikasi column, and labels
    // "Online"/"Offline" beside "valid"/"lengkap".
    assert_eq!(
        example("bps-rekomendasi-statistik.json"),
        [
            "Advice terukur-tanpa-waktu 1",
            "Advice terukur-tanpa-output 1",
            "Warning terukur-tanpa-output 2",
            "Warning terukur-tanpa-output 3",
            "Warning terukur-tanpa-output 4",
            "Warning terukur-tanpa-output 5",
            "Warning terukur-tanpa-output 6",
            "Warning terukur-tanpa-output 7",
            "Warning terukur-awal-tanpa-kelengkapan 1",
            "Warning konsisten-pelaksana-lain 5",
            "Warning konsisten-pelaksana-lain 8",
            "Advice konsisten-gaya-label 2",
            "Warning dievaluasi-identitas-kosong /identity/records",
        ]
    );
}
