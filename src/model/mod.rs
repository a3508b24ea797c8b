//! The public input model of an SOP document (format `sopflow/1`).
//!
//! Field names are English; every field also accepts its Indonesian name
//! (`uraian`, `pelaksana`, `kelengkapan`, ...). Unknown fields are refused.
//! [`Sop`] is what a document says, not yet checked: [`crate::Procedure`]
//! is the validated form with every id resolved.

mod builder;
mod one_or_many;

pub use builder::{ActivityBuilder, SopBuilder};

use serde::{Deserialize, Serialize};

/// The format tag every document carries (or may omit).
pub const FORMAT: &str = "sopflow/1";

/// A whole SOP document: identity sheet, performers and activities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sop {
    /// Format tag; `"sopflow/1"` when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The identity sheet (Identitas SOP); optional.
    #[serde(default, alias = "identitas", skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    /// Performers (Pelaksana), one swimlane column each, in column order.
    #[serde(default, alias = "pelaksana")]
    pub actors: Vec<Actor>,
    /// Activities (Kegiatan), one table row each, in row order.
    #[serde(alias = "kegiatan")]
    pub activities: Vec<Activity>,
}

/// The identity sheet (Identitas SOP). Every field is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// Ministry, agency or local government (Instansi).
    #[serde(default, alias = "instansi", skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Organisational unit (Unit Kerja).
    #[serde(default, alias = "unit_kerja", skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// SOP number (Nomor SOP).
    #[serde(default, alias = "nomor", skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date made (Tanggal Pembuatan); ISO dates print the Indonesian way.
    #[serde(
        default,
        alias = "tanggal_pembuatan",
        skip_serializing_if = "Option::is_none"
    )]
    pub created: Option<String>,
    /// Date revised (Tanggal Revisi).
    #[serde(
        default,
        alias = "tanggal_revisi",
        skip_serializing_if = "Option::is_none"
    )]
    pub revised: Option<String>,
    /// Date in force (Tanggal Efektif).
    #[serde(
        default,
        alias = "tanggal_efektif",
        skip_serializing_if = "Option::is_none"
    )]
    pub effective: Option<String>,
    /// The approving official (Disahkan oleh).
    #[serde(
        default,
        alias = "disahkan_oleh",
        skip_serializing_if = "Option::is_none"
    )]
    pub approved_by: Option<Approval>,
    /// Name of the SOP (Nama SOP).
    #[serde(default, alias = "nama", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Legal basis (Dasar Hukum).
    #[serde(
        default,
        alias = "dasar_hukum",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub legal_basis: Vec<String>,
    /// Performer qualifications (Kualifikasi Pelaksana).
    #[serde(
        default,
        alias = "kualifikasi_pelaksana",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub qualifications: Vec<String>,
    /// Related SOPs (Keterkaitan).
    #[serde(
        default,
        alias = "keterkaitan",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub related: Vec<String>,
    /// Equipment (Peralatan/Perlengkapan).
    #[serde(
        default,
        alias = "peralatan",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub equipment: Vec<String>,
    /// Warnings (Peringatan).
    #[serde(
        default,
        alias = "peringatan",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub warnings: Vec<String>,
    /// Records kept (Pencatatan dan Pendataan).
    #[serde(
        default,
        alias = "pencatatan",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub records: Vec<String>,
    /// Logo: a path to a PNG/JPEG/SVG file or a `data:` URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Signature or e-signature QR code: a path or a `data:` URI.
    #[serde(
        default,
        alias = "tanda_tangan",
        skip_serializing_if = "Option::is_none"
    )]
    pub signature: Option<String>,
    /// Text printed at the foot of every page (e.g. the e-signature note).
    #[serde(
        default,
        alias = "catatan_kaki",
        skip_serializing_if = "Option::is_none"
    )]
    pub footer: Option<String>,
}

/// The official who approves the SOP.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Position (Jabatan).
    #[serde(default, alias = "jabatan", skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Name (Nama).
    #[serde(default, alias = "nama", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Civil-servant number (NIP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
}

/// A performer (Pelaksana): one swimlane column.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier activities refer to; defaults to the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name printed in the column header.
    #[serde(alias = "nama")]
    pub name: String,
    /// Group (`kelompok`): consecutive actors of one group share a merged
    /// header cell above their names ("Satker Penerima").
    #[serde(default, alias = "kelompok", skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

impl Actor {
    /// The id activities use for this actor: `id`, or the name when absent.
    pub fn key(&self) -> &str {
        self.id.as_deref().unwrap_or(&self.name)
    }
}

/// What kind of step an activity is, which decides its symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Start of the procedure (terminator capsule).
    #[serde(alias = "mulai")]
    Start,
    /// An activity executed (process rectangle).
    #[serde(alias = "proses")]
    Process,
    /// A decision with two or more outcomes (diamond).
    #[serde(alias = "keputusan")]
    Decision,
    /// End of the procedure (terminator capsule).
    #[serde(alias = "selesai")]
    End,
}

/// One activity: a row of the flowchart table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Identifier; defaults to the 1-based position ("1", "2", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is done (Uraian Kegiatan).
    #[serde(default, alias = "uraian")]
    pub text: String,
    /// Performer id or name; several for a joint activity.
    #[serde(alias = "pelaksana", with = "one_or_many")]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub actor: Vec<String>,
    /// Kind of step; defaults to start (first), end (last), process.
    #[serde(default, alias = "jenis", skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Mutu Baku: inputs and documents (Kelengkapan).
    #[serde(
        default,
        alias = "kelengkapan",
        with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "one_or_many::OneOrMany"))]
    pub requirements: Vec<String>,
    /// Mutu Baku: time as drafters write it ("10 menit", "1 x 24 jam").
    #[serde(default, alias = "waktu", skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Mutu Baku: the product of the activity (Output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Notes (Keterangan).
    #[serde(default, alias = "keterangan", skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Short text drawn inside the symbol.
    #[serde(
        default,
        alias = "teks_simbol",
        skip_serializing_if = "Option::is_none"
    )]
    pub symbol_text: Option<String>,
    /// Successors: an id, a list of ids (fork) or labelled branches.
    #[serde(default, alias = "lanjut", skip_serializing_if = "Option::is_none")]
    pub next: Option<Next>,
    /// Decision outcome "Ya"; defaults to the next activity.
    #[serde(default, alias = "ya", skip_serializing_if = "Option::is_none")]
    pub yes: Option<String>,
    /// Decision outcome "Tidak".
    #[serde(default, alias = "tidak", skip_serializing_if = "Option::is_none")]
    pub no: Option<String>,
}

/// The `next` field: one successor, or a list of (labelled) successors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Next {
    /// A single successor id.
    One(String),
    /// Several successors: a fork, or a decision's labelled outcomes.
    Many(Vec<Branch>),
}

/// One successor in a `next` list: an id or `{ "to": id, "label": text }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Branch {
    /// Just the target id.
    To(String),
    /// A target with a label printed beside the arrow.
    Labelled(LabelledBranch),
}

/// A labelled successor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LabelledBranch {
    /// Target activity id.
    #[serde(alias = "ke")]
    pub to: String,
    /// Label printed beside the arrow ("Lengkap", "Online").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Branch {
    /// The target activity id.
    pub fn target(&self) -> &str {
        match self {
            Branch::To(to) => to,
            Branch::Labelled(b) => &b.to,
        }
    }

    /// The label, if any.
    pub fn label(&self) -> Option<&str> {
        match self {
            Branch::To(_) => None,
            Branch::Labelled(b) => b.label.as_deref(),
        }
    }
}
