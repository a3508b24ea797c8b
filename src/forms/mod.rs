//! The monitoring and evaluation forms of Permenpan RB 35/2012, filled
//! with what the SOPs say and left blank where the assessor writes:
//!
//! - [`monitoring`]: Tabel 7 "Monitoring Pelaksanaan SOP AP" of the
//!   regulation's annex, one row per SOP: No., Prosedur, Penilaian
//!   terhadap penerapan (berjalan dengan baik / tidak berjalan dengan
//!   baik), Catatan hasil penilaian, Tindakan yang harus diambil, Paraf
//!   penilai, the columns numbered 1 to 6.
//! - [`evaluation`]: the evaluation of one SOP against the seven criteria
//!   the annex lists for evaluating SOP AP (Ya / Tidak, notes, action).
//! - [`observation`]: the supervisor's observation sheet of one SOP's
//!   steps (Observasi Supervisor, the first monitoring method of the
//!   annex): standard time beside the time actually taken.
//!
//! Each is a [`Grid`] that [`crate::layout::grid_pages`] lays out on the
//! SOP's paper and [`crate::render::grid_pdf`] prints, or that
//! `export::write_grid_xlsx` writes for filling in on a computer.

use crate::error::Lang;
use crate::layout::{Grid, GridColumn};
use crate::procedure::Procedure;

/// The evaluation criteria, Indonesian and English.
const CRITERIA: [(&str, &str); 7] = [
    (
        "Mampu mendorong peningkatan kinerja",
        "Improves performance",
    ),
    ("Mudah dipahami", "Is easy to understand"),
    ("Mudah dilaksanakan", "Is easy to carry out"),
    (
        "Semua orang dapat menjalankan perannya masing-masing",
        "Everyone can play their own role",
    ),
    (
        "Mampu mengatasi permasalahan yang berkaitan dengan proses",
        "Solves the problems of the process",
    ),
    (
        "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
        "Meets the organisation's need for better performance",
    ),
    (
        "Sinergi satu dengan lainnya",
        "Works in synergy with the other SOPs",
    ),
];

/// Where and when a form is filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormContext {
    /// The organisational unit (Unit Kerja); from the first SOP when None.
    pub unit: Option<String>,
    /// The monitoring period ("Semester I 2026").
    pub period: Option<String>,
}

fn w(lang: Lang, id: &str, en: &str) -> String {
    match lang {
        Lang::Id => id.to_owned(),
        Lang::En => en.to_owned(),
    }
}

fn column(header: String, group: Option<String>, share: f32) -> GridColumn {
    GridColumn {
        header,
        group,
        share,
    }
}

/// The SOP's number and name as one cell ("SOP-01/2026 — Layanan Izin").
fn sop_title(p: &Procedure, lang: Lang) -> String {
    let identity = p.identity();
    let name = identity
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| w(lang, "(tanpa nama)", "(no name)"));
    match identity.number.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(number) => format!("{name}\n{number}"),
        None => name,
    }
}

fn unit_of(procedures: &[&Procedure], context: &FormContext) -> String {
    context
        .unit
        .clone()
        .or_else(|| procedures.iter().find_map(|p| p.identity().unit.clone()))
        .unwrap_or_else(|| "………………………………".to_owned())
}

fn signature(lang: Lang) -> Vec<String> {
    vec![
        "……………………, ……………………".to_owned(),
        w(lang, "Penilai,", "Assessor,"),
        String::new(),
        String::new(),
        "(……………………………………)".to_owned(),
    ]
}

/// A form's title over the SOP's name, number and unit.
fn sop_heading(
    title: String,
    procedure: &Procedure,
    context: &FormContext,
    lang: Lang,
) -> Vec<String> {
    let identity = procedure.identity();
    vec![
        title,
        format!(
            "{}: {}",
            w(lang, "Nama SOP", "SOP name"),
            identity.name.clone().unwrap_or_default()
        ),
        format!(
            "{}: {}",
            w(lang, "Nomor SOP", "SOP number"),
            identity.number.clone().unwrap_or_default()
        ),
        format!(
            "{}: {}",
            w(lang, "Unit kerja", "Unit"),
            unit_of(&[procedure], context)
        ),
    ]
}

/// Tabel 7, Monitoring Pelaksanaan SOP AP: one row per SOP.
pub fn monitoring(procedures: &[&Procedure], context: &FormContext, lang: Lang) -> Grid {
    let options = w(
        lang,
        "Berjalan dengan baik\nTidak berjalan dengan baik",
        "Running well\nNot running well",
    );
    Grid {
        heading: vec![
            w(
                lang,
                "Monitoring Pelaksanaan SOP AP",
                "Monitoring of SOP AP Implementation",
            ),
            format!(
                "{}: {}",
                w(lang, "Unit kerja", "Unit"),
                unit_of(procedures, context)
            ),
            format!(
                "{}: {}",
                w(lang, "Periode", "Period"),
                context
                    .period
                    .clone()
                    .unwrap_or_else(|| "………………………………".to_owned())
            ),
        ],
        columns: vec![
            column(w(lang, "No.", "No."), None, 0.5),
            column(w(lang, "Prosedur", "Procedure"), None, 3.0),
            column(
                w(
                    lang,
                    "Penilaian Terhadap Penerapan",
                    "Assessment of Implementation",
                ),
                None,
                2.2,
            ),
            column(
                w(lang, "Catatan Hasil Penilaian", "Notes on the Assessment"),
                None,
                2.5,
            ),
            column(
                w(lang, "Tindakan yang Harus Diambil", "Action to Be Taken"),
                None,
                2.5,
            ),
            column(w(lang, "Paraf Penilai", "Assessor's Initials"), None, 1.0),
        ],
        numbered: true,
        rows: procedures
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![
                    format!("{}.", i + 1),
                    sop_title(p, lang),
                    options.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
        footing: signature(lang),
    }
}

/// The evaluation of one SOP against the seven criteria.
pub fn evaluation(procedure: &Procedure, context: &FormContext, lang: Lang) -> Grid {
    let assessment = Some(w(lang, "Penilaian", "Assessment"));
    Grid {
        heading: sop_heading(
            w(
                lang,
                "Evaluasi Penerapan SOP AP",
                "Evaluation of SOP AP Implementation",
            ),
            procedure,
            context,
            lang,
        ),
        columns: vec![
            column(w(lang, "No.", "No."), None, 0.5),
            column(w(lang, "Kriteria Evaluasi", "Criterion"), None, 4.0),
            column(w(lang, "Ya", "Yes"), assessment.clone(), 0.8),
            column(w(lang, "Tidak", "No"), assessment, 0.8),
            column(w(lang, "Catatan", "Notes"), None, 3.0),
            column(
                w(lang, "Tindakan yang Harus Diambil", "Action to Be Taken"),
                None,
                3.0,
            ),
        ],
        numbered: true,
        rows: CRITERIA
            .iter()
            .enumerate()
            .map(|(i, (id, en))| {
                vec![
                    format!("{}.", i + 1),
                    w(lang, id, en),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
        footing: signature(lang),
    }
}

/// The supervisor's observation sheet of one SOP: each step with its
/// standard time and room for the time actually taken.
pub fn observation(procedure: &Procedure, context: &FormContext, lang: Lang) -> Grid {
    let lanes = procedure.lanes();
    let matches = Some(w(lang, "Sesuai / Tidak", "As standard?"));
    Grid {
        heading: [
            sop_heading(
                w(
                    lang,
                    "Lembar Observasi Pelaksanaan SOP AP",
                    "Observation Sheet of SOP AP Implementation",
                ),
                procedure,
                context,
                lang,
            ),
            vec![format!(
                "{}: ……………………………… · {}: ………………………………",
                w(lang, "Pengamat", "Observer"),
                w(lang, "Tanggal", "Date")
            )],
        ]
        .concat(),
        columns: vec![
            column(w(lang, "No", "No"), None, 0.5),
            column(w(lang, "Kegiatan", "Activity"), None, 4.0),
            column(w(lang, "Pelaksana", "Performer"), None, 2.0),
            column(w(lang, "Waktu Baku", "Standard Time"), None, 1.4),
            column(w(lang, "Waktu Nyata", "Actual Time"), None, 1.4),
            column(w(lang, "Sesuai", "Yes"), matches.clone(), 0.8),
            column(w(lang, "Tidak", "No"), matches, 0.8),
            column(w(lang, "Catatan", "Notes"), None, 2.5),
        ],
        numbered: false,
        rows: procedure
            .steps()
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let performers: Vec<&str> =
                    s.lanes.iter().map(|&l| lanes[l].name.as_str()).collect();
                vec![
                    (i + 1).to_string(),
                    s.text.clone(),
                    performers.join(", "),
                    s.time.clone().unwrap_or_else(|| "-".to_owned()),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]
            })
            .collect(),
        footing: signature(lang),
    }
}
