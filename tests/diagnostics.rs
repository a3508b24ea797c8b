//! Every error and warning of the format has its own code and path.

use sopflow::{Code, Diagnostics, Severity, parse_sop, validate};

/// A small valid document to break in one place at a time.
fn base() -> serde_json::Value {
    serde_json::json!({
        "format": "sopflow/1",
        "actors": [{ "id": "a", "name": "Pemohon" }, { "id": "b", "name": "Petugas" }],
        "activities": [
            { "id": "1", "text": "Mengajukan", "actor": "a" },
            { "id": "2", "text": "Memeriksa", "actor": "b", "kind": "decision", "yes": "3", "no": "1" },
            { "id": "3", "text": "Selesai", "actor": "b" }
        ]
    })
}

fn problems(doc: &serde_json::Value) -> Diagnostics {
    match parse_sop(&doc.to_string()) {
        Ok(sop) => validate(&sop),
        Err(diagnostics) => diagnostics,
    }
}

fn assert_has(diagnostics: &Diagnostics, severity: Severity, code: Code, path: &str) {
    assert!(
        diagnostics
            .0
            .iter()
            .any(|d| d.severity == severity && d.code == code && d.path == path),
        "expected {severity:?} {code:?} at {path}, got:\n{diagnostics}"
    );
}

fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> Diagnostics {
    let mut doc = base();
    edit(&mut doc);
    problems(&doc)
}

#[test]
fn the_base_document_is_clean() {
    assert_eq!(problems(&base()), Diagnostics::default());
}

#[test]
fn malformed_json_reports_line_and_column() {
    let d = parse_sop("{\n  \"activities\": [\n    { \"text\": \"x\" ,, }\n  ]\n}").unwrap_err();
    assert_eq!(d.0.len(), 1);
    assert_eq!(d.0[0].code, Code::JsonSyntax);
    assert_eq!((d.0[0].line, d.0[0].column), (Some(3), Some(20)));
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    let d = broken(|doc| {
        doc["activities"][1]["uraianx"] = "typo".into();
        doc["actors"][0]["role"] = "x".into();
        doc["colour"] = "red".into();
        doc["identity"] = serde_json::json!({ "nomorr": "1" });
    });
    assert_has(
        &d,
        Severity::Error,
        Code::UnknownField,
        "/activities/1/uraianx",
    );
    assert_has(&d, Severity::Error, Code::UnknownField, "/actors/0/role");
    assert_has(&d, Severity::Error, Code::UnknownField, "/colour");
    assert_has(&d, Severity::Error, Code::UnknownField, "/identity/nomorr");
}

#[test]
fn wrong_types_and_missing_fields_name_their_path() {
    let d = broken(|doc| {
        doc["activities"][0]["time"] = 5.into();
        doc["activities"][2]
            .as_object_mut()
            .unwrap()
            .remove("actor");
        doc["activities"][1]["kind"] = "maybe".into();
    });
    assert_has(
        &d,
        Severity::Error,
        Code::InvalidValue,
        "/activities/0/time",
    );
    assert_has(&d, Severity::Error, Code::MissingField, "/activities/2");
    assert_has(
        &d,
        Severity::Error,
        Code::InvalidValue,
        "/activities/1/kind",
    );
}

#[test]
fn unsupported_format() {
    let d = broken(|doc| doc["format"] = "sopflow/9".into());
    assert_has(&d, Severity::Error, Code::UnsupportedFormat, "/format");
}

#[test]
fn empty_activities() {
    let d = broken(|doc| doc["activities"] = serde_json::json!([]));
    assert_has(&d, Severity::Error, Code::NoActivities, "/activities");
}

#[test]
fn duplicate_ids() {
    let d = broken(|doc| {
        doc["activities"][2]["id"] = "1".into();
        doc["actors"][1]["id"] = "a".into();
    });
    assert_has(
        &d,
        Severity::Error,
        Code::DuplicateActivityId,
        "/activities/2/id",
    );
    assert_has(&d, Severity::Error, Code::DuplicateActorId, "/actors/1/id");
}

#[test]
fn unknown_actor_names_the_activity() {
    let d = broken(|doc| doc["activities"][2]["actor"] = "operator".into());
    assert_has(
        &d,
        Severity::Error,
        Code::UnknownActor,
        "/activities/2/actor",
    );
    let diagnostic = d.errors().find(|e| e.code == Code::UnknownActor).unwrap();
    assert_eq!(
        diagnostic
            .activity
            .as_ref()
            .map(|a| (a.number, a.id.as_str())),
        Some((3, "3"))
    );
}

#[test]
fn unknown_actor_in_a_joint_activity() {
    let d = broken(|doc| doc["activities"][0]["actor"] = serde_json::json!(["a", "zz"]));
    assert_has(
        &d,
        Severity::Error,
        Code::UnknownActor,
        "/activities/0/actor/1",
    );
}

#[test]
fn branch_to_unknown_activity() {
    let d = broken(|doc| {
        doc["activities"][1]["no"] = "99".into();
        doc["activities"][0]["next"] =
            serde_json::json!([{ "to": "3" }, { "to": "77", "label": "x" }]);
    });
    assert_has(&d, Severity::Error, Code::UnknownTarget, "/activities/1/no");
    assert_has(
        &d,
        Severity::Error,
        Code::UnknownTarget,
        "/activities/0/next/1/to",
    );
}

#[test]
fn decision_needs_two_outcomes() {
    let d = broken(|doc| {
        doc["activities"][1].as_object_mut().unwrap().remove("no");
        doc["activities"][1].as_object_mut().unwrap().remove("yes");
    });
    assert_has(
        &d,
        Severity::Error,
        Code::DecisionOutcomes,
        "/activities/1/next",
    );
}

#[test]
fn yes_no_outside_a_decision() {
    let d = broken(|doc| doc["activities"][0]["no"] = "3".into());
    assert_has(
        &d,
        Severity::Error,
        Code::BranchOutsideDecision,
        "/activities/0/no",
    );
}

#[test]
fn mixed_branches() {
    let d = broken(|doc| doc["activities"][1]["next"] = serde_json::json!(["3", "1"]));
    assert_has(
        &d,
        Severity::Error,
        Code::MixedBranches,
        "/activities/1/next",
    );
}

#[test]
fn end_with_next() {
    let d = broken(|doc| {
        doc["activities"][2]["kind"] = "end".into();
        doc["activities"][2]["next"] = "1".into();
    });
    assert_has(&d, Severity::Error, Code::EndWithNext, "/activities/2/next");
}

#[test]
fn self_loop_is_refused_and_two_outcomes_may_share_a_target() {
    let d = broken(|doc| doc["activities"][1]["no"] = "2".into());
    assert_has(&d, Severity::Error, Code::SelfLoop, "/activities/1/no");
    let d = broken(|doc| doc["activities"][1]["no"] = "3".into());
    assert!(!d.has_errors(), "{d}");
}

#[test]
fn all_errors_come_at_once() {
    let d = broken(|doc| {
        doc["activities"][0]["actor"] = "x".into();
        doc["activities"][1]["no"] = "99".into();
        doc["activities"][2]["id"] = "1".into();
    });
    assert!(d.errors().count() >= 3, "{d}");
}

#[test]
fn warnings_do_not_refuse_the_document() {
    let d = broken(|doc| {
        doc["actors"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({ "id": "c", "name": "Arsiparis" }));
        doc["activities"][0]["time"] = "Sesuai kebutuhan".into();
        doc["activities"][0]["next"] = "3".into();
        doc["activities"][1]["no"] = "1".into();
    });
    assert!(!d.has_errors(), "{d}");
    assert_has(&d, Severity::Warning, Code::UnusedActor, "/actors/2");
    assert_has(
        &d,
        Severity::Warning,
        Code::UnparsedTime,
        "/activities/0/time",
    );
    assert_has(&d, Severity::Warning, Code::Unreachable, "/activities/1/id");
}

#[test]
fn no_path_to_end_and_no_start() {
    let d = broken(|doc| {
        doc["activities"][0]["kind"] = "process".into();
        doc["activities"][1]["yes"] = "1".into();
        doc["activities"][1]["no"] = "3".into();
        doc["activities"][2]["kind"] = "process".into();
    });
    assert!(!d.has_errors(), "{d}");
    assert_has(&d, Severity::Warning, Code::NoStart, "/activities");
    assert_has(&d, Severity::Warning, Code::NoPathToEnd, "/activities/0/id");
}

#[test]
fn empty_text_is_a_warning() {
    let d = broken(|doc| doc["activities"][0]["text"] = " ".into());
    assert_has(&d, Severity::Warning, Code::EmptyText, "/activities/0/text");
}

#[test]
fn limits_are_named() {
    let limits = sopflow::Limits {
        max_activities: 2,
        max_text_chars: 5,
        ..Default::default()
    };
    let d = sopflow::parse_sop_with(&base().to_string(), &limits).unwrap_err();
    assert_has(&d, Severity::Error, Code::LimitExceeded, "/activities");
    let limits = sopflow::Limits {
        max_input_bytes: 10,
        ..Default::default()
    };
    let d = sopflow::parse_sop_with(&base().to_string(), &limits).unwrap_err();
    assert_has(&d, Severity::Error, Code::LimitExceeded, "");
}

#[test]
fn indonesian_field_names_are_accepted() {
    let doc = serde_json::json!({
        "identitas": { "nomor": "1", "instansi": "Kota", "disahkan_oleh": { "jabatan": "Kepala", "nama": "X" }, "dasar_hukum": "UU 1" },
        "pelaksana": [{ "id": "a", "nama": "Pemohon" }],
        "kegiatan": [
            { "uraian": "Mulai", "pelaksana": "a", "jenis": "mulai", "kelengkapan": ["KTP", "KK"], "waktu": "5 menit" },
            { "uraian": "Cek", "pelaksana": "Pemohon", "jenis": "keputusan", "ya": "3", "tidak": "1", "teks_simbol": "Ok?" },
            { "uraian": "Akhir", "pelaksana": "a", "jenis": "selesai", "keterangan": "-" }
        ]
    });
    let sop = parse_sop(&doc.to_string()).unwrap();
    assert_eq!(sop.identity.as_ref().unwrap().legal_basis, vec!["UU 1"]);
    assert_eq!(sop.activities[0].requirements, vec!["KTP", "KK"]);
    assert_eq!(validate(&sop), Diagnostics::default());
}
