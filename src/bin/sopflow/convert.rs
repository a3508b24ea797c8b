//! `sopflow convert` and `sopflow template`: between JSON and the
//! spreadsheet formats, and the blank workbook drafters start from.

use crate::input::{self, From};
use sopflow::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The formats `convert` writes.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum To {
    Json,
    Xlsx,
    Csv,
}

impl To {
    fn of(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "json" => Some(To::Json),
            "xlsx" => Some(To::Xlsx),
            "csv" => Some(To::Csv),
            _ => None,
        }
    }
}

/// Converts one document; it is checked first and refused with its errors.
pub fn run(
    file: &Path,
    output: &Path,
    from: Option<From>,
    to: Option<To>,
    lang: Lang,
) -> Result<ExitCode, String> {
    let Some(to) = to.or_else(|| To::of(output)) else {
        eprintln!(
            "sopflow convert: {}: give --to json, xlsx or csv, or an output ending in one",
            output.display()
        );
        return Ok(ExitCode::from(2));
    };
    let imported = match input::read(file, from, lang) {
        Ok(imported) => imported,
        Err(d) => {
            eprintln!("sopflow: {}", input::summary(file, &d, lang));
            return Ok(ExitCode::from(if d.is_unreadable() { 2 } else { 1 }));
        }
    };
    let sop = imported.sop.clone();
    let (_, warnings) = imported
        .into_procedure()
        .map_err(|d| input::summary(file, &d, lang))?;
    for w in &warnings.0 {
        eprintln!("{}: {}", file.display(), w.display_in(lang));
    }
    let bytes = match to {
        To::Json => {
            let mut text = serde_json::to_string_pretty(&sop).map_err(|e| e.to_string())?;
            text.push('\n');
            text.into_bytes()
        }
        To::Xlsx => sopflow::export::write_xlsx(&sop).map_err(|e| e.to_string())?,
        To::Csv => sopflow::export::write_csv(&sop)
            .map_err(|e| e.to_string())?
            .into_bytes(),
    };
    save(output, &bytes)
}

/// Writes the blank workbook.
pub fn template(output: &Path) -> Result<ExitCode, String> {
    let bytes = sopflow::export::template_xlsx().map_err(|e| e.to_string())?;
    save(output, &bytes)
}

fn save(output: &Path, bytes: &[u8]) -> Result<ExitCode, String> {
    if input::is_std(output) {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| format!("standard output: {e}"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(dir) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::output::save_atomically(output, bytes)?;
    println!("{}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// The default name of `template`'s output.
pub fn default_template() -> PathBuf {
    PathBuf::from("sop-template.xlsx")
}
