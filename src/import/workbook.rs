//! Opening a workbook (XLSX, XLSM, XLS, ODS) with calamine and turning its
//! sheets into [`Grid`]s, after refusing what is not a workbook or would
//! unpack into far more than it weighs.

use super::grid::{Grid, Merge};
use super::{Lang, SheetLimits, t};
use crate::error::{Code, Diagnostic, Diagnostics};
use calamine::{Data, Reader, Sheets};
use std::io::Cursor;

/// Most bytes the parts of a zipped workbook may unpack into.
const MAX_UNPACKED_BYTES: u64 = 512 << 20;
/// Largest ratio of unpacked to packed size of one part above 1 MiB: real
/// sheets compress about 10:1, zip bombs 1000:1.
const MAX_PACKING_RATIO: u64 = 200;
/// Most parts in a zipped workbook.
const MAX_PARTS: usize = 10_000;

/// The first bytes of a compound file (`.xls`, encrypted `.xlsx`).
const CFB_MAGIC: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// The workbook formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WorkbookFormat {
    /// Office Open XML (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel 97–2003 (`.xls`).
    Xls,
    /// OpenDocument (`.ods`).
    Ods,
}

/// An open workbook: its sheet names in order and the means to read one.
pub(crate) struct Workbook {
    sheets: Sheets<Cursor<Vec<u8>>>,
    names: Vec<String>,
}

impl Workbook {
    /// Opens `bytes` as a workbook of `format`.
    pub fn open(bytes: Vec<u8>, format: WorkbookFormat, lang: Lang) -> Result<Self, Diagnostics> {
        let refuse = |en: String, id: String| {
            Diagnostic::error(Code::UnreadableWorkbook, "", t(lang, &id, &en))
        };
        if let Some(kind) = sniff_other(&bytes) {
            return super::fail(refuse(
                format!("this is {kind}, not a workbook"),
                format!("berkas ini {kind}, bukan buku kerja (workbook)")
                    .replace("an empty file", "kosong"),
            ));
        }
        if bytes.starts_with(CFB_MAGIC) {
            super::cfb_check::check(&bytes).map_err(|reason| {
                refuse(
                    format!("the file's structure is damaged ({reason}); open it in Excel or LibreOffice and save it again"),
                    format!("struktur berkas rusak ({reason}); buka di Excel atau LibreOffice lalu simpan ulang"),
                )
            })?;
        } else if format != WorkbookFormat::Xls {
            check_zip(&bytes, format, lang)?;
        }
        let cursor = Cursor::new(bytes);
        let sheets = guarded(move || match format {
            WorkbookFormat::Xlsx => calamine::Xlsx::new(cursor)
                .map(Sheets::Xlsx)
                .map_err(calamine::Error::Xlsx),
            WorkbookFormat::Xls => calamine::Xls::new(cursor)
                .map(Sheets::Xls)
                .map_err(calamine::Error::Xls),
            WorkbookFormat::Ods => calamine::Ods::new(cursor)
                .map(Sheets::Ods)
                .map_err(calamine::Error::Ods),
        });
        let sheets = sheets.map_err(|e| {
            let (en, id) = describe(&e);
            refuse(en, id)
        })?;
        let names = sheets.sheet_names();
        Ok(Self { sheets, names })
    }

    /// The names of the sheets, in workbook order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Reads one sheet into a grid, within `limits`.
    pub fn grid(
        &mut self,
        name: &str,
        limits: &SheetLimits,
        lang: Lang,
    ) -> Result<Grid, Diagnostics> {
        let sheets = &mut self.sheets;
        let mut grid = guarded(|| read_cells(sheets, name, limits, lang)).map_err(|e| {
            let (en, id) = describe(&e);
            Diagnostic::error(
                Code::UnreadableWorkbook,
                "",
                t(
                    lang,
                    &format!("sheet {name}: {id}"),
                    &format!("sheet {name}: {en}"),
                ),
            )
        })??;
        let sheets = &mut self.sheets;
        let merges = guarded(|| {
            Ok(match sheets {
                Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(name).unwrap_or_default(),
                Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(name).unwrap_or_default(),
                _ => Vec::new(),
            })
        })
        .unwrap_or_default();
        grid.merges = merges
            .into_iter()
            .map(|d| Merge {
                top: d.start.0 as usize,
                left: d.start.1 as usize,
                bottom: d.end.0 as usize,
                right: d.end.1 as usize,
            })
            .filter(|m| m.top <= m.bottom && m.left <= m.right)
            .collect();
        Ok(grid)
    }
}

/// Runs a calamine call, turning a panic inside it into an error: some
/// damaged files (a truncated XLS container) make calamine 0.38 index
/// past its buffer, and bad input must never bring the caller down.
fn guarded<T>(call: impl FnOnce() -> Result<T, calamine::Error>) -> Result<T, calamine::Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
        .unwrap_or(Err(calamine::Error::Msg("the file's structure is damaged")))
}

/// True when a panic comes from inside calamine, whose panics
/// the workbook readers turn into errors: a program's panic hook may leave them
/// unprinted.
pub fn is_reader_panic(location: &std::panic::Location<'_>) -> bool {
    location.file().contains("calamine")
}

/// Names a well-known file kind that is not a workbook.
fn sniff_other(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"%PDF") {
        Some("a PDF file")
    } else if starts(b"\x89PNG") {
        Some("a PNG image")
    } else if starts(b"\xff\xd8\xff") {
        Some("a JPEG image")
    } else if bytes.is_empty() {
        Some("an empty file")
    } else {
        None
    }
}

/// Refuses zip archives that would unpack into too much, before calamine
/// unpacks anything.
fn check_zip(bytes: &[u8], format: WorkbookFormat, lang: Lang) -> Result<(), Diagnostics> {
    let refuse =
        |id: String, en: String| Diagnostic::error(Code::UnreadableWorkbook, "", t(lang, &id, &en));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        refuse(
            format!("bukan buku kerja yang utuh (arsip zip rusak atau terpotong: {e})"),
            format!("not a complete workbook (broken or truncated zip archive: {e})"),
        )
    })?;
    if archive.len() > MAX_PARTS {
        return super::fail(refuse(
            format!(
                "buku kerja berisi {} bagian, melebihi batas {MAX_PARTS}",
                archive.len()
            ),
            format!(
                "the workbook has {} parts, more than the limit of {MAX_PARTS}",
                archive.len()
            ),
        ));
    }
    let mut total = 0u64;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(|e| {
            refuse(
                format!("bagian {i} buku kerja tidak terbaca: {e}"),
                format!("part {i} of the workbook cannot be read: {e}"),
            )
        })?;
        let (size, packed) = (part.size(), part.compressed_size().max(1));
        total = total.saturating_add(size);
        if size > 1 << 20 && size / packed > MAX_PACKING_RATIO || total > MAX_UNPACKED_BYTES {
            return super::fail(refuse(
                format!(
                    "buku kerja ditolak: bagian {} membengkak menjadi {size} bita (bom zip?)",
                    part.name().unwrap_or_default()
                ),
                format!(
                    "workbook refused: part {} unpacks into {size} bytes (a zip bomb?)",
                    part.name().unwrap_or_default()
                ),
            ));
        }
    }
    if format == WorkbookFormat::Ods
        && let Ok(content) = archive.by_name("content.xml")
    {
        use super::ods_check::{MAX_CELLS, Refusal};
        super::ods_check::check(content).map_err(|refusal| match refusal {
            Refusal::TooManyCells => refuse(
                format!(
                    "buku kerja ditolak: tabelnya membengkak menjadi lebih dari {MAX_CELLS} sel"
                ),
                format!("workbook refused: its tables unpack into more than {MAX_CELLS} cells"),
            ),
            Refusal::Unreadable(e) => refuse(
                format!("bagian content.xml tidak terbaca: {e}"),
                format!("part content.xml cannot be read: {e}"),
            ),
        })?;
    }
    Ok(())
}

/// calamine's error in a drafter's words, English and Indonesian.
fn describe(error: &calamine::Error) -> (String, String) {
    let text = error.to_string();
    if text.contains("structure is damaged") {
        (
            "the file's structure is damaged; open it in Excel or LibreOffice and save it again"
                .into(),
            "struktur berkas rusak; buka di Excel atau LibreOffice lalu simpan ulang".into(),
        )
    } else if text.contains("password") {
        (
            "the workbook is password-protected; save it without a password".into(),
            "buku kerja dilindungi kata sandi; simpan tanpa kata sandi".into(),
        )
    } else {
        (
            format!("not a readable workbook ({text})"),
            format!("bukan buku kerja yang dapat dibaca ({text})"),
        )
    }
}

/// Builds a grid cell by cell, refusing a cell beyond the sheet limits
/// (so that no sheet is ever held as one dense block).
struct GridBuilder<'a> {
    grid: Grid,
    limits: &'a SheetLimits,
    lang: Lang,
}

impl<'a> GridBuilder<'a> {
    fn new(name: &str, limits: &'a SheetLimits, lang: Lang) -> Self {
        Self {
            grid: Grid {
                name: name.to_owned(),
                ..Grid::default()
            },
            limits,
            lang,
        }
    }

    fn push(&mut self, row: usize, col: usize, value: &Data) -> Result<(), Diagnostics> {
        let (limits, lang) = (self.limits, self.lang);
        let refuse = |id: String, en: String| {
            super::fail(
                Diagnostic::error(Code::LimitExceeded, "", t(lang, &id, &en))
                    .at_cell(self.grid.cell_ref(row, col)),
            )
        };
        let name = &self.grid.name;
        if row >= limits.max_rows {
            return refuse(
                format!("sheet {name} memakai lebih dari {} baris", limits.max_rows),
                format!("sheet {name} uses more than {} rows", limits.max_rows),
            );
        }
        if col >= limits.max_columns {
            return refuse(
                format!(
                    "sheet {name} memakai lebih dari {} kolom",
                    limits.max_columns
                ),
                format!("sheet {name} uses more than {} columns", limits.max_columns),
            );
        }
        let text = cell_text(value);
        if text.chars().count() > limits.max_cell_chars {
            return refuse(
                format!("sel berisi lebih dari {} karakter", limits.max_cell_chars),
                format!(
                    "the cell holds more than {} characters",
                    limits.max_cell_chars
                ),
            );
        }
        let rows = &mut self.grid.rows;
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        let cells = &mut rows[row];
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
        Ok(())
    }
}

/// Reads a sheet cell by cell: XLSX through calamine's streaming reader,
/// the others from their range (XLS extents are checked beforehand).
fn read_cells(
    sheets: &mut Sheets<Cursor<Vec<u8>>>,
    name: &str,
    limits: &SheetLimits,
    lang: Lang,
) -> Result<Result<Grid, Diagnostics>, calamine::Error> {
    let mut builder = GridBuilder::new(name, limits, lang);
    if let Sheets::Xlsx(xlsx) = sheets {
        let mut cells = xlsx.worksheet_cells_reader(name)?;
        while let Some(cell) = cells.next_cell()? {
            let (row, col) = cell.get_position();
            let value = Data::from(cell.get_value().clone());
            if let Err(d) = builder.push(row as usize, col as usize, &value) {
                return Ok(Err(d));
            }
        }
        return Ok(Ok(builder.grid));
    }
    let range = sheets.worksheet_range(name)?;
    let (top, left) = range.start().unwrap_or((0, 0));
    for (r, c, value) in range.used_cells() {
        if let Err(d) = builder.push(top as usize + r, left as usize + c, value) {
            return Ok(Err(d));
        }
    }
    Ok(Ok(builder.grid))
}

/// The text of a cell as a drafter reads it: whole numbers without a
/// decimal point, dates as ISO dates.
fn cell_text(value: &Data) -> String {
    match value {
        Data::String(s) => super::clean_text(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            if (h, min, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else if d.as_f64() < 1.0 {
                format!("{h:02}:{min:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02} {h:02}:{min:02}")
            }
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e}"),
        Data::Empty => String::new(),
    }
}

/// A number as typed: `5` not `5.0`.
pub(crate) fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
