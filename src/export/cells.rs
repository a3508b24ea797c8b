//! The texts of the cells an SOP is written into, shared by the XLSX and
//! CSV writers (and read back by [`crate::import`]).

use crate::error::Error;
use crate::model::{Activity, Branch, Identity, Kind, Next, Sop};

/// The printed words of the Jenis drop-down.
pub(crate) const KINDS: [(Kind, &str); 4] = [
    (Kind::Start, "mulai"),
    (Kind::Process, "proses"),
    (Kind::Decision, "keputusan"),
    (Kind::End, "selesai"),
];

/// The headers of the columns right of the performers, in print order:
/// Mutu Baku's three, then Keterangan and the input-only columns.
pub(crate) const MUTU_BAKU: [&str; 3] = ["Kelengkapan", "Waktu", "Output"];

/// The columns after Mutu Baku.
pub(crate) const TAIL: [&str; 4] = ["Keterangan", "Jenis", "Lanjut", "Teks Simbol"];

/// Refuses a document whose activities name actors that are not listed.
pub(crate) fn check_actors(sop: &Sop) -> Result<(), Error> {
    for (index, activity) in sop.activities.iter().enumerate() {
        if let Some(name) = activity.actor.iter().find(|a| actor_of(sop, a).is_none()) {
            return Err(Error::Workbook {
                reason: format!(
                    "activity {} names the actor \"{name}\", which is not in `actors`",
                    index + 1
                ),
            });
        }
    }
    Ok(())
}

/// For each actor, whether the activity is theirs.
pub(crate) fn marks(sop: &Sop, activity: &Activity) -> Vec<bool> {
    (0..sop.actors.len())
        .map(|i| activity.actor.iter().any(|a| actor_of(sop, a) == Some(i)))
        .collect()
}

/// The cells of an activity besides its performers: No and Kegiatan,
/// then Mutu Baku, then [`TAIL`].
pub(crate) fn activity_cells(activity: &Activity) -> ([String; 2], [String; 7]) {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    (
        [text(&activity.id), activity.text.clone()],
        [
            requirements_text(&activity.requirements),
            text(&activity.time),
            text(&activity.output),
            text(&activity.notes),
            activity.kind.map(kind_word).unwrap_or_default().to_owned(),
            next_text(activity),
            text(&activity.symbol_text),
        ],
    )
}

/// The actor an activity's reference names: by id first, then by name.
pub(crate) fn actor_of(sop: &Sop, reference: &str) -> Option<usize> {
    let actors = &sop.actors;
    actors
        .iter()
        .position(|a| a.key() == reference)
        .or_else(|| actors.iter().position(|a| a.name == reference))
}

/// The Jenis word of a kind.
fn kind_word(kind: Kind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("proses", |(_, word)| word)
}

/// Kelengkapan: one item as it is, several numbered one per line.
fn requirements_text(items: &[String]) -> String {
    numbered(items, items.len() > 1)
}

fn numbered(items: &[String], number: bool) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if number {
                format!("{}. {item}", i + 1)
            } else {
                item.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The Lanjut cell of an activity.
fn next_text(activity: &Activity) -> String {
    let mut parts = Vec::new();
    if activity.yes.is_some() || activity.no.is_some() {
        let yes = activity.yes.clone().or_else(|| match &activity.next {
            Some(Next::One(to)) => Some(to.clone()),
            _ => None,
        });
        parts.extend(yes.map(|to| format!("Ya: {to}")));
        parts.extend(activity.no.as_ref().map(|to| format!("Tidak: {to}")));
        return parts.join("; ");
    }
    match &activity.next {
        None => String::new(),
        Some(Next::One(to)) => to.clone(),
        Some(Next::Many(list)) if list.is_empty() => "-".to_owned(),
        Some(Next::Many(list)) => {
            let labelled = list.iter().any(|b| b.label().is_some());
            list.iter()
                .map(|b: &Branch| match b.label() {
                    Some(label) => format!("{label}: {}", b.target()),
                    None => b.target().to_owned(),
                })
                .collect::<Vec<_>>()
                .join(if labelled { "; " } else { ", " })
        }
    }
}

/// The identity sheet's labels, in the order of the printed sheet.
pub(crate) fn identity_rows(identity: &Identity) -> Vec<(&'static str, String)> {
    let one = |v: &Option<String>| v.clone().unwrap_or_default();
    let list = |items: &[String]| numbered(items, true);
    let approval = identity.approved_by.clone().unwrap_or_default();
    let mut rows = vec![
        ("Instansi", one(&identity.agency)),
        ("Unit Kerja", one(&identity.unit)),
        ("Nomor SOP", one(&identity.number)),
        ("Tanggal Pembuatan", one(&identity.created)),
        ("Tanggal Revisi", one(&identity.revised)),
        ("Tanggal Efektif", one(&identity.effective)),
        ("Disahkan Oleh", one(&approval.position)),
        ("Nama Pejabat", one(&approval.name)),
        ("NIP", one(&approval.nip)),
        ("Nama SOP", one(&identity.name)),
        ("Dasar Hukum", list(&identity.legal_basis)),
        ("Kualifikasi Pelaksana", list(&identity.qualifications)),
        ("Keterkaitan", list(&identity.related)),
        ("Peralatan/Perlengkapan", list(&identity.equipment)),
        ("Peringatan", list(&identity.warnings)),
        ("Pencatatan dan Pendataan", list(&identity.records)),
    ];
    for (label, value) in [
        ("Logo", &identity.logo),
        ("Tanda Tangan", &identity.signature),
        ("Catatan Kaki", &identity.footer),
    ] {
        if let Some(value) = value {
            rows.push((label, value.clone()));
        }
    }
    rows
}
