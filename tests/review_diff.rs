//! `review::diff` on hand-made pairs, each with its exact changes.

use sopflow::review::{Change, Changes, diff};
use sopflow::{Procedure, parse_sop};

/// A numbered SOP: rows as (text, actor, time), each leading to the next;
/// row 3 is a decision back to row 2 when `loop_back` is set.
fn doc(rows: &[(&str, &str, &str)]) -> serde_json::Value {
    let n = rows.len();
    let activities: Vec<serde_json::Value> = rows
        .iter()
        .enumerate()
        .map(|(i, (text, actor, time))| {
            let mut a = serde_json::json!({
                "id": (i + 1).to_string(), "text": text, "actor": actor, "time": time,
            });
            a["kind"] = match i {
                0 => "start".into(),
                _ if i == n - 1 => "end".into(),
                _ => "process".into(),
            };
            a
        })
        .collect();
    serde_json::json!({
        "identity": {"number": "SOP-1", "name": "Layanan Izin", "revised": "2025-01-02"},
        "actors": [
            {"id": "loket", "name": "Petugas Loket"},
            {"id": "kasi", "name": "Kepala Seksi"},
            {"id": "kadis", "name": "Kepala Dinas"}
        ],
        "activities": activities,
    })
}

const ROWS: &[(&str, &str, &str)] = &[
    ("Menerima berkas permohonan izin", "loket", "10 menit"),
    (
        "Memeriksa kelengkapan berkas permohonan",
        "kasi",
        "30 menit",
    ),
    ("Membuat draf surat izin", "kasi", "1 jam"),
    ("Memaraf draf surat izin", "kasi", "15 menit"),
    ("Menandatangani surat izin", "kadis", "1 hari kerja"),
    ("Mengagendakan surat izin keluar", "loket", "10 menit"),
    ("Menyerahkan surat izin kepada pemohon", "loket", "5 menit"),
];

fn changes(old: &serde_json::Value, new: &serde_json::Value) -> Changes {
    let p =
        |d: &serde_json::Value| Procedure::from_sop(&parse_sop(&d.to_string()).unwrap()).unwrap();
    diff(&p(old), &p(new))
}

/// `change old→new [fields]` per step change.
fn steps(c: &Changes) -> Vec<String> {
    c.steps
        .iter()
        .map(|s| {
            let change = match s.change {
                Change::Added => "added",
                Change::Removed => "removed",
                Change::Moved => "moved",
                Change::Changed => "changed",
            };
            format!(
                "{change} {}→{} {}",
                s.old.as_deref().unwrap_or("-"),
                s.new.as_deref().unwrap_or("-"),
                s.fields.join(",")
            )
        })
        .collect()
}

#[test]
fn a_document_against_itself_has_no_change() {
    let c = changes(&doc(ROWS), &doc(ROWS));
    assert!(c.is_empty(), "{c:?}");
    assert_eq!(c.service_time.old, c.service_time.new);
}

#[test]
fn a_step_inserted_at_row_3_with_every_later_step_renumbered_is_one_insertion() {
    let mut rows = ROWS.to_vec();
    rows.insert(
        2,
        ("Mencatat permohonan di buku register", "loket", "5 menit"),
    );
    let c = changes(&doc(ROWS), &doc(&rows));
    assert_eq!(steps(&c), ["added -→3 "]);
    assert!(c.actors.is_empty() && c.identity.is_empty());
    assert_ne!(c.service_time.old, c.service_time.new);
}

#[test]
fn a_step_deleted_is_one_removal_where_it_stood() {
    let mut rows = ROWS.to_vec();
    rows.remove(3);
    let c = changes(&doc(ROWS), &doc(&rows));
    assert_eq!(steps(&c), ["removed 4→- "]);
    assert_eq!(c.steps[0].old_row, Some(4));
}

#[test]
fn a_step_moved_elsewhere_is_one_move() {
    let mut rows = ROWS.to_vec();
    let step = rows.remove(5);
    rows.insert(1, step);
    let c = changes(&doc(ROWS), &doc(&rows));
    assert_eq!(steps(&c), ["moved 6→2 "]);
}

#[test]
fn a_performer_change_and_a_time_change_are_fields_of_their_step() {
    let mut rows = ROWS.to_vec();
    rows[3].1 = "kadis";
    rows[4].2 = "2 hari kerja";
    let c = changes(&doc(ROWS), &doc(&rows));
    assert_eq!(steps(&c), ["changed 4→4 actor", "changed 5→5 time"]);
}

#[test]
fn a_reworded_step_and_a_new_outcome_are_changes_not_insertions() {
    let mut old = doc(ROWS);
    let mut new = doc(ROWS);
    new["activities"][1]["text"] = "Memeriksa kelengkapan dan keabsahan berkas permohonan".into();
    new["activities"][1]["kind"] = "decision".into();
    new["activities"][1]["yes"] = "3".into();
    new["activities"][1]["no"] = "1".into();
    old["activities"][1]["output"] = "Berkas".into();
    new["activities"][1]["output"] = "Berkas".into();
    let c = changes(&old, &new);
    assert_eq!(steps(&c), ["changed 2→2 text,kind,next"]);
}

#[test]
fn a_renamed_performer_is_one_actor_change_and_no_step_change() {
    let mut new = doc(ROWS);
    new["actors"][1]["name"] = "Kepala Seksi Perizinan".into();
    let c = changes(&doc(ROWS), &new);
    assert_eq!(c.actors.len(), 1);
    assert_eq!(c.actors[0].change, "renamed");
    assert_eq!(c.actors[0].new.as_deref(), Some("Kepala Seksi Perizinan"));
    // The steps stay in the same (renamed) column: no step change.
    assert_eq!(steps(&c), Vec::<String>::new());
    // Another id and name too: matched by neither, so removed and added.
    let mut other = doc(ROWS);
    other["actors"][2] = serde_json::json!({"id": "walikota", "name": "Walikota"});
    other["activities"][4]["actor"] = "walikota".into();
    let c = changes(&doc(ROWS), &other);
    let kinds: Vec<&str> = c.actors.iter().map(|a| a.change).collect();
    assert_eq!(kinds, ["removed", "added"]);
    assert_eq!(steps(&c), ["changed 5→5 actor"]);
}

#[test]
fn performers_added_removed_and_reordered() {
    let mut new = doc(ROWS);
    let actors = new["actors"].as_array_mut().unwrap();
    actors.swap(0, 2);
    actors.push(serde_json::json!({"id": "arsip", "name": "Arsiparis"}));
    new["activities"][6]["actor"] = "arsip".into();
    let c = changes(&doc(ROWS), &new);
    let actors: Vec<(&str, Option<&str>)> = c
        .actors
        .iter()
        .map(|a| (a.change, a.new.as_deref().or(a.old.as_deref())))
        .collect();
    assert!(actors.contains(&("added", Some("Arsiparis"))), "{actors:?}");
    assert!(actors.iter().any(|(c, _)| *c == "moved"), "{actors:?}");
    assert_eq!(steps(&c), ["changed 7→7 actor"]);
}

#[test]
fn identity_changes_name_their_fields() {
    let mut new = doc(ROWS);
    new["identity"]["revised"] = "2026-11-30".into();
    new["identity"]["legal_basis"] = serde_json::json!(["Perda 2/2026"]);
    let c = changes(&doc(ROWS), &new);
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = c
        .identity
        .iter()
        .map(|f| (f.field.as_str(), f.old.as_deref(), f.new.as_deref()))
        .collect();
    assert_eq!(
        fields,
        [
            ("legal_basis", None, Some("Perda 2/2026")),
            ("revised", Some("2025-01-02"), Some("2026-11-30")),
        ]
    );
    assert!(c.steps.is_empty());
}

#[test]
fn the_diff_is_the_same_every_time() {
    let mut rows = ROWS.to_vec();
    rows.insert(2, ("Mencatat permohonan", "loket", "5 menit"));
    rows.remove(5);
    let first = serde_json::to_string(&changes(&doc(ROWS), &doc(&rows))).unwrap();
    for _ in 0..5 {
        assert_eq!(
            serde_json::to_string(&changes(&doc(ROWS), &doc(&rows))).unwrap(),
            first
        );
    }
}
