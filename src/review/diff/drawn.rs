//! The changes of a revision as what the drawing of the new version
//! marks, and as the closing "Perubahan" table.

use super::{Change, Changes};
use crate::error::Lang;
use crate::layout::{ColumnKind, Grid, GridColumn, MarkSpec};
use crate::procedure::Procedure;

/// What to mark on the new version's drawing.
pub fn change_spec(changes: &Changes) -> MarkSpec {
    let mut spec = MarkSpec::default();
    for s in &changes.steps {
        let Some(row) = s.new_row else { continue };
        match s.change {
            Change::Added => {
                spec.added.insert(row - 1);
            }
            Change::Changed | Change::Moved => {
                let columns = s
                    .fields
                    .iter()
                    .filter_map(|f| match *f {
                        "text" => Some(ColumnKind::Activity),
                        "requirements" => Some(ColumnKind::Requirements),
                        "time" => Some(ColumnKind::Time),
                        "output" => Some(ColumnKind::Output),
                        "notes" => Some(ColumnKind::Notes),
                        _ => None,
                    })
                    .collect();
                spec.changed.insert(row - 1, columns);
            }
            Change::Removed => {}
        }
    }
    spec.new_flows = changes.new_flows.iter().cloned().collect();
    spec
}

/// The "Perubahan" table: the legend, then each change, step by step.
pub fn changes_table(old: &Procedure, new: &Procedure, changes: &Changes, lang: Lang) -> Grid {
    let w = |id: &str, en: &str| match lang {
        Lang::Id => id.to_owned(),
        Lang::En => en.to_owned(),
    };
    let column = |header: String, share: f32| GridColumn {
        header,
        group: None,
        share,
    };
    let text = |p: &Procedure, row: Option<usize>| {
        row.map(|r| {
            p.steps()[r - 1]
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
    };
    let field = |f: &str| -> String {
        let (id, en) = match f {
            "text" => ("uraian kegiatan", "text"),
            "actor" => ("pelaksana", "performer"),
            "kind" => ("jenis simbol", "kind"),
            "requirements" => ("Kelengkapan", "requirements"),
            "time" => ("Waktu", "time"),
            "output" => ("Output", "output"),
            "notes" => ("Keterangan", "notes"),
            _ => ("alur lanjutan", "next steps"),
        };
        w(id, en)
    };
    let mut rows = Vec::new();
    for s in &changes.steps {
        let (what, row, of) = match s.change {
            Change::Added => (w("Ditambahkan", "Added"), s.new_row, new),
            Change::Removed => (w("Dihapus", "Removed"), s.old_row, old),
            Change::Moved => (w("Dipindah", "Moved"), s.new_row, new),
            Change::Changed => (w("Diubah", "Changed"), s.new_row, new),
        };
        let mut details: Vec<String> = Vec::new();
        if let (Some(o), Some(n)) = (s.old_row, s.new_row)
            && o != n
        {
            details.push(match lang {
                Lang::Id => format!("dulu kegiatan {o}"),
                Lang::En => format!("was activity {o}"),
            });
        }
        if !s.fields.is_empty() {
            let fields: Vec<String> = s.fields.iter().map(|f| field(f)).collect();
            details.push(fields.join(", "));
        }
        if s.fields.contains(&"time") {
            let before = s
                .old_row
                .and_then(|r| old.steps()[r - 1].time.clone())
                .unwrap_or("-".into());
            let after = s
                .new_row
                .and_then(|r| new.steps()[r - 1].time.clone())
                .unwrap_or("-".into());
            details.push(format!("{}: {before} → {after}", w("Waktu", "Time")));
        }
        let number = match (s.change, row) {
            (Change::Removed, Some(r)) => match lang {
                Lang::Id => format!("lama {r}"),
                Lang::En => format!("old {r}"),
            },
            (_, Some(r)) => r.to_string(),
            (_, None) => String::new(),
        };
        rows.push(vec![number, what, text(of, row), details.join("; ")]);
    }
    for a in &changes.actors {
        let detail = match (a.old.as_deref(), a.new.as_deref()) {
            (Some(o), Some(n)) if o != n => format!("{o} → {n}"),
            (Some(o), _) => o.to_owned(),
            (None, Some(n)) => n.to_owned(),
            (None, None) => String::new(),
        };
        let what = match a.change {
            "added" => w("Pelaksana ditambahkan", "Performer added"),
            "removed" => w("Pelaksana dihapus", "Performer removed"),
            "renamed" => w("Pelaksana diganti nama", "Performer renamed"),
            _ => w("Kolom pelaksana dipindah", "Performer column moved"),
        };
        rows.push(vec![String::new(), what, detail, String::new()]);
    }
    for f in &changes.identity {
        rows.push(vec![
            String::new(),
            w("Identitas diubah", "Identity changed"),
            f.field.clone(),
            format!(
                "{} → {}",
                f.old.as_deref().unwrap_or("-"),
                f.new.as_deref().unwrap_or("-")
            ),
        ]);
    }
    let none = w("tidak dapat dihitung", "not computable");
    Grid {
        heading: vec![
            w("Perubahan", "Changes"),
            format!(
                "{}: {} → {}",
                w("Waktu layanan", "Service time"),
                changes
                    .service_time
                    .old
                    .clone()
                    .unwrap_or_else(|| none.clone()),
                changes.service_time.new.clone().unwrap_or(none)
            ),
            w(
                "Pada bagan: garis putus-putus biru = kegiatan atau alur baru; garis titik-titik jingga = kegiatan diubah; segitiga di sudut sel = isi sel diubah.",
                "In the drawing: blue dashed line = new step or arrow; orange dotted line = changed step; triangle in a cell's corner = the cell changed.",
            ),
        ],
        columns: vec![
            column(w("No", "No"), 0.6),
            column(w("Perubahan", "Change"), 1.6),
            column(w("Kegiatan", "Activity"), 5.0),
            column(w("Rincian", "Details"), 3.5),
        ],
        numbered: false,
        rows,
        footing: Vec::new(),
    }
}
