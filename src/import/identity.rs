//! The `Identitas` sheet: label and value per row, as printed on the
//! PANRB identity sheet; list fields one item per line (or per row).

use super::grid::{Grid, header_key};
use super::lists::strip_number;
use super::{Lang, t};
use crate::error::{Code, Diagnostic, Diagnostics};
use crate::model::{Approval, Identity};

/// Where a label's value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Agency,
    Unit,
    Number,
    Created,
    Revised,
    Effective,
    Position,
    Official,
    Nip,
    Name,
    LegalBasis,
    Qualifications,
    Related,
    Equipment,
    Warnings,
    Records,
    Logo,
    Signature,
    Footer,
}

/// Labels accepted, as header keys, with the JSON field each fills.
const LABELS: &[(Slot, &str, &[&str])] = &[
    (Slot::Agency, "agency", &["instansi", "agency"]),
    (Slot::Unit, "unit", &["unitkerja", "unit"]),
    (
        Slot::Number,
        "number",
        &["nomorsop", "nomor", "sopnumber", "number"],
    ),
    (
        Slot::Created,
        "created",
        &["tanggalpembuatan", "datecreated", "created"],
    ),
    (
        Slot::Revised,
        "revised",
        &["tanggalrevisi", "daterevised", "revised"],
    ),
    (
        Slot::Effective,
        "effective",
        &[
            "tanggalefektif",
            "tanggalpengesahan",
            "dateeffective",
            "effective",
        ],
    ),
    (
        Slot::Position,
        "approved_by",
        &["disahkanoleh", "approvedby"],
    ),
    (
        Slot::Official,
        "approved_by",
        &["namapejabat", "official", "officialname"],
    ),
    (Slot::Nip, "approved_by", &["nip"]),
    (Slot::Name, "name", &["namasop", "sopname", "name"]),
    (
        Slot::LegalBasis,
        "legal_basis",
        &["dasarhukum", "legalbasis"],
    ),
    (
        Slot::Qualifications,
        "qualifications",
        &["kualifikasipelaksana", "qualifications"],
    ),
    (
        Slot::Related,
        "related",
        &["keterkaitan", "related", "relatedsops"],
    ),
    (
        Slot::Equipment,
        "equipment",
        &[
            "peralatanperlengkapan",
            "peralatan",
            "perlengkapan",
            "equipment",
        ],
    ),
    (Slot::Warnings, "warnings", &["peringatan", "warnings"]),
    (
        Slot::Records,
        "records",
        &["pencatatandanpendataan", "pencatatan", "records"],
    ),
    (Slot::Logo, "logo", &["logo"]),
    (Slot::Signature, "signature", &["tandatangan", "signature"]),
    (Slot::Footer, "footer", &["catatankaki", "footer"]),
];

/// Reads the identity sheet; returns it (`None` when it holds nothing) and
/// the cell of each field written.
pub(crate) fn read(
    grid: &Grid,
    lang: Lang,
    problems: &mut Diagnostics,
) -> (Option<Identity>, Vec<(&'static str, String)>) {
    let mut identity = Identity::default();
    let mut approval = Approval::default();
    let mut cells = Vec::new();
    // The list field of the row above and its label's column.
    let mut last_list: Option<(Slot, usize)> = None;
    for row in 0..grid.rows.len() {
        let filled: Vec<(usize, &str)> = grid.rows[row]
            .iter()
            .enumerate()
            .map(|(c, text)| (c, text.as_str()))
            .filter(|(_, text)| !text.is_empty() && *text != ":")
            .collect();
        let Some(&(label_col, label)) = filled.first() else {
            continue;
        };
        let key = header_key(label);
        let found = LABELS
            .iter()
            .find(|(_, _, names)| names.contains(&key.as_str()));
        let (slot, field, value) = match (found, filled.get(1)) {
            (Some(&(slot, field, _)), value) => (slot, field, value.map_or("", |v| v.1)),
            // A value under a list's label continues the list.
            (None, _) if last_list.is_some_and(|(_, col)| label_col > col) => {
                if let Some((slot, _)) = last_list {
                    push_items(list_of(&mut identity, slot), label);
                }
                continue;
            }
            (None, None) => continue,
            (None, Some(_)) => {
                problems.push(
                    Diagnostic::warning(
                        Code::UnknownColumn,
                        "",
                        t(
                            lang,
                            &format!("label identitas \"{label}\" tidak dikenal dan diabaikan"),
                            &format!("the identity label \"{label}\" is not known and is left out"),
                        ),
                    )
                    .at_cell(grid.cell_ref(row, label_col)),
                );
                continue;
            }
        };
        let value_cell = filled
            .get(1)
            .map_or(grid.cell_ref(row, label_col + 1), |&(c, _)| {
                grid.cell_ref(row, c)
            });
        cells.push((field, value_cell));
        last_list = None;
        let text = (!value.is_empty()).then(|| value.to_owned());
        match slot {
            Slot::Agency => identity.agency = text,
            Slot::Unit => identity.unit = text,
            Slot::Number => identity.number = text,
            Slot::Created => identity.created = text,
            Slot::Revised => identity.revised = text,
            Slot::Effective => identity.effective = text,
            Slot::Position => approval.position = text,
            Slot::Official => approval.name = text,
            Slot::Nip => approval.nip = text,
            Slot::Name => identity.name = text,
            Slot::Logo => identity.logo = text,
            Slot::Signature => identity.signature = text,
            Slot::Footer => identity.footer = text,
            list => {
                push_items(list_of(&mut identity, list), value);
                last_list = Some((list, label_col));
            }
        }
    }
    if approval != Approval::default() {
        identity.approved_by = Some(approval);
    }
    let identity = (identity != Identity::default()).then_some(identity);
    (identity, cells)
}

fn list_of(identity: &mut Identity, slot: Slot) -> &mut Vec<String> {
    match slot {
        Slot::LegalBasis => &mut identity.legal_basis,
        Slot::Qualifications => &mut identity.qualifications,
        Slot::Equipment => &mut identity.equipment,
        Slot::Warnings => &mut identity.warnings,
        Slot::Records => &mut identity.records,
        _ => &mut identity.related,
    }
}

/// One item per line, without its "1." numbering.
fn push_items(list: &mut Vec<String>, value: &str) {
    list.extend(
        value
            .lines()
            .map(|line| strip_number(line).unwrap_or(line).trim())
            .filter(|line| !line.is_empty())
            .map(str::to_owned),
    );
}
