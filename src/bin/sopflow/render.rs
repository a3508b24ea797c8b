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
    /// Only page N (1-based) of an SVG or PNG rendering.
    #[arg(long)]
    page: Option<usize>,
    /// One PDF of all the inputs ("Buku SOP"): cover, contents, each SOP,
    /// the refused ones listed at the end; needs -o book.pdf.
    #[arg(long)]
    book: bool,
    /// No progress bar (it is drawn only when standard error is a terminal).
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    style: StyleOptions,
}

/// Renders each file: exit 0, 1 when a document is refused, 2 for a
/// usage error or an unreadable file, 3 when rendering or writing fails.
pub fn run(files: &[PathBuf], options: &RenderOptions) -> Result<ExitCode, String> {
    let config = config(&options.style)?;
    let lang = options.style.lang();
    if options.book {
        return match &options.output {
            Some(out)
                if format_of(out) == Some(Format::Pdf)
                    && options.format.is_none_or(|f| f == Format::Pdf) =>
            {
                crate::book::run(files, options.from, &config, lang, out, options.quiet)
            }
            _ => {
                eprintln!("sopflow render: --book writes one PDF: give -o book.pdf");
                Ok(ExitCode::from(2))
            }
        };
    }
    let plan = match Plan::of(files, options) {
        Ok(plan) => plan,
        Err(usage) => {
            eprintln!("sopflow render: {usage}");
            return Ok(ExitCode::from(2));
        }
    };
    let bar = crate::progress::documents(files.len(), options.quiet);
    let mut pages_written = 0usize;
    for file in files {
        let (procedure, warnings) = match input::load(file, options.from, lang) {
            Ok(loaded) => loaded,
            Err(d) => {
                let d = d.in_lang(lang);
                eprintln!("{}", input::summary(file, &d, lang));
                return Ok(ExitCode::from(if d.is_unreadable() { 2 } else { 1 }));
            }
        };
        for w in &warnings.0 {
            bar.suspend(|| eprintln!("{}: {}", file.display(), w.display_in(lang)));
        }
        let out = plan.output_of(file);
        let images = input::image_policy(file);
        let job = Job {
            format: plan.format,
            dpi: options.dpi,
            page: options.page,
            analysis: options.analysis.then_some(lang),
        };
        match write(&procedure, &config, &images, &job, &out) {
            Err(Failure::Usage(e)) => {
                eprintln!("sopflow render: {e}");
                return Ok(ExitCode::from(2));
            }
            Ok(written) => {
                pages_written += written.len();
                bar.inc(1);
                bar.set_message(format!("{pages_written} files written"));
                for path in written {
                    // Standard output carries the document alone.
                    if !input::is_std(&path) {
                        bar.suspend(|| println!("{}", path.display()));
                    }
                }
            }
            Err(Failure::Failed(e)) => {
                eprintln!("sopflow render: {e}");
                return Ok(ExitCode::from(3));
            }
        }
    }
    bar.finish_and_clear();
    Ok(ExitCode::SUCCESS)
}

/// Where the documents go, decided (and refused) before any is read.
struct Plan {
    format: Format,
    /// An output file (one input), or `-`.
    file: Option<PathBuf>,
    /// An output folder (several inputs, or a path ending in `/`).
    folder: Option<PathBuf>,
}

impl Plan {
    fn of(files: &[PathBuf], options: &RenderOptions) -> Result<Plan, String> {
        let known = ".pdf, .svg, .png or .html";
        let several = files.len() > 1;
        let Some(out) = &options.output else {
            if files.iter().any(|f| input::is_std(f)) {
                return Err(
                    "rendering standard input (-) needs -o (a file, or - for standard output)"
                        .into(),
                );
            }
            return Ok(Plan {
                format: options.format.unwrap_or(Format::Pdf),
                file: None,
                folder: None,
            });
        };
        let folder = out.is_dir() || out.as_os_str().to_string_lossy().ends_with('/');
        if input::is_std(out) {
            if several {
                return Err(
                    "several inputs cannot all go to standard output; give -o a folder".into(),
                );
            }
            let format = options.format.unwrap_or(Format::Pdf);
            return Ok(Plan {
                format,
                file: Some(out.clone()),
                folder: None,
            });
        }
        if folder || several && out.extension().is_none() {
            return Ok(Plan {
                format: options.format.unwrap_or(Format::Pdf),
                file: None,
                folder: Some(out.clone()),
            });
        }
        if several {
            return Err(format!(
                "{} inputs need an output folder (-o {}/), not the file {}",
                files.len(),
                out.with_extension("").display(),
                out.display()
            ));
        }
        let format = match (out.extension(), format_of(out), options.format) {
            (Some(ext), None, _) => {
                return Err(format!(
                    "{}: sopflow writes {known}, not .{}",
                    out.display(),
                    ext.to_string_lossy()
                ));
            }
            (_, Some(by_name), Some(asked)) if by_name != asked => {
                return Err(format!(
                    "--format {} and the output {} disagree; drop one",
                    extension(asked),
                    out.display()
                ));
            }
            (_, by_name, asked) => by_name.or(asked).unwrap_or(Format::Pdf),
        };
        Ok(Plan {
            format,
            file: Some(out.clone()),
            folder: None,
        })
    }

    /// The output path of `input`.
    fn output_of(&self, input: &Path) -> PathBuf {
        match (&self.file, &self.folder) {
            (Some(file), _) => file.clone(),
            (None, Some(folder)) => folder
                .join(input.file_stem().unwrap_or_default())
                .with_extension(extension(self.format)),
            (None, None) => input.with_extension(extension(self.format)),
        }
    }
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

/// Why a render did not write: the request does not fit the document
/// (exit 2), or drawing or writing failed (exit 3).
enum Failure {
    Usage(String),
    Failed(String),
}

impl std::convert::From<String> for Failure {
    fn from(reason: String) -> Self {
        Failure::Failed(reason)
    }
}

/// What one render is asked.
struct Job {
    format: Format,
    dpi: f32,
    /// Only this page (1-based), for SVG and PNG.
    page: Option<usize>,
    /// Append the time analysis in this language.
    analysis: Option<sopflow::Lang>,
}

/// Renders one document; SVG and PNG write one file per page (or the one
/// `--page`), `-` writes to standard output. Each file is written to a
/// temporary name and renamed into place, so a failure leaves no
/// half-written file.
fn write(
    procedure: &Procedure,
    config: &Config,
    images: &ImagePolicy,
    job: &Job,
    out: &Path,
) -> Result<Vec<PathBuf>, Failure> {
    if !(10.0..=1200.0).contains(&job.dpi) {
        return Err(Failure::Usage(format!(
            "--dpi {} is outside 10..=1200",
            job.dpi
        )));
    }
    let layout = sopflow::layout::layout_on_threads(procedure, config, threads_for(procedure))
        .map_err(|e| e.to_string())?;
    let appendix = match job.analysis {
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
    let extras = sopflow::render::Extras {
        appendix: &appendix,
        marks: &[],
    };
    let theme = &config.theme;
    let failed = |e: sopflow::Error| e.to_string();
    let files: Vec<Vec<u8>> = match job.format {
        Format::Svg | Format::Png => {
            let mut svgs =
                sopflow::render::svg_pages_with(&layout, theme, images, extras).map_err(failed)?;
            // Only the page asked for is drawn as PNG (a long document's
            // every page at a high resolution would not fit in memory).
            let first = match job.page {
                Some(page) if page == 0 || page > svgs.len() => {
                    return Err(Failure::Usage(format!(
                        "--page {page}: the document has {} pages",
                        svgs.len()
                    )));
                }
                Some(page) => {
                    svgs = vec![svgs.swap_remove(page - 1)];
                    page
                }
                None => 1,
            };
            if job.format == Format::Png {
                svgs.iter()
                    .enumerate()
                    .map(|(i, svg)| sopflow::render::png_page(svg, first + i, job.dpi))
                    .collect::<Result<_, _>>()
                    .map_err(failed)?
            } else {
                svgs.into_iter().map(String::into_bytes).collect()
            }
        }
        Format::Html | Format::Pdf if job.page.is_some() => {
            return Err(Failure::Usage(
                "--page picks one SVG or PNG page; PDF and HTML hold them all".into(),
            ));
        }
        Format::Html => vec![
            sopflow::render::html(procedure, &layout, config, images, extras)
                .map_err(failed)?
                .into_bytes(),
        ],
        Format::Pdf => {
            vec![
                sopflow::render::pdf_document_with(&layout, theme, images, extras)
                    .map_err(failed)?,
            ]
        }
    };
    if input::is_std(out) {
        if files.len() > 1 {
            return Err(Failure::Usage(format!(
                "the document has {} pages; standard output takes one (--page N, or PDF/HTML)",
                files.len()
            )));
        }
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&files[0])
            .and_then(|()| stdout.flush())
            .map_err(|e| format!("standard output: {e}"))?;
        return Ok(vec![out.to_path_buf()]);
    }
    if let Some(dir) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let count = files.len();
    let paged = |i: usize| {
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
    files
        .iter()
        .enumerate()
        .map(|(i, bytes)| crate::output::save_atomically(&paged(i), bytes).map_err(Failure::Failed))
        .collect()
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
        let job = Job {
            format,
            dpi: sopflow::render::DEFAULT_DPI,
            page: None,
            analysis: None,
        };
        written.extend(
            write(&procedure, &config, &images, &job, &out).map_err(|f| match f {
                Failure::Usage(e) | Failure::Failed(e) => e,
            })?,
        );
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
