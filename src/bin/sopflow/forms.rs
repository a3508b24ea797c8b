//! `sopflow forms`: the monitoring table, the evaluation forms or the
//! observation sheets of a set of SOPs, as PDF or XLSX.

use crate::input::{self, From};
use crate::{StyleOptions, config};
use sopflow::forms::{self, FormContext};
use sopflow::layout::Grid;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Which form.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum Form {
    /// Tabel 7: one row per SOP.
    Monitoring,
    /// The seven criteria, one form per SOP.
    Evaluation,
    /// The supervisor's observation sheet, one per SOP.
    Observation,
}

/// The options of `forms`.
#[derive(clap::Args)]
pub struct FormsOptions {
    /// Output file: .pdf, .xlsx to fill in on a computer, or .svg/.png
    /// (one file per page: `name-1.png` …).
    #[arg(short, long)]
    output: PathBuf,
    /// The organisational unit in the heading (default: the first SOP's).
    #[arg(long)]
    unit: Option<String>,
    /// The monitoring period in the heading ("Semester I 2026").
    #[arg(long)]
    period: Option<String>,
    /// Input format (default: from the extension).
    #[arg(long, value_enum)]
    from: Option<From>,
    #[command(flatten)]
    style: StyleOptions,
}

/// Writes the form; exit 0, 1 when a document is refused, 2 when one
/// cannot be read or the output cannot be written.
pub fn run(files: &[PathBuf], form: Form, options: &FormsOptions) -> Result<ExitCode, String> {
    let lang = options.style.lang();
    let config = config(&options.style)?;
    let mut procedures = Vec::new();
    for file in files {
        match input::load(file, options.from, lang) {
            Ok((p, _)) => procedures.push(p),
            Err(d) => {
                let d = d.in_lang(lang);
                eprintln!("{}", input::summary(file, &d, lang));
                return Ok(ExitCode::from(if d.is_unreadable() { 2 } else { 1 }));
            }
        }
    }
    let context = FormContext {
        unit: options.unit.clone(),
        period: options.period.clone(),
    };
    let sheet_name = |p: &sopflow::Procedure, i: usize| {
        p.identity()
            .number
            .clone()
            .or_else(|| p.identity().name.clone())
            .unwrap_or_else(|| format!("SOP {}", i + 1))
    };
    let grids: Vec<(String, Grid)> = match form {
        Form::Monitoring => {
            let all: Vec<&sopflow::Procedure> = procedures.iter().collect();
            vec![(
                "Monitoring".to_owned(),
                forms::monitoring(&all, &context, lang),
            )]
        }
        Form::Evaluation => procedures
            .iter()
            .enumerate()
            .map(|(i, p)| (sheet_name(p, i), forms::evaluation(p, &context, lang)))
            .collect(),
        Form::Observation => procedures
            .iter()
            .enumerate()
            .map(|(i, p)| (sheet_name(p, i), forms::observation(p, &context, lang)))
            .collect(),
    };
    let pages = || -> Vec<_> {
        grids
            .iter()
            .flat_map(|(_, g)| sopflow::layout::grid_pages(g, &config))
            .collect()
    };
    let out = &options.output;
    let files: Vec<Vec<u8>> = match extension(out).as_str() {
        "pdf" => {
            let title = grids.first().map_or("", |(_, g)| g.heading[0].as_str());
            vec![
                sopflow::render::grid_pdf(&pages(), &config.theme, title, &config.words.language)
                    .map_err(|e| e.to_string())?,
            ]
        }
        "xlsx" => vec![sopflow::export::write_grid_xlsx(&grids).map_err(|e| e.to_string())?],
        "svg" => sopflow::render::grid_svg_pages(&pages(), &config.theme)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(String::into_bytes)
            .collect(),
        "png" => {
            sopflow::render::grid_png_pages(&pages(), &config.theme, sopflow::render::DEFAULT_DPI)
                .map_err(|e| e.to_string())?
        }
        other => {
            return Err(format!(
                "{}: forms are written as .pdf, .xlsx, .svg or .png, not .{other}",
                out.display()
            ));
        }
    };
    let count = files.len();
    for (i, bytes) in files.into_iter().enumerate() {
        let path = if count == 1 {
            out.clone()
        } else {
            let stem = out.file_stem().unwrap_or_default().to_string_lossy();
            out.with_file_name(format!("{stem}-{}.{}", i + 1, extension(out)))
        };
        crate::output::save_atomically(&path, &bytes)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}
