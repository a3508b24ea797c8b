//! `sopflow lint`: the effective-SOP criteria, as text or JSON.

use crate::input::{self, From};
use sopflow::Lang;
use sopflow::review::{self, Finding, Level, LintConfig};
use std::path::PathBuf;
use std::process::ExitCode;

/// What `lint` is asked.
pub struct LintArgs<'a> {
    pub files: &'a [PathBuf],
    pub json: bool,
    pub from: Option<From>,
    pub lang: Lang,
    /// Advice counts for the exit code too.
    pub deny_advice: bool,
    pub config: LintConfig,
}

/// Lints each file; exit 0 when nothing counts against it, 1 when a
/// finding does (or a document is refused), 2 when one cannot be read.
pub fn run(args: &LintArgs<'_>) -> ExitCode {
    let mut worst = 0u8;
    let mut reports = Vec::new();
    for path in args.files {
        let imported = match input::read(path, args.from, args.lang) {
            Ok(imported) => imported,
            Err(d) => {
                worst = worst.max(if d.is_unreadable() { 2 } else { 1 });
                report_refused(path, &d, args, &mut reports);
                continue;
            }
        };
        // Kept to name the cell of each finding when the input is a workbook.
        let origin = imported.clone();
        let cells = |pointer: &str| origin.cell_of(pointer);
        let (procedure, _) = match imported.into_procedure() {
            Ok(ok) => ok,
            Err(d) => {
                worst = worst.max(1);
                report_refused(path, &d, args, &mut reports);
                continue;
            }
        };
        let findings = review::lint(&procedure, &args.config);
        let counts = |level: Level| findings.iter().filter(|f| f.severity == level).count();
        let (warnings, advice) = (counts(Level::Warning), counts(Level::Advice));
        if warnings > 0 || args.deny_advice && advice > 0 {
            worst = worst.max(1);
        }
        if args.json {
            let list: Vec<_> = findings
                .iter()
                .map(|f| finding_json(f, args.lang, cells(&f.path)))
                .collect();
            reports.push(serde_json::json!({
                "file": path.display().to_string(),
                "findings": list,
                "summary": {"warnings": warnings, "advice": advice},
            }));
            continue;
        }
        let (word_w, word_a) = match args.lang {
            Lang::Id => ("peringatan", "saran"),
            Lang::En => ("warnings", "advice"),
        };
        println!("{}: {warnings} {word_w}, {advice} {word_a}", path.display());
        for f in &findings {
            println!("  {}", line(f, args.lang, cells(&f.path)));
        }
    }
    if args.json {
        let out = match reports.as_slice() {
            [one] => one.clone(),
            _ => serde_json::Value::Array(reports),
        };
        println!("{out}");
    }
    ExitCode::from(worst)
}

fn report_refused(
    path: &std::path::Path,
    d: &sopflow::Diagnostics,
    args: &LintArgs<'_>,
    reports: &mut Vec<serde_json::Value>,
) {
    let d = d.clone().in_lang(args.lang);
    if args.json {
        reports.push(serde_json::json!({
            "file": path.display().to_string(),
            "errors": d.errors().collect::<Vec<_>>(),
            "findings": [],
            "summary": null,
        }));
    } else {
        println!("{}", input::summary(path, &d, args.lang));
        for e in d.errors() {
            println!("  {}", e.display_in(args.lang));
        }
    }
}

/// One finding as the JSON of `lint --json`.
fn finding_json(f: &Finding, lang: Lang, cell: Option<String>) -> serde_json::Value {
    serde_json::json!({
        "code": f.code,
        "criterion": f.criterion.name(),
        "severity": f.severity,
        "activity": f.activity,
        "id": f.id,
        "path": f.path,
        "cell": cell,
        "message": f.message_in(lang),
    })
}

/// One finding as a line: level, code, criterion, place, message.
fn line(f: &Finding, lang: Lang, cell: Option<String>) -> String {
    let level = match (f.severity, lang) {
        (Level::Warning, Lang::Id) => "peringatan",
        (Level::Advice, Lang::Id) => "saran",
        (Level::Warning, Lang::En) => "warning",
        (Level::Advice, Lang::En) => "advice",
    };
    let mut text = format!("{level} [{}] {}", f.code, f.criterion.name());
    if let (Some(n), Some(id)) = (f.activity, &f.id) {
        let word = if lang == Lang::En {
            "activity"
        } else {
            "kegiatan"
        };
        text.push_str(&format!(" {word} {n} (id \"{id}\")"));
    }
    match cell {
        Some(cell) => text.push_str(&format!(" {cell}")),
        None => text.push_str(&format!(" {}", f.path)),
    }
    text.push_str(&format!(": {}", f.message_in(lang)));
    text
}
