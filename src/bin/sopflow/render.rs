//! `sopflow render` and the bundled example: documents to SVG, PNG or PDF.

use crate::input::{self, From};
use crate::{BUNDLED_EXAMPLE, StyleOptions, config, threads_for};
use sopflow::Procedure;
use sopflow::config::Config;
use sopflow::render::ImagePolicy;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The output formats of `render`.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Pdf,
    Html,
}

/// The options of `render`.
#[derive(clap::Args)]
pub struct RenderOptions {
    /// Output file (one input) or folder (several inputs); default: next to the input.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format; default: from the output's extension, else PDF.
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// PNG resolution.
    #[arg(long, default_value_t = sopflow::render::DEFAULT_DPI)]
    dpi: f32,
    /// Input format (default: from the extension; needed for `-`).
    #[arg(long, value_enum)]
    from: Option<From>,
    /// Append the time analysis (as `sopflow analyze`) as a last page.
    #[arg(long)]
    analysis: bool,
    #[command(flatten)]
    style: StyleOptions,
}

/// Renders each file.
pub fn run(files: &[PathBuf], options: &RenderOptions) -> Result<ExitCode, String> {
    let config = config(&options.style)?;
    for file in files {
        let lang = options.style.lang();
        let (procedure, warnings) =
            input::load(file, options.from, lang).map_err(|d| input::summary(file, &d, lang))?;
        for w in &warnings.0 {
            eprintln!("{}: {}", file.display(), w.display_in(lang));
        }
        if input::is_std(file) && options.output.is_none() {
            return Err("rendering standard input (-) needs -o".into());
        }
        let into_folder = |o: &Path| o.is_dir() || o.as_os_str().to_string_lossy().ends_with('/');
        let format = options
            .format
            .or_else(|| {
                options
                    .output
                    .as_ref()
                    .filter(|o| files.len() == 1 && !into_folder(o))
                    .and_then(|o| format_of(o))
            })
            .unwrap_or(Format::Pdf);
        let out = match &options.output {
            Some(o) if files.len() == 1 && !into_folder(o) => o.clone(),
            Some(dir) => dir
                .join(file.file_stem().unwrap_or_default())
                .with_extension(extension(format)),
            None => file.with_extension(extension(format)),
        };
        let images = ImagePolicy {
            root: Some(
                file.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
            ),
        };
        let written = write(
            &procedure,
            &config,
            &images,
            format,
            options.dpi,
            options.analysis.then_some(lang),
            &out,
        )?;
        for path in written {
            println!("{}", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "svg" => Some(Format::Svg),
        "png" => Some(Format::Png),
        "pdf" => Some(Format::Pdf),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Svg => "svg",
        Format::Png => "png",
        Format::Pdf => "pdf",
        Format::Html => "html",
    }
}

/// Renders one document; SVG and PNG write one file per page.
fn write(
    procedure: &Procedure,
    config: &Config,
    images: &ImagePolicy,
    format: Format,
    dpi: f32,
    analysis: Option<sopflow::Lang>,
    out: &Path,
) -> Result<Vec<PathBuf>, String> {
    if !(10.0..=1200.0).contains(&dpi) {
        return Err(format!("--dpi {dpi} is outside 10..=1200"));
    }
    let layout = sopflow::layout::layout_on_threads(procedure, config, threads_for(procedure))
        .map_err(|e| e.to_string())?;
    let appendix = match analysis {
        Some(lang) => {
            let a = sopflow::review::analyze(procedure);
            let rows: Vec<(String, String)> = sopflow::review::analysis_table(procedure, &a, lang)
                .into_iter()
                .map(|(label, lines)| (label, lines.join("\n")))
                .collect();
            sopflow::layout::table_pages(sopflow::review::analysis_title(lang), &rows, config)
        }
        None => Vec::new(),
    };
    for w in &layout.warnings {
        eprintln!("{w}");
    }
    if let Some(dir) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let save = |path: PathBuf, bytes: &[u8]| {
        std::fs::write(&path, bytes)
            .map(|_| path.clone())
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let paged = |i: usize, count: usize| {
        if count == 1 {
            out.to_path_buf()
        } else {
            let stem = out.file_stem().unwrap_or_default().to_string_lossy();
            out.with_file_name(format!(
                "{stem}-{}.{}",
                i + 1,
                out.extension().unwrap_or_default().to_string_lossy()
            ))
        }
    };
    match format {
        Format::Svg => {
            let pages = sopflow::render::svg_pages_with(
                &layout,
                &config.theme,
                images,
                sopflow::render::Extras {
                    appendix: &appendix,
                    marks: &[],
                },
            )
            .map_err(|e| e.to_string())?;
            pages
                .iter()
                .enumerate()
                .map(|(i, svg)| save(paged(i, pages.len()), svg.as_bytes()))
                .collect()
        }
        Format::Png => {
            let pages = sopflow::render::png_pages_with(
                &layout,
                &config.theme,
                images,
                sopflow::render::Extras {
                    appendix: &appendix,
                    marks: &[],
                },
                dpi,
            )
            .map_err(|e| e.to_string())?;
            pages
                .iter()
                .enumerate()
                .map(|(i, png)| save(paged(i, pages.len()), png))
                .collect()
        }
        Format::Html => {
            let html = sopflow::render::html_document(
                &layout,
                &config.theme,
                images,
                sopflow::render::Extras {
                    appendix: &appendix,
                    marks: &[],
                },
            )
            .map_err(|e| e.to_string())?;
            Ok(vec![save(out.to_path_buf(), html.as_bytes())?])
        }
        Format::Pdf => {
            let pdf = sopflow::render::pdf_document_with(
                &layout,
                &config.theme,
                images,
                sopflow::render::Extras {
                    appendix: &appendix,
                    marks: &[],
                },
            )
            .map_err(|e| e.to_string())?;
            Ok(vec![save(out.to_path_buf(), &pdf)?])
        }
    }
}

/// Renders the bundled example into `sopflow-out/`.
pub fn bundled_example() -> Result<ExitCode, String> {
    let sop = sopflow::parse_sop(BUNDLED_EXAMPLE).map_err(|d| d.to_string())?;
    let procedure =
        Procedure::from_owned_sop(sop, &sopflow::Limits::default()).map_err(|e| e.to_string())?;
    let config = Config::default();
    let dir = PathBuf::from("sopflow-out");
    let images = ImagePolicy::default();
    let mut written = Vec::new();
    for format in [Format::Pdf, Format::Svg, Format::Png] {
        let out = dir
            .join("pelayanan-ktp-el")
            .with_extension(extension(format));
        written.extend(write(
            &procedure,
            &config,
            &images,
            format,
            sopflow::render::DEFAULT_DPI,
            None,
            &out,
        )?);
    }
    println!(
        "Rendered the bundled example SOP (Pelayanan Penerbitan KTP-el) into {}/:",
        dir.display()
    );
    for path in written {
        println!("  {}", path.display());
    }
    println!("Try: sopflow render examples/bps-distribusi-persediaan.json -o out.pdf");
    Ok(ExitCode::SUCCESS)
}
