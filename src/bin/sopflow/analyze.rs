//! `sopflow analyze`: where the service time goes, as text or JSON.

use crate::input::{self, From};
use sopflow::review::{self, Analysis};
use sopflow::{Lang, Procedure};
use std::path::Path;
use std::process::ExitCode;

/// Analyses one file; exit 0, 1 when the document is refused, 2 when it
/// cannot be read.
pub fn run(path: &Path, json: bool, from: Option<From>, lang: Lang) -> ExitCode {
    let procedure = match input::load(path, from, lang) {
        Ok((procedure, _)) => procedure,
        Err(d) => {
            let d = d.in_lang(lang);
            eprintln!("{}", input::summary(path, &d, lang));
            for e in d.errors() {
                eprintln!("  {}", e.display_in(lang));
            }
            return ExitCode::from(if d.is_unreadable() { 2 } else { 1 });
        }
    };
    let analysis = review::analyze(&procedure);
    if json {
        let mut value = serde_json::to_value(&analysis).unwrap_or_default();
        value["file"] = path.display().to_string().into();
        println!("{value}");
    } else {
        print!("{}", text(path, &procedure, &analysis, lang));
    }
    ExitCode::SUCCESS
}

/// The analysis for a reader: each part's label, then its lines.
fn text(path: &Path, procedure: &Procedure, a: &Analysis, lang: Lang) -> String {
    let mut out = format!("{}: {}\n", path.display(), review::analysis_title(lang));
    for (label, lines) in review::analysis_table(procedure, a, lang) {
        out.push_str(&format!("{label}:\n"));
        for line in lines {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}
