//! Reading an SOP from the files drafters already have: the spreadsheet
//! they type the table in (XLSX, XLSM, XLS, ODS, CSV, see
//! `spreadsheet-format.md`), or the JSON format, through one entry point.
//!
//! ```no_run
//! use sopflow::import::{self, ImportOptions};
//!
//! let imported = import::read_path("sop.xlsx".as_ref(), &ImportOptions::default())?;
//! let (procedure, warnings) = imported.into_procedure()?;
//! # Ok::<(), sopflow::Diagnostics>(())
//! ```
//!
//! Every problem is reported at once and, for a workbook, names its cell
//! (`Prosedur!E3`), also for what validation refuses after import.

#[cfg(feature = "bpmn")]
mod bpmn;
#[cfg(feature = "sheet")]
mod cells;
#[cfg(feature = "sheet")]
mod cfb_check;
#[cfg(feature = "sheet")]
mod csv_sheet;
#[cfg(feature = "sheet")]
mod grid;
#[cfg(feature = "sheet")]
mod header;
#[cfg(feature = "sheet")]
mod identity;
#[cfg(feature = "sheet")]
mod lists;
#[cfg(feature = "sheet")]
mod next_cell;
#[cfg(feature = "sheet")]
mod ods_check;
#[cfg(feature = "sheet")]
mod table;
#[cfg(feature = "sheet")]
mod workbook;

use crate::error::{Code, Diagnostic, Diagnostics};
use crate::limits::Limits;
use crate::model::Sop;
use crate::procedure::Procedure;
#[cfg(feature = "sheet")]
use cells::Cells;
use std::path::Path;
#[cfg(feature = "sheet")]
use workbook::{Workbook, WorkbookFormat};

#[cfg(feature = "bpmn")]
pub use bpmn::{MAX_XML_DEPTH, MAX_XML_NODES};
#[cfg(feature = "sheet")]
pub use workbook::is_reader_panic;

/// The formats sopflow reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The `sopflow/1` JSON format.
    Json,
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel 97–2003 workbook (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// Comma- or semicolon-separated values (`.csv`).
    Csv,
    /// A BPMN 2.0 process model (`.bpmn`), mapped as `bpmn-mapping.md`
    /// says.
    Bpmn,
}

impl Format {
    /// The format a file name's extension says, if sopflow reads it.
    pub fn from_path(path: &Path) -> Option<Self> {
        Self::from_name(path.extension()?.to_str()?)
    }

    /// The format of a name as given to `--from` or as an extension
    /// (`xlsx`, `CSV`, `json`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "xlsx" | "xlsm" => Some(Self::Xlsx),
            "xls" => Some(Self::Xls),
            "ods" => Some(Self::Ods),
            "csv" => Some(Self::Csv),
            "bpmn" | "bpmn2" => Some(Self::Bpmn),
            _ => None,
        }
    }
}

pub use crate::error::Lang;

/// How an import reads its input.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Language of the messages.
    pub lang: Lang,
    /// Resource limits (the JSON reader's: size, activities, actors, text).
    pub limits: Limits,
}

/// Limits on one sheet, derived from [`Limits`].
#[cfg(feature = "sheet")]
#[derive(Debug, Clone, Copy)]
pub(crate) struct SheetLimits {
    /// Most rows of a sheet (activities plus title and header rows).
    pub max_rows: usize,
    /// Most columns of a sheet (performers plus the other columns).
    pub max_columns: usize,
    /// Longest cell, in characters.
    pub max_cell_chars: usize,
}

#[cfg(feature = "sheet")]
impl SheetLimits {
    fn of(limits: &Limits) -> Self {
        Self {
            max_rows: limits.max_activities.saturating_add(1_000),
            max_columns: limits.max_actors.saturating_add(64),
            max_cell_chars: limits.max_text_chars,
        }
    }
}

/// An SOP read from a file, not yet validated, with where each of its
/// fields came from.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The document.
    pub sop: Sop,
    /// What the reader noticed but let through (columns it does not know).
    pub warnings: Diagnostics,
    origin: Option<Origin>,
}

/// Where the fields of an imported document came from.
#[derive(Debug, Clone)]
enum Origin {
    /// The cells of a workbook.
    #[cfg(feature = "sheet")]
    Cells(Cells),
    /// The line and column of each activity's element in a BPMN model.
    #[cfg(feature = "bpmn")]
    Elements(Vec<bpmn::Place>),
}

impl Origin {
    /// Adds the cell or line to every diagnostic about the document.
    fn locate(&self, diagnostics: Diagnostics) -> Diagnostics {
        match self {
            #[cfg(feature = "sheet")]
            Origin::Cells(cells) => cells.locate(diagnostics),
            #[cfg(feature = "bpmn")]
            Origin::Elements(places) => bpmn::locate(places, diagnostics),
        }
    }
}

impl Imported {
    /// Validates the document with its limits into a [`Procedure`]; every
    /// error and warning names its cell when the input was a workbook.
    pub fn into_procedure(self) -> Result<(Procedure, Diagnostics), Diagnostics> {
        self.into_procedure_with(&Limits::default())
    }

    /// [`Imported::into_procedure`] with explicit limits.
    pub fn into_procedure_with(
        self,
        limits: &Limits,
    ) -> Result<(Procedure, Diagnostics), Diagnostics> {
        let Imported {
            sop,
            mut warnings,
            origin,
        } = self;
        let locate = |d: Diagnostics| match &origin {
            Some(origin) => origin.locate(d),
            None => d,
        };
        match Procedure::from_owned_sop(sop, limits) {
            Ok(procedure) => {
                warnings.0.extend(locate(procedure.warnings().clone()).0);
                Ok((procedure, warnings))
            }
            Err(crate::Error::Invalid(d)) => {
                let mut all = warnings;
                all.0.extend(locate(d).0);
                Err(all)
            }
            Err(other) => Err(Diagnostics(vec![Diagnostic::error(
                Code::InvalidValue,
                "",
                other.to_string(),
            )])),
        }
    }

    /// The cell a JSON pointer of the document came from (`Prosedur!E3`
    /// for `/activities/1/next`), when it was read from a workbook.
    pub fn cell_of(&self, pointer: &str) -> Option<String> {
        match self.origin.as_ref()? {
            #[cfg(feature = "sheet")]
            Origin::Cells(cells) => cells.cell_of(pointer),
            // A model's elements are no cells; their lines are on the
            // diagnostics themselves.
            #[cfg(feature = "bpmn")]
            Origin::Elements(_) => {
                let _ = pointer;
                None
            }
        }
    }
}

/// Reads a file, the format taken from its extension.
pub fn read_path(path: &Path, options: &ImportOptions) -> Result<Imported, Diagnostics> {
    let format = Format::from_path(path).ok_or_else(|| {
        one(Diagnostic::error(
            Code::UnsupportedFormat,
            "",
            t(
                options.lang,
                &format!("{}: jenis berkas tidak dikenal; gunakan .json, .xlsx, .xlsm, .xls, .ods, .csv atau .bpmn", path.display()),
                &format!("{}: unknown kind of file; use .json, .xlsx, .xlsm, .xls, .ods, .csv or .bpmn", path.display()),
            ),
        ))
    })?;
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > options.limits.max_input_bytes as u64 {
        return Err(too_large(size, options));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        one(Diagnostic::error(
            Code::UnreadableFile,
            "",
            t(
                options.lang,
                &format!("{}: berkas tidak dapat dibaca: {e}", path.display()),
                &format!("{}: the file cannot be read: {e}", path.display()),
            ),
        ))
    })?;
    read_bytes(bytes, format, options)
}

/// Reads the bytes of a file of the given format.
pub fn read_bytes(
    bytes: Vec<u8>,
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, Diagnostics> {
    if bytes.len() > options.limits.max_input_bytes {
        return Err(too_large(bytes.len() as u64, options));
    }
    let lang = options.lang;
    match format {
        Format::Json => {
            let text = String::from_utf8(bytes).map_err(|e| {
                one(Diagnostic::error(
                    Code::JsonSyntax,
                    "",
                    t(
                        lang,
                        &format!("bukan teks UTF-8: {e}"),
                        &format!("not UTF-8 text: {e}"),
                    ),
                ))
            })?;
            let sop = crate::parse::parse_sop_with(&text, &options.limits)?;
            Ok(Imported {
                sop,
                warnings: Diagnostics::default(),
                origin: None,
            })
        }
        #[cfg(feature = "bpmn")]
        Format::Bpmn => bpmn::read(bytes, options),
        #[cfg(not(feature = "bpmn"))]
        Format::Bpmn => Err(not_built("bpmn", lang)),
        #[cfg(not(feature = "sheet"))]
        Format::Csv | Format::Xlsx | Format::Xls | Format::Ods => Err(not_built("sheet", lang)),
        #[cfg(feature = "sheet")]
        Format::Csv => {
            let grid = csv_sheet::read(&bytes, &SheetLimits::of(&options.limits), lang)?;
            let procedure = match header::find(&grid, lang) {
                Some(found) => Some((grid, found?)),
                None => None,
            };
            table::read_workbook(procedure, None, None, &options.limits, lang)
        }
        #[cfg(feature = "sheet")]
        Format::Xlsx => read_workbook(bytes, WorkbookFormat::Xlsx, options),
        #[cfg(feature = "sheet")]
        Format::Xls => read_workbook(bytes, WorkbookFormat::Xls, options),
        #[cfg(feature = "sheet")]
        Format::Ods => read_workbook(bytes, WorkbookFormat::Ods, options),
    }
}

/// The error for a format whose cargo feature is off in this build.
#[cfg(any(not(feature = "sheet"), not(feature = "bpmn")))]
fn not_built(feature: &str, lang: Lang) -> Diagnostics {
    one(Diagnostic::error(
        Code::UnsupportedFormat,
        "",
        t(
            lang,
            &format!("sopflow ini dibangun tanpa fitur `{feature}` yang membaca format ini"),
            &format!(
                "this sopflow was built without the `{feature}` feature that reads this format"
            ),
        ),
    ))
}

#[cfg(feature = "sheet")]
/// Reads a workbook: the first sheet with a Kegiatan header is the
/// procedure, `Identitas` the identity sheet, `Pelaksana` the actor ids.
fn read_workbook(
    bytes: Vec<u8>,
    format: WorkbookFormat,
    options: &ImportOptions,
) -> Result<Imported, Diagnostics> {
    let (lang, limits) = (options.lang, SheetLimits::of(&options.limits));
    let mut book = Workbook::open(bytes, format, lang)?;
    let mut procedure = None;
    let mut identity = None;
    let mut actor_ids = None;
    for name in book.names().to_vec() {
        let key = grid::header_key(&name);
        let is_identity = matches!(key.as_str(), "identitas" | "identity");
        if is_identity && identity.is_some()
            || !is_identity && procedure.is_some() && actor_ids.is_some()
        {
            continue;
        }
        let grid = book.grid(&name, &limits, lang)?;
        if is_identity {
            identity = Some(grid);
            continue;
        }
        match header::find(&grid, lang) {
            Some(found) if procedure.is_none() => procedure = Some((grid, found?)),
            None if actor_ids.is_none() && cells::is_actor_sheet(&key) => actor_ids = Some(grid),
            _ => {}
        }
    }
    table::read_workbook(
        procedure,
        identity.as_ref(),
        actor_ids.as_ref(),
        &options.limits,
        lang,
    )
}

fn too_large(size: u64, options: &ImportOptions) -> Diagnostics {
    let max = options.limits.max_input_bytes;
    one(Diagnostic::error(
        Code::LimitExceeded,
        "",
        t(
            options.lang,
            &format!("berkas {size} bita, melebihi batas max_input_bytes {max}"),
            &format!("the file has {size} bytes, more than the limit max_input_bytes {max}"),
        ),
    ))
}

/// A failed result of one diagnostic.
pub(crate) fn fail<T>(diagnostic: Diagnostic) -> Result<T, Diagnostics> {
    Err(diagnostic.into())
}

fn one(diagnostic: Diagnostic) -> Diagnostics {
    Diagnostics(vec![diagnostic])
}

/// The message in the reader's language.
pub(crate) fn t(lang: Lang, indonesian: &str, english: &str) -> String {
    match lang {
        Lang::Id => indonesian.to_owned(),
        Lang::En => english.to_owned(),
    }
}

/// A cell's text as the model keeps it: line breaks as `\n`, no space at
/// either end, non-breaking spaces as spaces.
#[cfg(feature = "sheet")]
pub(crate) fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace(['\r', '\u{a0}'], " ")
        .trim()
        .to_owned()
}
