//! `sopflow`: check, lay out and render SOP documents (the demo CLI).
//!
//! With no arguments it renders the bundled example SOP into
//! `sopflow-out/` as PDF, SVG and PNG.

use clap::{Parser, Subcommand, ValueEnum};
use sopflow::config::{Config, Paper, Words};
use sopflow::render::ImagePolicy;
use sopflow::{Code, Diagnostic, Diagnostics, Procedure, parse_sop};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The allocator of the command line: large documents allocate and free
/// millions of small strings, which mimalloc does several times faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The example rendered when the binary is run without arguments.
const BUNDLED_EXAMPLE: &str = include_str!("../../examples/pelayanan-ktp-el.json");

#[derive(Parser)]
#[command(
    name = "sopflow",
    version,
    about = "Turns SOP documents (sopflow/1 JSON) into PANRB swimlane flowcharts"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents and print every problem (exit 0: no errors, 1: errors, 2: unreadable).
    Check {
        /// SOP documents.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON object per file instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Render documents to SVG, PNG or PDF.
    Render {
        /// SOP documents.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        options: RenderOptions,
    },
    /// Print the layout geometry as JSON.
    Layout {
        /// SOP document.
        file: PathBuf,
        /// Also check the layout invariants; exit 1 when one is broken.
        #[arg(long)]
        verify: bool,
        /// Indent the JSON for reading (compact by default).
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        style: StyleOptions,
    },
    /// Print the JSON Schema of the sopflow/1 format.
    Schema,
    /// Print a generated SOP (realistic texts, about 15 % decisions, rework
    /// loops, forks) as JSON: the documents of the benchmarks.
    Generate {
        /// Number of activities.
        #[arg(long, default_value_t = 1000)]
        activities: usize,
        /// Number of actors (lanes).
        #[arg(long, default_value_t = 8)]
        actors: usize,
        /// Seed: the same numbers give the same document.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(clap::Args)]
struct RenderOptions {
    /// Output file (one input) or folder (several inputs); default: next to the input.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format; default: from the output's extension, else PDF.
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// PNG resolution.
    #[arg(long, default_value_t = sopflow::render::DEFAULT_DPI)]
    dpi: f32,
    #[command(flatten)]
    style: StyleOptions,
}

#[derive(clap::Args)]
struct StyleOptions {
    /// Paper size (landscape unless --portrait).
    #[arg(long, value_enum)]
    paper: Option<PaperArg>,
    /// Portrait orientation.
    #[arg(long)]
    portrait: bool,
    /// Configuration file (JSON; see `sopflow::config::Config`).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Printed words: Indonesian or English.
    #[arg(long, value_enum)]
    lang: Option<Lang>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    F4,
    Letter,
    Legal,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    Id,
    En,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => render_bundled_example(),
        Some(Command::Check { files, json }) => return check(&files, json),
        Some(Command::Render { files, options }) => render_files(&files, &options),
        Some(Command::Layout {
            file,
            verify,
            pretty,
            style,
        }) => layout(&file, verify, pretty, &style),
        Some(Command::Schema) => schema(),
        Some(Command::Generate {
            activities,
            actors,
            seed,
        }) => generate(activities, actors, seed),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sopflow: {message}");
            ExitCode::from(1)
        }
    }
}

fn config(style: &StyleOptions) -> Result<Config, String> {
    let mut config = match &style.config {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Config::default(),
    };
    if let Some(paper) = style.paper {
        config.page.paper = match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::F4 => Paper::F4,
            PaperArg::Letter => Paper::Letter,
            PaperArg::Legal => Paper::Legal,
        };
    }
    if style.portrait {
        config.page.landscape = false;
    }
    match style.lang {
        Some(Lang::En) => config.words = Words::english(),
        Some(Lang::Id) => config.words = Words::indonesian(),
        None => {}
    }
    config.check().map_err(|e| e.to_string())?;
    Ok(config)
}

/// Reads and checks one document; errors come back as one line.
fn load(path: &Path) -> Result<(Procedure, Diagnostics), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    load_text(text).map_err(|d| {
        let count = d.errors().count();
        let first = d
            .errors()
            .next()
            .map(ToString::to_string)
            .unwrap_or_default();
        let more = if count > 1 {
            format!(
                " (+{} more; see `sopflow check {}`)",
                count - 1,
                path.display()
            )
        } else {
            String::new()
        };
        format!("{}: {first}{more}", path.display())
    })
}

fn load_text(text: String) -> Result<(Procedure, Diagnostics), Diagnostics> {
    let sop = parse_sop(&text)?;
    drop(text);
    match Procedure::from_owned_sop(sop, &sopflow::Limits::default()) {
        Ok(procedure) => {
            let warnings = procedure.warnings().clone();
            Ok((procedure, warnings))
        }
        Err(sopflow::Error::Invalid(d)) => Err(d),
        Err(other) => Err(Diagnostics(vec![Diagnostic::error(
            Code::InvalidValue,
            "",
            other.to_string(),
        )])),
    }
}

fn check(files: &[PathBuf], json: bool) -> ExitCode {
    let mut worst = 0u8;
    for path in files {
        let (diagnostics, summary, status) = match std::fs::read_to_string(path) {
            Err(e) => (
                Diagnostics(vec![Diagnostic::error(
                    Code::InvalidValue,
                    "",
                    format!("berkas tidak dapat dibaca: {e}"),
                )]),
                None,
                2,
            ),
            Ok(text) => match load_text(text) {
                Ok((procedure, warnings)) => (warnings, Some(procedure.summary()), 0),
                Err(d) => {
                    let status = if d.contains(Code::JsonSyntax) { 2 } else { 1 };
                    (d, None, status)
                }
            },
        };
        worst = worst.max(status);
        if json {
            let object = serde_json::json!({
                "file": path.display().to_string(),
                "errors": diagnostics.errors().collect::<Vec<_>>(),
                "warnings": diagnostics.warnings().collect::<Vec<_>>(),
                "summary": summary,
            });
            println!("{object}");
            continue;
        }
        match &summary {
            Some(s) => {
                let time = s
                    .service_time
                    .as_ref()
                    .map_or("tidak dapat dihitung".to_owned(), |t| t.text.clone());
                println!(
                    "{}: OK, {} kegiatan, {} pelaksana, {} keputusan; waktu layanan {time}",
                    path.display(),
                    s.activities,
                    s.actors,
                    s.decisions
                );
            }
            None => println!(
                "{}: DITOLAK, {} galat",
                path.display(),
                diagnostics.errors().count()
            ),
        }
        for d in &diagnostics.0 {
            println!("  {d}");
        }
    }
    ExitCode::from(worst)
}

fn render_files(files: &[PathBuf], options: &RenderOptions) -> Result<ExitCode, String> {
    let config = config(&options.style)?;
    for file in files {
        let (procedure, warnings) = load(file)?;
        for w in &warnings.0 {
            eprintln!("{}: {w}", file.display());
        }
        let format = options
            .format
            .or_else(|| {
                options
                    .output
                    .as_ref()
                    .filter(|_| files.len() == 1)
                    .and_then(|o| format_of(o))
            })
            .unwrap_or(Format::Pdf);
        let out = match &options.output {
            Some(o) if files.len() == 1 => o.clone(),
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
        let written = write(&procedure, &config, &images, format, options.dpi, &out)?;
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
        _ => None,
    }
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Svg => "svg",
        Format::Png => "png",
        Format::Pdf => "pdf",
    }
}

/// Renders one document; SVG and PNG write one file per page.
fn write(
    procedure: &Procedure,
    config: &Config,
    images: &ImagePolicy,
    format: Format,
    dpi: f32,
    out: &Path,
) -> Result<Vec<PathBuf>, String> {
    if !(10.0..=1200.0).contains(&dpi) {
        return Err(format!("--dpi {dpi} is outside 10..=1200"));
    }
    let layout = sopflow::layout::layout_on_threads(procedure, config, threads_for(procedure))
        .map_err(|e| e.to_string())?;
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
            let pages = sopflow::render::svg_pages(&layout, &config.theme, images)
                .map_err(|e| e.to_string())?;
            pages
                .iter()
                .enumerate()
                .map(|(i, svg)| save(paged(i, pages.len()), svg.as_bytes()))
                .collect()
        }
        Format::Png => {
            let pages = sopflow::render::png_pages(&layout, &config.theme, images, dpi)
                .map_err(|e| e.to_string())?;
            pages
                .iter()
                .enumerate()
                .map(|(i, png)| save(paged(i, pages.len()), png))
                .collect()
        }
        Format::Pdf => {
            let pdf = sopflow::render::pdf_document(&layout, &config.theme, images)
                .map_err(|e| e.to_string())?;
            Ok(vec![save(out.to_path_buf(), &pdf)?])
        }
    }
}

fn render_bundled_example() -> Result<ExitCode, String> {
    let (procedure, _) = load_text(BUNDLED_EXAMPLE.to_owned()).map_err(|d| d.to_string())?;
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

fn layout(
    file: &Path,
    verify: bool,
    pretty: bool,
    style: &StyleOptions,
) -> Result<ExitCode, String> {
    let config = config(style)?;
    let (procedure, _) = load(file)?;
    let layout = sopflow::layout::layout_on_threads(&procedure, &config, threads_for(&procedure))
        .map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    sopflow::layout::write_json(&layout, &mut out, pretty).map_err(|e| e.to_string())?;
    std::io::Write::write_all(&mut out, b"\n")
        .and_then(|()| std::io::Write::flush(&mut out))
        .map_err(|e| e.to_string())?;
    if verify {
        let violations = sopflow::layout::verify(&layout);
        for v in &violations {
            eprintln!(
                "invariant {} broken on page {} ({}): {}",
                v.invariant,
                v.page,
                v.ids.join(", "),
                v.message
            );
        }
        if !violations.is_empty() {
            finish_quickly(layout, procedure);
            return Ok(ExitCode::from(1));
        }
    }
    finish_quickly(layout, procedure);
    Ok(ExitCode::SUCCESS)
}

/// Activities above which pages are laid out on one thread: each worker
/// thread allocates from its own heap, which costs a long SOP about a
/// tenth more memory, while one thread already lays out 100,000 activities
/// in about a second.
const PARALLEL_LAYOUT_UP_TO: usize = 50_000;

/// The threads the pages of `procedure` are laid out on.
fn threads_for(procedure: &Procedure) -> usize {
    if procedure.steps().len() > PARALLEL_LAYOUT_UP_TO {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// Leaves the layout and the procedure to the end of the process: the
/// operating system takes the memory back at once, where freeing a
/// 100,000-activity layout piece by piece costs a tenth of the command.
fn finish_quickly(layout: sopflow::layout::Layout, procedure: Procedure) {
    std::mem::forget(layout);
    std::mem::forget(procedure);
}

fn generate(activities: usize, actors: usize, seed: u64) -> Result<ExitCode, String> {
    if activities == 0
        || activities > sopflow::Limits::default().max_activities
        || actors == 0
        || actors > 64
    {
        return Err("--activities must be 1 to 200000 and --actors 1 to 64".into());
    }
    let options = sopflow::generate::GenerateOptions::new(activities, actors, seed);
    let sop = sopflow::generate::generate(options);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer(&mut out, &sop).map_err(|e| e.to_string())?;
    std::io::Write::write_all(&mut out, b"\n").map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn schema() -> Result<ExitCode, String> {
    let schema = sopflow::schema::json_schema();
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?
    );
    Ok(ExitCode::SUCCESS)
}
