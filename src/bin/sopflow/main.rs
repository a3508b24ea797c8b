//! `sopflow`: check, lay out, render and convert SOP documents (JSON or
//! the spreadsheets drafters type them in).
//!
//! With no arguments it renders the bundled example SOP into
//! `sopflow-out/` as PDF, SVG and PNG.

mod analyze;
mod book;
mod check;
mod convert;
mod diff;
mod forms;
mod input;
mod lint;
mod output;
mod progress;
mod render;
#[cfg(feature = "server")]
mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use input::From;
use sopflow::Procedure;
use sopflow::config::{Config, Paper, Words};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The allocator of the command line: large documents allocate and free
/// millions of small strings, which mimalloc does several times faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The example rendered when the binary is run without arguments.
const BUNDLED_EXAMPLE: &str = include_str!("../../../examples/pelayanan-ktp-el.json");

#[derive(Parser)]
#[command(
    name = "sopflow",
    version,
    about = "Turns SOP documents (sopflow/1 JSON, XLSX, XLS, ODS, CSV, BPMN) into PANRB swimlane flowcharts",
    after_help = "Exit codes: 0 done (diff: equal; lint: no warning) · 1 the document is refused (diff: different; lint: warnings) · 2 usage error or unreadable input · 3 rendering or writing failed"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents and print every problem (exit 0: no errors, 1: errors, 2: unreadable).
    Check {
        /// SOP documents (.json, .xlsx, .xlsm, .xls, .ods, .csv, .bpmn; `-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print one JSON object per file instead of text.
        #[arg(long)]
        json: bool,
        /// Input format (default: from the extension; needed for `-`).
        #[arg(long, value_enum)]
        from: Option<From>,
        /// The paper and configuration the flowchart is checked on (as
        /// `render` takes them), and the language of the messages.
        #[command(flatten)]
        style: StyleOptions,
    },
    /// Review documents against the effective-SOP criteria (exit 0: no
    /// warning, 1: warnings, or advice with --deny advice, or refused, 2: unreadable).
    Lint {
        /// SOP documents (.json, .xlsx, .xlsm, .xls, .ods, .csv, .bpmn; `-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON (one object for one file, an array for several).
        #[arg(long)]
        json: bool,
        /// Input format (default: from the extension; needed for `-`).
        #[arg(long, value_enum)]
        from: Option<From>,
        /// Language of the messages.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// `advice`: advice counts for the exit code too.
        #[arg(long, value_parser = ["advice"])]
        deny: Option<String>,
        /// The date the identity sheet's dates are measured against
        /// (YYYY-MM-DD; default today), for reproducible runs.
        #[arg(long, value_parser = parse_date)]
        today: Option<sopflow::review::Date>,
    },
    /// Show where the service time goes: critical path, time per
    /// performer, bottleneck, hand-overs, rework loops.
    Analyze {
        /// SOP document (`-` for standard input).
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Input format (default: from the extension; needed for `-`).
        #[arg(long, value_enum)]
        from: Option<From>,
        /// Language of the words.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// What changed between two versions (exit 0: equal, 1: different,
    /// 2: unreadable or refused).
    Diff {
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Input format of both (default: from the extensions).
        #[arg(long, value_enum)]
        from: Option<From>,
        /// Also draw the new version with its changes marked, and a closing
        /// "Perubahan" page: .pdf, .html, .svg or .png (one file per page).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        style: StyleOptions,
    },
    /// The monitoring and evaluation forms of Permenpan RB 35/2012 for a
    /// set of SOPs, as PDF or XLSX.
    Forms {
        /// SOP documents.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Which form.
        #[command(flatten)]
        which: FormChoice,
        #[command(flatten)]
        options: forms::FormsOptions,
    },
    /// Render documents to SVG, PNG or PDF.
    Render {
        /// SOP documents (.json, .xlsx, .xlsm, .xls, .ods, .csv, .bpmn; `-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        options: render::RenderOptions,
    },
    /// Print the layout geometry as JSON.
    Layout {
        /// SOP document (`-` for standard input).
        file: PathBuf,
        /// Also check the layout invariants; exit 1 when one is broken.
        #[arg(long)]
        verify: bool,
        /// Indent the JSON for reading (compact by default).
        #[arg(long)]
        pretty: bool,
        /// Input format (default: from the extension; needed for `-`).
        #[arg(long, value_enum)]
        from: Option<From>,
        #[command(flatten)]
        style: StyleOptions,
    },
    /// Convert a document between JSON, XLSX (matrix layout, identity
    /// sheet) and CSV; it is checked first.
    Convert {
        /// The document (.json, .xlsx, .xlsm, .xls, .ods, .csv, .bpmn; `-` for standard input).
        file: PathBuf,
        /// Output file (`-` for standard output).
        #[arg(short, long)]
        output: PathBuf,
        /// Input format (default: from the extension; needed for `-`).
        #[arg(long, value_enum)]
        from: Option<From>,
        /// Output format (default: from the output's extension).
        #[arg(long, value_enum)]
        to: Option<convert::To>,
        /// Language of the messages.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write a blank workbook to type an SOP in (one example row).
    Template {
        /// Output file.
        #[arg(short, long, default_value_os_t = convert::default_template())]
        output: PathBuf,
    },
    /// Print the JSON Schema of the sopflow/1 format.
    Schema,
    /// Render the bundled example SOP (Pelayanan Penerbitan KTP-el) into
    /// ./sopflow-out/ as PDF, SVG and PNG.
    Demo,
    /// The HTTP service for e-SOP portals, with a drafting page at /
    /// (until Ctrl-C or SIGTERM).
    #[cfg(feature = "server")]
    Serve(serve::ServeArgs),
    /// The configuration `--config` reads: the defaults, or its schema.
    Config {
        /// Print the full default configuration as JSON.
        #[arg(long, conflicts_with = "schema")]
        defaults: bool,
        /// Print the JSON Schema of the configuration.
        #[arg(long)]
        schema: bool,
    },
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

/// Exactly one of the forms.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
struct FormChoice {
    /// Tabel 7 "Monitoring Pelaksanaan SOP AP": one row per SOP.
    #[arg(long)]
    monitoring: bool,
    /// The evaluation of each SOP against the seven criteria.
    #[arg(long)]
    evaluation: bool,
    /// The supervisor's observation sheet of each SOP's steps.
    #[arg(long)]
    observation: bool,
}

/// Paper, orientation, configuration and language of the printed pages.
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
    /// Printed words and messages: Indonesian or English.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

impl StyleOptions {
    /// The language of messages.
    fn lang(&self) -> sopflow::Lang {
        lang_of(self.lang)
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PaperArg {
    A4,
    F4,
    Letter,
    Legal,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Id,
    En,
}

/// A `--today` date: `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<sopflow::review::Date, String> {
    sopflow::review::Date::parse(text)
        .filter(|_| text.len() == 10 && text.as_bytes()[4] == b'-')
        .ok_or_else(|| format!("\"{text}\" is not a date YYYY-MM-DD"))
}

fn lang_of(lang: Option<LangArg>) -> sopflow::Lang {
    match lang {
        Some(LangArg::En) => sopflow::Lang::En,
        _ => sopflow::Lang::Id,
    }
}

fn main() -> ExitCode {
    // A damaged workbook can panic inside the spreadsheet reader; the
    // import turns that into an error naming the file, so the panic's own
    // message is left out. Every other panic is printed as usual.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A reader of our output that went away (`sopflow check … | head
        // -1`) ends the program quietly, as a closed pipe should.
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        if !info
            .location()
            .is_some_and(sopflow::import::is_reader_panic)
        {
            default_hook(info);
        }
    }));
    let cli = Cli::parse();
    let result = match cli.command {
        None => {
            print!("{SHORT_HELP}");
            return ExitCode::from(2);
        }
        Some(Command::Demo) => render::bundled_example(),
        Some(Command::Config { defaults, schema }) => config_command(defaults, schema),
        #[cfg(feature = "server")]
        Some(Command::Serve(args)) => return serve::run(&args),
        Some(Command::Check {
            files,
            json,
            from,
            style,
        }) => config(&style).map(|config| check::run(&files, json, from, style.lang(), &config)),
        Some(Command::Lint {
            files,
            json,
            from,
            lang,
            deny,
            today,
        }) => {
            let mut config = sopflow::review::LintConfig::default();
            if let Some(today) = today {
                config.today = today;
            }
            return lint::run(&lint::LintArgs {
                files: &files,
                json,
                from,
                lang: lang_of(lang),
                deny_advice: deny.is_some(),
                config,
            });
        }
        Some(Command::Analyze {
            file,
            json,
            from,
            lang,
        }) => return analyze::run(&file, json, from, lang_of(lang)),
        Some(Command::Diff {
            old,
            new,
            json,
            from,
            output,
            style,
        }) => output
            .as_deref()
            .map(|out| config(&style).map(|c| (out, c)))
            .transpose()
            .map(|drawing| diff::run(&old, &new, json, from, style.lang(), drawing)),
        Some(Command::Forms {
            files,
            which,
            options,
        }) => {
            let form = if which.monitoring {
                forms::Form::Monitoring
            } else if which.evaluation {
                forms::Form::Evaluation
            } else {
                forms::Form::Observation
            };
            forms::run(&files, form, &options)
        }
        Some(Command::Render { files, options }) => render::run(&files, &options),
        Some(Command::Layout {
            file,
            verify,
            pretty,
            from,
            style,
        }) => layout(&file, verify, pretty, from, &style),
        Some(Command::Convert {
            file,
            output,
            from,
            to,
            lang,
        }) => convert::run(&file, &output, from, to, lang_of(lang)),
        Some(Command::Template { output }) => convert::template(&output),
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

/// What `sopflow` alone prints.
const SHORT_HELP: &str =
    "sopflow: SOP AP (Permenpan RB 35/2012) flowcharts from JSON, Excel, CSV or BPMN

  sopflow demo                          render the bundled example into ./sopflow-out/
  sopflow check sop.xlsx                every problem, with its row, cell or JSON path
  sopflow render sop.json -o sop.pdf    the signed document (.pdf .svg .png .html)
  sopflow lint sop.json                 review against the effective-SOP criteria
  sopflow --help                        every command
";

/// `sopflow config --defaults | --schema`.
fn config_command(defaults: bool, schema: bool) -> Result<ExitCode, String> {
    let value = if schema {
        sopflow::schema::config_schema()
    } else if defaults {
        serde_json::to_value(Config::default()).map_err(|e| e.to_string())?
    } else {
        return Err("config needs --defaults or --schema".into());
    };
    println!(
        "{}",
        serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
    );
    Ok(ExitCode::SUCCESS)
}

/// The configuration the style options give.
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
        Some(LangArg::En) => config.words = Words::english(),
        Some(LangArg::Id) => config.words = Words::indonesian(),
        None => {}
    }
    config.check().map_err(|e| e.to_string())?;
    Ok(config)
}

fn layout(
    file: &Path,
    verify: bool,
    pretty: bool,
    from: Option<From>,
    style: &StyleOptions,
) -> Result<ExitCode, String> {
    let config = config(style)?;
    let lang = style.lang();
    let (procedure, _) = match input::load(file, from, lang) {
        Ok(loaded) => loaded,
        Err(d) => {
            eprintln!("sopflow: {}", input::summary(file, &d, lang));
            return Ok(ExitCode::from(if d.is_unreadable() { 2 } else { 1 }));
        }
    };
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
pub(crate) fn threads_for(procedure: &Procedure) -> usize {
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
