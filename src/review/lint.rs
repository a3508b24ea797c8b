//! The lint rules, one function per criterion, over a validated
//! [`Procedure`].

use super::clarity;
use super::dates::Date;
use super::findings::{Criterion, Finding, Level};
use crate::error::Code;
use crate::model::Kind;
use crate::procedure::{FlowLabel, Procedure, Step};
use crate::time::ParsedTime;
use std::collections::HashMap;

/// What a lint run may be told.
#[derive(Debug, Clone)]
pub struct LintConfig {
    /// The date the identity sheet's dates are measured against (today
    /// by default; fixed for reproducible runs).
    pub today: Date,
    /// Most years since the last revision (or the effective date) before
    /// the SOP is reported as not revised.
    pub max_age_years: i32,
    /// Most words of a Kegiatan text before it is reported as too long.
    pub max_words: usize,
    /// The drawing's configuration: a symbol text is measured against the
    /// symbol it is drawn in.
    pub drawing: crate::config::Config,
}

impl Default for LintConfig {
    fn default() -> Self {
        Self {
            today: Date::today(),
            max_age_years: 2,
            max_words: 40,
            drawing: crate::config::Config::default(),
        }
    }
}

/// Every finding on `procedure`, in row order within each criterion:
/// Terukur, Jelas, Konsisten, Dapat dievaluasi, Tepat.
pub fn lint(procedure: &Procedure, config: &LintConfig) -> Vec<Finding> {
    let mut findings = Vec::new();
    measurable(procedure, &mut findings);
    clear(procedure, config, &mut findings);
    symbol_texts(procedure, config, &mut findings);
    consistent(procedure, &mut findings);
    evaluable(procedure, config, &mut findings);
    right_procedure(procedure, &mut findings);
    findings
}

/// A finding about row `index`.
fn at_step(
    procedure: &Procedure,
    index: usize,
    field: &str,
    code: &'static str,
    criterion: Criterion,
    severity: Level,
    (message, english): (String, String),
) -> Finding {
    let step = &procedure.steps()[index];
    Finding {
        code,
        criterion,
        severity,
        activity: Some(index + 1),
        id: Some(step.id.to_string()),
        path: if field.is_empty() {
            format!("/activities/{index}")
        } else {
            format!("/activities/{index}/{field}")
        },
        message,
        english,
    }
}

/// Terukur: every step says how long it takes and what it yields.
fn measurable(procedure: &Procedure, out: &mut Vec<Finding>) {
    let terminal = |s: &Step| matches!(s.kind, Kind::Start | Kind::End);
    for (i, step) in procedure.steps().iter().enumerate() {
        match step.duration {
            ParsedTime::Empty => out.push(at_step(
                procedure,
                i,
                "time",
                "terukur-tanpa-waktu",
                Criterion::Terukur,
                if terminal(step) { Level::Advice } else { Level::Warning },
                (
                    "kegiatan tanpa Waktu; tuliskan lamanya (mis. \"15 menit\", \"1 hari kerja\")".into(),
                    "the activity has no Waktu; write how long it takes (e.g. \"15 menit\", \"1 hari kerja\")".into(),
                ),
            )),
            ParsedTime::Unparsed => out.push(at_step(
                procedure,
                i,
                "time",
                "terukur-waktu-bukan-durasi",
                Criterion::Terukur,
                Level::Warning,
                (
                    format!(
                        "Waktu \"{}\" bukan lama waktu; tuliskan angka dan satuannya (mis. \"30 menit\") agar waktu layanan dapat dihitung",
                        step.time.as_deref().unwrap_or_default()
                    ),
                    format!(
                        "Waktu \"{}\" is not a duration; write a number and unit (e.g. \"30 menit\") so the service time can be computed",
                        step.time.as_deref().unwrap_or_default()
                    ),
                ),
            )),
            ParsedTime::Span(_) => {}
        }
        if step.kind != Kind::End && step.output.as_deref().is_none_or(|o| o.trim().is_empty()) {
            out.push(at_step(
                procedure,
                i,
                "output",
                "terukur-tanpa-output",
                Criterion::Terukur,
                if step.kind == Kind::Start { Level::Advice } else { Level::Warning },
                (
                    "kegiatan tanpa Output; tuliskan hasil kegiatan ini (dokumen, data, keputusan)".into(),
                    "the activity has no Output; write what it yields (a document, data, a decision)".into(),
                ),
            ));
        }
    }
    if let Some(first) = procedure.steps().first()
        && first.requirements.iter().all(|r| r.trim().is_empty())
    {
        out.push(at_step(
            procedure,
            0,
            "requirements",
            "terukur-awal-tanpa-kelengkapan",
            Criterion::Terukur,
            Level::Warning,
            (
                "kegiatan pertama tanpa Kelengkapan; tuliskan berkas atau syarat yang dibutuhkan untuk memulai".into(),
                "the first activity has no Kelengkapan; write the documents or conditions needed to begin".into(),
            ),
        ));
    }
    for (i, step) in procedure.steps().iter().enumerate() {
        let unlabelled = procedure
            .flows()
            .iter()
            .filter(|f| f.from == i && f.label.is_none())
            .count();
        if step.kind == Kind::Decision && unlabelled > 0 {
            out.push(at_step(
                procedure,
                i,
                "next",
                "terukur-keputusan-tanpa-label",
                Criterion::Terukur,
                Level::Warning,
                (
                    format!("{unlabelled} hasil keputusan tanpa label; beri tiap cabang labelnya (mis. \"Lengkap\" / \"Belum lengkap\")"),
                    format!("{unlabelled} outcome(s) of the decision have no label; label each branch (e.g. \"Lengkap\" / \"Belum lengkap\")"),
                ),
            ));
        }
    }
}

/// Jelas: each text an action, short enough, not repeated.
fn clear(procedure: &Procedure, config: &LintConfig, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, step) in procedure.steps().iter().enumerate() {
        if step.kind == Kind::Process && !clarity::is_action(&step.text) {
            out.push(at_step(
                procedure,
                i,
                "text",
                "jelas-bukan-kegiatan",
                Criterion::Jelas,
                Level::Advice,
                (
                    format!("\"{}\" tidak terbaca sebagai kegiatan; awali dengan kata kerja (mis. \"Menerima …\", \"Petugas memeriksa …\")", clarity::short(&step.text)),
                    format!("\"{}\" does not read as an action; begin with a verb (e.g. \"Menerima …\", \"Petugas memeriksa …\")", clarity::short(&step.text)),
                ),
            ));
        }
        let words = clarity::word_count(&step.text);
        if words > config.max_words {
            out.push(at_step(
                procedure,
                i,
                "text",
                "jelas-teks-panjang",
                Criterion::Jelas,
                Level::Advice,
                (
                    format!("uraian kegiatan {words} kata (lebih dari {}); pindahkan rincian dan ketentuannya ke Keterangan", config.max_words),
                    format!("the activity text has {words} words (more than {}); move the details and conditions to Keterangan", config.max_words),
                ),
            ));
        }
        let key = clarity::normal(&step.text);
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(&first) => out.push(at_step(
                procedure,
                i,
                "text",
                "jelas-teks-berulang",
                Criterion::Jelas,
                Level::Warning,
                (
                    format!("uraian sama dengan kegiatan {}; bedakan keduanya agar pembaca tahu langkah mana yang dimaksud", first + 1),
                    format!("the text is the same as activity {}'s; tell them apart so a reader knows which step is meant", first + 1),
                ),
            )),
            None => {
                seen.insert(key, i);
            }
        }
    }
}

/// Jelas: a symbol text that does not fit its symbol (the layout cuts it).
fn symbol_texts(procedure: &Procedure, config: &LintConfig, out: &mut Vec<Finding>) {
    if procedure.steps().iter().all(|s| s.symbol_text.is_none()) {
        return;
    }
    let Ok(layout) = crate::layout::layout(procedure, &config.drawing) else {
        return;
    };
    for w in layout
        .warnings
        .iter()
        .filter(|w| w.code == Code::SymbolTextCut)
    {
        if let Some(a) = &w.activity {
            out.push(at_step(
                procedure,
                a.number - 1,
                "symbol_text",
                "jelas-teks-simbol-panjang",
                Criterion::Jelas,
                Level::Warning,
                (
                    "teks simbol lebih panjang dari simbolnya dan terpotong; singkatkan (beberapa kata), uraian lengkapnya di kolom Kegiatan".into(),
                    "the symbol text is longer than its symbol and is cut; shorten it to a few words, the full text belongs in Kegiatan".into(),
                ),
            ));
        }
    }
}

/// Konsisten: the text's subject is the step's performer, each performer
/// spelled one way, outcome labels in one style.
fn consistent(procedure: &Procedure, out: &mut Vec<Finding>) {
    let lanes = procedure.lanes();
    let names: Vec<String> = lanes.iter().map(|l| clarity::normal(&l.name)).collect();
    for (i, step) in procedure.steps().iter().enumerate() {
        let text = clarity::normal(&step.text);
        // The longest performer name the text begins with.
        let subject = (0..lanes.len())
            .filter(|&l| {
                !names[l].is_empty()
                    && (text == names[l] || text.starts_with(&format!("{} ", names[l])))
            })
            .max_by_key(|&l| names[l].len());
        let own: Vec<&str> = step.lanes.iter().map(|&o| lanes[o].name.as_str()).collect();
        let named = match subject {
            Some(l)
                if !step.lanes.contains(&l)
                    && !step.lanes.iter().any(|&o| names[o] == names[l]) =>
            {
                Some(lanes[l].name.clone())
            }
            Some(_) => None,
            // An official that is no performer of this SOP, but not the
            // step's own (abbreviations written out on both sides).
            None => clarity::official_subject(&step.text)
                .filter(|(_, official)| {
                    !step.lanes.iter().any(|&o| {
                        let own = clarity::expand(&lanes[o].name);
                        own.starts_with(official.as_str()) || official.starts_with(own.as_str())
                    }) && !(0..lanes.len())
                        .any(|l| clarity::expand(&lanes[l].name).starts_with(official.as_str()))
                })
                .map(|(written, _)| written),
        };
        if let Some(named) = named {
            out.push(at_step(
                procedure,
                i,
                "actor",
                "konsisten-pelaksana-lain",
                Criterion::Konsisten,
                Level::Warning,
                (
                    format!("uraian menyebut \"{named}\" sebagai pelaku, tetapi simbolnya di kolom {}; pindahkan simbol ke kolom pelaksana itu atau perbaiki uraiannya", own.join(" + ")),
                    format!("the text names \"{named}\" as the one acting, but its symbol is in the {} column; move the symbol to that performer or fix the text", own.join(" + ")),
                ),
            ));
        }
    }
    for (b, lane) in lanes.iter().enumerate() {
        let earlier = (0..b).find(|&a| names[a] == names[b] && lanes[a].name != lane.name);
        if let Some(a) = earlier {
            out.push(Finding {
                code: "konsisten-ejaan-pelaksana",
                criterion: Criterion::Konsisten,
                severity: Level::Warning,
                activity: None,
                id: Some(lane.id.clone()),
                path: format!("/actors/{b}/name"),
                message: format!(
                    "pelaksana \"{}\" ditulis juga \"{}\"; pakai satu ejaan",
                    lane.name, lanes[a].name
                ),
                english: format!(
                    "the performer \"{}\" is also written \"{}\"; spell it one way",
                    lane.name, lanes[a].name
                ),
            });
        }
    }
    label_styles(procedure, out);
}

/// Outcome labels that begin some with a capital, some without.
fn label_styles(procedure: &Procedure, out: &mut Vec<Finding>) {
    let labels: Vec<(usize, &str)> = procedure
        .flows()
        .iter()
        .filter_map(|f| match &f.label {
            Some(FlowLabel::Text(t)) => Some((f.from, t.as_str())),
            _ => None,
        })
        .collect();
    let capital = |t: &str| {
        t.chars()
            .find(|c| c.is_alphabetic())
            .map(char::is_uppercase)
    };
    let upper: Vec<&(usize, &str)> = labels
        .iter()
        .filter(|(_, t)| capital(t) == Some(true))
        .collect();
    let lower: Vec<&(usize, &str)> = labels
        .iter()
        .filter(|(_, t)| capital(t) == Some(false))
        .collect();
    if let (Some(u), Some(l)) = (upper.first(), lower.first()) {
        let row = u.0.min(l.0);
        out.push(at_step(
            procedure,
            row,
            "next",
            "konsisten-gaya-label",
            Criterion::Konsisten,
            Level::Advice,
            (
                format!("label cabang bercampur gaya (\"{}\" dan \"{}\"); tulis semuanya dengan huruf awal yang sama", u.1, l.1),
                format!("branch labels mix styles (\"{}\" and \"{}\"); write them all with the same initial case", u.1, l.1),
            ),
        ));
    }
}

/// Dapat dievaluasi: the identity sheet has what evaluation reads, and the
/// SOP was revised recently enough.
fn evaluable(procedure: &Procedure, config: &LintConfig, out: &mut Vec<Finding>) {
    let identity = procedure.identity();
    let empty = |v: &Option<String>| {
        v.as_deref()
            .is_none_or(|t| t.trim().is_empty() || t.trim() == "-")
    };
    let approved = identity
        .approved_by
        .as_ref()
        .is_some_and(|a| !empty(&a.position) || !empty(&a.name));
    let missing: [(&str, &str, &str, bool); 6] = [
        ("number", "Nomor SOP", "SOP number", empty(&identity.number)),
        (
            "created",
            "Tanggal Pembuatan",
            "date made",
            empty(&identity.created),
        ),
        (
            "effective",
            "Tanggal Efektif",
            "date in force",
            empty(&identity.effective),
        ),
        (
            "approved_by",
            "Disahkan oleh",
            "approving official",
            !approved,
        ),
        (
            "legal_basis",
            "Dasar Hukum",
            "legal basis",
            identity.legal_basis.iter().all(|l| l.trim().is_empty()),
        ),
        (
            "records",
            "Pencatatan dan Pendataan",
            "records kept",
            identity.records.iter().all(|l| l.trim().is_empty()),
        ),
    ];
    for (field, label, english, is_missing) in missing {
        if is_missing {
            out.push(Finding {
                code: "dievaluasi-identitas-kosong",
                criterion: Criterion::DapatDievaluasi,
                severity: Level::Warning,
                activity: None,
                id: None,
                path: format!("/identity/{field}"),
                message: format!("identitas SOP: {label} kosong; isi sebelum ditandatangani (evaluasi membacanya)"),
                english: format!("identity sheet: the {english} ({label}) is empty; fill it in before signing (evaluation reads it)"),
            });
        }
    }
    let latest = [&identity.revised, &identity.effective, &identity.created]
        .into_iter()
        .filter_map(|d| d.as_deref().and_then(Date::parse))
        .max();
    if let Some(latest) = latest
        && latest.plus_years(config.max_age_years) < config.today
    {
        out.push(Finding {
            code: "dievaluasi-belum-direvisi",
            criterion: Criterion::DapatDievaluasi,
            severity: Level::Warning,
            activity: None,
            id: None,
            path: "/identity/revised".into(),
            message: format!(
                "tanggal revisi atau efektif terakhir {latest}, lebih dari {} tahun sebelum {}; SOP perlu dievaluasi (monitoring tiap enam bulan) dan direvisi",
                config.max_age_years, config.today
            ),
            english: format!(
                "the last revision or effective date is {latest}, more than {} years before {}; the SOP is due for evaluation (monitoring every six months) and revision",
                config.max_age_years, config.today
            ),
        });
    }
}

/// Tepat prosedur and tanggung jawab: validation's path and performer
/// warnings, in the same list.
fn right_procedure(procedure: &Procedure, out: &mut Vec<Finding>) {
    for d in procedure.warnings().warnings() {
        let code = match d.code {
            Code::Unreachable => "tepat-tidak-terjangkau",
            Code::NoPathToEnd => "tepat-tanpa-jalan-ke-akhir",
            Code::UnusedActor => "tepat-pelaksana-tanpa-kegiatan",
            _ => continue,
        };
        out.push(Finding {
            code,
            criterion: Criterion::Tepat,
            severity: Level::Warning,
            activity: d.activity.as_ref().map(|a| a.number),
            id: d.activity.as_ref().map(|a| a.id.clone()),
            path: d.path.clone(),
            message: d.message.clone(),
            english: d.message_in(crate::Lang::En).to_owned(),
        });
    }
}
