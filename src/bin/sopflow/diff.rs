//! `sopflow diff`: what changed between two versions, as text or JSON.

use crate::input::{self, From};
use sopflow::config::Config;
use sopflow::review::{self, Change, Changes};
use sopflow::{Lang, Procedure};
use std::path::Path;
use std::process::ExitCode;

/// Compares two files; exit 0 when equal, 1 when different, 2 when one
/// cannot be read or is refused.
pub fn run(
    old: &Path,
    new: &Path,
    json: bool,
    from: Option<From>,
    lang: Lang,
    drawing: Option<(&Path, Config)>,
) -> ExitCode {
    let load = |path: &Path| {
        input::load(path, from, lang).map(|(p, _)| p).map_err(|d| {
            let d = d.in_lang(lang);
            eprintln!("{}", input::summary(path, &d, lang));
            for e in d.errors() {
                eprintln!("  {}", e.display_in(lang));
            }
        })
    };
    let (Ok(before), Ok(after)) = (load(old), load(new)) else {
        return ExitCode::from(2);
    };
    let changes = review::diff(&before, &after);
    if let Some((out, config)) = drawing
        && let Err(e) = draw(&before, &after, &changes, out, &config, lang)
    {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(3);
    }
    if json {
        println!("{}", serde_json::to_string(&changes).unwrap_or_default());
    } else {
        print!("{}", text(old, new, &before, &after, &changes, lang));
    }
    ExitCode::from(u8::from(!changes.is_empty()))
}

/// The new version drawn with its changes marked, then the
/// "Perubahan" page.
fn draw(
    before: &Procedure,
    after: &Procedure,
    changes: &Changes,
    out: &Path,
    config: &Config,
    lang: Lang,
) -> Result<(), String> {
    let layout = sopflow::layout::layout(after, config).map_err(|e| e.to_string())?;
    let marks = sopflow::layout::change_marks(&layout, &review::change_spec(changes));
    let table = review::changes_table(before, after, changes, lang);
    let appendix = sopflow::layout::grid_pages(&table, config);
    let extras = sopflow::render::Extras {
        appendix: &appendix,
        marks: &marks,
    };
    let images = sopflow::render::ImagePolicy::default();
    let theme = &config.theme;
    let extension = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let files: Vec<Vec<u8>> = match extension.as_str() {
        "pdf" => vec![
            sopflow::render::pdf_document_with(&layout, theme, &images, extras)
                .map_err(|e| e.to_string())?,
        ],
        "svg" => sopflow::render::svg_pages_with(&layout, theme, &images, extras)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(String::into_bytes)
            .collect(),
        "html" | "htm" => vec![
            sopflow::render::html(after, &layout, config, &images, extras)
                .map_err(|e| e.to_string())?
                .into_bytes(),
        ],
        "png" => sopflow::render::png_pages_with(
            &layout,
            theme,
            &images,
            extras,
            sopflow::render::DEFAULT_DPI,
        )
        .map_err(|e| e.to_string())?,
        other => {
            return Err(format!(
                "the drawn changes are written as .pdf, .html, .svg or .png, not .{other}"
            ));
        }
    };
    let count = files.len();
    for (i, bytes) in files.into_iter().enumerate() {
        let path = if count == 1 {
            out.to_path_buf()
        } else {
            let stem = out.file_stem().unwrap_or_default().to_string_lossy();
            out.with_file_name(format!("{stem}-{}.{extension}", i + 1))
        };
        crate::output::save_atomically(&path, &bytes)?;
    }
    Ok(())
}

/// The changes for a reader, one line each.
fn text(
    old: &Path,
    new: &Path,
    before: &Procedure,
    after: &Procedure,
    c: &Changes,
    lang: Lang,
) -> String {
    let en = lang == Lang::En;
    let w = |id: &'static str, english: &'static str| if en { english } else { id };
    let mut out = format!("{} → {}\n", old.display(), new.display());
    if c.is_empty() {
        out.push_str(&format!("  {}\n", w("tidak ada perubahan", "no changes")));
    }
    let short = |p: &Procedure, row: Option<usize>| {
        row.map(|r| {
            let words: Vec<&str> = p.steps()[r - 1].text.split_whitespace().take(8).collect();
            words.join(" ")
        })
        .unwrap_or_default()
    };
    for s in &c.steps {
        let fields: Vec<&str> = s.fields.iter().map(|f| field_name(f, lang)).collect();
        let line = match s.change {
            Change::Added => format!(
                "+ {} {} (id \"{}\"): \"{}\"",
                w("ditambahkan kegiatan", "added activity"),
                s.new_row.unwrap_or_default(),
                s.new.as_deref().unwrap_or_default(),
                short(after, s.new_row)
            ),
            Change::Removed => format!(
                "- {} {} (id \"{}\"): \"{}\"",
                w("dihapus kegiatan lama", "removed old activity"),
                s.old_row.unwrap_or_default(),
                s.old.as_deref().unwrap_or_default(),
                short(before, s.old_row)
            ),
            Change::Moved | Change::Changed => {
                let what = if s.change == Change::Moved {
                    w("dipindah", "moved")
                } else {
                    w("diubah", "changed")
                };
                let mut line = format!(
                    "~ {} {} (id \"{}\", {} {}) {what}",
                    w("kegiatan", "activity"),
                    s.new_row.unwrap_or_default(),
                    s.new.as_deref().unwrap_or_default(),
                    w("dulu", "was"),
                    s.old_row.unwrap_or_default(),
                );
                if !fields.is_empty() {
                    line.push_str(&format!(": {}", fields.join(", ")));
                }
                line
            }
        };
        out.push_str(&format!("  {line}\n"));
    }
    for a in &c.actors {
        let (old, new) = (
            a.old.as_deref().unwrap_or_default(),
            a.new.as_deref().unwrap_or_default(),
        );
        let line = match (a.change, en) {
            ("added", false) => format!("+ pelaksana \"{new}\" ditambahkan"),
            ("added", true) => format!("+ performer \"{new}\" added"),
            ("removed", false) => format!("- pelaksana \"{old}\" dihapus"),
            ("removed", true) => format!("- performer \"{old}\" removed"),
            ("renamed", false) => format!("~ pelaksana \"{old}\" menjadi \"{new}\""),
            ("renamed", true) => format!("~ performer \"{old}\" renamed \"{new}\""),
            (_, false) => format!("~ kolom pelaksana \"{new}\" dipindah"),
            (_, true) => format!("~ performer column \"{new}\" moved"),
        };
        out.push_str(&format!("  {line}\n"));
    }
    for f in &c.identity {
        out.push_str(&format!(
            "  ~ {} {}: {} → {}\n",
            w("identitas", "identity"),
            f.field,
            f.old.as_deref().unwrap_or("-"),
            f.new.as_deref().unwrap_or("-")
        ));
    }
    let none = w("tidak dapat dihitung", "not computable");
    out.push_str(&format!(
        "  {}: {} → {}\n",
        w("waktu layanan", "service time"),
        c.service_time.old.as_deref().unwrap_or(none),
        c.service_time.new.as_deref().unwrap_or(none)
    ));
    out
}

/// A changed field as the table's column says it.
fn field_name(field: &str, lang: Lang) -> &'static str {
    let (id, en) = match field {
        "text" => ("Kegiatan", "text"),
        "actor" => ("Pelaksana", "performer"),
        "kind" => ("jenis", "kind"),
        "requirements" => ("Kelengkapan", "requirements"),
        "time" => ("Waktu", "time"),
        "output" => ("Output", "output"),
        "notes" => ("Keterangan", "notes"),
        _ => ("lanjutan", "next"),
    };
    if lang == Lang::En { en } else { id }
}
