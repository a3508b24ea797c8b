//! Errors and diagnostics: what is wrong, and exactly where.

use serde::Serialize;
use std::fmt;

/// The language of messages (diagnostics, import errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document is refused.
    Error,
    /// The document renders, but something looks wrong.
    Warning,
}

/// A stable code for every kind of problem (kebab-case in JSON output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// The text is not JSON (line and column given).
    JsonSyntax,
    /// A value has the wrong type or shape.
    InvalidValue,
    /// A field name that the format does not know (often a typo).
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// `format` names something other than `sopflow/1`.
    UnsupportedFormat,
    /// The document is larger than a configured limit allows.
    LimitExceeded,
    /// `activities` is empty.
    NoActivities,
    /// Two activities share an id.
    DuplicateActivityId,
    /// Two actors share an id.
    DuplicateActorId,
    /// An activity names an actor that does not exist.
    UnknownActor,
    /// An activity names an actor by a name several actors share.
    AmbiguousActor,
    /// A branch points to an activity that does not exist.
    UnknownTarget,
    /// A decision has fewer than two outcomes.
    DecisionOutcomes,
    /// `yes`/`no` given on an activity that is not a decision.
    BranchOutsideDecision,
    /// A decision mixes `yes`/`no` with a list in `next`.
    MixedBranches,
    /// An `end` activity names a successor.
    EndWithNext,
    /// An activity flows into itself.
    SelfLoop,
    /// Warning: no path from a start reaches this activity.
    Unreachable,
    /// Warning: no path leads from this activity to an end.
    NoPathToEnd,
    /// Warning: the time text could not be read as a duration.
    UnparsedTime,
    /// Warning: an actor has no activity.
    UnusedActor,
    /// Warning: no activity is a start.
    NoStart,
    /// Warning: an activity has no text.
    EmptyText,
    /// The table does not fit the paper's width even with every column at
    /// its narrowest: a wider paper or fewer performers.
    TableTooWide,
    /// Layout warning: a row is taller than a page body; its text goes on
    /// on the next page(s).
    RowTallerThanPage,
    /// Layout warning: a symbol's text is longer than a symbol holds; it
    /// is cut with an ellipsis (the whole text belongs in Kegiatan).
    SymbolTextCut,
    /// Layout warning: more performers than the paper holds with their
    /// arrows 4 pt apart; some arrows run closer (a wider paper helps).
    LanesSqueezed,
    /// Layout warning: a branch label found no clear place that reads as
    /// its own arrow's and sits nearer another arrow (a wider paper or a
    /// shorter label helps).
    LabelCrowded,
    /// Layout warning: the bundled font has no glyph for some characters.
    MissingGlyph,
    /// The file cannot be read at all: missing, a folder, not permitted.
    UnreadableFile,
    /// The bytes are not a workbook (or CSV) sopflow can read: a renamed
    /// file, a truncated or password-protected workbook, a zip bomb.
    UnreadableWorkbook,
    /// No sheet has a header row with a Kegiatan column.
    NoProcedureSheet,
    /// A cell of a spreadsheet says something the format does not allow.
    InvalidCell,
    /// Warning: a spreadsheet column or identity label that sopflow does
    /// not know; it is left out.
    UnknownColumn,
    /// The bytes are not well-formed XML, or declare a DOCTYPE or entities
    /// (never expanded).
    XmlSyntax,
    /// Well-formed XML that is not a BPMN 2.0 model.
    NotBpmn,
    /// A logo or signature of the identity sheet cannot be used (missing,
    /// outside the document's folder, not PNG/JPEG/SVG, too large).
    UnusableImage,
    /// Warning: something a BPMN model says that an SOP cannot (an
    /// inclusive gateway, a compensation, an event sub-process, an unnamed
    /// decision); the import carries it over as the mapping says.
    BpmnConstruct,
}

impl Code {
    /// The stable kebab-case name (`unknown-actor`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// Which activity a diagnostic is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityRef {
    /// 1-based row number, as printed in the "No" column.
    pub number: usize,
    /// The activity's id.
    pub id: String,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code.
    pub code: Code,
    /// JSON pointer to the offending value (`/activities/3/no`).
    pub path: String,
    /// The activity concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<ActivityRef>,
    /// 1-based line and column in the JSON text, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The spreadsheet cell, for documents read from a workbook
    /// (`Prosedur!E3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// What is wrong, in words a drafter understands (Indonesian unless
    /// the reader was asked for English).
    pub message: String,
    /// The message in English, when it was written in both languages.
    #[serde(skip)]
    pub english: Option<String>,
}

/// A diagnostic's message: its text, and its English where the text is
/// Indonesian. `"teks"` and `format!(…)` give a text alone,
/// `("teks", "text")` both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    text: String,
    english: Option<String>,
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Self {
            text,
            english: None,
        }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

impl<A: Into<String>, B: Into<String>> From<(A, B)> for Message {
    fn from((text, english): (A, B)) -> Self {
        Self {
            text: text.into(),
            english: Some(english.into()),
        }
    }
}

impl Diagnostic {
    /// An error at `path`.
    pub fn error(code: Code, path: impl Into<String>, message: impl Into<Message>) -> Self {
        Self::new(Severity::Error, code, path, message)
    }

    /// A warning at `path`.
    pub fn warning(code: Code, path: impl Into<String>, message: impl Into<Message>) -> Self {
        Self::new(Severity::Warning, code, path, message)
    }

    fn new(
        severity: Severity,
        code: Code,
        path: impl Into<String>,
        message: impl Into<Message>,
    ) -> Self {
        let message: Message = message.into();
        Self {
            severity,
            code,
            path: path.into(),
            activity: None,
            line: None,
            column: None,
            cell: None,
            message: message.text,
            english: message.english,
        }
    }

    /// Names the activity the diagnostic is about.
    pub fn at_activity(mut self, number: usize, id: &str) -> Self {
        self.activity = Some(ActivityRef {
            number,
            id: id.to_owned(),
        });
        self
    }

    /// Adds the line and column in the source text.
    pub fn at_line(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Names the spreadsheet cell (`Prosedur!E3`) the diagnostic is about.
    pub fn at_cell(mut self, cell: impl Into<String>) -> Self {
        self.cell = Some(cell.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// The diagnostic as one line in `lang` (the [`fmt::Display`] form is
    /// Indonesian). The message itself is in the language it was made in.
    pub fn display_in(&self, lang: Lang) -> String {
        let [error, warning, activity, line, column, at] = match lang {
            Lang::Id => ["galat", "peringatan", "kegiatan", "baris", "kolom", "di"],
            Lang::En => ["error", "warning", "activity", "line", "column", "at"],
        };
        let kind = match self.severity {
            Severity::Error => error,
            Severity::Warning => warning,
        };
        let mut text = format!("{kind} [{}]", self.code.name());
        if let Some(a) = &self.activity {
            text.push_str(&format!(" {activity} {} (id \"{}\")", a.number, a.id));
        }
        if let (Some(l), Some(c)) = (self.line, self.column) {
            text.push_str(&format!(" {line} {l} {column} {c}"));
        }
        if let Some(cell) = &self.cell {
            text.push_str(&format!(" {cell}"));
        } else if !self.path.is_empty() {
            text.push_str(&format!(" {at} {}", self.path));
        }
        text.push_str(&format!(": {}", self.message_in(lang)));
        text
    }

    /// The message in `lang` where it was written in it, else as written.
    pub fn message_in(&self, lang: Lang) -> &str {
        match (lang, &self.english) {
            (Lang::En, Some(english)) => english,
            _ => &self.message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(Lang::Id))
    }
}

/// Every problem found in a document, errors and warnings together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// True when the document could not be read at all (not JSON, not a
    /// workbook, not BPMN), as opposed to read and refused.
    pub fn is_unreadable(&self) -> bool {
        self.errors().any(|e| match e.code {
            Code::JsonSyntax
            | Code::UnreadableFile
            | Code::UnreadableWorkbook
            | Code::NoProcedureSheet
            | Code::XmlSyntax
            | Code::NotBpmn => true,
            // The file's kind, not the `format` field of a JSON document.
            Code::UnsupportedFormat => e.path.is_empty(),
            _ => false,
        })
    }

    /// True when at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| d.is_error())
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// The diagnostics with their messages in `lang` where known (for
    /// JSON output).
    pub fn in_lang(mut self, lang: Lang) -> Self {
        for d in &mut self.0 {
            d.message = d.message_in(lang).to_owned();
        }
        self
    }

    /// True when a diagnostic with this code is present.
    pub fn contains(&self, code: Code) -> bool {
        self.0.iter().any(|d| d.code == code)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

/// Everything that can go wrong in sopflow.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The document was refused; every problem is listed.
    #[error("the SOP document has errors:\n{0}")]
    Invalid(Diagnostics),
    /// An image field (logo, signature) could not be used.
    #[error("image in `{field}`: {reason}")]
    Image {
        /// JSON pointer of the field (`/identity/logo`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A written SVG page could not be read back for rasterising or PDF.
    #[error("page {page}: the SVG could not be read: {reason}")]
    SvgUnreadable {
        /// 1-based page of the document.
        page: usize,
        /// The SVG reader's words.
        reason: String,
    },
    /// A page is too large to rasterise at the asked resolution.
    #[error("page {page}: a {width} x {height} pixel image cannot be allocated; lower the DPI")]
    RasterTooLarge {
        /// 1-based page of the document.
        page: usize,
        /// Pixels across.
        width: u32,
        /// Pixels down.
        height: u32,
    },
    /// PNG encoding failed.
    #[error("page {page}: PNG encoding failed: {reason}")]
    PngEncoding {
        /// 1-based page of the document.
        page: usize,
        /// The encoder's words.
        reason: String,
    },
    /// A page could not be drawn into the PDF.
    #[error("page {page} could not be drawn into the PDF")]
    PdfPage {
        /// 1-based page of the document.
        page: usize,
    },
    /// The PDF could not be finished.
    #[error("the PDF could not be written: {reason}")]
    PdfDocument {
        /// The PDF writer's words.
        reason: String,
    },
    /// A workbook could not be written.
    #[error("the workbook could not be written: {reason}")]
    Workbook {
        /// What went wrong.
        reason: String,
    },
    /// A configuration value is out of range.
    #[error("configuration: {field} must be {expected}")]
    ConfigValue {
        /// The configuration key (`page.margins`).
        field: &'static str,
        /// What the value must be.
        expected: String,
    },
}
