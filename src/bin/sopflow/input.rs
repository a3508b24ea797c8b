//! Reading the documents the commands work on: JSON or a spreadsheet, the
//! format from the extension or `--from`, `-` for standard input.

use sopflow::import::{self, Format, ImportOptions, Imported};
use sopflow::{Code, Diagnostic, Diagnostics, Lang, Procedure};
use std::io::Read;
use std::path::Path;

/// The `--from` values.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum From {
    Json,
    Xlsx,
    Xlsm,
    Xls,
    Ods,
    Csv,
    Bpmn,
}

impl From {
    fn format(self) -> Format {
        match self {
            From::Json => Format::Json,
            From::Xlsx | From::Xlsm => Format::Xlsx,
            From::Xls => Format::Xls,
            From::Ods => Format::Ods,
            From::Csv => Format::Csv,
            From::Bpmn => Format::Bpmn,
        }
    }
}

/// True for the name that stands for standard input or output.
pub fn is_std(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads one document, unchecked.
pub fn read(path: &Path, from: Option<From>, lang: Lang) -> Result<Imported, Diagnostics> {
    let options = ImportOptions {
        lang,
        ..ImportOptions::default()
    };
    let refuse = |id: String, en: String| {
        let message = if lang == Lang::En { en } else { id };
        Diagnostics(vec![Diagnostic::error(
            Code::UnsupportedFormat,
            "",
            message,
        )])
    };
    if is_std(path) {
        let Some(from) = from else {
            return Err(refuse(
                "membaca masukan standar (-) perlu --from (json, xlsx, xls, ods, csv, bpmn)".into(),
                "reading standard input (-) needs --from (json, xlsx, xls, ods, csv, bpmn)".into(),
            ));
        };
        let limit = options.limits.max_input_bytes as u64;
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                refuse(
                    format!("masukan standar: {e}"),
                    format!("standard input: {e}"),
                )
            })?;
        return import::read_bytes(bytes, from.format(), &options);
    }
    match from {
        Some(from) => {
            let bytes = std::fs::read(path).map_err(|e| {
                let message = if lang == Lang::En {
                    format!("{}: the file cannot be read: {e}", path.display())
                } else {
                    format!("{}: berkas tidak dapat dibaca: {e}", path.display())
                };
                Diagnostics(vec![Diagnostic::error(Code::UnreadableFile, "", message)])
            })?;
            import::read_bytes(bytes, from.format(), &options)
        }
        None => import::read_path(path, &options),
    }
}

/// Reads and checks one document.
pub fn load(
    path: &Path,
    from: Option<From>,
    lang: Lang,
) -> Result<(Procedure, Diagnostics), Diagnostics> {
    read(path, from, lang)?.into_procedure()
}

/// The first error of a refused document in one line, for commands that
/// stop at it.
pub fn summary(path: &Path, d: &Diagnostics, lang: Lang) -> String {
    let count = d.errors().count();
    let first = d
        .errors()
        .next()
        .map(|e| e.display_in(lang))
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
}

/// Where the identity sheet's images of the document at `path` are read
/// from: its folder (the working folder for standard input).
pub fn image_policy(path: &Path) -> sopflow::render::ImagePolicy {
    sopflow::render::ImagePolicy {
        root: Some(
            path.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf(),
        ),
    }
}
